/*
 * figures_bench.h (store): the queries behind the benchmark between
 * municipalities, ambulantisering, quotes and the most expensive youths
 * (service/figures_bench.h). Written once here in the SQL SQLite and
 * PostgreSQL share; dates and declaration months are bound as ISO text.
 *
 * Kinds of care by the iJw product category of the assignment or line:
 * ambulant is category 45 (keuzebudget and quote hours, dyslexie),
 * wonen/verblijf 43 and 44; crisis (46) is neither.
 *
 * gemeente and agb are optional filters (NULL: any): the assignment's,
 * referral's or batch's municipality, and the provider's AGB. The service
 * decides which filters a principal gets.
 *
 * Ownership: results are copied into the caller's structs; a list hands
 * each row to its callback in a buffer of its own, valid for that call
 * only (non-zero from the callback stops the list).
 */
#ifndef JR_STORE_FIGURES_BENCH_H
#define JR_STORE_FIGURES_BENCH_H

#include "../domain/date.h"
#include "../domain/money.h"
#include "store.h"

#include <stdbool.h>
#include <stdint.h>

/* One assignment run: an assignment (not withdrawn) from its start_date
 * to the earlier of its end_date and care_stop, on at least one day of
 * first..last (domain/runs.h counts them). */
typedef struct {
    char gemeente[5];
    char category[3]; /* the iJw product category */
    int64_t youth_id;
    jr_date start, end; /* end: the run's end */
} store_fb_run;

/* store_fb_runs_each: the runs of gemeente (NULL: of every municipality)
 * and provider agb (NULL: any), in no particular order, from the covering
 * index assignment_run (migration 013). fn sees a const store_fb_run *. */
jr_status store_fb_runs_each(jr_store *st, jr_date first, jr_date last, const char *gemeente,
                             const char *agb, int (*fn)(void *ud, const void *row), void *ud,
                             jr_error *err);

/* The accepted amount (debits minus credits) of one product in the
 * batches of months first..last, from the spending summary the import
 * keeps (spend_month, spend_region_month: migration 011); the service
 * knows each product's kind from the catalog. */
typedef struct {
    char key[8];     /* the month YYYY-MM (store_fb_product_months), else "" */
    char product[8]; /* the line's iJw product code */
    jr_cents cents;
} store_fb_product_cents;

/* store_fb_product_cents_each: per product of gemeente (NULL: the region). */
jr_status store_fb_product_cents_each(jr_store *st, jr_month first, jr_month last,
                                      const char *gemeente, const char *agb,
                                      int (*fn)(void *ud, const void *row), void *ud,
                                      jr_error *err);
/* store_fb_product_months: per month and product of gemeente (NULL: the
 * region), in month order; months without lines are absent. */
jr_status store_fb_product_months(jr_store *st, jr_month first, jr_month last, const char *gemeente,
                                  const char *agb, int (*fn)(void *ud, const void *row), void *ud,
                                  jr_error *err);

/* The distinct youths with an accepted line in the batches of months
 * first..last, paid by one municipality (key its CBS code) or by any
 * (key ""). */
typedef struct {
    char key[5];
    int64_t youths;
} store_fb_youths;

/* store_fb_spend_youths_each: one row per paying municipality with such a
 * youth, and the region's (key "") when there is one; of provider agb
 * (NULL: any). first and last lie in one year (JR_EINVAL otherwise): the
 * summary (spend_youth, spend_year) holds a youth's months per year. */
jr_status store_fb_spend_youths_each(jr_store *st, jr_month first, jr_month last, const char *agb,
                                     int (*fn)(void *ud, const void *row), void *ud, jr_error *err);

/* One quote requested from first to last (its referral's municipality,
 * the provider asked). */
typedef struct {
    int64_t id;
    int64_t youth_id; /* the referral's youth */
    char referrer_type[3];
    char route[16];
    char agb[9];
    char provider_name[96];
    char status[16];   /* aangevraagd | beantwoord | geaccepteerd | afgewezen */
    jr_date requested; /* requested_date */
    jr_date answered;  /* answered_date; JR_DATE_NONE when the provider did not answer */
} store_fb_quote;

/* store_fb_quotes_each: the quotes with requested_date in first..last, in id order. */
jr_status store_fb_quotes_each(jr_store *st, jr_date first, jr_date last, const char *gemeente,
                               const char *agb, int (*fn)(void *ud, const void *row), void *ud,
                               jr_error *err);

/* One youth by accepted amount in the batches of months first..last. */
typedef struct {
    int64_t youth_id;
    char bsn[10];
    char gemeente[5]; /* the youth's municipality of residence */
    jr_cents cents;   /* accepted debits minus accepted credits */
    int64_t assignments;
} store_fb_youth;

/* store_fb_expensive_each: the at most limit youths with the highest
 * accepted amount (ties by youth id) paid by gemeente (NULL: any) on the
 * batches of provider agb (NULL: any), highest first; youths whose amount
 * is not above zero are left out. */
jr_status store_fb_expensive_each(jr_store *st, jr_month first, jr_month last, const char *gemeente,
                                  const char *agb, int64_t limit,
                                  int (*fn)(void *ud, const void *row), void *ud, jr_error *err);

/* One assignment behind a youth's amount. */
typedef struct {
    int64_t assignment_id;
    char number[24];
    char agb[9];
    char provider_name[96];
    char product[8]; /* the assignment's iJw product code ("" or a code for budgets) */
    bool is_budget;
    char budget[8]; /* the referral's keuzebudget; "" when none */
    char route[16]; /* the referral's route; "" without a referral */
    char status[16];
    jr_date start, end;
    jr_cents cents; /* its accepted amount in the months */
} store_fb_youth_assignment;

/* store_fb_youth_assignments_each: the assignments of youth_id with
 * accepted lines in the batches of months first..last paid by gemeente
 * (NULL: any) of provider agb (NULL: any), highest amount first (ties by
 * number). */
jr_status store_fb_youth_assignments_each(jr_store *st, int64_t youth_id, jr_month first,
                                          jr_month last, const char *gemeente, const char *agb,
                                          int (*fn)(void *ud, const void *row), void *ud,
                                          jr_error *err);

#endif

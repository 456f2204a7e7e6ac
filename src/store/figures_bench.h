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

/* The assignments (not withdrawn) that run on at least one day of
 * first..last (start_date to the earlier of end_date and care_stop), of
 * one municipality (or of all, grouped per municipality). */
typedef struct {
    char gemeente[5];        /* "" for the ungrouped total */
    int64_t youths;          /* distinct youths */
    int64_t started;         /* assignments with start_date in first..last */
    int64_t started_youths;  /* distinct youths of those */
    int64_t ambulant_youths; /* distinct youths with an active category 45 assignment */
    int64_t verblijf_youths; /* distinct youths with an active category 43/44 assignment */
} store_fb_kinds;

/* store_fb_kinds_total: one municipality's (gemeente) or the region's (NULL). */
jr_status store_fb_kinds_total(jr_store *st, jr_date first, jr_date last, const char *gemeente,
                               const char *agb, store_fb_kinds *out, jr_error *err);
/* store_fb_kinds_each: per municipality, in CBS order (only those with a
 * running assignment). fn sees a const store_fb_kinds *. */
jr_status store_fb_kinds_each(jr_store *st, jr_date first, jr_date last, const char *agb,
                              int (*fn)(void *ud, const void *row), void *ud, jr_error *err);

/* The accepted declaration lines of the batches of months first..last:
 * debits minus credits, in total and per kind, and the distinct youths
 * behind them. */
typedef struct {
    char key[8]; /* the municipality (per municipality) or the month YYYY-MM (per month) */
    jr_cents cents;
    jr_cents ambulant_cents; /* lines of category 45 */
    jr_cents verblijf_cents; /* lines of category 43 and 44 */
    int64_t youths;
} store_fb_spend;

jr_status store_fb_spend_total(jr_store *st, jr_month first, jr_month last, const char *gemeente,
                               const char *agb, store_fb_spend *out, jr_error *err);
/* store_fb_spend_each: per municipality (key the CBS code), in CBS order. */
jr_status store_fb_spend_each(jr_store *st, jr_month first, jr_month last, const char *agb,
                              int (*fn)(void *ud, const void *row), void *ud, jr_error *err);
/* store_fb_spend_months: per batch month (key YYYY-MM) of gemeente (NULL:
 * all), in month order; months without lines are absent. */
jr_status store_fb_spend_months(jr_store *st, jr_month first, jr_month last, const char *gemeente,
                                const char *agb, int (*fn)(void *ud, const void *row), void *ud,
                                jr_error *err);

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
 * accepted amount (ties by youth id) paid by gemeente (NULL: any), highest
 * first; youths whose amount is not above zero are left out. */
jr_status store_fb_expensive_each(jr_store *st, jr_month first, jr_month last, const char *gemeente,
                                  int64_t limit, int (*fn)(void *ud, const void *row), void *ud,
                                  jr_error *err);

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
 * (NULL: any), highest amount first (ties by number). */
jr_status store_fb_youth_assignments_each(jr_store *st, int64_t youth_id, jr_month first,
                                          jr_month last, const char *gemeente,
                                          int (*fn)(void *ud, const void *row), void *ud,
                                          jr_error *err);

#endif

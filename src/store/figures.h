/*
 * figures.h (store): the aggregate queries behind the monitor's first
 * figures (service/figures.c): referrals
 * by referrer type and route, and spending over the accepted declaration
 * lines. Written once here in the SQL SQLite and PostgreSQL share; dates
 * and declaration months are compared as ISO text, bound.
 *
 * Every query takes the optional filters gemeente (the assignment's,
 * referral's or declaration batch's municipality) and agb (the provider's;
 * for referrals: those that led to an assignment of that provider), NULL
 * for none. The service decides which filters a principal gets.
 *
 * Ownership: results are copied into the caller's structs; a grouped list
 * hands each row to its callback in a buffer of its own, valid for that
 * call only (non-zero from the callback stops the list).
 */
#ifndef JR_STORE_FIGURES_H
#define JR_STORE_FIGURES_H

#include "../domain/date.h"
#include "../domain/money.h"
#include "store.h"

#include <stddef.h>
#include <stdint.h>

/* Referrals with referral_date in first..last, counted per referrer type,
 * route and keuzebudget (budget "" for the other routes). */
typedef struct {
    char referrer_type[3];
    char route[16]; /* budget | offerte | verblijf | crisis | dyslexie */
    char budget[8];
    int64_t n;
} store_fig_referral_row;

typedef int (*store_fig_fn)(void *ud, const void *row);

jr_status store_figures_referrals(jr_store *st, jr_date first, jr_date last, const char *gemeente,
                                  const char *agb, store_fig_fn fn, void *ud, jr_error *err);

/* The accepted declaration lines whose batch period (YYYY-MM) lies in
 * first..last (months): debits minus credits, and the distinct youths and
 * assignments behind them. Read from the spending summary the import
 * writes with each batch (migration 011: spend_month for the amounts,
 * spend_year for the distinct youths and assignments), never from the
 * lines. */
typedef struct {
    jr_cents cents;
    int64_t youths;
    int64_t assignments;
} store_fig_spend_total;

jr_status store_figures_spend_total(jr_store *st, jr_month first, jr_month last,
                                    const char *gemeente, const char *agb,
                                    store_fig_spend_total *out, jr_error *err);

/* The same lines summed per product and provider, ordered by product, AGB. */
typedef struct {
    char product[8];
    char agb[9];
    char provider_name[96];
    jr_cents cents;
} store_fig_spend_row;

jr_status store_figures_spend_groups(jr_store *st, jr_month first, jr_month last,
                                     const char *gemeente, const char *agb, store_fig_fn fn,
                                     void *ud, jr_error *err);

/* ---- the spending summary (migration 011), written by the import ----
 *
 * spend_month holds per paying municipality, batch month, provider and
 * product the accepted amount (debits minus credits) and the number of
 * accepted lines, spend_region_month the same summed over the
 * municipalities (a row with gemeente "" goes there); spend_year per year, municipality, provider
 * and assignment the youth, the months with an accepted line (bit m-1 for month m) and the accepted
 * amount; spend_youth per year, municipality (and
 * '' for the region) and youth the months. The import sums its accepted lines in memory
 * and adds the sums in the transaction that stores the lines (see
 * service/spend_acc.h), so the summary always equals the lines. */
typedef struct {
    jr_month month;
    char gemeente[5];
    int64_t provider_id;
    char product[8];
    jr_cents amount;
    int64_t lines;
} store_spend_month_row;

typedef struct {
    int32_t year;
    char gemeente[5];
    int64_t provider_id;
    int64_t assignment_id;
    int64_t youth_id;
    int64_t months; /* bit m-1: an accepted line in month m */
    jr_cents amount;
} store_spend_year_row;

typedef struct {
    int32_t year;
    char gemeente[5]; /* "" for the region */
    int64_t youth_id;
    int64_t months;
} store_spend_youth_row;

/* store_spend_month_add, store_spend_year_add, store_spend_youth_add: add rows[0..n) to the
 * summary (a new key is inserted; an existing one adds the amount and the
 * lines, or the months), in the caller's transaction; rows in key order
 * touch the table's pages in order. */
jr_status store_spend_month_add(jr_store *st, const store_spend_month_row *rows, size_t n,
                                jr_error *err);
jr_status store_spend_year_add(jr_store *st, const store_spend_year_row *rows, size_t n,
                               jr_error *err);
jr_status store_spend_youth_add(jr_store *st, const store_spend_youth_row *rows, size_t n,
                                jr_error *err);
/* store_spend_product_add: the same for spend_product_month (migration
 * 022: spend_month without the provider; gemeente "" the region's row),
 * each row's provider_id unread. */
jr_status store_spend_product_add(jr_store *st, const store_spend_month_row *rows, size_t n,
                                  jr_error *err);

#endif

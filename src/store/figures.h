/*
 * figures.h (store): the aggregate queries behind the monitor's first
 * figures (service/figures.c): volume over the assignment table, referrals
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

#include <stdint.h>

/* The volume of assignments that are not withdrawn and run on at least one
 * day of first..last. An assignment runs from start_date to its end: the
 * earlier of end_date and care_stop (when care was stopped). */
typedef struct {
    int64_t youths;  /* distinct youths */
    int64_t active;  /* assignments */
    int64_t started; /* of them, start_date in first..last */
    int64_t ended;   /* of them, the end in first..last */
} store_fig_volume;

/* store_figures_volume: the volume of first..last (both included). */
jr_status store_figures_volume(jr_store *st, jr_date first, jr_date last, const char *gemeente,
                               const char *agb, store_fig_volume *out, jr_error *err);

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

#endif

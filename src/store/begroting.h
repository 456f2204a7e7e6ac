/*
 * begroting.h (store): the yearly budgets (begroting, migration 012) and
 * the queries behind budget control (service/budgetctl.c): realised
 * spending per municipality, month and product from the spending summary
 * (spend_month, migration 011), and the open assignments whose unspent
 * part is committed spending, with the months of the year in which each
 * has an accepted line (spend_year). Written once here in the SQL SQLite
 * and PostgreSQL share.
 *
 * The service keeps the rules (who may set, which voorziening and taakveld,
 * how a commitment is apportioned); these functions only read and write
 * rows. Optional filters are NULL for none.
 *
 * Ownership: rows are copied into the caller's structs; a list hands each
 * row to its callback in a buffer of its own, valid for that call only
 * (non-zero from the callback stops the list).
 */
#ifndef JR_STORE_BEGROTING_H
#define JR_STORE_BEGROTING_H

#include "../domain/date.h"
#include "../domain/money.h"
#include "store.h"

#include <stdbool.h>
#include <stdint.h>

/* One begroting row. taakveld "" for none. */
typedef struct {
    char gemeente[5];
    int32_t year;
    char voorziening[12]; /* ambulant | verblijf | crisis | dyslexie | overig */
    jr_cents amount;
    char taakveld[5]; /* "6.72", "6.73", "6.74" or "" */
    char set_by[64];  /* the user who set it */
    char set_at[STORE_TS_LEN];
} store_begroting_row;

/* store_begroting_get: the row of gemeente, year, voorziening in *out;
 * JR_ENOTFOUND (err untouched) when none is set. */
jr_status store_begroting_get(jr_store *st, const char *gemeente, int32_t year,
                              const char *voorziening, store_begroting_row *out, jr_error *err);
/* store_begroting_put: inserts r, or replaces the row with its key (set_at
 * is set to now; r->set_at is not read). */
jr_status store_begroting_put(jr_store *st, const store_begroting_row *r, jr_error *err);
/* store_begroting_list: fn(ud, const store_begroting_row *) for each row of
 * year (and gemeente, NULL: every municipality), by municipality and
 * voorziening. */
jr_status store_begroting_list(jr_store *st, const char *gemeente, int32_t year,
                               int (*fn)(void *ud, const void *row), void *ud, jr_error *err);

/* Realised spending: one municipality's accepted amount (debits minus
 * credits) and accepted lines of one batch month and product. */
typedef struct {
    char gemeente[5];
    jr_month month;
    char product[8];
    jr_cents cents;
    int64_t lines;
} store_bc_spend_row;

/* store_begroting_spend: the accepted amounts and lines per
 * municipality, month and product (spend_product_month, migration 022:
 * spend_month summed over the providers) for the months first..last (both
 * included) of gemeente (NULL: every municipality), by municipality,
 * month, product. A municipality's months are one range of the table's
 * key; the region reads every municipality's rows (not the region's own),
 * as its sum is made per municipality. */
jr_status store_begroting_spend(jr_store *st, jr_month first, jr_month last, const char *gemeente,
                                int (*fn)(void *ud, const void *row), void *ud, jr_error *err);

/* An open assignment (status actief) whose run (start_date to the earlier
 * of end_date and care_stop) meets first..last, with what it used so far
 * (assignment_use; 0 when it has no row) and the months of year in which
 * it has an accepted line (spend_year.months: bit m-1 for month m). */
typedef struct {
    int64_t id;
    char gemeente[5];
    char product[8]; /* "" for a budget assignment */
    bool is_budget;
    jr_cents budget;
    int64_t volume; /* the granted total in unit, when !is_budget */
    char unit[3];
    jr_cents used;     /* accepted amount so far */
    int64_t used_base; /* accepted volume so far in base units (minutes, etmalen) */
    jr_date start, run_end;
    uint32_t months; /* of year */
} store_bc_assignment_row;

jr_status store_begroting_open_assignments(jr_store *st, jr_date first, jr_date last, int32_t year,
                                           const char *gemeente,
                                           int (*fn)(void *ud, const void *row), void *ud,
                                           jr_error *err);

#endif

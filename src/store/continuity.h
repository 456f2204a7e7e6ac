/*
 * continuity.h (store): the providers' yearly figures of continuity
 * (continuity_accounts, migration 017), read and written in the SQL
 * SQLite and PostgreSQL share. A missing figure is stored as NULL and read
 * back as has[f] false. The service (service/continuity.c) keeps the
 * rules: who may, what a row must hold, the signals.
 *
 * Ownership: rows are copied into the caller's structs; a list hands each
 * row to its callback in a buffer of its own, valid for that call only
 * (non-zero from the callback stops the list).
 */
#ifndef JR_STORE_CONTINUITY_H
#define JR_STORE_CONTINUITY_H

#include "../domain/continuity.h"
#include "store.h"

/* One stored row: the figures and where they came from. */
typedef struct {
    jr_cont_accounts a;
    char imported_by[64];
    char imported_at[STORE_TS_LEN];
    char source[128];
} store_cont_row;

/* store_continuity_get: the row of agb and year in *out; JR_ENOTFOUND
 * (err untouched) when there is none. */
jr_status store_continuity_get(jr_store *st, const char *agb, int32_t year, store_cont_row *out,
                               jr_error *err);
/* store_continuity_put: inserts r, or replaces the row of its agb and
 * year whole (imported_at is set to now; r->imported_at is not read). */
jr_status store_continuity_put(jr_store *st, const store_cont_row *r, jr_error *err);
/* store_continuity_list: fn(ud, const store_cont_row *) for each row of
 * year (0: every year) and agb (NULL: every provider), by year and AGB. */
jr_status store_continuity_list(jr_store *st, int32_t year, const char *agb,
                                int (*fn)(void *ud, const void *row), void *ud, jr_error *err);

#endif

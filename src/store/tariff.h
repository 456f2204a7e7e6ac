/*
 * tariff.h (store): the norms of the tariff model per year and the
 * adoptions of a next year's catalog (migration 020), in the SQL SQLite and
 * PostgreSQL share. The service (service/tariff.c) keeps the rules: who
 * may, what a norm must hold, the build-up.
 *
 * Ownership: rows are copied into the caller's structs.
 */
#ifndef JR_STORE_TARIFF_H
#define JR_STORE_TARIFF_H

#include "../domain/tariff.h"
#include "store.h"

/* Who last changed a year's norms, and when. */
typedef struct {
    char updated_by[64];
    char updated_at[STORE_TS_LEN];
} store_tariff_meta;

/* store_tariff_norms_get: the norms of year (the year's row, every
 * functiegroep and intensity by code) into *out, who changed them last
 * into *meta (may be NULL); JR_ENOTFOUND (err untouched) without a row of
 * that year. */
jr_status store_tariff_norms_get(jr_store *st, int32_t year, jr_tariff_norms *out,
                                 store_tariff_meta *meta, jr_error *err);
/* store_tariff_years: fn(ud, const jr_tariff_norms *) for each year with
 * norms, oldest first (only the year's own fields: nfg and nint 0). */
jr_status store_tariff_years(jr_store *st, int (*fn)(void *ud, const void *row), void *ud,
                             jr_error *err);
/* store_tariff_norms_replace: the year of n with exactly n's norms (the
 * functiegroepen and intensities of that year it had before are gone). */
jr_status store_tariff_norms_replace(jr_store *st, const jr_tariff_norms *n, const char *actor,
                                     jr_error *err);
/* store_tariff_year_put: the year's own fields of n (cao, index, example,
 * source), inserted or replaced. */
jr_status store_tariff_year_put(jr_store *st, const jr_tariff_norms *n, const char *actor,
                                jr_error *err);
/* store_tariff_fg_put / store_tariff_int_put: one norm of year, inserted
 * or replaced. */
jr_status store_tariff_fg_put(jr_store *st, int32_t year, const jr_tariff_fg_norm *f,
                              jr_error *err);
jr_status store_tariff_int_put(jr_store *st, int32_t year, const jr_tariff_int_norm *i,
                               jr_error *err);

/* One adoption. */
typedef struct {
    int64_t id;
    int32_t year;
    char basis[8];
    int64_t products;
    jr_cents total_cents;
    char adopted_by[64];
    char adopted_at[STORE_TS_LEN];
} store_tariff_adoption;

/* store_tariff_adoption_add: records a; its id into a->id. */
jr_status store_tariff_adoption_add(jr_store *st, store_tariff_adoption *a, jr_error *err);
/* store_tariff_adoption_last: the latest adoption of year; JR_ENOTFOUND
 * (err untouched) when there is none. */
jr_status store_tariff_adoption_last(jr_store *st, int32_t year, store_tariff_adoption *out,
                                     jr_error *err);

#endif

/*
 * providers.h: the provider and contract tables: providers (aanbieders)
 * known by their AGB code, and their contracts per lot and product.
 *
 * The queries of the provider service (service/provider.c) and of the
 * demo's emptiness check, written once here in the SQL SQLite and
 * PostgreSQL share. The service keeps the rules (valid AGB codes, lots and
 * products of the catalog); these functions only read and write rows.
 *
 * Ownership: texts are copied into the caller's row structs; a list hands
 * each row to its callback in a buffer of its own, valid for that call only
 * (non-zero from the callback stops the list).
 */
#ifndef JR_STORE_PROVIDERS_H
#define JR_STORE_PROVIDERS_H

#include "../domain/date.h"
#include "store.h"

#include <stdbool.h>
#include <stdint.h>

/* One provider row. */
typedef struct {
    int64_t id;
    char agb[9];
    char name[128];
    char kind[16]; /* instelling | vrijgevestigde */
} jr_provider;

/* One contract row, with its provider's AGB code. */
typedef struct {
    int64_t id;
    char agb[9];
    char lot[16];
    char product[8];
    jr_date start;
    jr_date end; /* JR_DATE_NONE when open */
} jr_contract;

/* store_provider_insert: a new provider row created now; its id in *id (may
 * be NULL). JR_ECONFLICT (err filled) when the AGB code is taken. */
jr_status store_provider_insert(jr_store *st, const char *agb, const char *name, const char *kind,
                                int64_t *id, jr_error *err);
/* store_provider_by_agb: the provider with AGB code agb in *out;
 * JR_ENOTFOUND (err untouched: the caller says what is missing). */
jr_status store_provider_by_agb(jr_store *st, const char *agb, jr_provider *out, jr_error *err);
/* store_provider_list: fn(ud, const jr_provider *) for each provider by AGB
 * code; non-zero from fn stops. */
jr_status store_provider_list(jr_store *st, int (*fn)(void *ud, const void *row), void *ud,
                              jr_error *err);
/* store_provider_count: the number of providers in *n. */
jr_status store_provider_count(jr_store *st, int64_t *n, jr_error *err);

/* store_contract_insert: a contract of provider_id for product of lot from
 * start to end (JR_DATE_NONE: open), created now. */
jr_status store_contract_insert(jr_store *st, int64_t provider_id, const char *lot,
                                const char *product, jr_date start, jr_date end, jr_error *err);
/* store_contract_list: fn(ud, const jr_contract *) for each contract of the
 * provider with AGB code agb (NULL: every provider's), by AGB code, product
 * and id. */
jr_status store_contract_list(jr_store *st, const char *agb, int (*fn)(void *ud, const void *row),
                              void *ud, jr_error *err);
/* store_contract_covers: does provider_id hold a contract for product that
 * runs over all of from..to? Answer in *out. */
jr_status store_contract_covers(jr_store *st, int64_t provider_id, const char *product,
                                jr_date from, jr_date to, bool *out, jr_error *err);

#endif

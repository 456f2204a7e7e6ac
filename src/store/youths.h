/*
 * youths.h: the youth table: youths (jeugdigen) known by BSN, each living in
 * one municipality of the region.
 *
 * The queries of the youth service (service/youth.c), written once here in
 * the SQL SQLite and PostgreSQL share. The service keeps the rules (the BSN's
 * 11-check, who may see whom); these functions only read and write rows.
 *
 * Ownership: texts are copied into the caller's row structs.
 */
#ifndef JR_STORE_YOUTHS_H
#define JR_STORE_YOUTHS_H

#include "../domain/date.h"
#include "store.h"

#include <stdbool.h>
#include <stdint.h>

/* One youth row. */
typedef struct {
    int64_t id;
    char bsn[10];
    jr_date birth;
    char gemeente[5];
} jr_youth;

/* store_youth_insert: a new youth row created now; its id in *id (may be
 * NULL). JR_ECONFLICT (err filled) when the BSN is registered already. */
jr_status store_youth_insert(jr_store *st, const char *bsn, jr_date birth, const char *gemeente,
                             int64_t *id, jr_error *err);
/* store_youth_by_bsn, store_youth_get: the youth with that BSN or id in
 * *out; JR_ENOTFOUND (err untouched: the caller says what is missing). */
jr_status store_youth_by_bsn(jr_store *st, const char *bsn, jr_youth *out, jr_error *err);
jr_status store_youth_get(jr_store *st, int64_t id, jr_youth *out, jr_error *err);
/* store_youth_known_to: does the provider with AGB code agb hold an
 * assignment for youth youth_id? Answer in *out. */
jr_status store_youth_known_to(jr_store *st, int64_t youth_id, const char *agb, bool *out,
                               jr_error *err);

#endif

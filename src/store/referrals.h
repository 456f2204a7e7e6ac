/*
 * referrals.h: the referral table: referrals (verwijzingen) of a youth, in
 * the youth's municipality, with the route the referrer asked for.
 *
 * The queries of the referral service (service/referrals.c), written once
 * here in the SQL SQLite and PostgreSQL share. The service keeps the rules
 * (which referrer may ask what, who may see which referral); these
 * functions only read and write rows.
 *
 * Ownership: texts are copied into the caller's row structs; a list hands
 * each row to its callback in a buffer of its own, valid for that call only
 * (non-zero from the callback stops the list).
 */
#ifndef JR_STORE_REFERRALS_H
#define JR_STORE_REFERRALS_H

#include "../domain/referral.h"
#include "store.h"

#include <stdint.h>

/* One referral row, with its youth's BSN. */
typedef struct {
    int64_t id;
    int64_t youth_id;
    char bsn[10];
    char gemeente[5];
    char referrer_name[96];
    jr_referral_req req;
    char status[16]; /* open | toegewezen | afgesloten */
} jr_referral;

/* What a new referral row holds; the caller owns the strings. */
typedef struct {
    int64_t youth_id;
    const char *gemeente;
    const char *referrer_type;
    const char *referrer_name;
    jr_route route;
    const char *budget;  /* route budget, else NULL */
    const char *product; /* iJw code for verblijf, crisis, dyslexie, else NULL */
    int64_t volume;      /* stored with product only */
    const char *result;
    jr_date date;
} jr_referral_new;

/* store_referral_insert: a new open referral created now; its id in *id
 * (may be NULL). */
jr_status store_referral_insert(jr_store *st, const jr_referral_new *r, int64_t *id, jr_error *err);
/* store_referral_get: referral id in *out; JR_ENOTFOUND (err untouched:
 * the caller says what is missing). */
jr_status store_referral_get(jr_store *st, int64_t id, jr_referral *out, jr_error *err);
/* store_referral_list: fn(ud, const jr_referral *) for each referral, by id,
 * of the youth with BSN bsn and/or of municipality gemeente (NULL: any). */
jr_status store_referral_list(jr_store *st, const char *bsn, const char *gemeente,
                              int (*fn)(void *ud, const void *row), void *ud, jr_error *err);
/* store_referral_set_status: sets the status of referral id. */
jr_status store_referral_set_status(jr_store *st, int64_t id, const char *status, jr_error *err);

#endif

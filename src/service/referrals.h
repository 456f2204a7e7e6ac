/*
 * referrals.h: the verwijzen process: a legal referrer refers a youth for a
 * route the region allows that referrer (domain/referral.h decides).
 */
#ifndef JR_REFERRALS_H
#define JR_REFERRALS_H

#include "../domain/referral.h"
#include "../store/referrals.h"
#include "svc.h"

/* jr_referral, the referral row, is declared in store/referrals.h. */

/* referral_create: checks the route rules, stores the referral for the youth
 * with BSN bsn (registered before), in the youth's municipality. An
 * unknown youth stops the checks (youth_unknown); then the request
 * (referral_check) and the date (not in the future) are checked before
 * refusing: err holds the first refusal, err's list (jr_error_collect)
 * each of them in field order. */
jr_status referral_create(const jr_ctx *ctx, const char *bsn, const jr_referral_req *req,
                          const char *referrer_name, int64_t *id, jr_error *err);
jr_status referral_get(const jr_ctx *ctx, int64_t id, jr_referral *out, jr_error *err);
/* referral_list: each jr_referral of the youth with BSN bsn (all when NULL). */
jr_status referral_list(const jr_ctx *ctx, const char *bsn, jr_row_fn fn, void *ud, jr_error *err);
/* referral_set_status: internal to the services (assignment, quote). */
jr_status referral_set_status(const jr_ctx *ctx, int64_t id, const char *status, jr_error *err);

#endif

/*
 * assignment.h: the toewijzen process and the life of an assignment:
 * issue, change, end (releasing what is left), withdraw, and its budget
 * ledger. Start and stop of care are the care service's (care.h).
 */
#ifndef JR_ASSIGNMENT_H
#define JR_ASSIGNMENT_H

#include "../domain/assignment.h"
#include "../store/assignments.h"
#include "svc.h"

/* assignment_create: assigns the open referral referral_id (route budget,
 * verblijf, crisis or dyslexie; a quote goes through quote_accept) to the
 * provider agb, contracted for the product on start. end may be
 * JR_DATE_NONE: the longest the product allows. The referral's state and
 * the provider's existence stop the checks; then the plan (assignment_plan,
 * its first fault) and the contract are checked before refusing: err holds
 * the first refusal, err's list (jr_error_collect) each of them. */
jr_status assignment_create(const jr_ctx *ctx, int64_t referral_id, const char *agb, jr_date start,
                            jr_date end, char number[24], jr_error *err);

/* assignment_insert: internal: stores a planned grant (used by quotes). */
jr_status assignment_insert(const jr_ctx *ctx, int64_t youth_id, const char *gemeente,
                            int64_t provider_id, int64_t referral_id, int64_t quote_id,
                            const jr_grant *g, char number[24], jr_error *err);

/* assignment_get / assignment_by_id: the assignment the principal sees
 * (another municipality's or provider's answers JR_ENOTFOUND, as if it did
 * not exist), its ledger computed. */
jr_status assignment_get(const jr_ctx *ctx, const char *number, jr_assignment *out, jr_error *err);
jr_status assignment_by_id(const jr_ctx *ctx, int64_t id, jr_assignment *out, jr_error *err);
/* assignment_number_of / assignment_id_of: the number of assignment id,
 * the id of assignment number (JR_ENOTFOUND, err untouched, when there is
 * none): the iJw ToewijzingNummer is the id. Unscoped: the caller checks
 * whose assignment it is (the declaration checks, the care service). */
jr_status assignment_number_of(const jr_ctx *ctx, int64_t id, char number[24], jr_error *err);
jr_status assignment_id_of(const jr_ctx *ctx, const char *number, int64_t *id, jr_error *err);
/* assignment_current: the ids (at most cap, *n of them) of youth bsn's
 * active assignments with provider agb in gemeente that run until today or
 * later, in id order. */
jr_status assignment_current(const jr_ctx *ctx, const char *bsn, const char *agb,
                             const char *gemeente, int64_t *ids, int cap, int *n, jr_error *err);
/* assignment_list: each jr_assignment, filtered by municipality, provider
 * AGB and/or youth BSN (NULL: any). */
jr_status assignment_list(const jr_ctx *ctx, const char *gemeente, const char *agb, const char *bsn,
                          jr_row_fn fn, void *ud, jr_error *err);

/* assignment_change: a new budget (cents) or volume (units) when amount >= 0,
 * a new end date when end != JR_DATE_NONE; reason is an iJw RedenWijziging.
 * An assignment that is not active stops the checks; then the reason, the
 * amount and the end (assignment_change_check) are checked before refusing:
 * err holds the first refusal, err's list (jr_error_collect) each of them. */
jr_status assignment_change(const jr_ctx *ctx, const char *number, int64_t amount, jr_date end,
                            const char *reason, jr_error *err);
/* assignment_end: ends an active assignment on date; what was not used is
 * released to the municipality. */
jr_status assignment_end(const jr_ctx *ctx, const char *number, jr_date date, const char *reason,
                         jr_error *err);
/* assignment_withdraw: removes an assignment (RedenWijziging 13): no more
 * declarations on it; accepted lines stay. */
jr_status assignment_withdraw(const jr_ctx *ctx, const char *number, jr_error *err);

/* ledger_events: each jr_ledger_event of the assignment, in order. */
jr_status ledger_events(const jr_ctx *ctx, const char *number, jr_row_fn fn, void *ud,
                        jr_error *err);

#endif

/*
 * framework.h (service): framework agreements (raamovereenkomst) per lot
 * with their extensions, evaluation moments and contracts; the yearly
 * change procedure (wijzigingsprocedure); the transformation covenant
 * (transformatieconvenant) with its commitments (afspraken) per provider
 * (issue 12, docs/framework.md). The rules (the term, the 1 March
 * deadline, the states) are domain/framework.h; the rows
 * store/framework.h. Every change runs in one transaction with its audit
 * row (entities raamovereenkomst, wijzigingsvoorstel, convenant); refused
 * input changes nothing.
 *
 * Who may (the roles of domain/access.h):
 * - agreements, their extensions, evaluations and contracts: every role
 *   reads them (no personal data); system, beheerder and rsj record them;
 * - proposals: system, beheerder and rsj see every one; a gemeente every
 *   proposal of its region's agreements (the region holds only its own);
 *   an aanbieder its own and every decided one (besloten, in werking);
 *   toegang and lezer none (JR_EFORBIDDEN). A proposal the principal may
 *   not see is not found. A gemeente submits for its municipality, an
 *   aanbieder for its AGB, the rsj as rsj; system and beheerder name the
 *   proposer. Only system, beheerder and rsj move a proposal on;
 * - the covenant: system, beheerder, rsj and gemeente read it whole; an
 *   aanbieder reads its commitments and its own status only; toegang and
 *   lezer JR_EFORBIDDEN; system, beheerder and rsj record it.
 * The date of every step is ctx->today.
 */
#ifndef JR_SERVICE_FRAMEWORK_H
#define JR_SERVICE_FRAMEWORK_H

#include "../store/framework.h"
#include "svc.h"

/* An agreement as shown: its row, its current end after every extension,
 * the day the next round of proposals closes and takes effect, its next
 * evaluation and what hangs under it. */
typedef struct {
    jr_fw_agreement a;
    char lot_name[96];
    jr_date current_end;
    int nextensions;
    jr_date deadline;       /* 1 March of current_end's year: the first day refused */
    jr_date next_extension; /* current_end + 1: the extension date of this round */
    bool has_next_eval;
    bool next_eval_overdue; /* planned before today and not held */
    jr_fw_evaluation next_eval;
    int64_t ncontracts;
} jr_fw_summary;

jr_status framework_agreement_add(const jr_ctx *ctx, const char *lot, const char *name,
                                  jr_date start, jr_date end, int64_t *id, jr_error *err);
/* framework_agreement_get: JR_ENOTFOUND (agreement_unknown) when there is none */
jr_status framework_agreement_get(const jr_ctx *ctx, int64_t id, jr_fw_summary *out, jr_error *err);
/* fn(ud, const jr_fw_summary *) for each agreement by lot and start */
jr_status framework_agreement_list(const jr_ctx *ctx, jr_row_fn fn, void *ud, jr_error *err);

/* framework_extend: an extension of agreement id taking effect on
 * effective (the day after its current end) for months months. */
jr_status framework_extend(const jr_ctx *ctx, int64_t id, jr_date effective, int32_t months,
                           const char *note, jr_error *err);
/* fn(ud, const jr_fw_extension *) by seq */
jr_status framework_extension_list(const jr_ctx *ctx, int64_t id, jr_row_fn fn, void *ud,
                                   jr_error *err);

/* framework_evaluation_add: an evaluation moment of agreement id on
 * planned (inside its term, after extensions) about subject. */
jr_status framework_evaluation_add(const jr_ctx *ctx, int64_t id, jr_date planned,
                                   const char *subject, int64_t *eval_id, jr_error *err);
/* framework_evaluation_hold: the outcome of evaluation eval_id of
 * agreement id (another agreement's: evaluation_unknown), held on held
 * (not in the future, not before the agreement's start); once only
 * (evaluation_held, JR_ECONFLICT). */
jr_status framework_evaluation_hold(const jr_ctx *ctx, int64_t id, int64_t eval_id, jr_date held,
                                    const char *outcome, jr_error *err);
/* fn(ud, const jr_fw_evaluation *) by planned date */
jr_status framework_evaluation_list(const jr_ctx *ctx, int64_t id, jr_row_fn fn, void *ud,
                                    jr_error *err);

/* framework_contract_link: contract_id (table contract) under agreement
 * id; the contract's lot must be the agreement's (contract_lot_mismatch)
 * and it may hang under no other (contract_linked, JR_ECONFLICT). */
jr_status framework_contract_link(const jr_ctx *ctx, int64_t id, int64_t contract_id,
                                  jr_error *err);
/* fn(ud, const jr_fw_contract *) by AGB and product */
jr_status framework_contract_list(const jr_ctx *ctx, int64_t id, jr_row_fn fn, void *ud,
                                  jr_error *err);

/* What a proposal says. kind and proposer are read for system and
 * beheerder only (the others propose as who they are). */
typedef struct {
    int64_t agreement_id;
    jr_fwp_proposer kind;
    const char *proposer; /* CBS code (gemeente), AGB code (aanbieder) */
    const char *title, *description, *effect_youth, *effect_contractor, *effect_client;
} jr_fw_proposal_in;

/* framework_propose: submits a proposal dated today; every text is
 * required; refused on or after 1 March of the year of the agreement's
 * current end (framework_submit_check). Its id in *id (may be NULL). */
jr_status framework_propose(const jr_ctx *ctx, const jr_fw_proposal_in *in, int64_t *id,
                            jr_error *err);
/* framework_proposal_step: moves proposal id one state on (domain
 * framework_step_check) today; a decision needs outcome (aangenomen,
 * afgewezen) and a reason in text; for the other steps text is an
 * optional note. */
jr_status framework_proposal_step(const jr_ctx *ctx, int64_t id, jr_fwp_step step,
                                  jr_fwp_outcome outcome, const char *text, jr_error *err);
jr_status framework_proposal_get(const jr_ctx *ctx, int64_t id, jr_fw_proposal *out, jr_error *err);
/* fn(ud, const jr_fw_proposal *) for each proposal the principal sees of
 * agreement_id (0: every agreement), by id */
jr_status framework_proposal_list(const jr_ctx *ctx, int64_t agreement_id, jr_row_fn fn, void *ud,
                                  jr_error *err);
/* fn(ud, const jr_fw_event *): the states of proposal id in order */
jr_status framework_proposal_history(const jr_ctx *ctx, int64_t id, jr_row_fn fn, void *ud,
                                     jr_error *err);
/* framework_proposal_visible: may the principal see p (no error) */
bool framework_proposal_visible(const jr_ctx *ctx, const jr_fw_proposal *p);

/* ---- the transformation covenant ---- */

/* covenant_add: a covenant signed on signed attached to nlots lots (1 to
 * JR_MAX_LOTS, each a lot of the region, none twice). */
jr_status covenant_add(const jr_ctx *ctx, const char *name, jr_date signed_date,
                       const char *const *lots, int nlots, int64_t *id, jr_error *err);
jr_status covenant_get(const jr_ctx *ctx, int64_t id, jr_cov *out, jr_error *err);
/* fn(ud, const jr_cov *) by id */
jr_status covenant_list(const jr_ctx *ctx, jr_row_fn fn, void *ud, jr_error *err);
/* fn(ud, const char *lot) */
jr_status covenant_lots(const jr_ctx *ctx, int64_t id, jr_row_fn fn, void *ud, jr_error *err);
jr_status covenant_commitment_add(const jr_ctx *ctx, int64_t covenant_id, const char *title,
                                  const char *description, int64_t *id, jr_error *err);
/* fn(ud, const jr_cov_commitment *) by id */
jr_status covenant_commitments(const jr_ctx *ctx, int64_t covenant_id, jr_row_fn fn, void *ud,
                               jr_error *err);
/* covenant_status_set: the status of commitment_id of covenant_id
 * (another covenant's: commitment_unknown) for provider agb (a registered
 * provider) on date (not in the future, not before the covenant was
 * signed), with an optional note; the history is kept. */
jr_status covenant_status_set(const jr_ctx *ctx, int64_t covenant_id, int64_t commitment_id,
                              const char *agb, jr_fcov_status status, jr_date date,
                              const char *note, jr_error *err);
/* fn(ud, const jr_cov_status *): the current status per provider and
 * commitment of covenant_id (an aanbieder: its own), by AGB */
jr_status covenant_statuses(const jr_ctx *ctx, int64_t covenant_id, jr_row_fn fn, void *ud,
                            jr_error *err);

#endif

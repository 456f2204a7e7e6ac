/*
 * render_framework.h: the JSON shapes of framework agreements, the change
 * procedure and the transformation covenant (service/framework.h), shared
 * by the API (/api/v1/framework-agreements, /api/v1/change-proposals,
 * /api/v1/covenants) and `jeugdregio framework ... --json`. Dates are ISO
 * text (null for none). Each function returns a new reference (NULL when
 * out of memory).
 *
 * An agreement (render_fw_summary): {"id", "lot", "lot_name", "name",
 *   "start", "initial_end", "current_end", "extensions" (count),
 *   "proposal_deadline" (the last day a proposal is accepted: the day
 *   before 1 March of current_end's year), "next_extension_date",
 *   "next_evaluation": null | {evaluation, "overdue"}, "contracts" (count)}.
 * An extension: {"seq", "start", "months", "end", "note", "created_by"}.
 * An evaluation: {"id", "date", "subject", "held", "outcome" (null while
 *   not held)}.
 * A contract under an agreement: {"contract_id", "agb", "provider", "lot",
 *   "product", "start", "end"}.
 * A proposal: {"id", "agreement_id", "lot", "proposer_kind", "proposer",
 *   "submitted", "target_end", "effect_date", "title", "description",
 *   "effect_youth", "effect_contractor", "effect_client", "state",
 *   "state_name", "outcome" (null until decided), "reason"}.
 * A history entry: {"state", "state_name", "date", "actor", "note", "at"}.
 * A covenant: {"id", "name", "signed"}; a commitment {"id", "title",
 *   "description"}; a status {"commitment_id", "agb", "provider", "status",
 *   "status_name", "date", "note", "recorded_by"}.
 */
#ifndef JR_RENDER_FRAMEWORK_H
#define JR_RENDER_FRAMEWORK_H

#include "../service/framework.h"

#include <jansson.h>

json_t *render_fw_summary(const jr_fw_summary *s);
json_t *render_fw_extension(const jr_fw_extension *e);
json_t *render_fw_evaluation(const jr_fw_evaluation *e);
json_t *render_fw_contract(const jr_fw_contract *c);
json_t *render_fw_proposal(const jr_fw_proposal *p);
json_t *render_fw_event(const jr_fw_event *e);
json_t *render_cov(const jr_cov *c);
json_t *render_cov_commitment(const jr_cov_commitment *c);
json_t *render_cov_status(const jr_cov_status *s);

/* jr_row_fn callbacks appending the rendered row to the json array ud */
int render_fw_extension_row(void *ud, const void *row);
int render_fw_evaluation_row(void *ud, const void *row);
int render_fw_contract_row(void *ud, const void *row);
int render_fw_proposal_row(void *ud, const void *row);
int render_fw_event_row(void *ud, const void *row);
int render_fw_summary_row(void *ud, const void *row);
int render_cov_commitment_row(void *ud, const void *row);
int render_cov_status_row(void *ud, const void *row);
int render_cov_lot_row(void *ud, const void *row);

#endif

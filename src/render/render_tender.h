/*
 * render_tender.h: the JSON shapes of tenders (service/tender.h), shared by
 * the API (/api/v1/tenders...) and `jeugdregio tender ... --json`, and the
 * reading of a tender or a registration from JSON (the body of
 * POST /api/v1/tenders and the file of `tender add FILE.json` are the same
 * document). Dates ISO 8601; scores in tenths (score_x10) and the weighted
 * result in hundredths of a point on 0..100 (weighted, 0..10000), integers
 * both. Each render function returns a new reference (NULL when out of
 * memory).
 *
 * A tender (render_tender): {"id", "name", "description", "phase" (code),
 *   "phase_name", "dates": {"publication", "qa_end", "registration_end",
 *   "assessment_start", "assessment_end", "award", "standstill_days",
 *   "contract_start", "contract_end"}, "lots": [{"id", "lot", "name",
 *   "products": [...], "awarded_on", "standstill_end", "contracted_on",
 *   "registrations", "later"}], "criteria": [{"seq", "name", "weight",
 *   "min_score"}]}.
 * A registration (render_treg): {"id", "tender_id", "lot_id", "lot", "agb",
 *   "name", "kind", "round", "status", "registered_by", "registered_on",
 *   "products": [{"product", "capacity"}], "subcontractors": [{"agb",
 *   "name"}], "result": null | {"complete", "passes", "weighted",
 *   "criteria": [{"seq", "name", "weight", "min_score", "score_x10",
 *   "below"}], "missing": [names], "below": [names]}, "admission": null |
 *   {"decision", "reason", "grounds", "decided_by", "decided_on"}}.
 * A question (render_tquestion): {"id", "asked_by", "asked_agb",
 *   "asked_on", "question", "answer", "answered_on"}.
 * A score (render_tscore): {"criterion_id", "assessor", "score",
 *   "motivation", "scored_on"}.
 * Supply: render_supply_product {"product", "name", "providers",
 *   "capacity", "with_capacity"}; render_supply_gemeente {"product",
 *   "gemeente", "gemeente_name", "providers", "assignments"}.
 */
#ifndef JR_RENDER_TENDER_H
#define JR_RENDER_TENDER_H

#include "../service/tender.h"

#include <jansson.h>

json_t *render_tender(const jr_tender_view *v);
json_t *render_treg(const jr_treg_view *v);
json_t *render_tquestion(const store_tquestion_row *q);
json_t *render_tscore(const store_tscore_row *s);
json_t *render_supply_product(const jr_catalog *cat, const store_supply_product *p);
json_t *render_supply_gemeente(const jr_catalog *cat, const store_supply_gemeente *g);

/* Reading. Each fills *out from the JSON object o and collects every
 * malformed field (a missing required one, a wrong type, a date that is no
 * date) into err with jr_refuse (field: the JSON name); JR_OK when the
 * document could be read (its content is the service's to check). */
/* render_tender_spec_parse: {"name", "description", "dates": {...as
 * above}, "lots": [{"lot", "products": [codes]}], "criteria": [{"name",
 * "weight", "min_score"}]}; dates.standstill_days defaults to 20. */
jr_status render_tender_spec_parse(json_t *o, jr_tender_spec *out, jr_error *err);
/* render_tender_dates_parse: the "dates" object alone. */
jr_status render_tender_dates_parse(json_t *o, jr_tender_dates *out, jr_error *err);
/* render_treg_spec_parse: {"agb", "name", "kind" (default instelling),
 * "products": [code | {"product", "capacity"}], "subcontractors":
 * [{"agb", "name"}]}; lot_id is the caller's. */
jr_status render_treg_spec_parse(json_t *o, jr_treg_spec *out, jr_error *err);

#endif

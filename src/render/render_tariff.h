/*
 * render_tariff.h: the JSON shapes of tariff research (service/tariff.h),
 * shared by the API (/api/v1/tariff-models..., /api/v1/catalog-proposals...)
 * and `jeugdregio tariff ... --json`. Money is integer eurocents (fields
 * ending in _cents), percentages integer basis points (_bp), FTE
 * hundredths; each step also carries its norm as Dutch text. Each function
 * returns a new reference (NULL when out of memory).
 *
 * The model of a year (render_tariff_model, GET /api/v1/tariff-models/{year}):
 *   {"year", "cao", "example", "source", "updated_by", "updated_at",
 *    "index": {"method", "ova_bp", "pcc_bp", "wage_weight_bp",
 *              "price_weight_bp", "factor_e8"},
 *    "lines": [{"code", "product", "name", "kind" (functiegroep |
 *       intensiteit), "staff_fg" (intensities), "example", "tariff_cents",
 *       "norms": {field: value as stored},
 *       "steps": [{"n", "key", "label", "norm_key", "norm", "norm_unit",
 *          "norm_text", "value", "value_unit" (cents | etmalen_x100),
 *          "value_text", "result_cents", "rounded"}]}]}
 * The years with norms (render_tariff_year, as items of GET
 *   /api/v1/tariff-models): {"year", "cao", "example", "source", "index"}.
 * The proposal (render_tariff_proposal, GET /api/v1/catalog-proposals/{year}):
 *   {"year", "basis", "from", "to", "has_norms", "index" (as above),
 *    "rows": [{"product", "code", "name", "kind", "unit", "current_cents",
 *       "current_derived", "model_cents", "indexed_cents", "region_set",
 *       "proposed_cents", "source" (regio | model | index), "diff_cents",
 *       "diff_per_mille", "model_diff_cents", "model_diff_per_mille"}]
 *       (null where there is no such figure),
 *    "total_current_cents", "total_proposed_cents",
 *    "adopted": {"by", "at", "basis"} or null}.
 */
#ifndef JR_RENDER_TARIFF_H
#define JR_RENDER_TARIFF_H

#include "../service/tariff.h"

#include <jansson.h>
#include <stddef.h>

/* render_tariff_unit_text: v in unit u as Dutch text ("8,00 %", "€ 3.412,00",
 * "6,50 FTE", "1.300 uur") into buf. */
const char *render_tariff_unit_text(jr_tariff_unit u, int64_t v, char *buf, size_t cap);

json_t *render_tariff_model(const jr_tariff_model *m);
json_t *render_tariff_year(const jr_tariff_norms *n);
json_t *render_tariff_proposal(const jr_tariff_proposal *p);

#endif

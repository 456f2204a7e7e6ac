/*
 * render_impact.h: the impact analysis (service/impact.h) as JSON, shared
 * by the API (POST /api/v1/impact-analyses) and `jeugdregio impact
 * --json`, and as tables to export (render/xtable.h: Excel through
 * render/xlsx.h, CSV). Money is integer eurocents (fields ending in
 * _cents); a per mille is a whole number (null when the realised amount is
 * zero or negative). Each function returns a new reference (NULL when out
 * of memory).
 *
 * The analysis (render_impact):
 *   {"year", "source" ("database" | "bestand"), "lines", "gemeente" (the
 *    principal's municipality or null), "providers_shown",
 *    "scenarios": [{"name", "method", "tariffs": {code: cents},
 *       "budgets": {code: cents}, "capped_assignments", "capped_cents"
 *       (null for a file: nothing is capped), "unpriced": [{"product",
 *       "current_cents"}]}],
 *    "total": AMOUNTS, "providers": [{"agb", "name", AMOUNTS...}],
 *    "municipalities": [{"gemeente", "name", AMOUNTS...}],
 *    "losers": [{"scenario", "providers": [{"agb", "name", AMOUNTS...}]}]}
 * where AMOUNTS is "current_cents" and "scenarios": [{"name", "cents",
 * "difference_cents", "permille"}] in the order of the scenarios.
 *
 * The tables (impact_tables): "totaal" (the region, one row), "aanbieders",
 * "gemeenten", and per scenario "verliezers-1", "verliezers-2": columns
 * code, name, realised, then per scenario its amount, difference and per
 * mille; the last row of aanbieders and gemeenten is their total.
 */
#ifndef JR_RENDER_IMPACT_H
#define JR_RENDER_IMPACT_H

#include "../service/impact.h"
#include "xtable.h"

#include <jansson.h>

json_t *render_impact(const jr_impact *r, size_t nlosers);
/* render_impact_scenario: a scenario as the file format reads it:
 * {"name", "method", "tariffs": {code: cents}, "budgets": {code: cents}}. */
json_t *render_impact_scenario(const jr_imp_scenario *sc);
/* render_impact_saved: a saved scenario: {"name", "saved_by", "saved_at",
 * "valid", "problem" (when not valid), "scenario" (null when not valid)}. */
json_t *render_impact_saved(const jr_imp_saved *s);
/* impact_tables: the tables of r into *out (zeroed by the caller; release
 * with xtables_free, also after a failure); produced: the export's date.
 * JR_ENOMEM when out of memory. */
jr_status impact_tables(const jr_impact *r, size_t nlosers, jr_date produced, jr_xtables *out,
                        jr_error *err);

#endif

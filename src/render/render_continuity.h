/*
 * render_continuity.h: the JSON shapes of provider continuity
 * (service/continuity.h), shared by the API (/api/v1/continuity...) and
 * `jeugdregio continuity ... --json`. Money is integer eurocents (fields
 * ending in _cents, null for a missing figure); a percentage of providers
 * is a JSON number with one decimal (the tenths the service rounded half
 * up; null when no provider has a verdict on the signal). Each function
 * returns a new reference (NULL when out of memory).
 *
 * A revenue class of a year (render_cont_class):
 *   {"year", "class" (gt2m | le2m | unknown), "name" (Dutch), "providers",
 *    "pct_positive_result", "pct_rentabiliteit", "pct_solvabiliteit",
 *    "pct_current_ratio",
 *    "counts": {"positive_result": {"met", "failed", "missing"}, ...},
 *    "at_risk_count", "at_risk": [AGB codes, by code] (null when the
 *    principal sees aggregates only)}.
 * The classes of a year (render_cont_classes, what `continuity --year
 * --json` prints): an array of gt2m and le2m, always, then unknown when a
 * provider's youth-care revenue is missing that year.
 * The summary (render_cont_summary, GET /api/v1/continuity):
 *   {"year", "providers", "aggregate_only", "classes": [as above]}.
 * The trend (render_cont_trend, GET /api/v1/continuity/years):
 *   {"years": [summary of each year with figures, oldest first]}.
 * A provider's figures of a year (render_cont_row):
 *   {"agb", "name", "year", "total_revenue_cents", "youth_revenue_cents",
 *    "net_result_cents", "equity_cents", "total_assets_cents",
 *    "current_assets_cents", "current_liabilities_cents", "class",
 *    "signals": {"positive_result": "met" | "failed" | "missing", ...},
 *    "failed", "at_risk", "imported_by", "imported_at", "source"}.
 * An import (render_cont_import): {"rows", "added", "replaced",
 *   "year_min", "year_max"}.
 */
#ifndef JR_RENDER_CONTINUITY_H
#define JR_RENDER_CONTINUITY_H

#include "../service/continuity.h"

#include <jansson.h>

json_t *render_cont_class(const jr_cont_summary *s, jr_cont_class c);
json_t *render_cont_classes(const jr_cont_summary *s);
json_t *render_cont_summary(const jr_cont_summary *s);
json_t *render_cont_trend(const jr_cont_trend *t);
json_t *render_cont_row(const jr_cont_row *r);
json_t *render_cont_import(const jr_cont_import *i);

#endif

/*
 * render_budgetctl.h: the JSON shapes of budget control
 * (service/budgetctl.h), shared by the API (/api/v1/budgets,
 * /api/v1/figures/control) and `jeugdregio begroting list --json`,
 * `jeugdregio figures control --json`. Money is integer eurocents (fields
 * ending in _cents); shares are integers in tenths of a percent (_x10),
 * null when there is none. Each function returns a new reference (NULL
 * when out of memory).
 *
 * A begroting: {"gemeente", "name", "year", "voorziening", "amount_cents",
 *   "taakveld" (null for none), "set_by", "set_at"}.
 * The control figure: {"year", "scope", "last_month", "municipalities",
 *   "method" (one Dutch sentence), "rows": [row per voorziening], "total": row}
 * with row: {"voorziening", "name", "budget_cents" (null when none set),
 *   "budgets_set", "taakveld", "realised_cents", "committed_cents",
 *   "committed_new_cents", "projected_cents", "forecast_cents",
 *   "share_x10", "level" (none|on_track|attention|over), "level_name",
 *   "forecast_method": {"method", "last_month", "run_rate_months",
 *   "run_rate_sum_cents", "run_rate_cents", "last_year_sum_cents",
 *   "mixed"}, "monthly_cents": [12: realised up to last_month, then
 *   projected]}.
 */
#ifndef JR_RENDER_BUDGETCTL_H
#define JR_RENDER_BUDGETCTL_H

#include "../service/budgetctl.h"

#include <jansson.h>

json_t *render_begroting(const jr_begroting *b);
json_t *render_budget_control(const jr_budget_control *c);

#endif

/*
 * render_figures.h: the JSON shapes of the monitor's figures
 * (service/figures.h), shared by the API's /api/v1/figures/... routes and
 * `jeugdregio figures ... --json`. A count of youths is a number, or the
 * text "< 10" (the threshold applied) when it is hidden; rates and shares
 * are integers in tenths (field names ending in _x10), null when there is
 * none; money is integer eurocents. Each function returns a new reference
 * (NULL when out of memory).
 */
#ifndef JR_RENDER_FIGURES_H
#define JR_RENDER_FIGURES_H

#include "../service/figures.h"

#include <jansson.h>

/* render_fig_count: n, or "< threshold" when hidden. */
json_t *render_fig_count(const jr_fig_count *c, int64_t threshold);
/* render_fig_x10: v, or null when v is negative (no rate). */
json_t *render_fig_x10(int64_t v);
/* render_fig_period: {"period", "from", "to"} of p. */
json_t *render_fig_period(const jr_period *p);
/* render_fig_scope: {"gemeente", "name", "agb", "threshold"}. */
json_t *render_fig_scope(const jr_fig_scope *s);

json_t *render_figures_volume(const jr_figures_volume *v);
json_t *render_figures_referrals(const jr_figures_referrals *r);
json_t *render_figures_spending(const jr_figures_spending *s);

#endif

/*
 * render_figures_care.h: the JSON shapes of the care figures
 * (service/figures_care.h), for the API's GET /api/v1/figures/... and the
 * command line's `figures ... --json` alike. Money in eurocents, days as
 * integers (a median may end in .5), shares both as integer tenths of a
 * percent (`*_x10`) and as Dutch text ("12,3"); a share without a whole is
 * null. A hidden group shows its count as "< 10" (the threshold applied)
 * and null for every figure of it. Each function returns a new reference
 * (NULL when out of memory); the caller keeps its struct.
 */
#ifndef JR_RENDER_FIGURES_CARE_H
#define JR_RENDER_FIGURES_CARE_H

#include "../service/figures_care.h"

#include <jansson.h>

json_t *render_figures_care_durations(const jr_fc_durations *d);
json_t *render_figures_care_waiting(const jr_fc_waiting *w);
json_t *render_figures_care_endings(const jr_fc_endings *e);
json_t *render_figures_care_concentration(const jr_fc_concentration *c);
json_t *render_figures_care_budget(const jr_fc_budget_use *b);

/* One care figure set by name ("durations", "waiting", "endings",
 * "concentration", "budget"): fn computes it within ctx's scope for
 * municipality gemeente (NULL: the region) and period p, renders it and
 * frees what it computed: a new reference, or NULL with err filled; with
 * agb, of that provider's production only (NULL: every provider). about
 * is its Dutch description. The CLI, the API and the bench share the
 * table, ended by a NULL name. */
typedef struct {
    const char *name;
    json_t *(*fn)(const jr_ctx *ctx, const char *gemeente, const char *agb, const jr_period *p,
                  jr_error *err);
    const char *about;
} figures_care_set;
extern const figures_care_set figures_care_sets[];
/* figures_care_set_find: the set called name, NULL when none is. */
const figures_care_set *figures_care_set_find(const char *name);

#endif

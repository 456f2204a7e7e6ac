/*
 * render_figures.c: the JSON shapes of the monitor's figures (see
 * render_figures.h). Shape of every figure set:
 *   {"period": {"period","from","to"}, "before": {...}, "scope": {...},
 *    "now": {...}, "prev": {...},
 *    "region": {"scope": {...}, "now": {...}, "prev": {...}}   (or absent)}
 * spending puts both years in one object ("now" and "prev" per group).
 */
#include "render_figures.h"

#include "../domain/date.h"

#include <stdio.h>

json_t *render_fig_count(const jr_fig_count *c, int64_t threshold)
{
    if (c->hidden) {
        char t[32];
        snprintf(t, sizeof t, "< %lld", (long long)threshold);
        return json_string(t);
    }
    return json_integer(c->n);
}

json_t *render_fig_x10(int64_t v)
{
    return v < 0 ? json_null() : json_integer(v);
}

json_t *render_fig_period(const jr_period *p)
{
    char t[JR_PERIOD_TEXT_LEN], f[JR_DATE_ISO_LEN], l[JR_DATE_ISO_LEN];
    return json_pack("{s:s, s:s, s:s}", "period", period_format(p, t), "from",
                     date_format(p->first, f), "to", date_format(p->last, l));
}

json_t *render_fig_scope(const jr_fig_scope *s)
{
    return json_pack("{s:s?, s:s, s:s?, s:I}", "gemeente", s->gemeente[0] ? s->gemeente : NULL,
                     "name", s->name, "agb", s->agb[0] ? s->agb : NULL, "threshold",
                     (json_int_t)s->threshold);
}

/* the common frame: period, before, scope */
static json_t *frame(const jr_period *period, const jr_period *before, const jr_fig_scope *scope)
{
    return json_pack("{s:o, s:o, s:o}", "period", render_fig_period(period), "before",
                     render_fig_period(before), "scope", render_fig_scope(scope));
}

static json_t *volume_row(const jr_fig_volume_row *r, int64_t threshold)
{
    return json_pack(
        "{s:o, s:I, s:I, s:I, s:I, s:o, s:o}", "youths", render_fig_count(&r->youths, threshold),
        "active", (json_int_t)r->active, "started", (json_int_t)r->started, "ended",
        (json_int_t)r->ended, "population", (json_int_t)r->population, "per_thousand_x10",
        render_fig_x10(r->per_thousand_x10), "share_x10", render_fig_x10(r->share_x10));
}

json_t *render_figures_volume(const jr_figures_volume *v)
{
    json_t *o = frame(&v->period, &v->before, &v->scope);
    if (!o)
        return NULL;
    json_object_set_new(o, "now", volume_row(&v->now, v->scope.threshold));
    json_object_set_new(o, "prev", volume_row(&v->prev, v->scope.threshold));
    if (v->has_region)
        json_object_set_new(o, "region",
                            json_pack("{s:o, s:o, s:o}", "scope", render_fig_scope(&v->region),
                                      "now", volume_row(&v->region_now, v->region.threshold),
                                      "prev", volume_row(&v->region_prev, v->region.threshold)));
    return o;
}

static json_t *referral_groups(const jr_fig_referral_group *g, int n, int64_t threshold)
{
    json_t *a = json_array();
    for (int i = 0; a && i < n; i++)
        json_array_append_new(a, json_pack("{s:s, s:s, s:o}", "code", g[i].code, "name", g[i].name,
                                           "count", render_fig_count(&g[i].n, threshold)));
    return a;
}

static json_t *referral_row(const jr_fig_referral_row *r, int64_t threshold)
{
    return json_pack("{s:o, s:o, s:o}", "total", render_fig_count(&r->total, threshold),
                     "by_referrer",
                     referral_groups(r->by_referrer, JR_FIG_REFERRER_TYPES, threshold), "by_route",
                     referral_groups(r->by_route, JR_FIG_ROUTES, threshold));
}

json_t *render_figures_referrals(const jr_figures_referrals *r)
{
    json_t *o = frame(&r->period, &r->before, &r->scope);
    if (!o)
        return NULL;
    json_object_set_new(o, "now", referral_row(&r->now, r->scope.threshold));
    json_object_set_new(o, "prev", referral_row(&r->prev, r->scope.threshold));
    if (r->has_region)
        json_object_set_new(o, "region",
                            json_pack("{s:o, s:o, s:o}", "scope", render_fig_scope(&r->region),
                                      "now", referral_row(&r->region_now, r->region.threshold),
                                      "prev", referral_row(&r->region_prev, r->region.threshold)));
    return o;
}

static json_t *spend_group(const jr_fig_spend_group *g)
{
    return json_pack("{s:s, s:s, s:I, s:I, s:o}", "code", g->code, "name", g->name, "cents",
                     (json_int_t)g->now, "prev_cents", (json_int_t)g->prev, "growth_x10",
                     g->has_growth ? json_integer(g->growth_x10) : json_null());
}

static json_t *spend_groups(const jr_fig_spend_group *g, int n)
{
    json_t *a = json_array();
    for (int i = 0; a && i < n; i++)
        json_array_append_new(a, spend_group(&g[i]));
    return a;
}

static json_t *spend_row(const jr_fig_spend_row *r, int64_t threshold)
{
    return json_pack("{s:I, s:I, s:o, s:o, s:I, s:o, s:o, s:o, s:o, s:o}", "cents",
                     (json_int_t)r->total, "prev_cents", (json_int_t)r->total_prev, "growth_x10",
                     r->has_growth ? json_integer(r->growth_x10) : json_null(), "youths",
                     render_fig_count(&r->youths, threshold), "assignments",
                     (json_int_t)r->assignments, "per_youth_cents",
                     r->has_per_youth ? json_integer(r->per_youth) : json_null(),
                     "per_assignment_cents",
                     r->has_per_assignment ? json_integer(r->per_assignment) : json_null(),
                     "by_voorziening", spend_groups(r->by_voorziening, JR_VZ_COUNT), "by_product",
                     spend_groups(r->by_product, r->nproducts), "by_provider",
                     spend_groups(r->by_provider, r->nproviders));
}

json_t *render_figures_spending(const jr_figures_spending *s)
{
    json_t *o = frame(&s->period, &s->before, &s->scope);
    if (!o)
        return NULL;
    json_object_set_new(o, "spending", spend_row(&s->spend, s->scope.threshold));
    if (s->has_region)
        json_object_set_new(o, "region",
                            json_pack("{s:o, s:o}", "scope", render_fig_scope(&s->region),
                                      "spending",
                                      spend_row(&s->region_spend, s->region.threshold)));
    return o;
}

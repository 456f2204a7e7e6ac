/*
 * render_figures_care.c: the care figures as JSON (see
 * render_figures_care.h).
 */
#include "render_figures_care.h"

#include "../service/care.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

/* render_tenths: tenths as text with a decimal comma ("12,3", "-0,5");
 * with nonneg a negative value (the stats' -1, no share) is null */
static json_t *render_tenths(int64_t x10, bool nonneg)
{
    if (nonneg && x10 < 0)
        return json_null();
    char buf[JR_X10_TEXT];
    return json_string(stats_x10_text(x10, buf));
}

/* share: "<name>_x10" and "<name>" (text) into o */
static void share(json_t *o, const char *name, int64_t x10)
{
    char key[48];
    snprintf(key, sizeof key, "%s_x10", name);
    json_object_set_new(o, key, x10 < 0 ? json_null() : json_integer(x10));
    json_object_set_new(o, name, render_tenths(x10, true));
}

/* count: the number, or "< threshold" when hidden */
static json_t *count(bool hidden, int64_t n, int64_t threshold)
{
    if (!hidden)
        return json_integer(n);
    char buf[32];
    snprintf(buf, sizeof buf, "< %" PRId64, threshold);
    return json_string(buf);
}

static json_t *or_null(bool hidden, json_t *v)
{
    if (!hidden)
        return v;
    json_decref(v);
    return json_null();
}

static json_t *head(const jr_fc_head *h)
{
    char p[JR_PERIOD_TEXT_LEN], first[JR_DATE_ISO_LEN], last[JR_DATE_ISO_LEN];
    return json_pack("{s:s, s:s, s:s, s:o, s:o, s:b, s:I}", "period", period_format(&h->period, p),
                     "first", date_format(h->period.first, first), "last",
                     date_format(h->period.last, last), "gemeente",
                     h->gemeente[0] ? json_string(h->gemeente) : json_null(), "agb",
                     h->agb[0] ? json_string(h->agb) : json_null(), "aggregate", h->aggregate,
                     "small_group_threshold", (json_int_t)h->threshold);
}

static json_t *days(const jr_fc_days *g, int64_t threshold, bool classes, bool waiting)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    json_object_set_new(o, "key", json_string(g->key));
    json_object_set_new(o, "assignments", count(g->hidden, g->n, threshold));
    json_object_set_new(o, "youths", count(g->hidden, g->youths, threshold));
    bool none = g->hidden || g->n == 0;
    if (!waiting)
        json_object_set_new(o, "mean_days", or_null(none, json_integer(g->mean)));
    json_object_set_new(o, "median_days", or_null(none, json_real((double)g->median_x2 / 2.0)));
    json_object_set_new(o, "median_x2_days", or_null(none, json_integer(g->median_x2)));
    if (waiting)
        json_object_set_new(o, "p90_days", or_null(none, json_integer(g->p90)));
    if (classes) {
        json_t *a = json_array();
        for (int c = 0; a && c < JR_DUR_NCLASSES; c++)
            json_array_append_new(
                a, json_pack("{s:s, s:o}", "class", stats_duration_label((jr_duration_class)c),
                             "assignments", or_null(g->hidden, json_integer(g->classes[c]))));
        json_object_set_new(o, "classes", a ? a : json_null());
    }
    return o;
}

static json_t *days_list(const jr_fc_days *v, size_t n, int64_t threshold, bool classes,
                         bool waiting)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < n; i++)
        json_array_append_new(a, days(&v[i], threshold, classes, waiting));
    return a;
}

json_t *render_figures_care_durations(const jr_fc_durations *d)
{
    int64_t t = d->head.threshold;
    return json_pack("{s:o, s:o, s:o}", "scope", head(&d->head), "total",
                     days(&d->total, t, true, false), "by_voorziening",
                     days_list(d->by_voorziening, d->n, t, true, false));
}

json_t *render_figures_care_waiting(const jr_fc_waiting *w)
{
    int64_t t = w->head.threshold;
    return json_pack("{s:o, s:o, s:o, s:o}", "scope", head(&w->head), "total",
                     days(&w->total, t, false, true), "by_voorziening",
                     days_list(w->by_voorziening, w->nv, t, false, true), "by_provider",
                     days_list(w->by_provider, w->np, t, false, true));
}

json_t *render_figures_care_endings(const jr_fc_endings *e)
{
    int64_t t = e->head.threshold;
    json_t *o = json_object(), *groups = json_array(), *reasons = json_array(), *re = json_object();
    if (!o || !groups || !reasons || !re) {
        json_decref(o);
        json_decref(groups);
        json_decref(reasons);
        json_decref(re);
        return NULL;
    }
    json_object_set_new(o, "scope", head(&e->head));
    json_object_set_new(o, "ended", count(e->total_hidden, e->total, t));
    for (int g = 0; g < JR_END_NGROUPS; g++) {
        json_t *x = json_pack("{s:s, s:o}", "group", end_group_label((jr_end_group)g),
                              "assignments", count(e->group_hidden[g], e->groups[g], t));
        if (x)
            share(x, "share", e->group_share_x10[g]);
        json_array_append_new(groups, x);
    }
    json_object_set_new(o, "by_group", groups);
    for (size_t i = 0; i < e->nreasons; i++) {
        const jr_fc_reason *r = &e->reasons[i];
        json_array_append_new(reasons,
                              json_pack("{s:o, s:s, s:s, s:o}", "reason",
                                        r->reason[0] ? json_string(r->reason) : json_null(), "name",
                                        r->reason[0] ? stop_reason_name(r->reason) : "onbekend",
                                        "group", end_group_label(r->group), "assignments",
                                        count(r->hidden, r->n, t)));
    }
    json_object_set_new(o, "by_reason", reasons);
    json_object_set_new(re, "ended_before", count(e->ended_before_hidden, e->ended_before, t));
    json_object_set_new(re, "reentered", count(e->reentered_hidden, e->reentered, t));
    share(re, "share", e->reentry_share_x10);
    json_object_set_new(o, "reentry", re);
    return o;
}

static json_t *conc(const jr_fc_conc *c)
{
    json_t *o =
        json_pack("{s:s, s:I, s:I, s:I}", "key", c->key, "providers", (json_int_t)c->providers,
                  "spent_cents", (json_int_t)c->total, "hhi", (json_int_t)c->hhi);
    if (o)
        share(o, "top5_share", c->top5_x10);
    return o;
}

json_t *render_figures_care_concentration(const jr_fc_concentration *c)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < c->n; i++)
        json_array_append_new(a, conc(&c->by_voorziening[i]));
    return json_pack("{s:o, s:o, s:o}", "scope", head(&c->head), "total", conc(&c->total),
                     "by_voorziening", a);
}

static json_t *budget(const jr_fc_budget *g, int64_t t)
{
    json_t *o = json_pack("{s:s, s:o, s:o, s:o, s:o, s:o}", "key", g->key, "assignments",
                          count(g->hidden, g->n, t), "youths", count(g->hidden, g->youths, t),
                          "granted_cents", or_null(g->hidden, json_integer(g->granted)),
                          "used_cents", or_null(g->hidden, json_integer(g->used)), "released_cents",
                          or_null(g->hidden, json_integer(g->released)));
    if (o)
        share(o, "use_share", g->use_x10);
    return o;
}

json_t *render_figures_care_budget(const jr_fc_budget_use *b)
{
    int64_t t = b->head.threshold;
    json_t *a = json_array();
    for (size_t i = 0; a && i < b->n; i++)
        json_array_append_new(a, budget(&b->by_budget[i], t));
    return json_pack("{s:o, s:o, s:o}", "scope", head(&b->head), "total", budget(&b->total, t),
                     "by_budget", a);
}

/* ---- the sets by name, for every door ---- */

/* Each care figure computed, rendered (render_figures_care.h) and freed:
 * the JSON, or NULL with err filled. */
#define FIGURES_CARE_JSON(name, compute, render, release, type)                                    \
    static json_t *name(const jr_ctx *ctx, const char *gemeente, const char *agb,                  \
                        const jr_period *p, jr_error *err)                                         \
    {                                                                                              \
        type f;                                                                                    \
        if (compute(ctx, gemeente, agb, p, &f, err) != JR_OK)                                      \
            return NULL;                                                                           \
        json_t *o = render(&f);                                                                    \
        release(&f);                                                                               \
        if (!o)                                                                                    \
            jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");                     \
        return o;                                                                                  \
    }

FIGURES_CARE_JSON(care_durations, figures_care_durations, render_figures_care_durations,
                  figures_care_durations_free, jr_fc_durations)
FIGURES_CARE_JSON(care_waiting, figures_care_waiting, render_figures_care_waiting,
                  figures_care_waiting_free, jr_fc_waiting)
FIGURES_CARE_JSON(care_endings, figures_care_endings, render_figures_care_endings,
                  figures_care_endings_free, jr_fc_endings)
FIGURES_CARE_JSON(care_concentration, figures_care_concentration, render_figures_care_concentration,
                  figures_care_concentration_free, jr_fc_concentration)
FIGURES_CARE_JSON(care_budget, figures_care_budget, render_figures_care_budget,
                  figures_care_budget_free, jr_fc_budget_use)

const figures_care_set figures_care_sets[] = {
    {"durations", care_durations,
     "Toont de duur van de toewijzingen die in de periode eindigden: gemiddelde en mediaan in "
     "dagen en de duurklassen van het CBS, per voorziening."},
    {"waiting", care_waiting,
     "Toont de wachttijd van verwijzing tot start zorg voor zorg die in de periode startte: "
     "mediaan en 90e percentiel in dagen, per aanbieder en per voorziening."},
    {"endings", care_endings,
     "Toont de redenen van beeindiging, gegroepeerd als het CBS (volgens plan, voortijdig), en "
     "de herinstroom binnen 12 maanden."},
    {"concentration", care_concentration,
     "Toont per voorziening het aandeel van de vijf grootste aanbieders en de "
     "Herfindahl-Hirschman-index op de geaccepteerde uitgaven."},
    {"budget", care_budget,
     "Toont het budgetgebruik van de budgettoewijzingen die in de periode eindigden: "
     "toegekend, besteed en wat naar de gemeente terugvloeit, per keuzebudget."},
    {NULL, NULL, NULL},
};

const figures_care_set *figures_care_set_find(const char *name)
{
    for (const figures_care_set *s = figures_care_sets; name && s->name; s++)
        if (strcmp(s->name, name) == 0)
            return s;
    return NULL;
}

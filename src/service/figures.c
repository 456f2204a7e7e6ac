/*
 * figures.c (service): the monitor's first figures (see figures.h):
 * volume, referrals and spending for one period and the same period a year
 * before, for a municipality or the region, within the principal's scope.
 * The counting is the store's (store/figures.h); the arithmetic is
 * domain/stats.h; this file decides the scope, hides small groups and
 * groups the store's rows as the monitor shows them. The definitions are
 * in docs/figures.md.
 */
#include "figures.h"
#include "care_runs.h"

#include "../core/sbuf.h"
#include "../domain/ident.h"
#include "../domain/referral.h"
#include "../store/figures.h"
#include "../store/providers.h"

#include <stdlib.h>
#include <string.h>

static void scope_fill(const jr_ctx *ctx, const char *gemeente, const char *agb, int64_t threshold,
                       jr_fig_scope *s)
{
    memset(s, 0, sizeof *s);
    str_copy(s->gemeente, sizeof s->gemeente, gemeente);
    const jr_municipality *m = gemeente ? catalog_municipality(ctx->cat, gemeente) : NULL;
    str_copy(s->name, sizeof s->name, m ? m->name : ctx->cat->region);
    str_copy(s->agb, sizeof s->agb, agb);
    s->threshold = threshold;
}

jr_status figures_provider(const jr_ctx *ctx, const char *agb, jr_error *err)
{
    if (!agb)
        return JR_OK;
    if (!agb_valid(agb))
        return jr_fail(err, JR_EINVAL, "aanbieder_unknown", "aanbieder",
                       "Aanbieder '%s' is onbekend: een AGB-code heeft 8 cijfers.", agb);
    /* a provider's own production only: another's is refused before the
     * store is asked, so the answer does not tell which AGB codes exist */
    const jr_principal *who = &ctx->who;
    if (who->role == JR_ROLE_AANBIEDER && strcmp(agb, who->agb) != 0)
        return jr_fail(err, JR_EFORBIDDEN, "forbidden", "aanbieder",
                       "Een aanbieder ziet alleen de eigen productie, niet die van AGB-code %s.",
                       agb);
    jr_provider prov;
    jr_status rc = store_provider_by_agb(ctx->store, agb, &prov, err);
    if (rc == JR_ENOTFOUND)
        return jr_fail(err, JR_EINVAL, "aanbieder_unknown", "aanbieder",
                       "Aanbieder met AGB-code %s is niet bekend in de regio.", agb);
    return rc;
}

/* figures_plan: checks the principal, the asked municipality and the
 * asked provider, and fills p. Every reading role may (JR_ACT_SETTLE_READ);
 * a municipal role sees its own municipality (the default when none is
 * asked) and the region beside it with small groups hidden, and another
 * municipality (to compare itself with) with small groups hidden, as the
 * care figures do; a provider its own production; a reader everything
 * with small groups hidden. An asked provider narrows the scope and the
 * region beside it alike; the hiding stays the viewer's. */
jr_status figures_plan(const jr_ctx *ctx, const char *gemeente, const char *agb, jr_fig_plan *p,
                       jr_error *err)
{
    memset(p, 0, sizeof *p);
    jr_status rc = svc_may(ctx, JR_ACT_SETTLE_READ, err);
    if (rc != JR_OK)
        return rc;
    if (gemeente && !catalog_municipality(ctx->cat, gemeente))
        return jr_fail(err, JR_EINVAL, "gemeente_unknown", "gemeente",
                       "Gemeente '%s' hoort niet bij de regio.", gemeente);
    if ((rc = figures_provider(ctx, agb, err)) != JR_OK)
        return rc;
    p->agb = agb;
    const jr_principal *who = &ctx->who;
    switch (who->role) {
    case JR_ROLE_TOEGANG:
    case JR_ROLE_GEMEENTE:
        if (!who->gemeente[0])
            return jr_fail(err, JR_EFORBIDDEN, "forbidden", "gemeente",
                           "Deze gebruiker hoort bij geen gemeente.");
        if (!gemeente)
            gemeente = who->gemeente;
        break;
    case JR_ROLE_AANBIEDER:
        if (!who->agb[0])
            return jr_fail(err, JR_EFORBIDDEN, "forbidden", "agb",
                           "Deze gebruiker hoort bij geen aanbieder.");
        p->agb = who->agb;
        break;
    default: /* system, beheerder, rsj, lezer: the region */
        break;
    }
    p->hide = access_figures_aggregate(who, gemeente);
    p->hide_region = access_figures_aggregate(who, NULL);
    p->gemeente = gemeente;
    p->has_region = gemeente != NULL;
    int64_t t = catalog_small_group_threshold(ctx->cat);
    scope_fill(ctx, gemeente, p->agb, t, &p->scope);
    scope_fill(ctx, NULL, p->agb, t, &p->region);
    return JR_OK;
}

/* fig_begin: the preamble of every figure set: the plan of who sees what
 * (figures_plan), the same period a year before into *before, and the
 * read transaction the set's queries share (svc_finish ends it). */
static jr_status fig_begin(const jr_ctx *ctx, const char *gemeente, const char *agb,
                           const jr_period *period, jr_fig_plan *p, jr_period *before,
                           jr_error *err)
{
    jr_status rc = figures_plan(ctx, gemeente, agb, p, err);
    if (rc != JR_OK)
        return rc;
    if (!period_year_before(period, before))
        return jr_fail(err, JR_EINVAL, "period_invalid", "period",
                       "Periode valt te vroeg: er is geen vorig jaar.");
    return store_begin(ctx->store, err);
}

jr_fig_count figures_count(int64_t n, bool hide, int64_t threshold)
{
    jr_fig_count c = {n, false};
    if (hide && stats_hidden(n, threshold))
        c.n = 0, c.hidden = true;
    return c;
}

/* the under-18 population of gemeente, or of the whole region (NULL) */
static int64_t population(const jr_catalog *cat, const char *gemeente)
{
    int64_t pop = 0;
    for (int i = 0; i < cat->nmunicipalities; i++)
        if (!gemeente || strcmp(cat->municipalities[i].cbs, gemeente) == 0)
            pop += cat->municipalities[i].youth_population;
    return pop;
}

/* ---- volume ---- */

static void volume_fill(const jr_ctx *ctx, const jr_runs_count *v, const char *gemeente, bool hide,
                        int64_t threshold, jr_fig_volume_row *r)
{
    memset(r, 0, sizeof *r);
    r->youths = figures_count(v->youths, hide, threshold);
    r->active = v->runs;
    r->started = v->started;
    r->ended = v->ended;
    r->population = population(ctx->cat, gemeente);
    /* the catalog's population is the under-18s: per 1,000 and % of it */
    r->per_thousand_x10 = r->youths.hidden ? -1 : stats_per_thousand_x10(v->youths, r->population);
    r->share_x10 =
        r->youths.hidden || r->population <= 0 ? -1 : stats_share_x10(v->youths, r->population);
}

/* volume_rows: the volume of per for the plan's scope into *r and, with
 * the region beside it, the region's into *reg: one read of the runs */
static jr_status volume_rows(const jr_ctx *ctx, const jr_period *per, const jr_fig_plan *p,
                             jr_fig_volume_row *r, jr_fig_volume_row *reg, jr_error *err)
{
    /* with the region beside it, every municipality's count (the care
       summary's rows of the year, or the region's runs), the one asked
       among them */
    bool every = !p->gemeente || p->has_region;
    jr_runs runs;
    jr_status rc =
        care_runs_count(ctx, per->first, per->last, every ? NULL : p->gemeente, p->agb, &runs, err);
    if (rc != JR_OK)
        return rc;
    const jr_runs_count *own = &runs.all;
    if (p->gemeente && every) {
        const jr_municipality *m = catalog_municipality(ctx->cat, p->gemeente);
        static const jr_runs_count none;
        own = m ? &runs.groups[m - ctx->cat->municipalities] : &none;
    }
    int64_t t = p->scope.threshold;
    volume_fill(ctx, own, p->gemeente, p->hide, t, r);
    if (p->has_region)
        volume_fill(ctx, &runs.all, NULL, p->hide_region, t, reg);
    runs_free(&runs);
    return JR_OK;
}

jr_status figures_volume(const jr_ctx *ctx, const jr_period *period, const char *gemeente,
                         const char *agb, jr_figures_volume *out, jr_error *err)
{
    jr_fig_plan p;
    memset(out, 0, sizeof *out);
    out->period = *period;
    jr_status rc = fig_begin(ctx, gemeente, agb, period, &p, &out->before, err);
    if (rc != JR_OK)
        return rc;
    out->scope = p.scope;
    out->region = p.region;
    out->has_region = p.has_region;
    rc = volume_rows(ctx, &out->period, &p, &out->now, &out->region_now, err);
    if (rc == JR_OK)
        rc = volume_rows(ctx, &out->before, &p, &out->prev, &out->region_prev, err);
    return svc_finish(ctx, rc, err);
}

/* ---- referrals ---- */

static const char *const referrer_codes[JR_FIG_REFERRER_TYPES] = {"01", "02", "03", "04",
                                                                  "05", "06", "08"};
static const struct {
    const char *code, *name;
} route_groups[JR_FIG_ROUTES] = {
    {"KB1", "keuzebudget KB1"},        {"KB2", "keuzebudget KB2"},
    {"KB3", "keuzebudget KB3"},        {"KB4", "keuzebudget KB4"},
    {"KB5", "keuzebudget KB5"},        {"KB6", "keuzebudget KB6"},
    {"KB7", "keuzebudget KB7"},        {"offerte", "offerte"},
    {"verblijf", "wonen/verblijf"},    {"crisis", "crisis"},
    {"dyslexie", "ernstige dyslexie"},
};

/* the raw counts of one period, before hiding */
typedef struct {
    int64_t total, referrer[JR_FIG_REFERRER_TYPES], route[JR_FIG_ROUTES];
} referral_tally;

static int referral_add(void *ud, const void *row)
{
    referral_tally *t = ud;
    const store_fig_referral_row *r = row;
    t->total += r->n;
    for (int i = 0; i < JR_FIG_REFERRER_TYPES; i++)
        if (strcmp(r->referrer_type, referrer_codes[i]) == 0)
            t->referrer[i] += r->n;
    /* a budget referral counts under its keuzebudget, the others by route */
    const char *key = strcmp(r->route, "budget") == 0 ? r->budget : r->route;
    for (int i = 0; i < JR_FIG_ROUTES; i++)
        if (strcmp(key, route_groups[i].code) == 0)
            t->route[i] += r->n;
    return 0;
}

static jr_status referral_row(const jr_ctx *ctx, const jr_period *per, const char *gemeente,
                              const char *agb, bool hide, int64_t threshold,
                              jr_fig_referral_row *out, jr_error *err)
{
    referral_tally t;
    memset(&t, 0, sizeof t);
    jr_status rc = store_figures_referrals(ctx->store, per->first, per->last, gemeente, agb,
                                           referral_add, &t, err);
    if (rc != JR_OK)
        return rc;
    memset(out, 0, sizeof *out);
    out->total = figures_count(t.total, hide, threshold);
    for (int i = 0; i < JR_FIG_REFERRER_TYPES; i++) {
        jr_fig_referral_group *g = &out->by_referrer[i];
        str_copy(g->code, sizeof g->code, referrer_codes[i]);
        str_copy(g->name, sizeof g->name, referrer_type_name(referrer_codes[i]));
        g->n = figures_count(t.referrer[i], hide, threshold);
    }
    for (int i = 0; i < JR_FIG_ROUTES; i++) {
        jr_fig_referral_group *g = &out->by_route[i];
        str_copy(g->code, sizeof g->code, route_groups[i].code);
        str_copy(g->name, sizeof g->name, route_groups[i].name);
        g->n = figures_count(t.route[i], hide, threshold);
    }
    return JR_OK;
}

jr_status figures_referrals(const jr_ctx *ctx, const jr_period *period, const char *gemeente,
                            const char *agb, jr_figures_referrals *out, jr_error *err)
{
    jr_fig_plan p;
    memset(out, 0, sizeof *out);
    out->period = *period;
    jr_status rc = fig_begin(ctx, gemeente, agb, period, &p, &out->before, err);
    if (rc != JR_OK)
        return rc;
    out->scope = p.scope;
    out->region = p.region;
    out->has_region = p.has_region;
    int64_t t = p.scope.threshold;
    rc = referral_row(ctx, &out->period, p.gemeente, p.agb, p.hide, t, &out->now, err);
    if (rc == JR_OK)
        rc = referral_row(ctx, &out->before, p.gemeente, p.agb, p.hide, t, &out->prev, err);
    if (rc == JR_OK && p.has_region)
        rc = referral_row(ctx, &out->period, NULL, p.agb, p.hide_region, t, &out->region_now, err);
    if (rc == JR_OK && p.has_region)
        rc = referral_row(ctx, &out->before, NULL, p.agb, p.hide_region, t, &out->region_prev, err);
    return svc_finish(ctx, rc, err);
}

/* ---- spending ---- */

const char *figures_voorziening_name(jr_voorziening v)
{
    static const char *const names[JR_VZ_COUNT] = {"ambulant", "wonen/verblijf", "crisis",
                                                   "dyslexie", "overig"};
    return (unsigned)v < JR_VZ_COUNT ? names[v] : "";
}

jr_voorziening figures_voorziening_of(const jr_catalog *cat, const char *product)
{
    return product_voorziening(catalog_product(cat, product));
}

/* the group with code in g[0..*n), added (ordered by code) when absent;
 * NULL when the array is full (max groups) */
static jr_fig_spend_group *group_at(jr_fig_spend_group *g, int *n, int max, const char *code,
                                    const char *name)
{
    int i = 0, hi = *n; /* the groups are in code order: a binary search */
    while (i < hi) {
        int mid = i + (hi - i) / 2;
        if (strcmp(g[mid].code, code) < 0)
            i = mid + 1;
        else
            hi = mid;
    }
    if (i < *n && strcmp(g[i].code, code) == 0)
        return &g[i];
    if (*n == max)
        return NULL;
    memmove(&g[i + 1], &g[i], (size_t)(*n - i) * sizeof g[0]);
    (*n)++;
    memset(&g[i], 0, sizeof g[i]);
    str_copy(g[i].code, sizeof g[i].code, code);
    str_copy(g[i].name, sizeof g[i].name, name);
    return &g[i];
}

typedef struct {
    const jr_catalog *cat;
    jr_fig_spend_row *row;
    bool prev;  /* adding last year's lines */
    bool full;  /* more products than the catalog holds */
    bool nomem; /* the provider list could not grow */
} spend_ctx;

/* room for one more provider in s->by_provider; false when out of memory */
static bool provider_room(jr_fig_spend_row *s)
{
    if (s->nproviders < s->provider_cap)
        return true;
    int cap = s->provider_cap ? 2 * s->provider_cap : 64;
    jr_fig_spend_group *g = realloc(s->by_provider, (size_t)cap * sizeof *g);
    if (!g)
        return false;
    s->by_provider = g;
    s->provider_cap = cap;
    return true;
}

static int spend_add(void *ud, const void *row)
{
    spend_ctx *c = ud;
    const store_fig_spend_row *r = row;
    jr_fig_spend_row *s = c->row;
    const jr_product *prod = catalog_product(c->cat, r->product);
    if (!provider_room(s)) {
        c->nomem = true;
        return 1;
    }
    jr_fig_spend_group *g[3] = {
        &s->by_voorziening[figures_voorziening_of(c->cat, r->product)],
        group_at(s->by_product, &s->nproducts, JR_FIG_MAX_PRODUCTS, r->product,
                 prod ? prod->name : ""),
        group_at(s->by_provider, &s->nproviders, s->provider_cap, r->agb, r->provider_name),
    };
    for (int i = 0; i < 3; i++) {
        if (!g[i]) {
            c->full = true;
            return 1;
        }
        if (c->prev)
            g[i]->prev += r->cents;
        else
            g[i]->now += r->cents;
    }
    return 0;
}

static void spend_growth(jr_fig_spend_group *g)
{
    g->has_growth = stats_growth_x10(g->now, g->prev, &g->growth_x10);
}

static jr_status spend_row(const jr_ctx *ctx, const jr_period *per, const jr_period *before,
                           const char *gemeente, const char *agb, bool hide, int64_t threshold,
                           jr_fig_spend_row *s, jr_error *err)
{
    for (int v = 0; v < JR_VZ_COUNT; v++) {
        str_copy(s->by_voorziening[v].code, sizeof s->by_voorziening[v].code,
                 figures_voorziening_name((jr_voorziening)v));
        str_copy(s->by_voorziening[v].name, sizeof s->by_voorziening[v].name,
                 figures_voorziening_name((jr_voorziening)v));
    }
    jr_month f = date_month(per->first), l = date_month(per->last);
    jr_month bf = date_month(before->first), bl = date_month(before->last);
    store_fig_spend_total now, prev;
    jr_status rc = store_figures_spend_total(ctx->store, f, l, gemeente, agb, &now, err);
    if (rc == JR_OK)
        rc = store_figures_spend_total(ctx->store, bf, bl, gemeente, agb, &prev, err);
    spend_ctx c = {ctx->cat, s, false, false, false};
    if (rc == JR_OK)
        rc = store_figures_spend_groups(ctx->store, f, l, gemeente, agb, spend_add, &c, err);
    c.prev = true;
    if (rc == JR_OK && !c.full && !c.nomem)
        rc = store_figures_spend_groups(ctx->store, bf, bl, gemeente, agb, spend_add, &c, err);
    if (rc == JR_OK && c.nomem)
        rc = jr_fail(err, JR_ENOMEM, "nomem", "", "Onvoldoende geheugen.");
    if (rc == JR_OK && c.full)
        rc = jr_fail(err, JR_EINVAL, "figures_too_many", "",
                     "Meer dan %d producten in de declaraties: geen overzicht mogelijk.",
                     JR_FIG_MAX_PRODUCTS);
    if (rc != JR_OK)
        return rc;
    s->total = now.cents;
    s->total_prev = prev.cents;
    s->has_growth = stats_growth_x10(now.cents, prev.cents, &s->growth_x10);
    s->youths = figures_count(now.youths, hide, threshold);
    s->assignments = now.assignments;
    s->has_per_youth = now.youths > 0 && !s->youths.hidden;
    if (s->has_per_youth)
        s->per_youth = stats_div_round(now.cents, now.youths);
    s->has_per_assignment = now.assignments > 0;
    if (s->has_per_assignment)
        s->per_assignment = stats_div_round(now.cents, now.assignments);
    for (int v = 0; v < JR_VZ_COUNT; v++)
        spend_growth(&s->by_voorziening[v]);
    for (int i = 0; i < s->nproducts; i++)
        spend_growth(&s->by_product[i]);
    for (int i = 0; i < s->nproviders; i++)
        spend_growth(&s->by_provider[i]);
    return JR_OK;
}

jr_status figures_spending(const jr_ctx *ctx, const jr_period *period, const char *gemeente,
                           const char *agb, jr_figures_spending *out, jr_error *err)
{
    jr_fig_plan p;
    memset(out, 0, sizeof *out);
    out->period = *period;
    jr_status rc = fig_begin(ctx, gemeente, agb, period, &p, &out->before, err);
    if (rc != JR_OK)
        return rc;
    out->scope = p.scope;
    out->region = p.region;
    out->has_region = p.has_region;
    int64_t t = p.scope.threshold;
    rc = spend_row(ctx, &out->period, &out->before, p.gemeente, p.agb, p.hide, t, &out->spend, err);
    if (rc == JR_OK && p.has_region)
        rc = spend_row(ctx, &out->period, &out->before, NULL, p.agb, p.hide_region, t,
                       &out->region_spend, err);
    return svc_finish(ctx, rc, err);
}

void figures_spending_free(jr_figures_spending *s)
{
    free(s->spend.by_provider);
    free(s->region_spend.by_provider);
    s->spend.by_provider = s->region_spend.by_provider = NULL;
    s->spend.nproviders = s->region_spend.nproviders = 0;
    s->spend.provider_cap = s->region_spend.provider_cap = 0;
}

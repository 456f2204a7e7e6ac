/*
 * figures_bench.c (service): the benchmark between municipalities,
 * ambulantisering, quotes and the most expensive youths (see
 * figures_bench.h; the definitions are in docs/figures.md). The counting
 * is the store's (store/figures_bench.h), the arithmetic domain/stats.h;
 * this file decides the scope, hides small groups and builds the rows.
 */
#include "figures_bench.h"
#include "care_runs.h"

#include "../core/sbuf.h"
#include "../domain/referral.h"
#include "../domain/runs.h"
#include "../domain/stats.h"
#include "../store/figures_bench.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- benchmark ---- */

static const struct {
    const char *code, *label;
    bool money;
} bench_figures[JR_FB_NFIGURES] = {
    {"youths_per_thousand_x10", "Jeugdigen in zorg per 1.000", false},
    {"youth_share_x10", "Jeugdigen in zorg, % van <18", false},
    {"started_per_thousand_x10", "Gestarte toewijzingen per 1.000", false},
    {"spend_per_youth_cents", "Uitgaven per jeugdige", true},
    {"spend_per_thousand_cents", "Uitgaven per 1.000 jeugdigen", true},
    {"ambulant_share_x10", "Aandeel ambulant (jeugdigen), %", false},
    {"verblijf_per_thousand_x10", "Jeugdigen in verblijf per 1.000", false},
};

const char *figures_bench_code(jr_fb_figure f)
{
    return (unsigned)f < JR_FB_NFIGURES ? bench_figures[f].code : "";
}

const char *figures_bench_label(jr_fb_figure f)
{
    return (unsigned)f < JR_FB_NFIGURES ? bench_figures[f].label : "";
}

bool figures_bench_is_money(jr_fb_figure f)
{
    return (unsigned)f < JR_FB_NFIGURES && bench_figures[f].money;
}

/* the accepted amounts of one municipality (or of the region) */
typedef struct {
    jr_cents cents, ambulant_cents, verblijf_cents;
    int64_t youths; /* distinct, with an accepted line */
} bench_spend;

/* the raw counts of one municipality (or of the region) */
typedef struct {
    jr_runs_count kinds;
    bench_spend spend;
} bench_raw;

static int municipality_index(const jr_catalog *cat, const char *cbs)
{
    for (int i = 0; i < cat->nmunicipalities; i++)
        if (strcmp(cat->municipalities[i].cbs, cbs) == 0)
            return i;
    return -1;
}

/* spend_add: a product's amount into s, in its kind by the catalog (a
 * product the catalog no longer has counts in the total only) */
static void spend_add(const jr_catalog *cat, bench_spend *s, const store_fb_product_cents *p)
{
    const jr_product *prod = catalog_product(cat, p->product);
    jr_run_kind kind = runs_kind(prod ? prod->category : NULL);
    s->cents += p->cents;
    if (kind == JR_RUN_AMBULANT)
        s->ambulant_cents += p->cents;
    else if (kind == JR_RUN_VERBLIJF)
        s->verblijf_cents += p->cents;
}

typedef struct {
    const jr_catalog *cat;
    bench_spend *into;
} spend_fill;

static int spend_product(void *ud, const void *row)
{
    spend_fill *f = ud;
    spend_add(f->cat, f->into, row);
    return 0;
}

typedef struct {
    const jr_catalog *cat;
    bench_raw *raw; /* one per catalog municipality, then the region's */
} bench_fill;

static int bench_youths(void *ud, const void *row)
{
    bench_fill *b = ud;
    const store_fb_youths *y = row;
    int i = y->key[0] ? municipality_index(b->cat, y->key) : b->cat->nmunicipalities;
    if (i >= 0) /* a municipality outside the catalog is in no row */
        b->raw[i].spend.youths = y->youths;
    return 0;
}

/* cell: a figure built on group youths; value when has; hidden when the
 * row is an aggregate and small says so */
static void cell(jr_fb_cell *c, int64_t group, bool small, bool has, int64_t value)
{
    memset(c, 0, sizeof *c);
    if (small) {
        c->hidden = true;
        return;
    }
    c->group = group;
    c->has = has;
    c->value = has ? value : 0;
}

static void bench_row(const bench_raw *r, int64_t pop, bool hide, int64_t t, jr_fb_row *row)
{
    const jr_runs_count *k = &r->kinds;
    const bench_spend *s = &r->spend;
    row->population = pop;
    bool small_youths = hide && stats_hidden(k->youths, t);
    int64_t v = stats_per_thousand_x10(k->youths, pop);
    cell(&row->cells[JR_FB_YOUTHS_PER_1000], k->youths, small_youths, v >= 0, v);
    v = stats_share_x10(k->youths, pop);
    cell(&row->cells[JR_FB_YOUTH_SHARE], k->youths, small_youths, v >= 0, v);
    v = stats_per_thousand_x10(k->started, pop);
    cell(&row->cells[JR_FB_STARTED_PER_1000], k->started_youths,
         hide && stats_hidden(k->started_youths, t), v >= 0, v);
    bool small_spend = hide && stats_hidden(s->youths, t);
    cell(&row->cells[JR_FB_SPEND_PER_YOUTH], s->youths, small_spend, s->youths > 0,
         stats_div_round(s->cents, s->youths));
    cell(&row->cells[JR_FB_SPEND_PER_1000], s->youths, small_spend, pop > 0,
         stats_div_round(s->cents * 1000, pop));
    int64_t both = k->ambulant_youths + k->verblijf_youths;
    v = stats_share_x10(k->ambulant_youths, both);
    cell(&row->cells[JR_FB_AMBULANT_SHARE], both,
         hide && (stats_hidden(k->ambulant_youths, t) || stats_hidden(k->verblijf_youths, t)),
         v >= 0, v);
    v = stats_per_thousand_x10(k->verblijf_youths, pop);
    cell(&row->cells[JR_FB_VERBLIJF_PER_1000], k->verblijf_youths,
         hide && stats_hidden(k->verblijf_youths, t), v >= 0, v);
}

static void hide_cell(jr_fb_cell *c)
{
    memset(c, 0, sizeof *c);
    c->hidden = true;
}

/* suppress: when exactly one aggregate municipality's figure f is hidden
 * and the region's is shown, hides the aggregate figure with the smallest
 * group beside it (the region's when there is none), so that the region's
 * total less the figures shown does not give the hidden one away */
static void suppress(jr_figures_benchmark *b, int f)
{
    int hidden = 0, next = -1;
    for (int i = 0; i < b->nrows; i++) {
        const jr_fb_row *r = &b->rows[i];
        if (!r->aggregate)
            continue;
        const jr_fb_cell *c = &r->cells[f];
        if (c->hidden)
            hidden++;
        else if (c->has && (next < 0 || c->group < b->rows[next].cells[f].group))
            next = i;
    }
    if (hidden != 1 || b->region.cells[f].hidden)
        return;
    hide_cell(next >= 0 ? &b->rows[next].cells[f] : &b->region.cells[f]);
}

static void rank_and_diff(jr_figures_benchmark *b, int f)
{
    const jr_fb_cell *reg = &b->region.cells[f];
    for (int i = 0; i < b->nrows; i++) {
        jr_fb_cell *c = &b->rows[i].cells[f];
        if (!c->has)
            continue;
        c->rank = 1;
        for (int j = 0; j < b->nrows; j++)
            if (b->rows[j].cells[f].has && b->rows[j].cells[f].value > c->value)
                c->rank++;
        if (reg->has) {
            c->has_diff = true;
            c->diff = c->value - reg->value;
        }
    }
}

jr_status figures_benchmark(const jr_ctx *ctx, const jr_period *period, jr_figures_benchmark *out,
                            jr_error *err)
{
    memset(out, 0, sizeof *out);
    out->period = *period;
    jr_fig_plan p;
    jr_status rc = figures_plan(ctx, NULL, NULL, &p, err);
    if (rc != JR_OK)
        return rc;
    p.gemeente = NULL; /* the benchmark is always the whole region */
    out->scope = p.scope;
    const jr_catalog *cat = ctx->cat;
    bench_raw *raw = calloc((size_t)cat->nmunicipalities + 1, sizeof *raw);
    if (!raw)
        return jr_fail(err, JR_ENOMEM, "nomem", "", "Onvoldoende geheugen.");
    bench_raw *region = &raw[cat->nmunicipalities];
    bench_fill fill = {cat, raw};
    jr_month f = date_month(period->first), l = date_month(period->last);
    rc = store_begin(ctx->store, err);
    if (rc == JR_OK) {
        /* one read of the region's runs counts every municipality and the
           region (a youth in two municipalities once in the region) */
        jr_runs runs;
        rc = care_runs_count(ctx, period->first, period->last, NULL, p.agb, &runs, err);
        if (rc == JR_OK) {
            for (int i = 0; i < cat->nmunicipalities; i++)
                raw[i].kinds = runs.groups[i];
            region->kinds = runs.all;
            runs_free(&runs);
        }
        /* the amounts from the spending summary, a range of its key per
           municipality; the region's from its own summary */
        for (int i = 0; rc == JR_OK && i <= cat->nmunicipalities; i++) {
            spend_fill sf = {cat, &raw[i].spend};
            const char *g = i < cat->nmunicipalities ? cat->municipalities[i].cbs : NULL;
            rc = store_fb_product_cents_each(ctx->store, f, l, g, p.agb, spend_product, &sf, err);
        }
        if (rc == JR_OK)
            rc = store_fb_spend_youths_each(ctx->store, f, l, p.agb, bench_youths, &fill, err);
        rc = svc_finish(ctx, rc, err);
    }
    if (rc == JR_OK) {
        int64_t t = p.scope.threshold, regpop = 0;
        out->nrows = cat->nmunicipalities;
        for (int i = 0; i < cat->nmunicipalities; i++) {
            const jr_municipality *m = &cat->municipalities[i];
            jr_fb_row *row = &out->rows[i];
            str_copy(row->gemeente, sizeof row->gemeente, m->cbs);
            str_copy(row->name, sizeof row->name, m->name);
            row->own = (ctx->who.role == JR_ROLE_TOEGANG || ctx->who.role == JR_ROLE_GEMEENTE) &&
                       strcmp(ctx->who.gemeente, m->cbs) == 0;
            row->aggregate = access_figures_aggregate(&ctx->who, m->cbs);
            bench_row(&raw[i], m->youth_population, row->aggregate, t, row);
            regpop += m->youth_population;
        }
        str_copy(out->region.name, sizeof out->region.name, cat->region);
        out->region.aggregate = access_figures_aggregate(&ctx->who, NULL);
        bench_row(region, regpop, out->region.aggregate, t, &out->region);
        for (int k = 0; k < JR_FB_NFIGURES; k++) {
            suppress(out, k);
            rank_and_diff(out, k);
        }
    }
    free(raw);
    return rc;
}

/* ---- ambulantisering ---- */

static void amb_point(jr_month m, const jr_runs_count *k, int i, const bench_spend *s, bool hide,
                      int64_t t, jr_fb_amb_point *pt)
{
    memset(pt, 0, sizeof *pt);
    pt->month = m;
    int64_t amb = i < 0 ? k->ambulant_youths : k->month_ambulant[i];
    int64_t verb = i < 0 ? k->verblijf_youths : k->month_verblijf[i];
    pt->ambulant = figures_count(amb, hide, t);
    pt->verblijf = figures_count(verb, hide, t);
    pt->youth_share_x10 =
        pt->ambulant.hidden || pt->verblijf.hidden ? -1 : stats_share_x10(amb, amb + verb);
    pt->ambulant_cents = s->ambulant_cents;
    pt->verblijf_cents = s->verblijf_cents;
    /* a share of money needs both kinds positive in sum */
    int64_t both = s->ambulant_cents + s->verblijf_cents;
    pt->money_share_x10 = both > 0 ? stats_share_x10(s->ambulant_cents, both) : -1;
}

typedef struct {
    const jr_catalog *cat;
    jr_month months[JR_FB_MAX_MONTHS];
    bench_spend spend[JR_FB_MAX_MONTHS];
    bench_spend total;
    int n;
} amb_spend;

static int amb_spend_add(void *ud, const void *row)
{
    amb_spend *a = ud;
    const store_fb_product_cents *p = row;
    jr_month m;
    if (!month_parse(p->key, &m))
        return 0;
    for (int i = 0; i < a->n; i++)
        if (a->months[i] == m)
            spend_add(a->cat, &a->spend[i], p);
    spend_add(a->cat, &a->total, p);
    return 0;
}

/* amb_year: the months of per and its whole into pts[0..n) and *total:
 * one read of the runs for the youths of every month, one of the
 * spending summary for the amounts */
static jr_status amb_year(const jr_ctx *ctx, const jr_period *per, const jr_fig_plan *p,
                          jr_fb_amb_point *pts, jr_fb_amb_point *total, int *n, jr_error *err)
{
    amb_spend a;
    memset(&a, 0, sizeof a);
    a.cat = ctx->cat;
    a.n = period_months(per, a.months);
    *n = a.n;
    jr_month f = date_month(per->first), l = date_month(per->last);
    jr_status rc =
        store_fb_product_months(ctx->store, f, l, p->gemeente, p->agb, amb_spend_add, &a, err);
    jr_runs runs;
    if (rc == JR_OK)
        rc = care_runs_count(ctx, per->first, per->last, p->gemeente, p->agb, &runs, err);
    if (rc != JR_OK)
        return rc;
    const jr_runs_count *k = p->gemeente ? &runs.groups[0] : &runs.all;
    for (int i = 0; i < a.n; i++)
        amb_point(a.months[i], k, (int)(a.months[i] - runs.month0), &a.spend[i], p->hide,
                  p->scope.threshold, &pts[i]);
    amb_point(0, k, -1, &a.total, p->hide, p->scope.threshold, total);
    runs_free(&runs);
    return JR_OK;
}

jr_status figures_ambulant(const jr_ctx *ctx, const jr_period *period, const char *gemeente,
                           const char *agb, jr_figures_ambulant *out, jr_error *err)
{
    memset(out, 0, sizeof *out);
    out->period = *period;
    jr_fig_plan p;
    jr_status rc = figures_plan(ctx, gemeente, agb, &p, err);
    if (rc != JR_OK)
        return rc;
    if (!period_year_before(period, &out->before))
        return jr_fail(err, JR_EINVAL, "period_invalid", "period",
                       "Periode valt te vroeg: er is geen vorig jaar.");
    out->scope = p.scope;
    out->aggregate = p.hide;
    rc = store_begin(ctx->store, err);
    if (rc != JR_OK)
        return rc;
    int n = 0;
    rc = amb_year(ctx, period, &p, out->now, &out->total, &out->nmonths, err);
    if (rc == JR_OK)
        rc = amb_year(ctx, &out->before, &p, out->prev, &out->total_prev, &n, err);
    return svc_finish(ctx, rc, err);
}

/* ---- quotes ---- */

/* the quotes of one group while they are counted */
typedef struct {
    jr_fb_quote_group g;
    int64_t *days, *youths; /* answer times, youth ids */
    size_t ndays, nyouths, cap_days, cap_youths;
} quote_acc;

typedef struct {
    quote_acc total;
    quote_acc referrer[JR_FIG_REFERRER_TYPES + 1];
    int nreferrers;
    quote_acc *provider;
    int nproviders, cap;
    bool nomem;
} quote_tally;

static bool push(int64_t **v, size_t *n, size_t *cap, int64_t x)
{
    if (*n == *cap) {
        size_t c = *cap ? 2 * *cap : 16;
        int64_t *g = realloc(*v, c * sizeof *g);
        if (!g)
            return false;
        *v = g;
        *cap = c;
    }
    (*v)[(*n)++] = x;
    return true;
}

static bool quote_add(quote_acc *a, const store_fb_quote *q)
{
    a->g.requested++;
    if (strcmp(q->status, "geaccepteerd") == 0)
        a->g.accepted++;
    else if (strcmp(q->status, "afgewezen") == 0)
        a->g.rejected++;
    else {
        a->g.open++;
        if (strcmp(q->status, "aangevraagd") == 0)
            a->g.unanswered++;
    }
    if (q->answered != JR_DATE_NONE) {
        a->g.answered++;
        if (!push(&a->days, &a->ndays, &a->cap_days, (int64_t)(q->answered - q->requested)))
            return false;
    }
    return push(&a->youths, &a->nyouths, &a->cap_youths, q->youth_id);
}

/* acc_at: the group with code in a[0..*n), added in code order when absent */
static quote_acc *acc_at(quote_acc *a, int *n, const char *code, const char *name)
{
    int i = 0;
    while (i < *n && strcmp(a[i].g.code, code) < 0)
        i++;
    if (i < *n && strcmp(a[i].g.code, code) == 0)
        return &a[i];
    memmove(&a[i + 1], &a[i], (size_t)(*n - i) * sizeof a[0]);
    (*n)++;
    memset(&a[i], 0, sizeof a[i]);
    str_copy(a[i].g.code, sizeof a[i].g.code, code);
    str_copy(a[i].g.name, sizeof a[i].g.name, name);
    return &a[i];
}

static int quote_each(void *ud, const void *row)
{
    quote_tally *t = ud;
    const store_fb_quote *q = row;
    if (t->nproviders == t->cap) {
        int c = t->cap ? 2 * t->cap : 16;
        quote_acc *g = realloc(t->provider, (size_t)c * sizeof *g);
        if (!g) {
            t->nomem = true;
            return 1;
        }
        t->provider = g;
        t->cap = c;
    }
    const char *type = q->referrer_type;
    /* a type outside the list counts under the last slot's own code */
    quote_acc *r = NULL;
    for (int i = 0; i < t->nreferrers; i++)
        if (strcmp(t->referrer[i].g.code, type) == 0)
            r = &t->referrer[i];
    if (!r && t->nreferrers < JR_FIG_REFERRER_TYPES + 1)
        r = acc_at(t->referrer, &t->nreferrers, type, referrer_type_name(type));
    quote_acc *p = acc_at(t->provider, &t->nproviders, q->agb, q->provider_name);
    if (!quote_add(&t->total, q) || (r && !quote_add(r, q)) || !quote_add(p, q)) {
        t->nomem = true;
        return 1;
    }
    return 0;
}

/* quote_close: the medians, the distinct youths and the hiding of a group;
 * releases its lists */
static void quote_close(quote_acc *a, bool hide, int64_t t, jr_fb_quote_group *out)
{
    stats_sort(a->days, a->ndays);
    a->g.median_x2 = stats_median_x2(a->days, a->ndays);
    a->g.p90 = stats_percentile(a->days, a->ndays, 900);
    stats_sort(a->youths, a->nyouths);
    int64_t distinct = 0;
    for (size_t i = 0; i < a->nyouths; i++)
        if (i == 0 || a->youths[i] != a->youths[i - 1])
            distinct++;
    a->g.youths = distinct;
    *out = a->g;
    if (hide && stats_hidden(distinct, t)) {
        jr_fb_quote_group h;
        memset(&h, 0, sizeof h);
        str_copy(h.code, sizeof h.code, a->g.code);
        str_copy(h.name, sizeof h.name, a->g.name);
        h.hidden = true;
        *out = h;
    }
    free(a->days);
    free(a->youths);
    a->days = a->youths = NULL;
}

jr_status figures_quotes(const jr_ctx *ctx, const jr_period *period, const char *gemeente,
                         const char *agb, jr_figures_quotes *out, jr_error *err)
{
    memset(out, 0, sizeof *out);
    out->period = *period;
    jr_fig_plan p;
    jr_status rc = figures_plan(ctx, gemeente, agb, &p, err);
    if (rc != JR_OK)
        return rc;
    out->scope = p.scope;
    out->aggregate = p.hide;
    quote_tally t;
    memset(&t, 0, sizeof t);
    rc = store_begin(ctx->store, err);
    if (rc == JR_OK) {
        rc = store_fb_quotes_each(ctx->store, period->first, period->last, p.gemeente, p.agb,
                                  quote_each, &t, err);
        rc = svc_finish(ctx, rc, err);
    }
    if (rc == JR_OK && t.nomem)
        rc = jr_fail(err, JR_ENOMEM, "nomem", "", "Onvoldoende geheugen.");
    if (rc == JR_OK && t.nproviders > 0) {
        out->by_provider = calloc((size_t)t.nproviders, sizeof *out->by_provider);
        if (!out->by_provider)
            rc = jr_fail(err, JR_ENOMEM, "nomem", "", "Onvoldoende geheugen.");
    }
    quote_close(&t.total, p.hide, p.scope.threshold, &out->total);
    for (int i = 0; i < t.nreferrers; i++)
        quote_close(&t.referrer[i], p.hide, p.scope.threshold, &out->by_referrer[i]);
    out->nreferrers = t.nreferrers;
    for (int i = 0; i < t.nproviders; i++) {
        jr_fb_quote_group g;
        quote_close(&t.provider[i], p.hide, p.scope.threshold, &g);
        if (out->by_provider)
            out->by_provider[i] = g;
    }
    if (out->by_provider)
        out->nproviders = t.nproviders;
    free(t.provider);
    return rc;
}

void figures_quotes_free(jr_figures_quotes *q)
{
    free(q->by_provider);
    q->by_provider = NULL;
    q->nproviders = 0;
}

/* ---- the most expensive youths ---- */

typedef struct {
    jr_figures_expensive *e;
    bool nomem;
} exp_fill;

static int exp_youth(void *ud, const void *row)
{
    exp_fill *x = ud;
    const store_fb_youth *y = row;
    jr_figures_expensive *e = x->e;
    if (e->n >= e->limit)
        return 1;
    jr_fb_exp_youth *o = &e->youths[e->n++];
    memset(o, 0, sizeof *o);
    o->youth_id = y->youth_id;
    str_copy(o->bsn, sizeof o->bsn, y->bsn);
    o->cents = y->cents;
    return 0;
}

typedef struct {
    jr_fb_exp_youth *y;
    int cap;
    bool nomem;
} exp_assign_fill;

static int exp_assignment(void *ud, const void *row)
{
    exp_assign_fill *x = ud;
    const store_fb_youth_assignment *a = row;
    jr_fb_exp_youth *y = x->y;
    if (y->nassignments == x->cap) {
        int c = x->cap ? 2 * x->cap : 4;
        jr_fb_exp_assignment *g = realloc(y->assignments, (size_t)c * sizeof *g);
        if (!g) {
            x->nomem = true;
            return 1;
        }
        y->assignments = g;
        x->cap = c;
    }
    jr_fb_exp_assignment *o = &y->assignments[y->nassignments++];
    memset(o, 0, sizeof *o);
    str_copy(o->number, sizeof o->number, a->number);
    str_copy(o->agb, sizeof o->agb, a->agb);
    str_copy(o->provider_name, sizeof o->provider_name, a->provider_name);
    /* the voorziening: a budget's keuzebudget (or offerte), else the product */
    const char *v = a->product;
    if (a->is_budget)
        v = strcmp(a->route, "offerte") == 0 || !a->budget[0] ? "offerte" : a->budget;
    str_copy(o->product, sizeof o->product, v);
    str_copy(o->status, sizeof o->status, a->status);
    o->start = a->start;
    o->end = a->end;
    o->cents = a->cents;
    return 0;
}

jr_status figures_expensive(const jr_ctx *ctx, const jr_period *period, const char *gemeente,
                            const char *agb, int64_t limit, jr_figures_expensive *out,
                            jr_error *err)
{
    memset(out, 0, sizeof *out);
    out->period = *period;
    jr_status rc = svc_may(ctx, JR_ACT_PERSONAL_READ, err);
    if (rc != JR_OK)
        return rc;
    if (limit == 0)
        limit = JR_FB_EXPENSIVE_DEFAULT;
    if (limit < 1 || limit > JR_FB_EXPENSIVE_MAX)
        return jr_fail(err, JR_EINVAL, "limit_invalid", "limit",
                       "Het aantal jeugdigen moet van 1 tot en met %d zijn, niet %lld.",
                       JR_FB_EXPENSIVE_MAX, (long long)limit);
    if (gemeente && !catalog_municipality(ctx->cat, gemeente))
        return jr_fail(err, JR_EINVAL, "gemeente_unknown", "gemeente",
                       "Gemeente '%s' hoort niet bij de regio.", gemeente);
    const jr_principal *who = &ctx->who;
    if (!gemeente && (who->role == JR_ROLE_TOEGANG || who->role == JR_ROLE_GEMEENTE))
        gemeente = who->gemeente[0] ? who->gemeente : NULL;
    /* personal data of the municipality's residents: beheerder, rsj and the
     * system any, a municipal role its own (access_sees); a provider (whose
     * own records are bound to its AGB, not to a municipality) none */
    if (who->role == JR_ROLE_AANBIEDER || !svc_sees(ctx, gemeente, NULL))
        return jr_fail(err, JR_EFORBIDDEN, "forbidden", "gemeente",
                       "De rol %s mag de duurste jeugdigen van %s niet inzien.",
                       role_name(who->role), gemeente ? gemeente : "de regio");
    if ((rc = figures_provider(ctx, agb, err)) != JR_OK)
        return rc;
    str_copy(out->gemeente, sizeof out->gemeente, gemeente);
    str_copy(out->agb, sizeof out->agb, agb);
    const jr_municipality *m = gemeente ? catalog_municipality(ctx->cat, gemeente) : NULL;
    str_copy(out->name, sizeof out->name, m ? m->name : ctx->cat->region);
    out->limit = limit;
    out->youths = calloc((size_t)limit, sizeof *out->youths);
    if (!out->youths)
        return jr_fail(err, JR_ENOMEM, "nomem", "", "Onvoldoende geheugen.");
    jr_month f = date_month(period->first), l = date_month(period->last);
    rc = store_begin(ctx->store, err);
    if (rc != JR_OK)
        return rc;
    exp_fill x = {out, false};
    rc = store_fb_expensive_each(ctx->store, f, l, gemeente, agb, limit, exp_youth, &x, err);
    for (int i = 0; rc == JR_OK && i < out->n; i++) {
        exp_assign_fill a = {&out->youths[i], 0, false};
        rc = store_fb_youth_assignments_each(ctx->store, out->youths[i].youth_id, f, l, gemeente,
                                             agb, exp_assignment, &a, err);
        if (rc == JR_OK && a.nomem)
            rc = jr_fail(err, JR_ENOMEM, "nomem", "", "Onvoldoende geheugen.");
    }
    if (rc == JR_OK) {
        /* the audit row names who (the actor), what (municipality, period)
         * and how many youths; never a BSN */
        char detail[192], pt[JR_PERIOD_TEXT_LEN];
        snprintf(detail, sizeof detail, "periode %s%s%s, %d jeugdigen getoond (hoogstens %lld)",
                 period_format(period, pt), agb ? ", aanbieder " : "", agb ? agb : "", out->n,
                 (long long)limit);
        rc = audit_record(ctx, "cijfers.duurste_jeugdigen", "figures",
                          gemeente ? gemeente : "regio", detail, err);
    }
    return svc_finish(ctx, rc, err);
}

void figures_expensive_free(jr_figures_expensive *e)
{
    for (int i = 0; e->youths && i < e->n; i++)
        free(e->youths[i].assignments);
    free(e->youths);
    e->youths = NULL;
    e->n = 0;
}

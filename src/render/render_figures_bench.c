/*
 * render_figures_bench.c: the benchmark, ambulantisering, quotes and the
 * most expensive youths as JSON (see render_figures_bench.h).
 *   benchmark:  {"period", "scope", "figures": [{"code", "label", "unit"}],
 *                "rows": [{"gemeente", "name", "own", "aggregate",
 *                          "population", "figures": {code: cell}}],
 *                "region": {...as a row}}
 *               cell: {"value", "hidden", "youths", "rank", "diff"}
 *   ambulantisering: {"period", "before", "scope", "aggregate",
 *                "months": [{point, "prev": point}], "total", "total_prev"}
 *   quotes:     {"period", "scope", "aggregate", "total", "by_referrer",
 *                "by_provider"}
 *   expensive:  {"period", "gemeente", "name", "limit",
 *                "youths": [{"youth_id", "bsn", "cents", "assignments"}]}
 */
#include "render_figures_bench.h"

#include "render.h"
#include "render_figures.h"

static json_t *int_or_null(bool has, int64_t v)
{
    return has ? json_integer(v) : json_null();
}

static json_t *bench_cell(const jr_fb_cell *c)
{
    return json_pack("{s:o, s:b, s:o, s:o, s:o}", "value", int_or_null(c->has, c->value), "hidden",
                     c->hidden, "youths", int_or_null(!c->hidden, c->group), "rank",
                     int_or_null(c->rank > 0, c->rank), "diff", int_or_null(c->has_diff, c->diff));
}

static json_t *bench_row(const jr_fb_row *r)
{
    json_t *f = json_object();
    for (int k = 0; f && k < JR_FB_NFIGURES; k++)
        json_object_set_new(f, figures_bench_code((jr_fb_figure)k), bench_cell(&r->cells[k]));
    return json_pack("{s:s?, s:s, s:b, s:b, s:I, s:o}", "gemeente",
                     r->gemeente[0] ? r->gemeente : NULL, "name", r->name, "own", r->own,
                     "aggregate", r->aggregate, "population", (json_int_t)r->population, "figures",
                     f ? f : json_null());
}

json_t *render_figures_benchmark(const jr_figures_benchmark *b)
{
    json_t *figs = json_array(), *rows = json_array();
    for (int k = 0; figs && k < JR_FB_NFIGURES; k++)
        json_array_append_new(
            figs, json_pack("{s:s, s:s, s:s}", "code", figures_bench_code((jr_fb_figure)k), "label",
                            figures_bench_label((jr_fb_figure)k), "unit",
                            figures_bench_is_money((jr_fb_figure)k) ? "cents" : "x10"));
    for (int i = 0; rows && i < b->nrows; i++)
        json_array_append_new(rows, bench_row(&b->rows[i]));
    return json_pack("{s:o, s:o, s:o, s:o, s:o}", "period", render_fig_period(&b->period), "scope",
                     render_fig_scope(&b->scope), "figures", figs ? figs : json_null(), "rows",
                     rows ? rows : json_null(), "region", bench_row(&b->region));
}

static json_t *count_or_null(const jr_fig_count *c)
{
    return c->hidden ? json_null() : json_integer(c->n);
}

static json_t *amb_point(const jr_fb_amb_point *p)
{
    return json_pack("{s:o, s:o, s:b, s:o, s:b, s:o, s:I, s:I, s:o}", "month",
                     p->month ? render_month(p->month) : json_null(), "ambulant_youths",
                     count_or_null(&p->ambulant), "ambulant_youths_hidden", p->ambulant.hidden,
                     "verblijf_youths", count_or_null(&p->verblijf), "verblijf_youths_hidden",
                     p->verblijf.hidden, "youth_share_x10", render_fig_x10(p->youth_share_x10),
                     "ambulant_cents", (json_int_t)p->ambulant_cents, "verblijf_cents",
                     (json_int_t)p->verblijf_cents, "money_share_x10",
                     render_fig_x10(p->money_share_x10));
}

json_t *render_figures_ambulant(const jr_figures_ambulant *a)
{
    json_t *months = json_array();
    for (int i = 0; months && i < a->nmonths; i++) {
        json_t *m = amb_point(&a->now[i]);
        if (m)
            json_object_set_new(m, "prev", amb_point(&a->prev[i]));
        json_array_append_new(months, m);
    }
    return json_pack("{s:o, s:o, s:o, s:b, s:o, s:o, s:o}", "period", render_fig_period(&a->period),
                     "before", render_fig_period(&a->before), "scope", render_fig_scope(&a->scope),
                     "aggregate", a->aggregate, "months", months ? months : json_null(), "total",
                     amb_point(&a->total), "total_prev", amb_point(&a->total_prev));
}

static json_t *quote_group(const jr_fb_quote_group *g)
{
    bool h = g->hidden, t = !h && g->answered > 0;
    return json_pack("{s:s, s:s, s:b, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "code",
                     g->code, "name", g->name, "hidden", h, "youths", int_or_null(!h, g->youths),
                     "requested", int_or_null(!h, g->requested), "accepted",
                     int_or_null(!h, g->accepted), "rejected", int_or_null(!h, g->rejected), "open",
                     int_or_null(!h, g->open), "unanswered", int_or_null(!h, g->unanswered),
                     "answered", int_or_null(!h, g->answered), "median_days",
                     t ? json_real((double)g->median_x2 / 2.0) : json_null(), "median_x2_days",
                     int_or_null(t, g->median_x2), "p90_days", int_or_null(t, g->p90));
}

static json_t *quote_groups(const jr_fb_quote_group *g, int n)
{
    json_t *a = json_array();
    for (int i = 0; a && i < n; i++)
        json_array_append_new(a, quote_group(&g[i]));
    return a ? a : json_null();
}

json_t *render_figures_quotes(const jr_figures_quotes *q)
{
    return json_pack("{s:o, s:o, s:b, s:o, s:o, s:o}", "period", render_fig_period(&q->period),
                     "scope", render_fig_scope(&q->scope), "aggregate", q->aggregate, "total",
                     quote_group(&q->total), "by_referrer",
                     quote_groups(q->by_referrer, q->nreferrers), "by_provider",
                     quote_groups(q->by_provider, q->nproviders));
}

json_t *render_figures_expensive(const jr_figures_expensive *e)
{
    json_t *ys = json_array();
    for (int i = 0; ys && i < e->n; i++) {
        const jr_fb_exp_youth *y = &e->youths[i];
        json_t *as = json_array();
        for (int k = 0; as && k < y->nassignments; k++) {
            const jr_fb_exp_assignment *a = &y->assignments[k];
            json_array_append_new(
                as, json_pack("{s:s, s:s, s:s, s:s, s:s, s:o, s:o, s:I}", "number", a->number,
                              "agb", a->agb, "provider_name", a->provider_name, "product",
                              a->product, "status", a->status, "start", render_date(a->start),
                              "end", render_date(a->end), "cents", (json_int_t)a->cents));
        }
        json_array_append_new(ys,
                              json_pack("{s:I, s:s, s:I, s:o}", "youth_id", (json_int_t)y->youth_id,
                                        "bsn", y->bsn, "cents", (json_int_t)y->cents, "assignments",
                                        as ? as : json_null()));
    }
    return json_pack("{s:o, s:s?, s:s, s:s?, s:I, s:o}", "period", render_fig_period(&e->period),
                     "gemeente", e->gemeente[0] ? e->gemeente : NULL, "name", e->name, "agb",
                     e->agb[0] ? e->agb : NULL, "limit", (json_int_t)e->limit, "youths",
                     ys ? ys : json_null());
}

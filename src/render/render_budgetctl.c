/*
 * render_budgetctl.c: the JSON shapes of budget control (see
 * render_budgetctl.h).
 */
#include "render_budgetctl.h"

#include "render_figures.h"

json_t *render_begroting(const jr_begroting *b)
{
    return json_pack("{s:s, s:s, s:i, s:s, s:I, s:s?, s:s, s:s}", "gemeente", b->gemeente, "name",
                     b->name, "year", (int)b->year, "voorziening",
                     budgetctl_voorziening_code(b->voorziening), "amount_cents",
                     (json_int_t)b->amount, "taakveld", b->taakveld[0] ? b->taakveld : NULL,
                     "set_by", b->set_by, "set_at", b->set_at);
}

static json_t *method(const jr_bc_row *r)
{
    const jr_forecast *f = &r->fc;
    json_t *months = json_array();
    for (int i = 0; months && i < f->nbase; i++)
        json_array_append_new(months, json_integer(f->base_months[i]));
    return json_pack("{s:s, s:i, s:o, s:I, s:I, s:I, s:b}", "method",
                     r->mixed ? "gemengd" : forecast_method_name(f->method), "last_month",
                     f->last_month, "run_rate_months", months, "run_rate_sum_cents",
                     (json_int_t)f->base_sum, "run_rate_cents", (json_int_t)f->run_rate,
                     "last_year_sum_cents", (json_int_t)f->prev_base_sum, "mixed", r->mixed);
}

static json_t *row(const jr_bc_row *r)
{
    json_t *monthly = json_array();
    for (int m = 0; monthly && m < 12; m++)
        json_array_append_new(monthly, json_integer(r->fc.monthly[m]));
    json_t *o = json_pack(
        "{s:s, s:s, s:o, s:i, s:s?, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:o, s:s, s:s, s:o, s:o}",
        "voorziening", r->code, "name", r->name, "budget_cents",
        r->has_budget ? json_integer(r->budget) : json_null(), "budgets_set", r->nbudgets,
        "taakveld", r->taakveld[0] ? r->taakveld : NULL, "realised_cents", (json_int_t)r->realised,
        "committed_cents", (json_int_t)r->committed, "committed_new_cents",
        (json_int_t)r->committed_new, "task_realised_cents", (json_int_t)r->task_realised,
        "task_committed_cents", (json_int_t)r->task_committed, "projected_cents",
        (json_int_t)r->fc.projected, "forecast_cents", (json_int_t)r->fc.forecast, "share_x10",
        r->has_share ? json_integer(r->share_x10) : json_null(), "level",
        forecast_level_code(r->level), "level_name", forecast_level_name(r->level),
        "forecast_method", method(r), "monthly_cents", monthly);
    return o;
}

json_t *render_budget_control(const jr_budget_control *c)
{
    json_t *rows = json_array();
    for (int v = 0; rows && v < JR_VZ_COUNT; v++)
        json_array_append_new(rows, row(&c->rows[v]));
    return json_pack("{s:i, s:o, s:i, s:i, s:s, s:o, s:o}", "year", (int)c->year, "scope",
                     render_fig_scope(&c->scope), "last_month", c->last_month, "municipalities",
                     c->nmunicipalities, "method", c->method, "rows", rows, "total",
                     row(&c->total));
}

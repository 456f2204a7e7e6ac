/*
 * res_settlements.c: the settlement of a declaration period per
 * municipality, provider and product (totals, which the lezer may read
 * too), the lines behind it, and the task budgets (taakgericht) of the
 * period's year with their terms.
 */
#include "../render/render.h"
#include "http.h"

typedef struct {
    http_page page;
    jr_cents total;
} settlements_page;

static int settlements_row(void *ud, const void *row)
{
    settlements_page *p = ud;
    const jr_settle_row *s = row;
    p->total += s->accepted;
    if (http_page_wants(&p->page))
        http_page_add(&p->page, render_settle_row(s));
    return 0;
}

HTTP_PAGE_ROW(settlements_line_row, jr_decl_outcome, render_line)

/* ROUTE: GET /api/v1/settlements */
void settlements_list(http_req *r)
{
    jr_month period;
    settlements_page p;
    jr_error err;
    jr_error_clear(&err);
    http_query_month(r, "period", true, &period);
    if (!http_page_begin(r, &p.page))
        return;
    p.total = 0;
    jr_status rc = settle_period(&r->ctx, period, http_query(r, "gemeente"), http_query(r, "agb"),
                                 settlements_row, &p, &err);
    http_page_finish(r, &p.page, rc, &err);
    if (rc == JR_OK && r->status == 200)
        json_object_set_new(r->reply, "accepted_cents", json_integer(p.total));
}

/* ROUTE: GET /api/v1/settlements/lines */
void settlements_lines(http_req *r)
{
    jr_month period;
    http_page p;
    jr_error err;
    jr_error_clear(&err);
    http_query_month(r, "period", true, &period);
    if (!http_page_begin(r, &p))
        return;
    jr_status rc = settle_lines(&r->ctx, period, http_query(r, "gemeente"), http_query(r, "agb"),
                                http_query(r, "product"), settlements_line_row, &p, &err);
    http_page_finish(r, &p, rc, &err);
}

typedef struct {
    http_page page;
    jr_cents budget, paid, this_period, remaining;
} task_page;

static int task_row(void *ud, const void *row)
{
    task_page *p = ud;
    const jr_task_term_row *t = row;
    p->budget += t->budget;
    p->paid += t->paid;
    p->this_period += t->this_period;
    p->remaining += t->remaining;
    if (http_page_wants(&p->page))
        http_page_add(&p->page, render_task_term(t));
    return 0;
}

/* The task budgets of the period's year (docs/funding.md): the scope of
 * settle_task_terms (a municipality its own, a provider the budgets it is
 * partner of, the toegang its municipality's; the lezer all: a task budget
 * is a contract amount per partner and municipality, no youth is in it),
 * with the sums over every row in scope beside the page. */
/* ROUTE: GET /api/v1/settlements/task-budgets */
void settlements_task_budgets(http_req *r)
{
    jr_month period;
    task_page p;
    jr_error err;
    jr_error_clear(&err);
    http_query_month(r, "period", true, &period);
    if (!http_page_begin(r, &p.page))
        return;
    p.budget = p.paid = p.this_period = p.remaining = 0;
    jr_status rc = settle_task_terms(&r->ctx, period, http_query(r, "gemeente"),
                                     http_query(r, "agb"), task_row, &p, &err);
    http_page_finish(r, &p.page, rc, &err);
    if (rc == JR_OK && r->status == 200) {
        json_object_set_new(r->reply, "budget_cents", json_integer(p.budget));
        json_object_set_new(r->reply, "paid_cents", json_integer(p.paid));
        json_object_set_new(r->reply, "this_period_cents", json_integer(p.this_period));
        json_object_set_new(r->reply, "remaining_cents", json_integer(p.remaining));
    }
}

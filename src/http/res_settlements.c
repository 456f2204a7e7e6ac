/*
 * res_settlements.c: the settlement of a declaration period per
 * municipality, provider and product (totals, which the lezer may read
 * too), and the lines behind it.
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

/*
 * res_budgets.c: budget control over HTTP (issue 11, service/budgetctl.h):
 * - GET /api/v1/budgets?year=JJJJ[&gemeente=CBS]: the begrotingen of a year
 *   (a page of render_begroting items);
 * - PUT /api/v1/budgets/{gemeente}/{year}/{voorziening} with
 *   {"amount_cents": integer, "taakveld": "6.72" | "6.73" | "6.74" | null}:
 *   sets (or replaces) one begroting and answers it as stored;
 * - GET /api/v1/figures/control?period=JJJJ[&gemeente=CBS]: the control
 *   figure (render_budget_control), the same as `jeugdregio figures control
 *   --json`.
 * The resource is a plural noun, one begroting addressed by its natural key
 * (municipality, year, voorziening), replaced whole by PUT (idempotent), as
 * the Dutch API Design Rules ask. Who may is the service's rule; refused
 * input answers 400 problem+json naming every field.
 */
#include "../core/sbuf.h"
#include "../render/render_budgetctl.h"
#include "http.h"

#include <stdlib.h>
#include <string.h>

/* year_of: text as a year number (digits only); false when it is none */
static bool year_of(const char *s, int32_t *out)
{
    if (!s || !*s || strlen(s) > 4)
        return false;
    int32_t y = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9')
            return false;
        y = y * 10 + (*p - '0');
    }
    *out = y;
    return true;
}

HTTP_PAGE_ROW(budgets_row, jr_begroting, render_begroting)

/* ROUTE: GET /api/v1/budgets */
void budgets_list(http_req *r)
{
    int32_t year = 0;
    const char *y = http_query(r, "year");
    if (!y)
        http_invalid_add(r, "query_missing", "year", "De parameter year ontbreekt (JJJJ).");
    else if (!year_of(y, &year))
        http_invalid_add(r, "year_invalid", "year", "De parameter year is geen jaar (JJJJ).");
    const char *gemeente = http_query(r, "gemeente");
    http_page p;
    if (!http_page_begin(r, &p))
        return;
    jr_error err;
    jr_invalid_list invalid;
    jr_error_collect(&err, &invalid);
    jr_status rc = budgetctl_list(&r->ctx, gemeente, year, budgets_row, &p, &err);
    http_page_finish(r, &p, rc, &err);
}

typedef struct {
    jr_voorziening vz;
    jr_begroting found;
    bool ok;
} budget_find;

static int budget_match(void *ud, const void *row)
{
    budget_find *f = ud;
    const jr_begroting *b = row;
    if (b->voorziening != f->vz)
        return 0;
    f->found = *b;
    f->ok = true;
    return 1;
}

/* ROUTE: PUT /api/v1/budgets/{gemeente}/{year}/{voorziening} */
void budgets_put(http_req *r)
{
    const char *gemeente = r->params[0], *voorziening = r->params[2], *taakveld = NULL;
    int32_t year = 0;
    if (!year_of(r->params[1], &year))
        http_invalid_add(r, "year_invalid", "year", "'%s' is geen jaar (JJJJ).", r->params[1]);
    int64_t amount = 0;
    http_body_int(r, "amount_cents", true, INT64_MIN + 1, INT64_MAX, &amount);
    json_t *tv = json_object_get(r->body, "taakveld");
    if (tv && !json_is_null(tv))
        http_body_str(r, "taakveld", false, 8, &taakveld);
    if (http_input_failed(r))
        return;
    jr_error err;
    jr_invalid_list invalid;
    jr_error_collect(&err, &invalid);
    if (budgetctl_set(&r->ctx, gemeente, year, voorziening, amount, taakveld, NULL, &err) !=
        JR_OK) {
        http_reply_error(r, &err);
        return;
    }
    budget_find f;
    memset(&f, 0, sizeof f);
    budgetctl_voorziening_parse(voorziening, &f.vz);
    jr_error_clear(&err);
    if (budgetctl_list(&r->ctx, gemeente, year, budget_match, &f, &err) != JR_OK)
        http_reply_error(r, &err);
    else if (!f.ok)
        http_reply_fail(r, JR_EDB, "db", "", "De begroting is niet teruggevonden.");
    else
        http_reply_json(r, 200, render_begroting(&f.found));
}

/* ROUTE: GET /api/v1/figures/control */
void figures_control_get(http_req *r)
{
    jr_period period;
    const char *s = http_query(r, "period");
    if (!s)
        http_invalid_add(r, "query_missing", "period", "De parameter period ontbreekt (JJJJ).");
    else if (!period_parse(s, &period) || period.kind != JR_PERIOD_YEAR)
        http_invalid_add(r, "period_invalid", "period", "De parameter period is geen jaar (JJJJ).");
    const char *gemeente = http_query(r, "gemeente");
    if (http_input_failed(r))
        return;
    jr_budget_control *c = malloc(sizeof *c);
    if (!c) {
        http_reply_fail(r, JR_ENOMEM, "nomem", "", "Onvoldoende geheugen.");
        return;
    }
    jr_error err;
    jr_invalid_list invalid;
    jr_error_collect(&err, &invalid);
    if (budgetctl_control(&r->ctx, period.year, gemeente, c, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(r, 200, render_budget_control(c));
    free(c);
}

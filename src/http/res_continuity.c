/*
 * res_continuity.c: provider continuity over HTTP (issue 12,
 * service/continuity.h):
 * - GET /api/v1/continuity?year=JJJJ: the summary of a year per revenue
 *   class (render_cont_summary; its "classes" are what `jeugdregio
 *   continuity --year JJJJ --json` prints);
 * - GET /api/v1/continuity/years: the summary of every year with figures
 *   (the chart over the years);
 * - GET /api/v1/continuity/accounts[?year=JJJJ][&agb=AGB]: the providers'
 *   figures with their verdicts (a page of render_cont_row items);
 * - POST /api/v1/continuity/accounts[?name=FILE.csv] with a text/csv body:
 *   the import, as `jeugdregio continuity import` reads a file; a bad row
 *   answers 400 naming every refused row and column (invalidParams), and
 *   nothing is stored.
 * Who may is the service's rule (403 for a role that may not).
 */
#include "../render/render_continuity.h"
#include "http.h"

#include <string.h>

/* year_query: ?year= as a number (0 when absent and not required) */
static int32_t year_query(http_req *r, bool required)
{
    int64_t y = 0;
    if (!http_query(r, "year")) {
        if (required)
            http_invalid_add(r, "query_missing", "year", "De parameter year ontbreekt (JJJJ).");
        return 0;
    }
    http_query_int(r, "year", 1, 9999, &y);
    return (int32_t)y;
}

/* ROUTE: GET /api/v1/continuity V1ONLY */
void continuity_get(http_req *r)
{
    int32_t year = year_query(r, true);
    if (http_input_failed(r))
        return;
    jr_error err;
    jr_invalid_list invalid;
    jr_error_collect(&err, &invalid);
    jr_cont_summary s;
    if (continuity_summary(&r->ctx, year, &s, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(r, 200, render_cont_summary(&s));
    continuity_summary_free(&s);
}

/* ROUTE: GET /api/v1/continuity/years V1ONLY */
void continuity_years(http_req *r)
{
    jr_error err;
    jr_invalid_list invalid;
    jr_error_collect(&err, &invalid);
    jr_cont_trend t;
    if (continuity_trend(&r->ctx, &t, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(r, 200, render_cont_trend(&t));
    continuity_trend_free(&t);
}

HTTP_PAGE_ROW(continuity_row, jr_cont_row, render_cont_row)

/* ROUTE: GET /api/v1/continuity/accounts V1ONLY */
void continuity_accounts(http_req *r)
{
    int32_t year = year_query(r, false);
    const char *agb = http_query(r, "agb");
    http_page p;
    if (!http_page_begin(r, &p))
        return;
    jr_error err;
    jr_invalid_list invalid;
    jr_error_collect(&err, &invalid);
    jr_status rc = continuity_list(&r->ctx, year, agb, continuity_row, &p, &err);
    http_page_finish(r, &p, rc, &err);
}

/* ROUTE: POST /api/v1/continuity/accounts CSV V1ONLY */
void continuity_import_csv(http_req *r)
{
    char name[128];
    http_query_filename(r, "upload.csv", name, sizeof name);
    jr_error err;
    jr_invalid_list invalid;
    jr_error_collect(&err, &invalid);
    jr_cont_import res;
    if (continuity_import(&r->ctx, r->upload, name, &res, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(r, 200, render_cont_import(&res));
}

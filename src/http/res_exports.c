/*
 * res_exports.c: every figure's tables as a download (issue 11):
 * GET /api/v1/exports/{figure}?period=P[&gemeente=CBS][&aanbieder=AGB]
 * [&format=xlsx|csv][&table=NAAM][&limit=N], within the session's scope, as
 * the figure's own route answers it (render/export.h): an Excel workbook (the default) or
 * CSV. An unknown figure answers 404, a bad format, table or limit 400. It
 * runs as a writer: the personal-data export (expensive) is audited.
 */
#include "../render/export.h"
#include "http.h"

#include <stdio.h>
#include <string.h>

#define XLSX_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* ROUTE: GET /api/v1/exports/{figure} WRITES */
void exports_get(http_req *r)
{
    const char *figure = r->params[0];
    if (!export_known(figure)) {
        http_reply_fail(r, JR_ENOTFOUND, "figure_unknown", "figure",
                        "Onbekend cijfer '%s'; bekend zijn: %s.", figure, export_names());
        return;
    }
    const char *format = http_query(r, "format"), *table = http_query(r, "table");
    bool csv = format && strcmp(format, "csv") == 0;
    if (format && !csv && strcmp(format, "xlsx") != 0)
        http_invalid_add(r, "format_invalid", "format", "De parameter format is xlsx of csv.");
    int64_t limit = 0;
    http_query_int(r, "limit", 1, 100, &limit);
    jr_period period;
    const char *gemeente, *agb;
    if (!http_figures_query(r, &period, &gemeente, &agb))
        return;
    jr_xtables ts;
    memset(&ts, 0, sizeof ts);
    jr_error err;
    jr_error_clear(&err);
    jr_status st = export_figure(&r->ctx, figure, &period, gemeente, agb, limit, &ts, &err);
    jr_xtables view = ts;
    if (st == JR_OK)
        st = export_view(&ts, figure, table, &view, &err);
    sbuf data = SBUF_INIT;
    if (st == JR_OK)
        st = export_bytes(&view, csv, &data, &err);
    if (st != JR_OK) {
        http_reply_error(r, &err);
        sbuf_free(&data);
    } else {
        /* the file's name: the figure, the table, the scope (and the
           provider filtered on), and the period */
        const jr_principal *who = &r->ctx.who;
        const char *scope = gemeente;
        if (!scope && (who->role == JR_ROLE_TOEGANG || who->role == JR_ROLE_GEMEENTE) &&
            who->gemeente[0])
            scope = who->gemeente;
        if (!scope && who->role == JR_ROLE_AANBIEDER)
            scope = who->agb;
        if (agb && scope && strcmp(agb, scope) == 0)
            agb = NULL; /* an aanbieder's own, named already */
        char name[128], pt[JR_PERIOD_TEXT_LEN];
        snprintf(name, sizeof name, "%s%s%s-%s%s%s-%s.%s", figure, table ? "-" : "",
                 table ? view.t[0].name : "", scope ? scope : "regio", agb ? "-" : "",
                 agb ? agb : "", period_format(&period, pt), csv ? "csv" : "xlsx");
        if (!data.data && sbuf_puts(&data, "") != 0) {
            http_reply_fail(r, JR_ENOMEM, "nomem", "", "Onvoldoende geheugen.");
        } else
            http_reply_raw(r, 200, csv ? "text/csv; charset=utf-8" : XLSX_TYPE, data.data, data.len,
                           name);
    }
    xtables_free(&ts);
}

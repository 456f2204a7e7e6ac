/*
 * res_reports.c: the council report (raadsrapportage) as a PDF download:
 * GET /api/v1/reports/council?period=P[&gemeente=CBS] within the session's
 * scope (service/report.h: a municipal role its own municipality, a
 * provider refused); the same bytes `jeugdregio report` writes. It runs as
 * a writer: producing a report is recorded in the audit log.
 */
#include "../render/report_pdf.h"
#include "../service/report.h"
#include "http.h"

#include <stdio.h>
#include <stdlib.h>

/* ROUTE: GET /api/v1/reports/council WRITES */
void reports_council_get(http_req *r)
{
    jr_period period;
    const char *gemeente;
    if (!http_figures_query(r, &period, &gemeente, NULL))
        return;
    jr_council_report *rep = malloc(sizeof *rep);
    if (!rep) {
        http_reply_fail(r, JR_ENOMEM, "nomem", "", "Onvoldoende geheugen.");
        return;
    }
    jr_error err;
    jr_error_clear(&err);
    sbuf pdf = SBUF_INIT;
    jr_status st = report_council(&r->ctx, &period, gemeente, rep, &err);
    if (st == JR_OK)
        st = report_pdf_render(rep, &pdf, &err);
    if (st != JR_OK) {
        http_reply_error(r, &err);
        sbuf_free(&pdf);
    } else {
        char name[64], pt[JR_PERIOD_TEXT_LEN];
        snprintf(name, sizeof name, "raadsrapportage-%s-%s.pdf",
                 rep->gemeente[0] ? rep->gemeente : "regio", period_format(&period, pt));
        http_reply_raw(r, 200, "application/pdf", pdf.data, pdf.len, name);
    }
    report_council_free(rep);
    free(rep);
}

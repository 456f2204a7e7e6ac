/*
 * res_signals.c: the material control signals as JSON (issue 11):
 * GET /api/v1/figures/signals?period=P[&gemeente=CBS][&kind=K], within the
 * session's scope (service/signals.h; the shape render/render_signals.h,
 * the same as `jeugdregio signals --json`). The lines behind a signal are
 * personal data: the route runs as a writer (the audit row), and a role
 * that sees an aggregate gets the signals without lines.
 */
#include "../render/render_signals.h"
#include "http.h"

/* ROUTE: GET /api/v1/figures/signals WRITES */
void figures_signals_get(http_req *r)
{
    const char *kind = http_query(r, "kind");
    jr_period period;
    const char *gemeente;
    if (!http_figures_query(r, &period, &gemeente, NULL))
        return;
    jr_signals s;
    jr_error err;
    jr_error_clear(&err);
    if (signals_find(&r->ctx, &period, gemeente, kind, &s, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(r, 200, render_signals(&s));
    signals_free(&s);
}

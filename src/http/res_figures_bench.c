/*
 * res_figures_bench.c: the benchmark between municipalities,
 * ambulantisering, quotes and the most expensive youths as JSON (issue 11):
 * GET /api/v1/figures/{benchmark,ambulantisering,quotes,expensive}
 * ?period=P[&gemeente=CBS][&aanbieder=AGB][&limit=N], within the session's
 * scope
 * (service/figures_bench.h); the shapes are render/render_figures_bench.h,
 * the same as `jeugdregio figures ... --json`. A missing or bad period, an
 * unknown municipality or provider or a bad limit answer 400
 * (problem+json). The benchmark has no provider filter (it is always every
 * provider's: ?aanbieder= is not read, and its scope names none). The
 * expensive list is personal data: it runs as a writer (the audit row) and
 * answers 403 to a role that may not see the municipality's residents;
 * the youth is named by its id, never by a BSN in the address.
 */
#include "../render/render_figures_bench.h"
#include "http.h"

#include <stdlib.h>

/* ROUTE: GET /api/v1/figures/benchmark */
void figures_benchmark_get(http_req *r)
{
    jr_period period;
    const char *gemeente;
    if (!http_figures_query(r, &period, &gemeente, NULL))
        return;
    jr_figures_benchmark *b = malloc(sizeof *b);
    if (!b) {
        http_reply_fail(r, JR_ENOMEM, "nomem", "", "Onvoldoende geheugen.");
        return;
    }
    jr_error err;
    jr_error_clear(&err);
    if (figures_benchmark(&r->ctx, &period, b, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(r, 200, render_figures_benchmark(b));
    free(b);
}

/* ROUTE: GET /api/v1/figures/ambulantisering */
void figures_ambulant_get(http_req *r)
{
    jr_period period;
    const char *gemeente, *agb;
    if (!http_figures_query(r, &period, &gemeente, &agb))
        return;
    jr_figures_ambulant *a = malloc(sizeof *a);
    if (!a) {
        http_reply_fail(r, JR_ENOMEM, "nomem", "", "Onvoldoende geheugen.");
        return;
    }
    jr_error err;
    jr_error_clear(&err);
    if (figures_ambulant(&r->ctx, &period, gemeente, agb, a, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(r, 200, render_figures_ambulant(a));
    free(a);
}

/* ROUTE: GET /api/v1/figures/quotes */
void figures_quotes_get(http_req *r)
{
    jr_period period;
    const char *gemeente, *agb;
    if (!http_figures_query(r, &period, &gemeente, &agb))
        return;
    jr_figures_quotes q;
    jr_error err;
    jr_error_clear(&err);
    if (figures_quotes(&r->ctx, &period, gemeente, agb, &q, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(r, 200, render_figures_quotes(&q));
    figures_quotes_free(&q);
}

/* ROUTE: GET /api/v1/figures/expensive WRITES */
void figures_expensive_get(http_req *r)
{
    jr_period period;
    const char *gemeente, *agb;
    const char *ls = http_query(r, "limit");
    long long limit = 0;
    if (ls) {
        char *end = NULL;
        limit = strtoll(ls, &end, 10);
        if (!*ls || *end || limit < 1 || limit > JR_FB_EXPENSIVE_MAX)
            http_invalid_add(r, "limit_invalid", "limit",
                             "De parameter limit moet een getal van 1 tot en met 100 zijn.");
    }
    if (!http_figures_query(r, &period, &gemeente, &agb))
        return;
    jr_figures_expensive e;
    jr_error err;
    jr_error_clear(&err);
    if (figures_expensive(&r->ctx, &period, gemeente, agb, limit, &e, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(r, 200, render_figures_expensive(&e));
    figures_expensive_free(&e);
}

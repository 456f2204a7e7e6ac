/*
 * res_figures.c: the monitor's figures as JSON (issue 11):
 * GET /api/v1/figures/{volume,referrals,spending}?period=P[&gemeente=CBS]
 * [&aanbieder=AGB] and the care figures GET /api/v1/figures/{durations,waiting,endings,
 * concentration,budget} (service/figures_care.h, render_figures_care.h),
 * for a municipality (with the region's beside it) or the region, within
 * the session's scope (service/figures.h). The shapes are
 * render/render_figures.h, the same as `jeugdregio figures ... --json`. A
 * period that does not parse, a missing one or an unknown municipality
 * answer 400 (problem+json), as does an unknown provider (aanbieder_unknown);
 * a municipal user asking another municipality gets its aggregates, as a
 * lezer does; an aanbieder asking another provider's production gets 403.
 */
#include "../render/render_figures.h"
#include "../render/render_figures_care.h"
#include "http.h"

#include <stdlib.h>

bool http_figures_query(http_req *r, jr_period *period, const char **gemeente, const char **agb)
{
    const char *s = http_query(r, "period");
    if (!s)
        http_invalid_add(r, "query_missing", "period",
                         "De parameter period ontbreekt (JJJJ, JJJJ-MM, JJJJ-Qn of JJJJ-Hn).");
    else if (!period_parse(s, period))
        http_invalid_add(r, "period_invalid", "period",
                         "De parameter period is geen periode (JJJJ, JJJJ-MM, JJJJ-Qn of "
                         "JJJJ-Hn).");
    *gemeente = http_query(r, "gemeente");
    if (agb)
        *agb = http_query(r, "aanbieder");
    return !http_input_failed(r);
}

/* ROUTE: GET /api/v1/figures/volume */
void figures_volume_get(http_req *r)
{
    jr_period period;
    const char *gemeente, *agb;
    if (!http_figures_query(r, &period, &gemeente, &agb))
        return;
    jr_figures_volume v;
    jr_error err;
    jr_error_clear(&err);
    if (figures_volume(&r->ctx, &period, gemeente, agb, &v, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(r, 200, render_figures_volume(&v));
}

/* ROUTE: GET /api/v1/figures/referrals */
void figures_referrals_get(http_req *r)
{
    jr_period period;
    const char *gemeente, *agb;
    if (!http_figures_query(r, &period, &gemeente, &agb))
        return;
    jr_figures_referrals f;
    jr_error err;
    jr_error_clear(&err);
    if (figures_referrals(&r->ctx, &period, gemeente, agb, &f, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(r, 200, render_figures_referrals(&f));
}

/* ROUTE: GET /api/v1/figures/spending */
void figures_spending_get(http_req *r)
{
    jr_period period;
    const char *gemeente, *agb;
    if (!http_figures_query(r, &period, &gemeente, &agb))
        return;
    jr_figures_spending *s = malloc(sizeof *s);
    if (!s) {
        http_reply_fail(r, JR_ENOMEM, "nomem", "", "Onvoldoende geheugen.");
        return;
    }
    jr_error err;
    jr_error_clear(&err);
    if (figures_spending(&r->ctx, &period, gemeente, agb, s, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(r, 200, render_figures_spending(s));
    figures_spending_free(s);
    free(s);
}

/* figures_care_get: answers the care figure set called name
 * (render_figures_care.h's figures_care_sets) for the request's period,
 * municipality and provider. */
static void figures_care_get(http_req *r, const char *name)
{
    jr_period period;
    const char *gemeente, *agb;
    if (!http_figures_query(r, &period, &gemeente, &agb))
        return;
    jr_error err;
    jr_error_clear(&err);
    json_t *o = figures_care_set_find(name)->fn(&r->ctx, gemeente, agb, &period, &err);
    if (!o)
        http_reply_error(r, &err);
    else
        http_reply_json(r, 200, o);
}

/* ROUTE: GET /api/v1/figures/durations */
void figures_durations_get(http_req *r)
{
    figures_care_get(r, "durations");
}

/* ROUTE: GET /api/v1/figures/waiting */
void figures_waiting_get(http_req *r)
{
    figures_care_get(r, "waiting");
}

/* ROUTE: GET /api/v1/figures/endings */
void figures_endings_get(http_req *r)
{
    figures_care_get(r, "endings");
}

/* ROUTE: GET /api/v1/figures/concentration */
void figures_concentration_get(http_req *r)
{
    figures_care_get(r, "concentration");
}

/* ROUTE: GET /api/v1/figures/budget */
void figures_budget_get(http_req *r)
{
    figures_care_get(r, "budget");
}

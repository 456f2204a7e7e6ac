/*
 * res_referrals.c: the verwijzen process over HTTP: the routes a referrer
 * type may use (for the referral wizard), referring, reading referrals, and
 * the next step of an open referral: an assignment, or quote requests.
 */
#include "../render/render.h"
#include "http.h"

#include "../core/sbuf.h"

#include <string.h>

HTTP_PAGE_ROW(referrals_row, jr_referral, render_referral)

/* ROUTE: GET /api/v1/referrals/routes */
void referrals_routes(http_req *r)
{
    jr_error err;
    jr_error_clear(&err);
    if (svc_may(&r->ctx, JR_ACT_REFER, &err) != JR_OK) {
        http_reply_error(r, &err);
        return;
    }
    const char *type = http_query(r, "referrer_type");
    if (!type || !referrer_type_valid(type)) {
        http_reply_fail(r, JR_EINVAL, "referrer_type_invalid", "referrer_type",
                        "Geef een geldig type verwijzer (01 gemeente, 02 huisarts, 03 jeugdarts, "
                        "04 GI, 05 medisch specialist, 06 geen, 08 rechter).");
        return;
    }
    const jr_catalog *cat = r->ctx.cat;
    const jr_referrer_rule *rule = catalog_referrer(cat, type);
    json_t *budgets = json_array();
    for (int i = 0; budgets && i < (rule->all_budgets ? cat->nbudgets : rule->nbudgets); i++)
        json_array_append_new(
            budgets, json_string(rule->all_budgets ? cat->budgets[i].code : rule->budgets[i]));
    /* route product: the products of the products list this referrer may choose */
    json_t *products = json_array();
    for (int i = 0; products && i < cat->nproducts; i++) {
        const jr_product *p = &cat->products[i];
        if (p->kind == JR_PK_PRODUCT && referrer_allows_product(rule, p->code))
            json_array_append_new(products,
                                  json_pack("{s:s, s:s, s:s, s:s, s:s}", "code", p->code,
                                            "short_code", p->short_code, "name", p->name, "funding",
                                            funding_name(p->funding), "unit", p->unit));
    }
    http_reply_json(r, 200,
                    json_pack("{s:s, s:s, s:o, s:b, s:b, s:b, s:b, s:o}", "referrer_type", type,
                              "name", referrer_type_name(type), "budgets", budgets, "quote",
                              rule->quote, "verblijf", rule->verblijf, "crisis", rule->crisis,
                              "dyslexie", rule->dyslexie, "products",
                              products ? products : json_array()));
}

/* ROUTE: POST /api/v1/referrals */
void referrals_create(http_req *r)
{
    const char *bsn = NULL, *type = NULL, *name = NULL, *route = NULL, *budget = "", *product = "",
               *result = NULL;
    jr_referral_req req;
    memset(&req, 0, sizeof req);
    req.date = r->ctx.today;
    http_body_str(r, "bsn", true, 10, &bsn);
    http_body_str(r, "referrer_type", true, sizeof req.referrer_type, &type);
    http_body_str(r, "referrer_name", false, 96, &name);
    http_body_str(r, "route", true, 16, &route);
    http_body_str(r, "budget", false, sizeof req.budget, &budget);
    http_body_str(r, "product", false, sizeof req.product, &product);
    http_body_int(r, "volume", false, 0, 100000, &req.volume);
    http_body_str(r, "result", true, sizeof req.result, &result);
    http_body_date(r, "date", false, &req.date);
    if (route && !route_parse(route, &req.route))
        http_invalid_add(r, "route_invalid", "route",
                         "Route '%s' bestaat niet: kies budget, offerte, verblijf, crisis of "
                         "dyslexie.",
                         route);
    if (http_input_failed(r))
        return;
    str_copy(req.referrer_type, sizeof req.referrer_type, type);
    str_copy(req.budget, sizeof req.budget, budget);
    str_copy(req.product, sizeof req.product, product);
    str_copy(req.result, sizeof req.result, result);
    int64_t id;
    jr_referral ref;
    jr_error err;
    jr_invalid_list invalid; /* every field the service refuses */
    jr_error_collect(&err, &invalid);
    if (referral_create(&r->ctx, bsn, &req, name, &id, &err) != JR_OK ||
        referral_get(&r->ctx, id, &ref, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(r, 201, render_referral(&ref));
}

/* ROUTE: GET /api/v1/referrals */
void referrals_list(http_req *r)
{
    http_page p;
    jr_error err;
    jr_error_clear(&err);
    jr_youth y;
    const char *bsn;
    if (!http_query_youth(r, &y, &bsn) || !http_page_begin(r, &p))
        return;
    jr_status rc = referral_list(&r->ctx, bsn, referrals_row, &p, &err);
    http_page_finish(r, &p, rc, &err);
}

/* ROUTE: GET /api/v1/referrals/{id} */
void referrals_show(http_req *r)
{
    int64_t id;
    if (!http_param_int(r, 0, &id))
        return;
    jr_referral ref;
    jr_error err;
    jr_error_clear(&err);
    if (referral_get(&r->ctx, id, &ref, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(r, 200, render_referral(&ref));
}

/* ROUTE: POST /api/v1/referrals/{id}/assignment */
void referrals_assign(http_req *r)
{
    int64_t id;
    const char *agb = NULL;
    jr_date start, end = JR_DATE_NONE;
    if (!http_param_int(r, 0, &id))
        return;
    http_body_str(r, "agb", true, 9, &agb);
    http_body_date(r, "start", true, &start);
    http_body_date(r, "end", false, &end);
    if (http_input_failed(r))
        return;
    char number[24];
    jr_assignment a;
    jr_error err;
    jr_invalid_list invalid; /* every field the service refuses */
    jr_error_collect(&err, &invalid);
    if (assignment_create(&r->ctx, id, agb, start, end, number, &err) != JR_OK ||
        assignment_get(&r->ctx, number, &a, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(r, 201, render_assignment(&a));
}

#define REFERRALS_MAX_AGBS 32

/* ROUTE: POST /api/v1/referrals/{id}/quotes */
void referrals_quotes(http_req *r)
{
    int64_t id;
    if (!http_param_int(r, 0, &id))
        return;
    json_t *list = json_object_get(r->body, "agbs");
    size_t n = json_is_array(list) ? json_array_size(list) : 0;
    if (n == 0 || n > REFERRALS_MAX_AGBS) {
        http_reply_fail(r, JR_EINVAL, "agbs_invalid", "agbs",
                        "Geef in 'agbs' 1 tot %d AGB-codes van aanbieders.", REFERRALS_MAX_AGBS);
        return;
    }
    const char *agbs[REFERRALS_MAX_AGBS];
    for (size_t i = 0; i < n; i++) {
        agbs[i] = json_string_value(json_array_get(list, i));
        if (!agbs[i]) {
            http_reply_fail(r, JR_EINVAL, "agbs_invalid", "agbs",
                            "Elke AGB-code in 'agbs' is tekst (8 cijfers).");
            return;
        }
    }
    int64_t ids[REFERRALS_MAX_AGBS];
    jr_error err;
    jr_invalid_list invalid; /* every field the service refuses */
    jr_error_collect(&err, &invalid);
    if (quote_request(&r->ctx, id, agbs, (int)n, ids, &err) != JR_OK) {
        http_reply_error(r, &err);
        return;
    }
    json_t *quotes = json_array();
    for (size_t i = 0; quotes && i < n; i++) {
        jr_quote q;
        if (quote_get(&r->ctx, ids[i], &q, &err) != JR_OK)
            goto fail;
        json_array_append_new(quotes, render_quote(&q));
    }
    http_reply_json(r, 201, json_pack("{s:o}", "quotes", quotes));
    return;
fail:
    json_decref(quotes);
    http_reply_error(r, &err);
}

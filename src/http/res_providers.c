/*
 * res_providers.c: providers (/api/v1/providers) and their contracts
 * (/api/v1/contracts): every role reads them, rsj and beheerder add them.
 */
#include "../render/render.h"
#include "http.h"

HTTP_PAGE_ROW(providers_row, jr_provider, render_provider)
HTTP_PAGE_ROW(contracts_row, jr_contract, render_contract)

/* ROUTE: GET /api/v1/providers */
void providers_list(http_req *r)
{
    http_page p;
    jr_error err;
    jr_error_clear(&err);
    if (!http_page_begin(r, &p))
        return;
    jr_status rc = provider_list(&r->ctx, providers_row, &p, &err);
    http_page_finish(r, &p, rc, &err);
}

/* ROUTE: GET /api/v1/providers/{agb} */
void providers_show(http_req *r)
{
    jr_provider p;
    jr_error err;
    jr_error_clear(&err);
    if (provider_find(&r->ctx, r->params[0], &p, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(r, 200, render_provider(&p));
}

/* ROUTE: POST /api/v1/providers */
void providers_add(http_req *r)
{
    const char *agb = NULL, *name = NULL, *kind = "instelling";
    http_body_str(r, "agb", true, 9, &agb);
    http_body_str(r, "name", true, 128, &name);
    http_body_str(r, "kind", false, 16, &kind);
    if (http_input_failed(r))
        return;
    jr_provider p;
    jr_error err;
    jr_invalid_list invalid; /* every field the service refuses */
    jr_error_collect(&err, &invalid);
    if (provider_add(&r->ctx, agb, name, kind, NULL, &err) != JR_OK ||
        provider_find(&r->ctx, agb, &p, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(r, 201, render_provider(&p));
}

/* ROUTE: GET /api/v1/contracts */
void contracts_list(http_req *r)
{
    http_page p;
    jr_error err;
    jr_error_clear(&err);
    if (!http_page_begin(r, &p))
        return;
    jr_status rc = contract_list(&r->ctx, http_query(r, "agb"), contracts_row, &p, &err);
    http_page_finish(r, &p, rc, &err);
}

/* ROUTE: POST /api/v1/contracts */
void contracts_add(http_req *r)
{
    const char *agb = NULL, *lot = NULL, *product = "*";
    jr_date start, end = JR_DATE_NONE;
    http_body_str(r, "agb", true, 9, &agb);
    http_body_str(r, "lot", true, 16, &lot);
    http_body_str(r, "product", false, 8, &product);
    http_body_date(r, "start", true, &start);
    http_body_date(r, "end", false, &end);
    if (http_input_failed(r))
        return;
    int n = 0;
    jr_error err;
    jr_invalid_list invalid; /* every field the service refuses */
    jr_error_collect(&err, &invalid);
    if (contract_add(&r->ctx, agb, lot, product, start, end, &n, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(r, 201,
                        json_pack("{s:s, s:s, s:s, s:o, s:o, s:i}", "agb", agb, "lot", lot,
                                  "product", product, "start", render_date(start), "end",
                                  render_date(end), "contracts", n));
}

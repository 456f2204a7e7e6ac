/*
 * res_catalog.c: the region catalog (/api/v1/catalog) and the reason codes of
 * the declaration checks (/api/v1/codes), for every role.
 */
#include "../render/render.h"
#include "http.h"

#include "../domain/decl.h"

/* ROUTE: GET /api/v1/catalog */
void catalog_show(http_req *r)
{
    http_reply_json(r, 200, render_catalog(r->ctx.cat));
}

/* ROUTE: GET /api/v1/codes */
void catalog_codes(http_req *r)
{
    http_page p;
    if (!http_page_begin(r, &p))
        return;
    int n;
    const jr_decl_code *codes = decl_codes(&n);
    for (int i = 0; i < n; i++)
        if (http_page_wants(&p))
            http_page_add(&p, json_pack("{s:s, s:s, s:s}", "code", codes[i].code, "source",
                                        codes[i].ijw ? "iJw" : "jeugdregio", "message",
                                        codes[i].message));
    http_page_reply(r, &p);
}

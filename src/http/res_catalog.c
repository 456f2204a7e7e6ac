/*
 * res_catalog.c: the region catalog (/api/catalog) and the reason codes of
 * the declaration checks (/api/codes), for every role.
 */
#include "../render/render.h"
#include "http.h"
#include "router.h"

#include "../domain/decl.h"

static void catalog_show(http_req *r)
{
    http_reply_json(r, 200, render_catalog(r->ctx.cat));
}

static void catalog_codes(http_req *r)
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

const http_route res_catalog_routes[] = {
    {HTTP_GET, "/api/catalog", catalog_show, 0},
    {HTTP_GET, "/api/codes", catalog_codes, 0},
    {0, NULL, NULL, 0},
};

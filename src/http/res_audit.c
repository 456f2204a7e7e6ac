/*
 * res_audit.c: the audit log for the beheerder, newest first, filtered by
 * entity (and id) or actor.
 */
#include "../render/render.h"
#include "http.h"

#include <stdint.h>

HTTP_PAGE_ROW(audit_row, jr_audit_row, render_audit_row)

/* ROUTE: GET /api/v1/audit */
void audit_show(http_req *r)
{
    http_page p;
    jr_error err;
    jr_error_clear(&err);
    if (!http_page_begin(r, &p))
        return;
    jr_status rc = audit_list(&r->ctx, http_query(r, "entity"), http_query(r, "id"),
                              http_query(r, "actor"), INT64_MAX, audit_row, &p, &err);
    http_page_finish(r, &p, rc, &err);
}

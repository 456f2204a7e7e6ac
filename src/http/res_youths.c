/*
 * res_youths.c: registering a youth (POST /api/youths) and a youth's file
 * (GET /api/youths/{bsn}: the youth, its referrals and assignments, each
 * within the reader's scope). Viewing a file is written to the audit log
 * (jeugdige.ingezien), as on the command line.
 */
#include "../render/render.h"
#include "http.h"
#include "router.h"

#include <stdio.h>

HTTP_PAGE_ROW(youths_referral_row, jr_referral, render_referral)
HTTP_PAGE_ROW(youths_assignment_row, jr_assignment, render_assignment)

static void youths_add(http_req *r)
{
    const char *bsn = NULL, *gemeente = NULL;
    jr_date birth;
    if (!http_body_str(r, "bsn", true, 10, &bsn) || !http_body_date(r, "birth", true, &birth) ||
        !http_body_str(r, "gemeente", true, 5, &gemeente))
        return;
    jr_youth y;
    jr_error err;
    jr_error_clear(&err);
    if (youth_add(&r->ctx, bsn, birth, gemeente, NULL, &err) != JR_OK ||
        youth_find(&r->ctx, bsn, &y, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(r, 201, render_youth(&y));
}

static void youths_show(http_req *r)
{
    jr_youth y;
    jr_error err;
    jr_error_clear(&err);
    /* a file is short: the pages only collect (limit HTTP_LIST_MAX rows each) */
    http_page refs = {HTTP_LIST_MAX, 0, 0, json_array()};
    http_page asg = {HTTP_LIST_MAX, 0, 0, json_array()};
    jr_status rc = refs.items && asg.items ? JR_OK : JR_ENOMEM;
    if (rc != JR_OK)
        jr_fail(&err, rc, "no_memory", "", "Onvoldoende geheugen.");
    if (rc == JR_OK)
        rc = youth_find(&r->ctx, r->params[0], &y, &err);
    if (rc == JR_OK)
        rc = referral_list(&r->ctx, y.bsn, youths_referral_row, &refs, &err);
    if (rc == JR_OK)
        rc = assignment_list(&r->ctx, NULL, NULL, y.bsn, youths_assignment_row, &asg, &err);
    if (rc == JR_OK) {
        char eid[24];
        snprintf(eid, sizeof eid, "%lld", (long long)y.id);
        rc = audit_record(&r->ctx, "jeugdige.ingezien", "youth", eid, "dossier (web)", &err);
    }
    if (rc != JR_OK)
        goto fail;
    http_reply_json(r, 200,
                    json_pack("{s:o, s:o, s:o}", "youth", render_youth(&y), "referrals", refs.items,
                              "assignments", asg.items));
    return;
fail:
    http_page_free(&refs);
    http_page_free(&asg);
    http_reply_error(r, &err);
}

const http_route res_youths_routes[] = {
    {HTTP_POST, "/api/youths", youths_add, 0},
    {HTTP_GET, "/api/youths/{bsn}", youths_show, HTTP_ROUTE_WRITES},
    {0, NULL, NULL, 0},
};

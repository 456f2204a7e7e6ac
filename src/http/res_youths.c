/*
 * res_youths.c: registering a youth (POST /api/v1/youths), finding one by
 * BSN (POST /api/v1/youths/search: the BSN travels in the body, never in
 * an address) and a youth's file by its internal id (GET
 * /api/v1/youths/{id}: the youth, its referrals and assignments, each
 * within the reader's scope). A youth is answered with its id, the handle
 * the other addresses take. Finding a youth and viewing a file are written
 * to the audit log (jeugdige.gezocht, jeugdige.ingezien), as on the
 * command line.
 */
#include "../render/render.h"
#include "http.h"

#include <stdio.h>

HTTP_PAGE_ROW(youths_referral_row, jr_referral, render_referral)
HTTP_PAGE_ROW(youths_assignment_row, jr_assignment, render_assignment)

/* youths_render: the youth as render_youth, with its internal id. */
static json_t *youths_render(const jr_youth *y)
{
    json_t *o = render_youth(y);
    if (o && json_object_set_new(o, "id", json_integer((json_int_t)y->id)) != 0) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* ROUTE: POST /api/v1/youths */
void youths_add(http_req *r)
{
    const char *bsn = NULL, *gemeente = NULL;
    jr_date birth;
    http_body_str(r, "bsn", true, 10, &bsn);
    http_body_date(r, "birth", true, &birth);
    http_body_str(r, "gemeente", true, 5, &gemeente);
    if (http_input_failed(r))
        return;
    jr_youth y;
    jr_error err;
    jr_invalid_list invalid; /* every field the service refuses */
    jr_error_collect(&err, &invalid);
    if (youth_add(&r->ctx, bsn, birth, gemeente, NULL, &err) != JR_OK ||
        youth_find(&r->ctx, bsn, &y, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(r, 201, youths_render(&y));
}

/* ROUTE: POST /api/v1/youths/search V1ONLY */
void youths_search(http_req *r)
{
    const char *bsn = NULL;
    http_body_str(r, "bsn", true, 10, &bsn);
    if (http_input_failed(r))
        return;
    jr_youth y;
    jr_error err;
    jr_error_clear(&err);
    char eid[24];
    jr_status rc = youth_find(&r->ctx, bsn, &y, &err);
    if (rc == JR_OK) {
        snprintf(eid, sizeof eid, "%lld", (long long)y.id);
        rc = audit_record(&r->ctx, "jeugdige.gezocht", "youth", eid, "op BSN (web)", &err);
    }
    if (rc != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(r, 200, youths_render(&y));
}

/* ROUTE: GET /api/v1/youths/{id} WRITES V1ONLY */
void youths_show(http_req *r)
{
    int64_t id;
    if (!http_param_int(r, 0, &id))
        return;
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
        rc = youth_get(&r->ctx, id, &y, &err);
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
                    json_pack("{s:o, s:o, s:o}", "youth", youths_render(&y), "referrals",
                              refs.items, "assignments", asg.items));
    return;
fail:
    http_page_free(&refs);
    http_page_free(&asg);
    http_reply_error(r, &err);
}

/*
 * res_assignments.c: assignments over HTTP: lists and one assignment with
 * its budget ledger and events; the municipality's change, end and
 * withdraw; the provider's start and stop of care.
 */
#include "../render/render.h"
#include "../service/care.h"
#include "http.h"

#include <string.h>

HTTP_PAGE_ROW(assignments_row, jr_assignment, render_assignment)
HTTP_PAGE_ROW(assignments_event_row, jr_ledger_event, render_ledger_event)

/* ROUTE: GET /api/v1/assignments */
void assignments_list(http_req *r)
{
    http_page p;
    jr_error err;
    jr_error_clear(&err);
    jr_youth y;
    const char *bsn;
    if (!http_query_youth(r, &y, &bsn) || !http_page_begin(r, &p))
        return;
    jr_status rc = assignment_list(&r->ctx, http_query(r, "gemeente"), http_query(r, "agb"), bsn,
                                   assignments_row, &p, &err);
    http_page_finish(r, &p, rc, &err);
}

/* assignments_reply: answers status with the assignment as it is now,
 * with its ledger events. */
static void assignments_reply(http_req *r, int status, const char *number)
{
    jr_assignment a;
    jr_error err;
    jr_error_clear(&err);
    http_page ev = {1000000, 0, 0, json_array()};
    json_t *o = NULL;
    jr_status rc = ev.items ? assignment_get(&r->ctx, number, &a, &err)
                            : jr_fail(&err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    if (rc == JR_OK)
        rc = ledger_events(&r->ctx, number, assignments_event_row, &ev, &err);
    if (rc == JR_OK && (!(o = render_assignment(&a)) || json_object_set(o, "events", ev.items)))
        rc = jr_fail(&err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    if (rc != JR_OK)
        goto fail;
    json_decref(ev.items); /* o holds it now */
    http_reply_json(r, status, o);
    return;
fail:
    json_decref(ev.items);
    json_decref(o);
    http_reply_error(r, &err);
}

/* ROUTE: GET /api/v1/assignments/{number} */
void assignments_show(http_req *r)
{
    assignments_reply(r, 200, r->params[0]);
}

/* ROUTE: PATCH /api/v1/assignments/{number} */
void assignments_change(http_req *r)
{
    int64_t budget = -1, volume = -1;
    jr_date end = JR_DATE_NONE;
    const char *reason = NULL;
    http_body_int(r, "budget_cents", false, 0, INT64_MAX / 1000, &budget);
    http_body_int(r, "volume", false, 1, 1000000, &volume);
    http_body_date(r, "end", false, &end);
    http_body_str(r, "reason", false, 3, &reason);
    if (http_input_failed(r))
        return;
    if (budget >= 0 && volume >= 0) {
        http_reply_fail(r, JR_EINVAL, "budget_and_volume", "volume",
                        "Geef een nieuw budget of een nieuw volume, niet allebei.");
        return;
    }
    jr_error err;
    jr_invalid_list invalid; /* every field the service refuses */
    jr_error_collect(&err, &invalid);
    if (assignment_change(&r->ctx, r->params[0], budget >= 0 ? budget : volume, end, reason,
                          &err) != JR_OK)
        http_reply_error(r, &err);
    else
        assignments_reply(r, 200, r->params[0]);
}

/* ROUTE: POST /api/v1/assignments/{number}/end */
void assignments_end(http_req *r)
{
    jr_date date;
    const char *reason = NULL;
    http_body_date(r, "date", true, &date);
    http_body_str(r, "reason", false, 256, &reason);
    if (http_input_failed(r))
        return;
    jr_error err;
    jr_error_clear(&err);
    if (assignment_end(&r->ctx, r->params[0], date, reason, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        assignments_reply(r, 200, r->params[0]);
}

/* ROUTE: POST /api/v1/assignments/{number}/withdraw */
void assignments_withdraw(http_req *r)
{
    jr_error err;
    jr_error_clear(&err);
    if (assignment_withdraw(&r->ctx, r->params[0], &err) != JR_OK)
        http_reply_error(r, &err);
    else
        assignments_reply(r, 200, r->params[0]);
}

/* assignments_care_agb: the provider that reports care: a provider
 * itself; for the beheerder the one in the body or else the assignment's.
 * NULL after answering an error. */
static const char *assignments_care_agb(http_req *r, char buf[9])
{
    const char *agb = NULL;
    if (r->ctx.who.role == JR_ROLE_AANBIEDER)
        return r->ctx.who.agb;
    http_body_str(r, "agb", false, 9, &agb);
    if (http_input_failed(r))
        return NULL;
    if (agb || r->ctx.who.role != JR_ROLE_BEHEERDER)
        return agb ? agb : "";
    jr_assignment a;
    jr_error err;
    jr_error_clear(&err);
    if (assignment_get(&r->ctx, r->params[0], &a, &err) != JR_OK) {
        http_reply_error(r, &err);
        return NULL;
    }
    memcpy(buf, a.agb, 9);
    return buf;
}

/* ROUTE: POST /api/v1/assignments/{number}/care-start */
void assignments_care_start(http_req *r)
{
    jr_date date;
    char buf[9];
    const char *agb;
    http_body_date(r, "date", true, &date);
    if (http_input_failed(r) || !(agb = assignments_care_agb(r, buf)))
        return;
    jr_error err;
    jr_error_clear(&err);
    if (care_start(&r->ctx, r->params[0], agb, date, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        assignments_reply(r, 200, r->params[0]);
}

/* ROUTE: POST /api/v1/assignments/{number}/care-stop */
void assignments_care_stop(http_req *r)
{
    jr_date date;
    char buf[9];
    const char *agb, *reason = NULL;
    http_body_date(r, "date", true, &date);
    http_body_str(r, "reason", true, 3, &reason);
    if (http_input_failed(r) || !(agb = assignments_care_agb(r, buf)))
        return;
    jr_error err;
    jr_error_clear(&err);
    if (care_stop(&r->ctx, r->params[0], agb, date, reason, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        assignments_reply(r, 200, r->params[0]);
}

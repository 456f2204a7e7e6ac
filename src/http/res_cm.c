/*
 * res_cm.c: contract management over HTTP (issue 12,
 * service/contract_mgmt.h, docs/contract-management.md):
 * - GET /api/v1/directory/providers[?product=][&gemeente=][&name=]: the
 *   provider directory for every logged-in role, and
 *   GET /api/v1/public/providers the same without a session (no personal
 *   data: providers, their contracted offer, municipalities, contact
 *   details and waiting times only); GET /api/v1/public/catalog the
 *   municipalities, products and budgets its filters offer (no tariffs);
 * - GET /api/v1/provider-files/{agb}[?period=P]: the provider file
 *   (dossier), with ?period= its production from the monitor's figures
 *   with the provider filter;
 * - PUT /api/v1/providers/{agb}/details, POST .../waiting-times,
 *   PUT .../contract-manager, POST .../complaints, .../escalations,
 *   .../notes; POST /api/v1/complaints/{id}/close,
 *   POST /api/v1/escalations/{id}/steps;
 * - GET /api/v1/contract-managers[?user=];
 * - GET and PUT /api/v1/contracts/{id}/municipalities.
 * Who may is the service's rule (403 for a role that may not, 404 for
 * another provider's records).
 */
#include "../render/render.h"
#include "../render/render_cm.h"
#include "../render/render_figures.h"
#include "../service/figures.h"
#include "http.h"

#include <stdlib.h>
#include <string.h>

HTTP_PAGE_ROW(dir_row, jr_cm_dir_entry, render_cm_dir_entry)
HTTP_PAGE_ROW(manager_row, store_cm_manager_row, render_cm_manager)

static void directory(http_req *r)
{
    jr_cm_dir_filter f = {http_query(r, "product"), http_query(r, "gemeente"),
                          http_query(r, "name")};
    http_page p;
    if (!http_page_begin(r, &p))
        return;
    jr_error err;
    jr_invalid_list invalid;
    jr_error_collect(&err, &invalid);
    jr_status rc = cm_directory(&r->ctx, &f, dir_row, &p, &err);
    http_page_finish(r, &p, rc, &err);
}

/* ROUTE: GET /api/v1/directory/providers V1ONLY */
void cm_directory_get(http_req *r)
{
    directory(r);
}

/* ROUTE: GET /api/v1/public/providers PUBLIC V1ONLY */
void cm_public_providers(http_req *r)
{
    directory(r);
}

/* ROUTE: GET /api/v1/public/catalog PUBLIC V1ONLY */
void cm_public_catalog(http_req *r)
{
    http_reply_json(r, 200, render_cm_public_catalog(r->ctx.cat));
}

/* the rows of a file's lists, into a JSON array (ud) */
static int add_contract(void *ud, const void *row)
{
    return json_array_append_new(ud, render_cm_contract(row)) != 0;
}
static int add_complaint(void *ud, const void *row)
{
    return json_array_append_new(ud, render_cm_complaint(row)) != 0;
}
static int add_escalation(void *ud, const void *row)
{
    return json_array_append_new(ud, render_cm_escalation(row)) != 0;
}
static int add_note(void *ud, const void *row)
{
    return json_array_append_new(ud, render_cm_note(row)) != 0;
}

/* production: the provider's production in period from the monitor's own
 * figures with the provider filter (figures_volume, figures_spending:
 * nothing computed again), as {period, volume, spending}; NULL after
 * answering the failure */
static json_t *production(http_req *r, const jr_period *period, const char *agb)
{
    jr_error err;
    jr_error_clear(&err);
    jr_figures_volume v;
    jr_figures_spending *s = calloc(1, sizeof *s);
    json_t *o = NULL;
    if (!s)
        http_reply_fail(r, JR_ENOMEM, "nomem", "", "Onvoldoende geheugen.");
    else if (figures_volume(&r->ctx, period, NULL, agb, &v, &err) != JR_OK ||
             figures_spending(&r->ctx, period, NULL, agb, s, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        o = json_pack("{s:s, s:o, s:o}", "period", http_query(r, "period"), "volume",
                      render_figures_volume(&v), "spending", render_figures_spending(s));
    if (s)
        figures_spending_free(s);
    free(s);
    return o;
}

/* ROUTE: GET /api/v1/provider-files/{agb} V1ONLY */
void cm_file_get(http_req *r)
{
    const char *agb = r->params[0];
    jr_period period;
    const char *ps = http_query(r, "period");
    if (ps && !period_parse(ps, &period))
        http_invalid_add(r, "period_invalid", "period",
                         "Periode '%.20s' is ongeldig: een jaar (2025), half jaar (2025-H1), "
                         "kwartaal (2025-Q2) of maand (2025-03).",
                         ps);
    if (http_input_failed(r))
        return;
    jr_error err;
    jr_invalid_list invalid;
    jr_error_collect(&err, &invalid);
    jr_cm_head h;
    if (cm_file_head(&r->ctx, agb, &h, &err) != JR_OK) {
        http_reply_error(r, &err);
        return;
    }
    json_t *o = render_cm_head(&h);
    json_t *contracts = json_array(), *escalations = json_array();
    json_t *complaints = h.full ? json_array() : NULL, *notes = h.full ? json_array() : NULL;
    jr_status rc = cm_contracts(&r->ctx, agb, add_contract, contracts, &err);
    if (rc == JR_OK)
        rc = cm_escalations(&r->ctx, agb, add_escalation, escalations, &err);
    if (rc == JR_OK && h.full)
        rc = cm_complaints(&r->ctx, agb, add_complaint, complaints, &err);
    if (rc == JR_OK && h.full)
        rc = cm_notes(&r->ctx, agb, add_note, notes, &err);
    if (rc != JR_OK) {
        json_decref(o);
        json_decref(contracts);
        json_decref(escalations);
        json_decref(complaints);
        json_decref(notes);
        http_reply_error(r, &err);
        return;
    }
    json_t *prod = json_null();
    if (ps && !(prod = production(r, &period, h.p.agb))) {
        json_decref(o);
        json_decref(contracts);
        json_decref(escalations);
        json_decref(complaints);
        json_decref(notes);
        return;
    }
    json_object_set_new(o, "production", prod);
    json_object_set_new(o, "contracts", contracts);
    json_object_set_new(o, "escalations", escalations);
    json_object_set_new(o, "complaints", h.full ? complaints : json_null());
    json_object_set_new(o, "notes", h.full ? notes : json_null());
    http_reply_json(r, 200, o);
}

/* ROUTE: GET /api/v1/contract-managers V1ONLY */
void cm_managers_get(http_req *r)
{
    const char *user = http_query(r, "user");
    http_page p;
    if (!http_page_begin(r, &p))
        return;
    jr_error err;
    jr_error_clear(&err);
    jr_status rc = cm_manager_list(&r->ctx, user, manager_row, &p, &err);
    http_page_finish(r, &p, rc, &err);
}

/* ROUTE: PUT /api/v1/providers/{agb}/contract-manager V1ONLY */
void cm_manager_put(http_req *r)
{
    const char *user = NULL;
    http_body_str(r, "user", true, 64, &user);
    if (http_input_failed(r))
        return;
    jr_error err;
    jr_invalid_list invalid;
    jr_error_collect(&err, &invalid);
    jr_cm_head h;
    if (cm_manager_set(&r->ctx, r->params[0], user, &err) != JR_OK ||
        cm_file_head(&r->ctx, r->params[0], &h, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(r, 200, render_cm_head(&h));
}

/* body_text: an optional text field into buf ("" when absent) */
static void body_text(http_req *r, const char *name, char *buf, size_t cap)
{
    const char *s = NULL;
    buf[0] = '\0';
    if (http_body_str(r, name, false, cap, &s) && s)
        snprintf(buf, cap, "%s", s);
}

/* ROUTE: PUT /api/v1/providers/{agb}/details V1ONLY */
void cm_details_put(http_req *r)
{
    jr_cm_details d;
    body_text(r, "address", d.address, sizeof d.address);
    body_text(r, "postcode", d.postcode, sizeof d.postcode);
    body_text(r, "place", d.place, sizeof d.place);
    body_text(r, "phone", d.phone, sizeof d.phone);
    body_text(r, "email", d.email, sizeof d.email);
    body_text(r, "website", d.website, sizeof d.website);
    if (http_input_failed(r))
        return;
    jr_error err;
    jr_invalid_list invalid;
    jr_error_collect(&err, &invalid);
    jr_cm_head h;
    if (cm_details_set(&r->ctx, r->params[0], &d, &err) != JR_OK ||
        cm_file_head(&r->ctx, r->params[0], &h, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(r, 200, render_cm_head(&h));
}

/* ROUTE: POST /api/v1/providers/{agb}/waiting-times V1ONLY */
void cm_waiting_post(http_req *r)
{
    int64_t weeks = 0;
    jr_date date = r->ctx.today;
    http_body_int(r, "weeks", true, -1000, 1000, &weeks);
    http_body_date(r, "date", false, &date);
    if (http_input_failed(r))
        return;
    jr_error err;
    jr_invalid_list invalid;
    jr_error_collect(&err, &invalid);
    jr_cm_head h;
    if (cm_waiting_report(&r->ctx, r->params[0], weeks, date, &err) != JR_OK ||
        cm_file_head(&r->ctx, r->params[0], &h, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(r, 201, render_cm_head(&h));
}

/* ROUTE: POST /api/v1/providers/{agb}/complaints V1ONLY */
void cm_complaint_post(http_req *r)
{
    store_cm_complaint_row *c = calloc(1, sizeof *c);
    if (!c) {
        http_reply_fail(r, JR_ENOMEM, "nomem", "", "Onvoldoende geheugen.");
        return;
    }
    c->received_on = r->ctx.today;
    c->closed_on = JR_DATE_NONE;
    http_body_date(r, "received_on", false, &c->received_on);
    body_text(r, "complainant", c->complainant, sizeof c->complainant);
    body_text(r, "subject", c->subject, sizeof c->subject);
    body_text(r, "handling", c->handling, sizeof c->handling);
    http_body_date(r, "closed_on", false, &c->closed_on);
    if (!http_input_failed(r)) {
        jr_error err;
        jr_invalid_list invalid;
        jr_error_collect(&err, &invalid);
        int64_t id = 0;
        store_cm_complaint_row out;
        if (cm_complaint_add(&r->ctx, r->params[0], c, &id, &err) != JR_OK ||
            cm_complaint_get(&r->ctx, id, &out, &err) != JR_OK)
            http_reply_error(r, &err);
        else
            http_reply_json(r, 201, render_cm_complaint(&out));
    }
    free(c);
}

/* ROUTE: POST /api/v1/complaints/{id}/close V1ONLY */
void cm_complaint_close_post(http_req *r)
{
    int64_t id;
    if (!http_param_int(r, 0, &id))
        return;
    jr_date date = r->ctx.today;
    const char *handling = NULL;
    http_body_date(r, "date", false, &date);
    http_body_str(r, "handling", false, JR_CM_TEXT_MAX + 1, &handling);
    if (http_input_failed(r))
        return;
    jr_error err;
    jr_invalid_list invalid;
    jr_error_collect(&err, &invalid);
    store_cm_complaint_row out;
    if (cm_complaint_close(&r->ctx, id, date, handling, &err) != JR_OK ||
        cm_complaint_get(&r->ctx, id, &out, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(r, 200, render_cm_complaint(&out));
}

static void reply_escalation(http_req *r, int status, int64_t id, jr_error *err)
{
    jr_cm_escalation *x = malloc(sizeof *x);
    if (!x)
        http_reply_fail(r, JR_ENOMEM, "nomem", "", "Onvoldoende geheugen.");
    else if (cm_escalation_get(&r->ctx, id, x, err) != JR_OK)
        http_reply_error(r, err);
    else
        http_reply_json(r, status, render_cm_escalation(x));
    free(x);
}

/* ROUTE: POST /api/v1/providers/{agb}/escalations V1ONLY */
void cm_escalation_post(http_req *r)
{
    const char *kind = NULL, *reason = NULL, *note = NULL;
    jr_date date = r->ctx.today;
    http_body_str(r, "kind", true, 16, &kind);
    http_body_str(r, "reason", false, JR_CM_TEXT_MAX + 1, &reason);
    http_body_date(r, "date", false, &date);
    http_body_str(r, "note", false, JR_CM_TEXT_MAX + 1, &note);
    if (http_input_failed(r))
        return;
    jr_error err;
    jr_invalid_list invalid;
    jr_error_collect(&err, &invalid);
    int64_t id = 0;
    if (cm_escalation_open(&r->ctx, r->params[0], kind, reason, date, note, &id, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        reply_escalation(r, 201, id, &err);
}

/* ROUTE: POST /api/v1/escalations/{id}/steps V1ONLY */
void cm_escalation_step_post(http_req *r)
{
    int64_t id;
    if (!http_param_int(r, 0, &id))
        return;
    const char *step = NULL, *note = NULL;
    jr_date date = r->ctx.today;
    http_body_str(r, "step", true, 16, &step);
    http_body_date(r, "date", false, &date);
    http_body_str(r, "note", false, JR_CM_TEXT_MAX + 1, &note);
    if (http_input_failed(r))
        return;
    jr_error err;
    jr_invalid_list invalid;
    jr_error_collect(&err, &invalid);
    if (cm_escalation_step(&r->ctx, id, step, date, note, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        reply_escalation(r, 201, id, &err);
}

/* ROUTE: POST /api/v1/providers/{agb}/notes V1ONLY */
void cm_note_post(http_req *r)
{
    const char *text = NULL;
    jr_date date = r->ctx.today;
    http_body_date(r, "date", false, &date);
    http_body_str(r, "text", true, JR_CM_TEXT_MAX + 1, &text);
    if (http_input_failed(r))
        return;
    jr_error err;
    jr_invalid_list invalid;
    jr_error_collect(&err, &invalid);
    int64_t id = 0;
    if (cm_note_add(&r->ctx, r->params[0], date, text, &id, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(r, 201,
                        json_pack("{s:I, s:o, s:s}", "id", (json_int_t)id, "date",
                                  render_date(date), "text", text));
}

/* ROUTE: GET /api/v1/contracts/{id}/municipalities V1ONLY */
void cm_scope_get_route(http_req *r)
{
    int64_t id;
    if (!http_param_int(r, 0, &id))
        return;
    jr_error err;
    jr_error_clear(&err);
    jr_cm_contract c;
    if (cm_scope_get(&r->ctx, id, &c, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(r, 200, render_cm_contract(&c));
}

/* ROUTE: PUT /api/v1/contracts/{id}/municipalities V1ONLY */
void cm_scope_put_route(http_req *r)
{
    int64_t id;
    if (!http_param_int(r, 0, &id))
        return;
    json_t *a = json_object_get(r->body, "gemeenten");
    const char *codes[JR_CM_SCOPE_MAX];
    int n = 0;
    if (!json_is_array(a))
        http_invalid_add(r, "field_missing", "gemeenten",
                         "Het veld gemeenten ontbreekt: een lijst van CBS-codes (leeg: alle "
                         "gemeenten van de regio).");
    else if (json_array_size(a) > JR_CM_SCOPE_MAX)
        http_invalid_add(r, "gemeente_too_many", "gemeenten", "Meer dan %d gemeenten gegeven.",
                         JR_CM_SCOPE_MAX);
    else
        for (size_t i = 0; i < json_array_size(a); i++) {
            const char *s = json_string_value(json_array_get(a, i));
            if (!s) {
                http_invalid_add(r, "field_type", "gemeenten",
                                 "Gemeente %zu in de lijst is geen tekst (een CBS-code).", i + 1);
                break;
            }
            codes[n++] = s;
        }
    if (http_input_failed(r))
        return;
    jr_error err;
    jr_invalid_list invalid;
    jr_error_collect(&err, &invalid);
    jr_cm_contract c;
    if (cm_scope_set(&r->ctx, id, codes, n, &err) != JR_OK ||
        cm_scope_get(&r->ctx, id, &c, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(r, 200, render_cm_contract(&c));
}

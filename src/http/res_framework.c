/*
 * res_framework.c: framework agreements, the change procedure and the
 * transformation covenant over HTTP (issue 12, service/framework.h,
 * docs/framework.md):
 * - /api/v1/framework-agreements: the agreements per lot with their
 *   current end, next evaluation and contract count; one agreement with its
 *   extensions, evaluations and contracts; adding one, an extension, an
 *   evaluation moment, an evaluation's outcome, a contract under it;
 * - /api/v1/change-proposals: the proposals the principal sees, one with
 *   its history, submitting one, and its steps (discussion, decision,
 *   effect);
 * - /api/v1/covenants: the covenants with their lots, commitments and the
 *   current status per provider; adding a covenant, a commitment, a status.
 * Who may is the service's rule (403 for a role that may not; a record the
 * principal may not see is 404). Every change answers the record as it is
 * now.
 */
#include "../render/render_framework.h"
#include "http.h"

#include <stdlib.h>
#include <string.h>

HTTP_PAGE_ROW(fw_summary_page, jr_fw_summary, render_fw_summary)
HTTP_PAGE_ROW(fw_proposal_page, jr_fw_proposal, render_fw_proposal)

/* ROUTE: GET /api/v1/framework-agreements V1ONLY */
void framework_agreements_list(http_req *r)
{
    http_page p;
    if (!http_page_begin(r, &p))
        return;
    jr_error err;
    jr_error_clear(&err);
    jr_status rc = framework_agreement_list(&r->ctx, fw_summary_page, &p, &err);
    http_page_finish(r, &p, rc, &err);
}

/* agreement_reply: agreement id as it is now, with its extensions,
 * evaluations and contracts */
static void agreement_reply(http_req *r, int status, int64_t id)
{
    jr_fw_summary s;
    jr_error err;
    jr_error_clear(&err);
    json_t *ext = json_array(), *ev = json_array(), *con = json_array();
    jr_status rc = framework_agreement_get(&r->ctx, id, &s, &err);
    if (rc == JR_OK)
        rc = framework_extension_list(&r->ctx, id, render_fw_extension_row, ext, &err);
    if (rc == JR_OK)
        rc = framework_evaluation_list(&r->ctx, id, render_fw_evaluation_row, ev, &err);
    if (rc == JR_OK)
        rc = framework_contract_list(&r->ctx, id, render_fw_contract_row, con, &err);
    if (rc != JR_OK) {
        json_decref(ext);
        json_decref(ev);
        json_decref(con);
        http_reply_error(r, &err);
        return;
    }
    json_t *o = render_fw_summary(&s);
    if (o) {
        json_object_set_new(o, "extension_list", ext);
        json_object_set_new(o, "evaluation_list", ev);
        json_object_set_new(o, "contract_list", con);
    } else {
        json_decref(ext);
        json_decref(ev);
        json_decref(con);
    }
    http_reply_json(r, status, o);
}

/* ROUTE: GET /api/v1/framework-agreements/{id} V1ONLY */
void framework_agreements_show(http_req *r)
{
    int64_t id;
    if (http_param_int(r, 0, &id))
        agreement_reply(r, 200, id);
}

/* ROUTE: POST /api/v1/framework-agreements V1ONLY */
void framework_agreements_add(http_req *r)
{
    const char *lot = NULL, *name = NULL;
    jr_date start = JR_DATE_NONE, end = JR_DATE_NONE;
    http_body_str(r, "lot", true, 16, &lot);
    http_body_str(r, "name", true, JR_FW_NAME_MAX + 1, &name);
    http_body_date(r, "start", true, &start);
    http_body_date(r, "end", true, &end);
    if (http_input_failed(r))
        return;
    jr_error err;
    jr_invalid_list invalid;
    jr_error_collect(&err, &invalid);
    int64_t id = 0;
    if (framework_agreement_add(&r->ctx, lot, name, start, end, &id, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        agreement_reply(r, 201, id);
}

/* ROUTE: POST /api/v1/framework-agreements/{id}/extensions V1ONLY */
void framework_agreements_extend(http_req *r)
{
    int64_t id, months = 0;
    jr_date start = JR_DATE_NONE;
    const char *note = "";
    if (!http_param_int(r, 0, &id))
        return;
    http_body_date(r, "start", true, &start);
    http_body_int(r, "months", true, 1, JR_FW_EXT_MONTHS_MAX, &months);
    http_body_str(r, "note", false, JR_FW_TEXT_MAX + 1, &note);
    if (http_input_failed(r))
        return;
    jr_error err;
    jr_invalid_list invalid;
    jr_error_collect(&err, &invalid);
    if (framework_extend(&r->ctx, id, start, (int32_t)months, note, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        agreement_reply(r, 201, id);
}

/* ROUTE: POST /api/v1/framework-agreements/{id}/evaluations V1ONLY */
void framework_agreements_evaluation(http_req *r)
{
    int64_t id;
    jr_date date = JR_DATE_NONE;
    const char *subject = NULL;
    if (!http_param_int(r, 0, &id))
        return;
    http_body_date(r, "date", true, &date);
    http_body_str(r, "subject", true, JR_FW_NAME_MAX + 1, &subject);
    if (http_input_failed(r))
        return;
    jr_error err;
    jr_invalid_list invalid;
    jr_error_collect(&err, &invalid);
    if (framework_evaluation_add(&r->ctx, id, date, subject, NULL, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        agreement_reply(r, 201, id);
}

/* ROUTE: POST /api/v1/framework-agreements/{id}/evaluations/{eid}/outcome V1ONLY */
void framework_agreements_outcome(http_req *r)
{
    int64_t id, eid;
    jr_date date = JR_DATE_NONE;
    const char *outcome = NULL;
    if (!http_param_int(r, 0, &id) || !http_param_int(r, 1, &eid))
        return;
    http_body_date(r, "date", true, &date);
    http_body_str(r, "outcome", true, JR_FW_TEXT_MAX + 1, &outcome);
    if (http_input_failed(r))
        return;
    jr_error err;
    jr_invalid_list invalid;
    jr_error_collect(&err, &invalid);
    if (framework_evaluation_hold(&r->ctx, id, eid, date, outcome, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        agreement_reply(r, 200, id);
}

/* ROUTE: POST /api/v1/framework-agreements/{id}/contracts V1ONLY */
void framework_agreements_link(http_req *r)
{
    int64_t id, contract = 0;
    if (!http_param_int(r, 0, &id))
        return;
    http_body_int(r, "contract_id", true, 1, INT64_MAX, &contract);
    if (http_input_failed(r))
        return;
    jr_error err;
    jr_invalid_list invalid;
    jr_error_collect(&err, &invalid);
    if (framework_contract_link(&r->ctx, id, contract, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        agreement_reply(r, 201, id);
}

/* ROUTE: GET /api/v1/change-proposals V1ONLY */
void change_proposals_list(http_req *r)
{
    int64_t agreement = 0;
    if (http_query(r, "agreement"))
        http_query_int(r, "agreement", 1, INT64_MAX, &agreement);
    http_page p;
    if (!http_page_begin(r, &p))
        return;
    jr_error err;
    jr_error_clear(&err);
    jr_status rc = framework_proposal_list(&r->ctx, agreement, fw_proposal_page, &p, &err);
    http_page_finish(r, &p, rc, &err);
}

/* proposal_reply: proposal id as it is now, with its history */
static void proposal_reply(http_req *r, int status, int64_t id)
{
    jr_fw_proposal *p = calloc(1, sizeof *p);
    json_t *hist = json_array();
    jr_error err;
    jr_error_clear(&err);
    jr_status rc = p && hist ? framework_proposal_get(&r->ctx, id, p, &err)
                             : jr_fail(&err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    if (rc == JR_OK)
        rc = framework_proposal_history(&r->ctx, id, render_fw_event_row, hist, &err);
    if (rc != JR_OK) {
        free(p);
        json_decref(hist);
        http_reply_error(r, &err);
        return;
    }
    json_t *o = render_fw_proposal(p);
    free(p);
    if (o)
        json_object_set_new(o, "history", hist);
    else
        json_decref(hist);
    http_reply_json(r, status, o);
}

/* ROUTE: GET /api/v1/change-proposals/{id} V1ONLY */
void change_proposals_show(http_req *r)
{
    int64_t id;
    if (http_param_int(r, 0, &id))
        proposal_reply(r, 200, id);
}

/* ROUTE: POST /api/v1/change-proposals V1ONLY */
void change_proposals_submit(http_req *r)
{
    int64_t agreement = 0;
    const char *kind = NULL;
    jr_fw_proposal_in in;
    memset(&in, 0, sizeof in);
    in.kind = JR_FWK_RSJ;
    http_body_int(r, "agreement_id", true, 1, INT64_MAX, &agreement);
    http_body_str(r, "proposer_kind", false, 16, &kind);
    http_body_str(r, "proposer", false, 16, &in.proposer);
    http_body_str(r, "title", false, 0, &in.title);
    http_body_str(r, "description", false, 0, &in.description);
    http_body_str(r, "effect_youth", false, 0, &in.effect_youth);
    http_body_str(r, "effect_contractor", false, 0, &in.effect_contractor);
    http_body_str(r, "effect_client", false, 0, &in.effect_client);
    if (kind && !framework_proposer_parse(kind, &in.kind))
        http_invalid_add(r, "proposer_invalid", "proposer_kind",
                         "Kies wie het voorstel doet: gemeente, rsj of aanbieder.");
    if (http_input_failed(r))
        return;
    in.agreement_id = agreement;
    jr_error err;
    jr_invalid_list invalid;
    jr_error_collect(&err, &invalid);
    int64_t id = 0;
    if (framework_propose(&r->ctx, &in, &id, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        proposal_reply(r, 201, id);
}

static void proposal_step(http_req *r, jr_fwp_step step)
{
    int64_t id;
    const char *text = NULL, *outcome_s = NULL;
    jr_fwp_outcome outcome = JR_FWO_NONE;
    if (!http_param_int(r, 0, &id))
        return;
    if (step == JR_FWS_DECIDE) {
        http_body_str(r, "outcome", true, 16, &outcome_s);
        http_body_str(r, "reason", false, 0, &text);
        if (outcome_s && !framework_outcome_parse(outcome_s, &outcome))
            http_invalid_add(r, "outcome_invalid", "outcome",
                             "Kies het besluit: aangenomen of afgewezen.");
    } else {
        http_body_str(r, "note", false, 0, &text);
    }
    if (http_input_failed(r))
        return;
    jr_error err;
    jr_invalid_list invalid;
    jr_error_collect(&err, &invalid);
    if (framework_proposal_step(&r->ctx, id, step, outcome, text, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        proposal_reply(r, 200, id);
}

/* ROUTE: POST /api/v1/change-proposals/{id}/discussion V1ONLY */
void change_proposals_discuss(http_req *r)
{
    proposal_step(r, JR_FWS_DISCUSS);
}

/* ROUTE: POST /api/v1/change-proposals/{id}/decision V1ONLY */
void change_proposals_decide(http_req *r)
{
    proposal_step(r, JR_FWS_DECIDE);
}

/* ROUTE: POST /api/v1/change-proposals/{id}/effect V1ONLY */
void change_proposals_effect(http_req *r)
{
    proposal_step(r, JR_FWS_EFFECT);
}

/* covenant_json: covenant c with its lots, commitments and statuses */
static jr_status covenant_json(http_req *r, const jr_cov *c, json_t **out, jr_error *err)
{
    json_t *lots = json_array(), *com = json_array(), *st = json_array();
    jr_status rc = covenant_lots(&r->ctx, c->id, render_cov_lot_row, lots, err);
    if (rc == JR_OK)
        rc = covenant_commitments(&r->ctx, c->id, render_cov_commitment_row, com, err);
    if (rc == JR_OK)
        rc = covenant_statuses(&r->ctx, c->id, render_cov_status_row, st, err);
    json_t *o = rc == JR_OK ? render_cov(c) : NULL;
    if (!o) {
        json_decref(lots);
        json_decref(com);
        json_decref(st);
        *out = NULL;
        return rc == JR_OK ? jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.") : rc;
    }
    json_object_set_new(o, "lots", lots);
    json_object_set_new(o, "commitments", com);
    json_object_set_new(o, "statuses", st);
    *out = o;
    return JR_OK;
}

#define COV_LIST_MAX 64

typedef struct {
    jr_cov v[COV_LIST_MAX];
    int n;
} cov_acc;

static int cov_row(void *ud, const void *row)
{
    cov_acc *a = ud;
    if (a->n < COV_LIST_MAX)
        a->v[a->n++] = *(const jr_cov *)row;
    return 0;
}

/* ROUTE: GET /api/v1/covenants V1ONLY */
void covenants_list(http_req *r)
{
    jr_error err;
    jr_error_clear(&err);
    cov_acc *a = calloc(1, sizeof *a);
    json_t *items = json_array();
    /* the covenants first (few), then each one's parts */
    jr_status rc = a && items ? covenant_list(&r->ctx, cov_row, a, &err)
                              : jr_fail(&err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    for (int i = 0; rc == JR_OK && i < a->n; i++) {
        json_t *o = NULL;
        if ((rc = covenant_json(r, &a->v[i], &o, &err)) == JR_OK)
            json_array_append_new(items, o);
    }
    free(a);
    if (rc != JR_OK) {
        json_decref(items);
        http_reply_error(r, &err);
        return;
    }
    http_reply_json(
        r, 200,
        json_pack("{s:o, s:I}", "items", items, "total", (json_int_t)json_array_size(items)));
}

static void covenant_reply(http_req *r, int status, int64_t id)
{
    jr_cov c;
    jr_error err;
    jr_error_clear(&err);
    json_t *o = NULL;
    if (covenant_get(&r->ctx, id, &c, &err) != JR_OK || covenant_json(r, &c, &o, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(r, status, o);
}

/* ROUTE: GET /api/v1/covenants/{id} V1ONLY */
void covenants_show(http_req *r)
{
    int64_t id;
    if (http_param_int(r, 0, &id))
        covenant_reply(r, 200, id);
}

/* ROUTE: POST /api/v1/covenants V1ONLY */
void covenants_add(http_req *r)
{
    const char *name = NULL;
    jr_date signed_date = JR_DATE_NONE;
    http_body_str(r, "name", true, JR_FW_NAME_MAX + 1, &name);
    http_body_date(r, "signed", true, &signed_date);
    json_t *l = json_object_get(r->body, "lots");
    const char *lots[JR_MAX_LOTS];
    int n = 0;
    if (!json_is_array(l) || json_array_size(l) == 0 || json_array_size(l) > JR_MAX_LOTS)
        http_invalid_add(r, "lots_missing", "lots",
                         "Geef in 'lots' de percelen van het convenant, bijvoorbeeld [\"P1\", "
                         "\"P2\"] (1 tot en met %d).",
                         JR_MAX_LOTS);
    else
        for (size_t i = 0; i < json_array_size(l); i++) {
            const char *s = json_string_value(json_array_get(l, i));
            if (!s)
                http_invalid_add(r, "lot_unknown", "lots", "Perceel %zu is geen tekst.", i + 1);
            else
                lots[n++] = s;
        }
    if (http_input_failed(r))
        return;
    jr_error err;
    jr_invalid_list invalid;
    jr_error_collect(&err, &invalid);
    int64_t id = 0;
    if (covenant_add(&r->ctx, name, signed_date, lots, n, &id, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        covenant_reply(r, 201, id);
}

/* ROUTE: POST /api/v1/covenants/{id}/commitments V1ONLY */
void covenants_commitment(http_req *r)
{
    int64_t id;
    const char *title = NULL, *description = NULL;
    if (!http_param_int(r, 0, &id))
        return;
    http_body_str(r, "title", true, JR_FW_NAME_MAX + 1, &title);
    http_body_str(r, "description", false, 0, &description);
    if (http_input_failed(r))
        return;
    jr_error err;
    jr_invalid_list invalid;
    jr_error_collect(&err, &invalid);
    if (covenant_commitment_add(&r->ctx, id, title, description, NULL, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        covenant_reply(r, 201, id);
}

/* ROUTE: POST /api/v1/covenants/{id}/statuses V1ONLY */
void covenants_status(http_req *r)
{
    int64_t id, commitment = 0;
    const char *agb = NULL, *status_s = NULL, *note = "";
    jr_date date = JR_DATE_NONE;
    jr_fcov_status status = JR_FCS_AFGESPROKEN;
    if (!http_param_int(r, 0, &id))
        return;
    http_body_int(r, "commitment_id", true, 1, INT64_MAX, &commitment);
    http_body_str(r, "agb", true, 9, &agb);
    http_body_str(r, "status", true, 24, &status_s);
    http_body_date(r, "date", true, &date);
    http_body_str(r, "note", false, JR_FW_TEXT_MAX + 1, &note);
    if (status_s && !framework_cov_status_parse(status_s, &status))
        http_invalid_add(r, "status_invalid", "status",
                         "Kies de stand: afgesproken, in_uitvoering, gerealiseerd of "
                         "niet_gerealiseerd.");
    if (http_input_failed(r))
        return;
    jr_error err;
    jr_invalid_list invalid;
    jr_error_collect(&err, &invalid);
    if (covenant_status_set(&r->ctx, id, commitment, agb, status, date, note, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        covenant_reply(r, 201, id);
}

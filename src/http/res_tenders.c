/*
 * res_tenders.c: tenders and admission over HTTP (issue 12,
 * service/tender.h, docs/tenders.md), the shapes of render/render_tender.h:
 * - GET  /api/v1/tenders: the tenders the principal sees;
 * - POST /api/v1/tenders: a new tender (201; the body as `tender add`);
 * - GET  /api/v1/tenders/{id}: one tender with its lots and criteria;
 * - PUT  /api/v1/tenders/{id}/dates: new phase dates {"dates", "reason"};
 * - GET/POST /api/v1/tenders/{id}/questions: the nota van inlichtingen;
 * - POST /api/v1/tenders/{id}/questions/{qid}/answer {"answer"};
 * - GET  /api/v1/tenders/{id}/registrations[?lot=ID];
 * - POST /api/v1/tenders/{id}/lots/{lot}/registrations: register (201);
 * - POST /api/v1/tenders/{id}/lots/{lot}/award and .../contracts;
 * - GET  /api/v1/tender-registrations/{id}, GET/POST .../{id}/scores,
 *   POST .../{id}/admission {"decision", "reason", "grounds"};
 * - GET  /api/v1/tenders/supply[?date=][&product=]: the supply figures.
 * Who may, and every phase's dates, are the service's rules (403 for a
 * role that may not, 404 for what it may not see, 400 naming the phase
 * and its dates outside them).
 */
#include "../render/render.h"
#include "../render/render_tender.h"
#include "http.h"

#include <string.h>

static void collect(jr_error *err, jr_invalid_list *l)
{
    jr_error_collect(err, l);
}

/* lot_of: whether lot belongs to tender id, as the principal sees it
 * (answers 404 when not) */
static bool lot_of(http_req *r, int64_t id, int64_t lot)
{
    jr_tender_view v;
    jr_error err;
    jr_error_clear(&err);
    if (tender_get(&r->ctx, id, &v, &err) != JR_OK) {
        http_reply_error(r, &err);
        return false;
    }
    for (int i = 0; i < v.nlots; i++)
        if (v.lots[i].l.id == lot)
            return true;
    http_reply_fail(r, JR_ENOTFOUND, "lot_unknown", "perceel",
                    "Perceel %lld hoort niet bij aanbesteding %lld.", (long long)lot,
                    (long long)id);
    return false;
}

static void reply_tender(http_req *r, int status, int64_t id)
{
    jr_tender_view v;
    jr_error err;
    jr_error_clear(&err);
    if (tender_get(&r->ctx, id, &v, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(r, status, render_tender(&v));
}

HTTP_PAGE_ROW(tender_page_row, jr_tender_view, render_tender)

/* ROUTE: GET /api/v1/tenders V1ONLY */
void tenders_list(http_req *r)
{
    http_page p;
    if (!http_page_begin(r, &p))
        return;
    jr_error err;
    jr_error_clear(&err);
    jr_status rc = tender_list(&r->ctx, tender_page_row, &p, &err);
    http_page_finish(r, &p, rc, &err);
}

/* ROUTE: POST /api/v1/tenders V1ONLY */
void tenders_add(http_req *r)
{
    jr_error err;
    jr_invalid_list invalid;
    collect(&err, &invalid);
    jr_tender_spec s;
    int64_t id = 0;
    if (tender_may_manage(&r->ctx, &err) != JR_OK ||
        render_tender_spec_parse(r->body, &s, &err) != JR_OK ||
        tender_create(&r->ctx, &s, &id, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        reply_tender(r, 201, id);
}

/* ROUTE: GET /api/v1/tenders/{id} V1ONLY */
void tenders_get(http_req *r)
{
    int64_t id;
    if (!http_param_int(r, 0, &id))
        return;
    reply_tender(r, 200, id);
}

/* ROUTE: PUT /api/v1/tenders/{id}/dates V1ONLY */
void tenders_set_dates(http_req *r)
{
    int64_t id;
    if (!http_param_int(r, 0, &id))
        return;
    jr_error err;
    jr_invalid_list invalid;
    collect(&err, &invalid);
    if (tender_may_manage(&r->ctx, &err) != JR_OK) {
        http_reply_error(r, &err);
        return;
    }
    const char *reason = NULL;
    http_body_str(r, "reason", true, 512, &reason);
    if (http_input_failed(r))
        return;
    jr_tender_dates d;
    if (render_tender_dates_parse(json_object_get(r->body, "dates"), &d, &err) != JR_OK ||
        tender_set_dates(&r->ctx, id, &d, reason, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        reply_tender(r, 200, id);
}

HTTP_PAGE_ROW(question_row, store_tquestion_row, render_tquestion)

/* ROUTE: GET /api/v1/tenders/{id}/questions V1ONLY */
void tenders_questions(http_req *r)
{
    int64_t id;
    if (!http_param_int(r, 0, &id))
        return;
    http_page p;
    if (!http_page_begin(r, &p))
        return;
    jr_error err;
    jr_error_clear(&err);
    jr_status rc = tender_questions(&r->ctx, id, question_row, &p, &err);
    http_page_finish(r, &p, rc, &err);
}

/* ROUTE: POST /api/v1/tenders/{id}/questions V1ONLY */
void tenders_ask(http_req *r)
{
    int64_t id;
    if (!http_param_int(r, 0, &id))
        return;
    const char *q = NULL;
    http_body_str(r, "question", true, 1024, &q);
    if (http_input_failed(r))
        return;
    jr_error err;
    jr_invalid_list invalid;
    collect(&err, &invalid);
    int64_t qid = 0;
    if (tender_ask(&r->ctx, id, q, &qid, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(
            r, 201, json_pack("{s:I, s:I}", "id", (json_int_t)qid, "tender_id", (json_int_t)id));
}

/* ROUTE: POST /api/v1/tenders/{id}/questions/{qid}/answer V1ONLY */
void tenders_answer(http_req *r)
{
    int64_t id, qid;
    if (!http_param_int(r, 0, &id) || !http_param_int(r, 1, &qid))
        return;
    const char *a = NULL;
    http_body_str(r, "answer", true, 2048, &a);
    if (http_input_failed(r))
        return;
    jr_error err;
    jr_invalid_list invalid;
    collect(&err, &invalid);
    if (tender_answer(&r->ctx, id, qid, a, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(r, 200, json_pack("{s:I, s:s}", "id", (json_int_t)qid, "answer", a));
}

HTTP_PAGE_ROW(reg_row, jr_treg_view, render_treg)

/* ROUTE: GET /api/v1/tenders/{id}/registrations V1ONLY */
void tenders_registrations(http_req *r)
{
    int64_t id, lot = 0;
    if (!http_param_int(r, 0, &id))
        return;
    http_query_int(r, "lot", 1, INT64_MAX, &lot);
    http_page p;
    if (!http_page_begin(r, &p))
        return;
    jr_error err;
    jr_error_clear(&err);
    jr_status rc = tender_registrations(&r->ctx, id, lot, reg_row, &p, &err);
    http_page_finish(r, &p, rc, &err);
}

static void reply_reg(http_req *r, int status, int64_t rid)
{
    jr_treg_view v;
    jr_error err;
    jr_error_clear(&err);
    if (tender_registration_get(&r->ctx, rid, &v, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(r, status, render_treg(&v));
}

/* ROUTE: POST /api/v1/tenders/{id}/lots/{lot}/registrations V1ONLY */
void tenders_register(http_req *r)
{
    int64_t id, lot;
    if (!http_param_int(r, 0, &id) || !http_param_int(r, 1, &lot) || !lot_of(r, id, lot))
        return;
    jr_error err;
    jr_invalid_list invalid;
    collect(&err, &invalid);
    jr_treg_spec s;
    s.lot_id = lot;
    int64_t rid = 0;
    if (tender_may_register(&r->ctx, &err) != JR_OK ||
        render_treg_spec_parse(r->body, &s, &err) != JR_OK ||
        tender_register(&r->ctx, &s, &rid, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        reply_reg(r, 201, rid);
}

/* ROUTE: POST /api/v1/tenders/{id}/lots/{lot}/award V1ONLY */
void tenders_award(http_req *r)
{
    int64_t id, lot;
    if (!http_param_int(r, 0, &id) || !http_param_int(r, 1, &lot) || !lot_of(r, id, lot))
        return;
    jr_date sent = JR_DATE_NONE;
    http_body_date(r, "sent_on", false, &sent);
    if (http_input_failed(r))
        return;
    jr_error err;
    jr_error_clear(&err);
    int a = 0, n = 0;
    if (tender_award(&r->ctx, lot, sent, &a, &n, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(
            r, 200,
            json_pack("{s:I, s:i, s:i}", "lot_id", (json_int_t)lot, "awarded", a, "rejected", n));
}

/* ROUTE: POST /api/v1/tenders/{id}/lots/{lot}/contracts V1ONLY */
void tenders_contract(http_req *r)
{
    int64_t id, lot;
    if (!http_param_int(r, 0, &id) || !http_param_int(r, 1, &lot) || !lot_of(r, id, lot))
        return;
    jr_error err;
    jr_error_clear(&err);
    int n = 0;
    if (tender_contract(&r->ctx, lot, &n, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        http_reply_json(r, 200, json_pack("{s:I, s:i}", "lot_id", (json_int_t)lot, "contracts", n));
}

/* ROUTE: GET /api/v1/tender-registrations/{id} V1ONLY */
void tender_registrations_get(http_req *r)
{
    int64_t id;
    if (!http_param_int(r, 0, &id))
        return;
    reply_reg(r, 200, id);
}

HTTP_PAGE_ROW(score_row, store_tscore_row, render_tscore)

/* ROUTE: GET /api/v1/tender-registrations/{id}/scores V1ONLY */
void tender_registrations_scores(http_req *r)
{
    int64_t id;
    if (!http_param_int(r, 0, &id))
        return;
    http_page p;
    if (!http_page_begin(r, &p))
        return;
    jr_error err;
    jr_error_clear(&err);
    jr_status rc = tender_scores(&r->ctx, id, score_row, &p, &err);
    http_page_finish(r, &p, rc, &err);
}

/* ROUTE: POST /api/v1/tender-registrations/{id}/scores V1ONLY */
void tender_registrations_score(http_req *r)
{
    int64_t id, crit = 0, score = 0;
    if (!http_param_int(r, 0, &id))
        return;
    const char *motivation = NULL;
    http_body_int(r, "criterion", true, 1, 1000, &crit);
    http_body_int(r, "score", true, -1000, 1000, &score);
    http_body_str(r, "motivation", false, 1024, &motivation);
    if (http_input_failed(r))
        return;
    jr_error err;
    jr_invalid_list invalid;
    collect(&err, &invalid);
    if (tender_score(&r->ctx, id, crit, (int32_t)score, motivation, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        reply_reg(r, 200, id);
}

/* ROUTE: POST /api/v1/tender-registrations/{id}/admission V1ONLY */
void tender_registrations_admission(http_req *r)
{
    int64_t id;
    if (!http_param_int(r, 0, &id))
        return;
    const char *decision = NULL, *reason = NULL, *grounds = NULL;
    http_body_str(r, "decision", true, 16, &decision);
    http_body_str(r, "reason", true, 40, &reason);
    http_body_str(r, "grounds", false, 2048, &grounds);
    bool admit = false;
    jr_admission_reason why = JR_AR_VOLDOENDE;
    if (decision && strcmp(decision, "toegelaten") == 0)
        admit = true;
    else if (decision && strcmp(decision, "geweigerd") != 0)
        http_invalid_add(r, "decision_invalid", "decision",
                         "Besluit '%s' is onbekend: kies toegelaten of geweigerd.", decision);
    if (reason && !admission_reason_parse(reason, &why))
        http_invalid_add(r, "reason_invalid", "reason",
                         "Reden '%s' is onbekend: kies kwaliteit, kwantiteit, spreiding, "
                         "voldoende_aanbod of onvoldoende_kwaliteit_inschrijving.",
                         reason);
    if (http_input_failed(r))
        return;
    jr_error err;
    jr_invalid_list invalid;
    collect(&err, &invalid);
    int n = 0;
    if (tender_admission_decide(&r->ctx, id, admit, why, grounds, &n, &err) != JR_OK)
        http_reply_error(r, &err);
    else
        reply_reg(r, 200, id);
}

typedef struct {
    json_t *items;
    const jr_catalog *cat;
} supply_ud;

static int supply_product_row(void *ud, const void *row)
{
    supply_ud *u = ud;
    json_array_append_new(u->items, render_supply_product(u->cat, row));
    return 0;
}

static int supply_gemeente_row(void *ud, const void *row)
{
    supply_ud *u = ud;
    json_array_append_new(u->items, render_supply_gemeente(u->cat, row));
    return 0;
}

/* ROUTE: GET /api/v1/tenders/supply V1ONLY */
void tenders_supply(http_req *r)
{
    jr_date date = r->ctx.today;
    const char *ds = http_query(r, "date"), *product = http_query(r, "product");
    if (ds && !date_parse(ds, &date))
        http_invalid_add(r, "date_invalid", "date", "'%s' is geen datum (JJJJ-MM-DD).", ds);
    if (http_input_failed(r))
        return;
    jr_error err;
    jr_invalid_list invalid;
    collect(&err, &invalid);
    supply_ud p = {json_array(), r->ctx.cat}, g = {json_array(), r->ctx.cat};
    jr_status rc = tender_supply_products(&r->ctx, date, product, supply_product_row, &p, &err);
    if (rc == JR_OK)
        rc = tender_supply_gemeenten(&r->ctx, date, product, supply_gemeente_row, &g, &err);
    if (rc != JR_OK) {
        json_decref(p.items);
        json_decref(g.items);
        http_reply_error(r, &err);
        return;
    }
    http_reply_json(r, 200,
                    json_pack("{s:o, s:o, s:o}", "date", render_date(date), "products", p.items,
                              "gemeenten", g.items));
}

/*
 * request.c: deciding a provider's verzoek om toewijzing or om wijziging
 * (see request.h): the translation of the requested product to a route
 * (domain/request.h), then the referral and assignment services, which
 * hold the rules; the request and its answer are kept through
 * store/exchange.h and the exchange service. A
 * refusal rolls back whatever the attempt made and keeps the request, its
 * decision and the rule that decided.
 */
#include "request.h"
#include "../core/sbuf.h"

#include "../domain/assignment.h"
#include "../domain/request.h"
#include "assignment.h"
#include "exchange.h"
#include "referrals.h"
#include "youth.h"

#include <stdio.h>
#include <string.h>

static bool internal(jr_status rc)
{
    return rc == JR_EDB || rc == JR_ENOMEM || rc == JR_EIO;
}

/* links decided request verzoek_id to the JW319 about it (outbox_id) */
static jr_status request_set_answer(const jr_ctx *ctx, int64_t verzoek_id, int64_t outbox_id,
                                    jr_error *err)
{
    return store_verzoek_set_answer(ctx->store, verzoek_id, outbox_id, err);
}

/* queue_answer: the JW319 antwoord on decision d (refused: VerzoekAntwoord
 * 1 with the reason and any woonplaats; under investigation: 2), due for
 * ijw export, linked to the request */
static jr_status queue_answer(const jr_ctx *ctx, const char *gemeente, const char *agb,
                              const char *referentie, const jr_req_decision *d, jr_error *err)
{
    bool refused = d->outcome == JR_REQ_REFUSED;
    int64_t outbox_id;
    jr_status rc =
        exchange_answer_queue(ctx, d->verzoek_id, gemeente, agb, referentie, refused ? "1" : "2",
                              refused ? d->reden : NULL,
                              refused && d->woonplaats[0] ? d->woonplaats : NULL, &outbox_id, err);
    return rc == JR_OK ? request_set_answer(ctx, d->verzoek_id, outbox_id, err) : rc;
}

static jr_status record(const jr_ctx *ctx, const char *kind, const char *agb, const char *gemeente,
                        const char *bsn, const char *referentie, int64_t inbox_id,
                        jr_req_decision *d, int64_t referral_id, jr_error *err)
{
    static const char *const status[] = {"toegewezen", "afgewezen", "in_onderzoek"};
    char now[STORE_TS_LEN];
    store_verzoek_new v = {kind,
                           agb,
                           gemeente,
                           bsn,
                           referentie,
                           inbox_id,
                           status[d->outcome],
                           d->reden[0] ? d->reden : NULL,
                           d->woonplaats[0] ? d->woonplaats : NULL,
                           d->message,
                           referral_id,
                           store_timestamp(0, now)};
    jr_status rc = store_verzoek_insert(ctx->store, &v, &d->verzoek_id, err);
    if (rc != JR_OK)
        return rc;
    if (d->outcome != JR_REQ_GRANTED) /* the JW301 answers a granted one */
        rc = queue_answer(ctx, gemeente, agb, referentie, d, err);
    if (rc != JR_OK)
        return rc;
    char eid[24], detail[384];
    snprintf(eid, sizeof eid, "%lld", (long long)d->verzoek_id);
    snprintf(detail, sizeof detail, "%s %.40s van %s aan %s: %s%s%s; %s", kind, referentie, agb,
             gemeente, status[d->outcome], d->reden[0] ? " reden " : "", d->reden, d->message);
    return audit_record(ctx, "verzoek.besloten", "ijw_verzoek", eid, detail, err);
}

/* the youth of a request: registered when the region does not know it yet;
 * refused when it lives in another municipality (woonplaatsbeginsel) */
static jr_status request_youth(const jr_ctx *ctx, const char *bsn, jr_date birth,
                               const char *gemeente, jr_req_decision *d, jr_error *err)
{
    jr_youth y;
    jr_error e;
    jr_error_clear(&e);
    jr_status rc = youth_find(ctx, bsn, &y, &e);
    if (rc == JR_ENOTFOUND) {
        rc = youth_add(ctx, bsn, birth, gemeente, NULL, &e);
        if (internal(rc)) {
            jr_error_take(err, &e);
            return rc;
        }
        if (rc != JR_OK)
            request_refuse_by(d, &e, false);
        return JR_OK;
    }
    if (rc != JR_OK) {
        jr_error_take(err, &e);
        return rc;
    }
    if (strcmp(y.gemeente, gemeente) != 0) {
        const jr_municipality *m = catalog_municipality(ctx->cat, y.gemeente);
        request_decision_refuse(d, "8",
                                "De jeugdige woont in gemeente %s (%s); die gemeente beslist "
                                "(woonplaatsbeginsel).",
                                y.gemeente, m ? m->name : "");
        str_copy(d->woonplaats, sizeof d->woonplaats, y.gemeente);
    }
    return JR_OK;
}

/* grants one product for the youth: a referral by the requesting referrer
 * and an assignment to agb. On a refusal by the rules, d says why. */
static jr_status grant_product(const jr_ctx *ctx, const jr_req_product *p, const char *type,
                               const char *referrer_name, const char *bsn, const char *agb,
                               const char *result, jr_req_decision *d, int64_t *referral_id,
                               jr_error *err)
{
    jr_referral_req req;
    memset(&req, 0, sizeof req);
    jr_route_result rr = request_translate(ctx->cat, p, type, &req, d);
    if (rr == JR_ROUTE_REFUSED)
        return JR_OK;
    str_copy(req.result, sizeof req.result, result);
    req.date = ctx->today < p->start ? ctx->today : p->start;
    jr_error e;
    jr_error_clear(&e);
    int64_t rid;
    jr_status rc = referral_create(ctx, bsn, &req, referrer_name, &rid, &e);
    if (rc == JR_OK && rr == JR_ROUTE_TO_QUOTE) {
        d->outcome = JR_REQ_INVESTIGATING;
        *referral_id = rid;
        return JR_OK;
    }
    char number[24];
    if (rc == JR_OK)
        rc = assignment_create(ctx, rid, agb, p->start, p->end, number, &e);
    if (internal(rc)) {
        jr_error_take(err, &e);
        return rc;
    }
    if (rc != JR_OK) {
        request_refuse_by(d, &e, req.route == JR_ROUTE_BUDGET);
        return JR_OK;
    }
    int64_t id;
    if ((rc = assignment_id_of(ctx, number, &id, err)) != JR_OK)
        return rc;
    if (d->nassignments < JR_VOW_MAX + 1)
        d->assignments[d->nassignments++] = id;
    *referral_id = rid;
    return JR_OK;
}

jr_status request_referentie_taken(const jr_ctx *ctx, const char *agb, const char *referentie,
                                   bool *taken, jr_error *err)
{
    return store_verzoek_referentie_taken(ctx->store, agb, referentie, taken, err);
}

jr_status request_open(const jr_ctx *ctx, const char *agb, const char *bsn, bool *open,
                       jr_error *err)
{
    return store_verzoek_open(ctx->store, agb, bsn, open, err);
}

/* ends the decision savepoint: kept when granted or opened, else undone */
static jr_status settle(const jr_ctx *ctx, jr_req_decision *d, jr_error *err)
{
    if (d->outcome == JR_REQ_REFUSED) {
        store_rollback(ctx->store);
        return JR_OK;
    }
    jr_status rc = store_commit(ctx->store, err);
    if (rc != JR_OK)
        store_rollback(ctx->store);
    return rc;
}

jr_status request_vot(const jr_ctx *ctx, const jr_vot *v, int64_t inbox_id, jr_req_decision *out,
                      jr_error *err)
{
    memset(out, 0, sizeof *out);
    jr_status rc = svc_may(ctx, JR_ACT_REFER, err);
    if (rc == JR_OK && !svc_sees(ctx, v->gemeente, NULL))
        rc = jr_fail(err, JR_EFORBIDDEN, "forbidden", "gemeente",
                     "U beslist alleen over verzoeken aan uw eigen gemeente.");
    if (rc == JR_OK)
        rc = store_begin(ctx->store, err);
    if (rc != JR_OK)
        return rc;
    if ((rc = store_begin(ctx->store, err)) != JR_OK) /* the attempt */
        return svc_finish(ctx, rc, err);
    int64_t referral_id = 0;
    rc = request_youth(ctx, v->bsn, v->birth, v->gemeente, out, err);
    char result[256];
    if (v->comment[0])
        str_copy(result, sizeof result, v->comment);
    else
        snprintf(result, sizeof result, "Verzoek om toewijzing %.60s van aanbieder %s",
                 v->referentie, v->agb);
    if (rc == JR_OK && out->outcome == JR_REQ_GRANTED)
        rc = grant_product(ctx, &v->product, v->referrer_type, v->referrer_name, v->bsn, v->agb,
                           result, out, &referral_id, err);
    if (rc != JR_OK) {
        store_rollback(ctx->store);
        return svc_finish(ctx, rc, err);
    }
    if (out->outcome == JR_REQ_GRANTED)
        snprintf(out->message, sizeof out->message, "Toegewezen: %s.",
                 v->product.product[0] ? v->product.product : "ambulant budget");
    if (out->outcome == JR_REQ_REFUSED)
        referral_id = 0;
    if ((rc = settle(ctx, out, err)) == JR_OK)
        rc = record(ctx, "VOT", v->agb, v->gemeente, v->bsn, v->referentie, inbox_id, out,
                    referral_id, err);
    return svc_finish(ctx, rc, err);
}

/* the referral request behind an assignment, for checking a change */
static jr_status referral_of(const jr_ctx *ctx, const jr_assignment *a, jr_referral *r,
                             jr_error *err)
{
    memset(r, 0, sizeof *r);
    if (!a->referral_id)
        return jr_fail(err, JR_EINVAL, "no_referral", "", "De toewijzing heeft geen verwijzing.");
    return referral_get(ctx, a->referral_id, r, err);
}

static jr_status mark_changed(const jr_ctx *ctx, int64_t id, const char *referentie, jr_error *err)
{
    return store_toewijzing_mark_changed(ctx->store, id, referentie, err);
}

/* applies one change of a wijzigingsverzoek; d says why when refused */
static jr_status change_one(const jr_ctx *ctx, const jr_vow *v, const jr_vow_change *c,
                            jr_req_decision *d, char type[3], jr_error *err)
{
    jr_assignment a;
    jr_error e;
    jr_error_clear(&e);
    jr_status rc = assignment_by_id(ctx, c->assignment_id, &a, &e);
    if (rc == JR_OK && strcmp(a.agb, v->agb) != 0)
        rc = jr_fail(&e, JR_ENOTFOUND, "assignment_unknown", "",
                     "Toewijzing %lld is niet van "
                     "deze aanbieder.",
                     (long long)c->assignment_id);
    if (internal(rc)) {
        jr_error_take(err, &e);
        return rc;
    }
    if (rc != JR_OK) {
        request_decision_refuse(d, "1", "%s", e.message);
        return JR_OK;
    }
    jr_referral ref;
    if (referral_of(ctx, &a, &ref, &e) == JR_OK && !type[0])
        str_copy(type, 3, ref.req.referrer_type);
    jr_referral_req req = ref.req;
    if (c->has_budget) {
        if (!a.grant.is_budget) {
            request_decision_refuse(d, "4", "Toewijzing %lld heeft een omvang, geen budget.",
                                    (long long)c->assignment_id);
            return JR_OK;
        }
        if (a.quote_id) {
            request_decision_refuse(
                d, "1",
                "Het budget van een geaccepteerde offerte verandert met een nieuwe "
                "offerte, niet met een wijzigingsverzoek.");
            return JR_OK;
        }
        const jr_budget *b = request_budget_of_amount(ctx->cat, c->budget, a.grant.start);
        jr_req_product p = {"45", "", a.grant.start, a.grant.end, true, c->budget, false, 0,
                            "",   ""};
        if (!b) {
            jr_referral_req probe;
            memset(&probe, 0, sizeof probe);
            if (request_translate(ctx->cat, &p, ref.req.referrer_type, &probe, d) !=
                JR_ROUTE_REFUSED)
                request_decision_refuse(d, "2", "%s", d->message);
            return JR_OK;
        }
        req.route = JR_ROUTE_BUDGET;
        str_copy(req.budget, sizeof req.budget, b->code);
    }
    if (c->has_volume) {
        if (a.grant.is_budget) {
            request_decision_refuse(d, "4", "Toewijzing %lld heeft een budget, geen omvang.",
                                    (long long)c->assignment_id);
            return JR_OK;
        }
        req.volume = c->volume;
    }
    jr_grant g;
    jr_date end = c->end != JR_DATE_NONE ? c->end : a.grant.end;
    if (ref.id && (rc = referral_check(ctx->cat, &req, &e)) == JR_OK)
        rc = assignment_plan(ctx->cat, &req, a.grant.start, end, 0, 0, &g, &e);
    if (ref.id && rc != JR_OK) {
        request_refuse_by(d, &e, c->has_budget);
        return JR_OK;
    }
    int64_t amount = c->has_budget ? c->budget : c->has_volume ? c->volume : -1;
    rc = assignment_change(ctx, a.number, amount, c->end, "12", &e);
    if (internal(rc)) {
        jr_error_take(err, &e);
        return rc;
    }
    if (rc != JR_OK && strcmp(e.code, "nothing_to_change") == 0) {
        request_decision_refuse(
            d, "1",
            "Het verzoek wijzigt toewijzing %lld niet: geef een einddatum, omvang of "
            "budget.",
            (long long)c->assignment_id);
        return JR_OK;
    }
    if (rc != JR_OK) {
        request_refuse_by(d, &e, c->has_budget);
        return JR_OK;
    }
    if ((rc = mark_changed(ctx, a.id, v->referentie, err)) != JR_OK)
        return rc;
    if (d->nassignments < JR_VOW_MAX + 1)
        d->assignments[d->nassignments++] = a.id;
    return JR_OK;
}

jr_status request_vow(const jr_ctx *ctx, const jr_vow *v, int64_t inbox_id, jr_req_decision *out,
                      jr_error *err)
{
    memset(out, 0, sizeof *out);
    jr_status rc = svc_may(ctx, JR_ACT_REFER, err);
    if (rc == JR_OK && !svc_sees(ctx, v->gemeente, NULL))
        rc = jr_fail(err, JR_EFORBIDDEN, "forbidden", "gemeente",
                     "U beslist alleen over verzoeken aan uw eigen gemeente.");
    if (rc == JR_OK)
        rc = store_begin(ctx->store, err);
    if (rc != JR_OK)
        return rc;
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return svc_finish(ctx, rc, err);
    char type[3] = "";
    if (v->nchanges == 0 && v->nnew == 0)
        request_decision_refuse(out, "1",
                                "Het verzoek om wijziging wijzigt niets en vraagt niets nieuws.");
    for (int i = 0; i < v->nchanges && rc == JR_OK && out->outcome == JR_REQ_GRANTED; i++)
        rc = change_one(ctx, v, &v->changes[i], out, type, err);
    int64_t referral_id = 0;
    for (int i = 0; i < v->nnew && rc == JR_OK && out->outcome == JR_REQ_GRANTED; i++) {
        char result[256];
        snprintf(result, sizeof result, "Verzoek om wijziging %.60s van aanbieder %s",
                 v->referentie, v->agb);
        rc = grant_product(ctx, &v->added[i], type[0] ? type : "01", "", v->bsn, v->agb, result,
                           out, &referral_id, err);
        if (rc == JR_OK && out->outcome == JR_REQ_INVESTIGATING)
            request_decision_refuse(
                out, "1", "Een nieuw product buiten de keuzebudgetten is een nieuwe aanvraag.");
    }
    if (rc != JR_OK) {
        store_rollback(ctx->store);
        return svc_finish(ctx, rc, err);
    }
    if (out->outcome == JR_REQ_GRANTED)
        snprintf(out->message, sizeof out->message, "Gewijzigd of toegewezen: %d product%s.",
                 out->nassignments, out->nassignments == 1 ? "" : "en");
    if ((rc = settle(ctx, out, err)) == JR_OK) {
        /* the new products carry the request's reference too */
        for (int i = 0; i < out->nassignments && rc == JR_OK && out->outcome == JR_REQ_GRANTED; i++)
            rc = mark_changed(ctx, out->assignments[i], v->referentie, err);
        if (rc == JR_OK)
            rc = record(ctx, "VOW", v->agb, v->gemeente, v->bsn, v->referentie, inbox_id, out, 0,
                        err);
    }
    return svc_finish(ctx, rc, err);
}

jr_status request_pending(const jr_ctx *ctx, jr_row_fn fn, void *ud, jr_error *err)
{
    const char *gemeente = NULL, *agb = NULL;
    bool none;
    jr_status rc = svc_list_scope(ctx, &gemeente, &agb, &none, err);
    if (rc != JR_OK || none)
        return rc;
    return store_verzoek_pending_each(ctx->store, gemeente, agb, fn, ud, err);
}

/* the stored request id as refuse needs it, if the principal sees it */
static jr_status load_request(const jr_ctx *ctx, int64_t id, store_verzoek_row *r, jr_error *err)
{
    jr_status rc = store_verzoek_get(ctx->store, id, r, err);
    if (rc == JR_OK && !svc_sees(ctx, r->gemeente, NULL))
        rc = JR_ENOTFOUND;
    if (rc == JR_ENOTFOUND)
        return jr_fail(err, JR_ENOTFOUND, "request_unknown", "request",
                       "Verzoek %lld bestaat niet.", (long long)id);
    return rc;
}

/* may stored request r be refused now? JR_ECONFLICT naming why not */
static jr_status refusable(const store_verzoek_row *r, int64_t id, jr_error *err)
{
    if (strcmp(r->status, "afgewezen") == 0)
        return jr_fail(err, JR_ECONFLICT, "request_decided", "request",
                       "Verzoek %lld is al afgewezen (reden %s); het is niet meer in onderzoek.",
                       (long long)id, r->reden);
    if (strcmp(r->status, "in_onderzoek") != 0)
        return jr_fail(err, JR_ECONFLICT, "request_decided", "request",
                       "Verzoek %lld is toegewezen, niet in onderzoek; een toewijzing wordt "
                       "ingetrokken, niet afgewezen.",
                       (long long)id);
    if (r->assigned)
        return jr_fail(err, JR_ECONFLICT, "request_decided", "request",
                       "Verzoek %lld is niet meer in onderzoek: een offerte is geaccepteerd en "
                       "toegewezen.",
                       (long long)id);
    if (r->open_quotes > 0)
        return jr_fail(err, JR_ECONFLICT, "quote_open", "request",
                       "Voor verzoek %lld %s nog %d offerte%s open; wijs %s eerst af.",
                       (long long)id, r->open_quotes == 1 ? "staat" : "staan", r->open_quotes,
                       r->open_quotes == 1 ? "" : "s", r->open_quotes == 1 ? "die" : "ze");
    return JR_OK;
}

jr_status request_refuse(const jr_ctx *ctx, int64_t verzoek_id, const char *reden, const char *text,
                         jr_req_decision *out, jr_error *err)
{
    jr_req_decision local;
    if (!out)
        out = &local;
    memset(out, 0, sizeof *out);
    jr_status rc = svc_may(ctx, JR_ACT_REFER, err);
    if (rc != JR_OK)
        return rc;
    const char *meaning = request_refusal_name(reden);
    if (!meaning)
        return jr_fail(err, JR_EINVAL, "reden_unknown", "reason",
                       "Reden '%.8s' is geen iJw-reden van afwijzing (RedenAfwijzingVerzoek 1 "
                       "tot en met 9).",
                       reden ? reden : "");
    if (text && strlen(text) >= sizeof out->message)
        return jr_fail(err, JR_EINVAL, "text_too_long", "text",
                       "De toelichting is te lang (ten hoogste %zu tekens).",
                       sizeof out->message - 1);
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    store_verzoek_row r;
    if ((rc = load_request(ctx, verzoek_id, &r, err)) != JR_OK ||
        (rc = refusable(&r, verzoek_id, err)) != JR_OK)
        return svc_finish(ctx, rc, err);
    jr_ctx sys = svc_system(ctx);
    if (strcmp(reden, "8") == 0) { /* the answer names where the youth lives */
        jr_youth y;
        rc = youth_find(&sys, r.bsn, &y, err);
        if (rc == JR_OK && strcmp(y.gemeente, r.gemeente) == 0)
            rc = jr_fail(err, JR_EINVAL, "woonplaats_same", "reason",
                         "De jeugdige woont in gemeente %s, die van het verzoek: reden 8 "
                         "(woonplaatsbeginsel) past niet.",
                         r.gemeente);
        if (rc != JR_OK)
            return svc_finish(ctx, rc, err);
        str_copy(out->woonplaats, sizeof out->woonplaats, y.gemeente);
    }
    out->outcome = JR_REQ_REFUSED;
    out->verzoek_id = verzoek_id;
    str_copy(out->reden, sizeof out->reden, reden);
    if (text && text[0])
        str_copy(out->message, sizeof out->message, text);
    else
        snprintf(out->message, sizeof out->message, "Afgewezen na onderzoek: %s.", meaning);
    if ((rc = store_verzoek_refuse(ctx->store, verzoek_id, out->reden,
                                   out->woonplaats[0] ? out->woonplaats : NULL, out->message,
                                   err)) != JR_OK)
        return svc_finish(ctx, rc, err);
    /* the same JW319 a refusal on receipt gets */
    if ((rc = queue_answer(&sys, r.gemeente, r.agb, r.referentie, out, err)) != JR_OK)
        return svc_finish(ctx, rc, err);
    char eid[24], detail[384];
    snprintf(eid, sizeof eid, "%lld", (long long)verzoek_id);
    snprintf(detail, sizeof detail, "%s %.40s van %s aan %s: afgewezen na onderzoek reden %s; %s",
             r.kind, r.referentie, r.agb, r.gemeente, out->reden, out->message);
    rc = audit_record(ctx, "verzoek.afgewezen", "ijw_verzoek", eid, detail, err);
    return svc_finish(ctx, rc, err);
}

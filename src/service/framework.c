/*
 * framework.c (service): framework agreements, the change procedure and the
 * transformation covenant (see framework.h). Every change: check the role,
 * check every field (jr_refuse), then one transaction with the change and
 * its audit row.
 */
#include "framework.h"

#include "../core/vec.h"

#include "../core/sbuf.h"
#include "../domain/ident.h"
#include "../store/providers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- who may ---- */

static bool is_staff(const jr_ctx *ctx)
{
    switch (ctx->who.role) {
    case JR_ROLE_SYSTEM:
    case JR_ROLE_BEHEERDER:
    case JR_ROLE_RSJ:
        return true;
    default:
        return false;
    }
}

static jr_status may_write(const jr_ctx *ctx, const char *what, jr_error *err)
{
    if (is_staff(ctx))
        return JR_OK;
    return jr_fail(err, JR_EFORBIDDEN, "forbidden", "",
                   "De rol %s mag %s niet vastleggen (alleen rsj en beheerder).",
                   role_name(ctx->who.role), what);
}

/* proposals and the covenant: not for toegang and lezer */
static jr_status may_read_procedure(const jr_ctx *ctx, const char *what, jr_error *err)
{
    switch (ctx->who.role) {
    case JR_ROLE_TOEGANG:
    case JR_ROLE_LEZER:
        return jr_fail(err, JR_EFORBIDDEN, "forbidden", "",
                       "De rol %s mag %s niet inzien (wel rsj, beheerder, gemeente en "
                       "aanbieder).",
                       role_name(ctx->who.role), what);
    default:
        return JR_OK;
    }
}

bool framework_proposal_visible(const jr_ctx *ctx, const jr_fw_proposal *p)
{
    switch (ctx->who.role) {
    case JR_ROLE_SYSTEM:
    case JR_ROLE_BEHEERDER:
    case JR_ROLE_RSJ:
        return true;
    case JR_ROLE_GEMEENTE:
        return ctx->who.gemeente[0] != '\0'; /* every agreement is of its region */
    case JR_ROLE_AANBIEDER:
        if (!ctx->who.agb[0])
            return false;
        if (p->kind == JR_FWK_AANBIEDER && strcmp(p->proposer, ctx->who.agb) == 0)
            return true;
        return p->state == JR_FWP_BESLOTEN || p->state == JR_FWP_IN_WERKING;
    default:
        return false;
    }
}

/* ---- agreements ---- */

typedef struct {
    jr_fw_ext v[64];
    int n;
} ext_acc;

static int ext_collect(void *ud, const void *row)
{
    ext_acc *a = ud;
    const jr_fw_extension *e = row;
    if (a->n < (int)(sizeof a->v / sizeof a->v[0]))
        a->v[a->n++] = e->ext;
    return 0;
}

typedef struct {
    jr_fw_evaluation *next;
    bool found;
} eval_acc;

static int eval_next(void *ud, const void *row)
{
    eval_acc *a = ud;
    const jr_fw_evaluation *e = row;
    if (a->found || e->held != JR_DATE_NONE)
        return 0;
    *a->next = *e;
    a->found = true;
    return 0;
}

/* summarize: the shown figures of agreement a into *s */
static jr_status summarize(const jr_ctx *ctx, const jr_fw_agreement *a, jr_fw_summary *s,
                           jr_error *err)
{
    memset(s, 0, sizeof *s);
    s->a = *a;
    for (int i = 0; ctx->cat && i < ctx->cat->nlots; i++)
        if (strcmp(ctx->cat->lots[i].code, a->lot) == 0)
            str_copy(s->lot_name, sizeof s->lot_name, ctx->cat->lots[i].name);
    ext_acc ex;
    ex.n = 0;
    jr_status rc = store_fw_extension_list(ctx->store, a->id, ext_collect, &ex, err);
    if (rc != JR_OK)
        return rc;
    s->nextensions = ex.n;
    s->current_end = framework_end(a->initial_end, ex.v, ex.n);
    s->deadline = framework_deadline(s->current_end);
    s->next_extension = framework_effect_date(s->current_end);
    eval_acc ev = {&s->next_eval, false};
    if ((rc = store_fw_evaluation_list(ctx->store, a->id, eval_next, &ev, err)) != JR_OK)
        return rc;
    s->has_next_eval = ev.found;
    s->next_eval_overdue = ev.found && s->next_eval.planned < ctx->today;
    return store_fw_contract_count(ctx->store, a->id, &s->ncontracts, err);
}

static jr_status agreement_load(const jr_ctx *ctx, int64_t id, jr_fw_agreement *a, jr_error *err)
{
    jr_status rc = store_fw_agreement_get(ctx->store, id, a, err);
    if (rc == JR_ENOTFOUND)
        return jr_fail(err, JR_ENOTFOUND, "agreement_unknown", "agreement",
                       "Raamovereenkomst %lld bestaat niet.", (long long)id);
    return rc;
}

static const jr_lot *lot_find(const jr_ctx *ctx, const char *code)
{
    for (int i = 0; code && ctx->cat && i < ctx->cat->nlots; i++)
        if (strcmp(ctx->cat->lots[i].code, code) == 0)
            return &ctx->cat->lots[i];
    return NULL;
}

static jr_status lot_refuse(const jr_ctx *ctx, jr_status rc, const char *field, const char *lot,
                            jr_error *err)
{
    char known[256] = "";
    size_t n = 0;
    for (int i = 0; ctx->cat && i < ctx->cat->nlots && n < sizeof known; i++)
        n += (size_t)snprintf(known + n, sizeof known - n, "%s%s", i ? ", " : "",
                              ctx->cat->lots[i].code);
    return jr_refuse(err, rc, "lot_unknown", field,
                     "Perceel '%.16s' is geen perceel van de regio (kies uit %s).", lot ? lot : "",
                     known);
}

jr_status framework_agreement_add(const jr_ctx *ctx, const char *lot, const char *name,
                                  jr_date start, jr_date end, int64_t *id, jr_error *err)
{
    jr_status rc = may_write(ctx, "een raamovereenkomst", err);
    if (rc != JR_OK)
        return rc;
    if (!lot_find(ctx, lot))
        rc = lot_refuse(ctx, rc, "lot", lot, err);
    if (!name || !*name)
        rc = jr_refuse(err, rc, "text_missing", "name",
                       "De naam van de raamovereenkomst ontbreekt.");
    else if (strlen(name) > JR_FW_NAME_MAX)
        rc = jr_refuse(err, rc, "text_too_long", "name", "De naam is te lang: hoogstens %d tekens.",
                       JR_FW_NAME_MAX);
    if (start == JR_DATE_NONE)
        rc = jr_refuse(err, rc, "date_missing", "start", "De startdatum ontbreekt.");
    if (end == JR_DATE_NONE)
        rc = jr_refuse(err, rc, "date_missing", "end", "De einddatum ontbreekt.");
    else if (start != JR_DATE_NONE) {
        jr_error e;
        jr_error_clear(&e);
        if (framework_term_check(start, end, &e) != JR_OK)
            rc = jr_refuse_error(err, rc, &e);
    }
    if (rc != JR_OK)
        return rc;
    jr_fw_agreement a;
    memset(&a, 0, sizeof a);
    str_copy(a.lot, sizeof a.lot, lot);
    str_copy(a.name, sizeof a.name, name);
    a.start = start;
    a.initial_end = end;
    const char *by = ctx->actor ? ctx->actor : "onbekend";
    int64_t nid = 0;
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    rc = store_fw_agreement_insert(ctx->store, &a, by, &nid, err);
    if (rc == JR_OK) {
        char eid[24], detail[320], s[JR_DATE_ISO_LEN], e[JR_DATE_ISO_LEN];
        snprintf(eid, sizeof eid, "%lld", (long long)nid);
        snprintf(detail, sizeof detail, "perceel %s, %s tot en met %s: %.200s", a.lot,
                 date_format(start, s), date_format(end, e), a.name);
        rc = audit_record(ctx, "raamovereenkomst.aangemaakt", "raamovereenkomst", eid, detail, err);
    }
    rc = svc_finish(ctx, rc, err);
    if (rc == JR_OK && id)
        *id = nid;
    return rc;
}

jr_status framework_agreement_get(const jr_ctx *ctx, int64_t id, jr_fw_summary *out, jr_error *err)
{
    jr_fw_agreement a;
    jr_status rc = agreement_load(ctx, id, &a, err);
    if (rc != JR_OK)
        return rc;
    return summarize(ctx, &a, out, err);
}

typedef struct {
    jr_fw_agreement *v;
    size_t n, cap;
    bool nomem;
} agr_list;

static int agr_collect(void *ud, const void *row)
{
    agr_list *l = ud;
    jr_fw_agreement *v = vec_grow(l->v, l->n, &l->cap, sizeof *v, 8);
    if (!v) {
        l->nomem = true;
        return 1;
    }
    l->v = v;
    l->v[l->n++] = *(const jr_fw_agreement *)row;
    return 0;
}

jr_status framework_agreement_list(const jr_ctx *ctx, jr_row_fn fn, void *ud, jr_error *err)
{
    agr_list l = {NULL, 0, 0, false};
    /* collected first: each summary reads other tables */
    jr_status rc = store_fw_agreement_list(ctx->store, agr_collect, &l, err);
    if (rc == JR_OK && l.nomem)
        rc = jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    for (size_t i = 0; rc == JR_OK && i < l.n; i++) {
        jr_fw_summary s;
        if ((rc = summarize(ctx, &l.v[i], &s, err)) == JR_OK && fn(ud, &s))
            break;
    }
    free(l.v);
    return rc;
}

jr_status framework_extend(const jr_ctx *ctx, int64_t id, jr_date effective, int32_t months,
                           const char *note, jr_error *err)
{
    jr_status rc = may_write(ctx, "een verlenging", err);
    if (rc != JR_OK)
        return rc;
    jr_fw_summary s;
    if ((rc = framework_agreement_get(ctx, id, &s, err)) != JR_OK)
        return rc;
    if (note && strlen(note) > JR_FW_TEXT_MAX)
        rc = jr_refuse(err, rc, "text_too_long", "note",
                       "De toelichting is te lang: hoogstens %d tekens.", JR_FW_TEXT_MAX);
    jr_error e;
    jr_invalid_list own;
    jr_error_collect(&e, &own);
    if (framework_extension_check(s.current_end, effective, months, &e) != JR_OK)
        rc = jr_refuse_error(err, rc, &e);
    if (rc != JR_OK)
        return rc;
    jr_fw_extension x;
    memset(&x, 0, sizeof x);
    x.agreement_id = id;
    x.seq = s.nextensions + 1;
    x.ext.effective = effective;
    x.ext.months = months;
    str_copy(x.note, sizeof x.note, note);
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    rc = store_fw_extension_insert(ctx->store, &x, ctx->actor ? ctx->actor : "onbekend", err);
    if (rc == JR_OK) {
        char eid[24], detail[256], a[JR_DATE_ISO_LEN], b[JR_DATE_ISO_LEN], c[JR_DATE_ISO_LEN];
        snprintf(eid, sizeof eid, "%lld", (long long)id);
        snprintf(detail, sizeof detail, "verlenging %d per %s met %d maanden: einde %s (was %s)",
                 (int)x.seq, date_format(effective, a), (int)months,
                 date_format(framework_extension_end(effective, months), b),
                 date_format(s.current_end, c));
        rc = audit_record(ctx, "raamovereenkomst.verlengd", "raamovereenkomst", eid, detail, err);
    }
    return svc_finish(ctx, rc, err);
}

jr_status framework_extension_list(const jr_ctx *ctx, int64_t id, jr_row_fn fn, void *ud,
                                   jr_error *err)
{
    jr_fw_agreement a;
    jr_status rc = agreement_load(ctx, id, &a, err);
    if (rc != JR_OK)
        return rc;
    return store_fw_extension_list(ctx->store, id, fn, ud, err);
}

jr_status framework_evaluation_add(const jr_ctx *ctx, int64_t id, jr_date planned,
                                   const char *subject, int64_t *eval_id, jr_error *err)
{
    jr_status rc = may_write(ctx, "een evaluatiemoment", err);
    if (rc != JR_OK)
        return rc;
    jr_fw_summary s;
    if ((rc = framework_agreement_get(ctx, id, &s, err)) != JR_OK)
        return rc;
    if (planned == JR_DATE_NONE)
        rc = jr_refuse(err, rc, "date_missing", "date", "De datum van de evaluatie ontbreekt.");
    else if (planned < s.a.start || planned > s.current_end) {
        char p[JR_DATE_ISO_LEN], a[JR_DATE_ISO_LEN], b[JR_DATE_ISO_LEN];
        rc = jr_refuse(err, rc, "date_outside_term", "date",
                       "Een evaluatie op %s valt buiten de looptijd van de raamovereenkomst (%s "
                       "tot en met %s).",
                       date_format(planned, p), date_format(s.a.start, a),
                       date_format(s.current_end, b));
    }
    if (!subject || !*subject)
        rc = jr_refuse(err, rc, "text_missing", "subject",
                       "Het onderwerp van de evaluatie ontbreekt.");
    else if (strlen(subject) > JR_FW_NAME_MAX)
        rc = jr_refuse(err, rc, "text_too_long", "subject",
                       "Het onderwerp is te lang: hoogstens %d tekens.", JR_FW_NAME_MAX);
    if (rc != JR_OK)
        return rc;
    jr_fw_evaluation e;
    memset(&e, 0, sizeof e);
    e.agreement_id = id;
    e.planned = planned;
    str_copy(e.subject, sizeof e.subject, subject);
    int64_t nid = 0;
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    rc = store_fw_evaluation_insert(ctx->store, &e, &nid, err);
    if (rc == JR_OK) {
        char eid[24], detail[256], p[JR_DATE_ISO_LEN];
        snprintf(eid, sizeof eid, "%lld", (long long)id);
        snprintf(detail, sizeof detail, "evaluatie %lld gepland op %s: %.160s", (long long)nid,
                 date_format(planned, p), subject);
        rc = audit_record(ctx, "raamovereenkomst.evaluatie_gepland", "raamovereenkomst", eid,
                          detail, err);
    }
    rc = svc_finish(ctx, rc, err);
    if (rc == JR_OK && eval_id)
        *eval_id = nid;
    return rc;
}

jr_status framework_evaluation_hold(const jr_ctx *ctx, int64_t id, int64_t eval_id, jr_date held,
                                    const char *outcome, jr_error *err)
{
    jr_status rc = may_write(ctx, "de uitkomst van een evaluatie", err);
    if (rc != JR_OK)
        return rc;
    jr_fw_evaluation e;
    rc = store_fw_evaluation_get(ctx->store, eval_id, &e, err);
    if (rc == JR_OK && e.agreement_id != id)
        rc = JR_ENOTFOUND;
    if (rc == JR_ENOTFOUND)
        return jr_fail(err, JR_ENOTFOUND, "evaluation_unknown", "evaluation",
                       "Evaluatie %lld bestaat niet.", (long long)eval_id);
    if (rc != JR_OK)
        return rc;
    if (e.held != JR_DATE_NONE) {
        char h[JR_DATE_ISO_LEN];
        return jr_fail(err, JR_ECONFLICT, "evaluation_held", "evaluation",
                       "Evaluatie %lld is al gehouden op %s; de uitkomst staat vast.",
                       (long long)eval_id, date_format(e.held, h));
    }
    jr_fw_agreement a;
    if ((rc = agreement_load(ctx, e.agreement_id, &a, err)) != JR_OK)
        return rc;
    char d1[JR_DATE_ISO_LEN], d2[JR_DATE_ISO_LEN];
    if (held == JR_DATE_NONE)
        rc = jr_refuse(err, rc, "date_missing", "date", "De datum van de evaluatie ontbreekt.");
    else if (held > ctx->today)
        rc = jr_refuse(err, rc, "date_future", "date",
                       "Een evaluatie op %s ligt in de toekomst (vandaag is het %s); leg de "
                       "uitkomst vast als ze gehouden is.",
                       date_format(held, d1), date_format(ctx->today, d2));
    else if (held < a.start)
        rc = jr_refuse(err, rc, "date_outside_term", "date",
                       "Een evaluatie op %s ligt voor de start van de raamovereenkomst op %s.",
                       date_format(held, d1), date_format(a.start, d2));
    rc = framework_text_check(rc, outcome, "outcome", "De uitkomst van de evaluatie", err);
    if (rc != JR_OK)
        return rc;
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    rc = store_fw_evaluation_hold(ctx->store, eval_id, held, outcome, err);
    if (rc == JR_OK) {
        char eid[24], detail[256];
        snprintf(eid, sizeof eid, "%lld", (long long)e.agreement_id);
        snprintf(detail, sizeof detail, "evaluatie %lld (%s) gehouden op %s: %.160s",
                 (long long)eval_id, date_format(e.planned, d2), date_format(held, d1), outcome);
        rc =
            audit_record(ctx, "raamovereenkomst.geevalueerd", "raamovereenkomst", eid, detail, err);
    }
    return svc_finish(ctx, rc, err);
}

jr_status framework_evaluation_list(const jr_ctx *ctx, int64_t id, jr_row_fn fn, void *ud,
                                    jr_error *err)
{
    jr_fw_agreement a;
    jr_status rc = agreement_load(ctx, id, &a, err);
    if (rc != JR_OK)
        return rc;
    return store_fw_evaluation_list(ctx->store, id, fn, ud, err);
}

jr_status framework_contract_link(const jr_ctx *ctx, int64_t id, int64_t contract_id, jr_error *err)
{
    jr_status rc = may_write(ctx, "een contract onder een raamovereenkomst", err);
    if (rc != JR_OK)
        return rc;
    jr_fw_agreement a;
    if ((rc = agreement_load(ctx, id, &a, err)) != JR_OK)
        return rc;
    jr_fw_contract c;
    int64_t under = 0;
    rc = store_fw_contract_row(ctx->store, contract_id, &c, &under, err);
    if (rc == JR_ENOTFOUND)
        return jr_fail(err, JR_ENOTFOUND, "contract_unknown", "contract",
                       "Contract %lld bestaat niet.", (long long)contract_id);
    if (rc != JR_OK)
        return rc;
    if (under == id)
        return jr_fail(err, JR_ECONFLICT, "contract_linked", "contract",
                       "Contract %lld hangt al onder deze raamovereenkomst.",
                       (long long)contract_id);
    if (under != 0)
        return jr_fail(err, JR_ECONFLICT, "contract_linked", "contract",
                       "Contract %lld hangt al onder raamovereenkomst %lld; een contract hangt "
                       "onder een raamovereenkomst.",
                       (long long)contract_id, (long long)under);
    if (strcmp(c.lot, a.lot) != 0)
        return jr_refuse(err, JR_OK, "contract_lot_mismatch", "contract",
                         "Contract %lld is voor perceel %s; deze raamovereenkomst is voor "
                         "perceel %s.",
                         (long long)contract_id, c.lot, a.lot);
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    rc = store_fw_contract_link(ctx->store, id, contract_id, ctx->actor ? ctx->actor : "onbekend",
                                err);
    if (rc == JR_OK) {
        char eid[24], detail[192];
        snprintf(eid, sizeof eid, "%lld", (long long)id);
        snprintf(detail, sizeof detail, "contract %lld (%s, %s %s) eronder gehangen",
                 (long long)contract_id, c.agb, c.lot, c.product);
        rc = audit_record(ctx, "raamovereenkomst.contract", "raamovereenkomst", eid, detail, err);
    }
    return svc_finish(ctx, rc, err);
}

jr_status framework_contract_list(const jr_ctx *ctx, int64_t id, jr_row_fn fn, void *ud,
                                  jr_error *err)
{
    jr_fw_agreement a;
    jr_status rc = agreement_load(ctx, id, &a, err);
    if (rc != JR_OK)
        return rc;
    return store_fw_contract_list(ctx->store, id, fn, ud, err);
}

/* ---- the change procedure ---- */

static jr_status proposer_of(const jr_ctx *ctx, const jr_fw_proposal_in *in, jr_fw_proposal *p,
                             jr_status rc, jr_error *err)
{
    const jr_principal *w = &ctx->who;
    switch (w->role) {
    case JR_ROLE_GEMEENTE:
        p->kind = JR_FWK_GEMEENTE;
        str_copy(p->proposer, sizeof p->proposer, w->gemeente);
        return rc;
    case JR_ROLE_AANBIEDER:
        p->kind = JR_FWK_AANBIEDER;
        str_copy(p->proposer, sizeof p->proposer, w->agb);
        return rc;
    case JR_ROLE_RSJ:
        p->kind = JR_FWK_RSJ;
        return rc;
    case JR_ROLE_SYSTEM:
    case JR_ROLE_BEHEERDER:
        break;
    default:
        return jr_fail(err, JR_EFORBIDDEN, "forbidden", "",
                       "De rol %s mag geen wijzigingsvoorstel indienen (wel een gemeente, de rsj "
                       "of een aanbieder).",
                       role_name(w->role));
    }
    p->kind = in->kind;
    const char *who = in->proposer ? in->proposer : "";
    switch (in->kind) {
    case JR_FWK_RSJ:
        break;
    case JR_FWK_GEMEENTE:
        if (!catalog_municipality(ctx->cat, who))
            return jr_refuse(err, rc, "gemeente_unknown", "proposer",
                             "'%.8s' is geen gemeente van de regio (een CBS-code van 4 cijfers).",
                             who);
        str_copy(p->proposer, sizeof p->proposer, who);
        break;
    case JR_FWK_AANBIEDER: {
        jr_provider prov;
        jr_status r =
            agb_valid(who) ? store_provider_by_agb(ctx->store, who, &prov, err) : JR_ENOTFOUND;
        if (r == JR_ENOTFOUND)
            return jr_refuse(err, rc, "agb_unknown", "proposer",
                             "'%.9s' is geen geregistreerde aanbieder (AGB-code).", who);
        if (r != JR_OK)
            return r;
        str_copy(p->proposer, sizeof p->proposer, who);
        break;
    }
    default:
        return jr_refuse(err, rc, "proposer_invalid", "proposer_kind",
                         "Kies wie het voorstel doet: gemeente, rsj of aanbieder.");
    }
    return rc;
}

static jr_status event_add(const jr_ctx *ctx, int64_t pid, jr_fwp_state s, const char *note,
                           jr_error *err)
{
    jr_fw_event e;
    memset(&e, 0, sizeof e);
    e.proposal_id = pid;
    e.state = s;
    e.date = ctx->today;
    str_copy(e.actor, sizeof e.actor, ctx->actor ? ctx->actor : "onbekend");
    str_copy(e.note, sizeof e.note, note);
    return store_fw_event_insert(ctx->store, &e, err);
}

jr_status framework_propose(const jr_ctx *ctx, const jr_fw_proposal_in *in, int64_t *id,
                            jr_error *err)
{
    jr_fw_proposal *p = calloc(1, sizeof *p);
    if (!p)
        return jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    jr_status rc = proposer_of(ctx, in, p, JR_OK, err);
    if (rc != JR_OK && rc != JR_EINVAL)
        goto done;
    if ((ctx->who.role == JR_ROLE_GEMEENTE && !ctx->who.gemeente[0]) ||
        (ctx->who.role == JR_ROLE_AANBIEDER && !ctx->who.agb[0])) {
        rc = jr_fail(err, JR_EFORBIDDEN, "forbidden", "",
                     "Dit account hoort bij geen gemeente of aanbieder.");
        goto done;
    }
    jr_fw_summary s;
    jr_error e;
    jr_error_clear(&e);
    jr_status found = framework_agreement_get(ctx, in->agreement_id, &s, &e);
    if (found == JR_ENOTFOUND) {
        rc = jr_refuse(err, rc, "agreement_unknown", "agreement", "%s", e.message);
    } else if (found != JR_OK) {
        jr_error_take(err, &e);
        rc = found;
        goto done;
    } else {
        jr_error d;
        jr_error_clear(&d);
        if (framework_submit_check(s.a.start, s.current_end, ctx->today, &d) != JR_OK)
            rc = jr_refuse_error(err, rc, &d);
    }
    if (!in->title || !*in->title)
        rc = jr_refuse(err, rc, "text_missing", "title", "De titel van het voorstel ontbreekt.");
    else if (strlen(in->title) > JR_FW_NAME_MAX)
        rc = jr_refuse(err, rc, "text_too_long", "title",
                       "De titel is te lang: hoogstens %d tekens.", JR_FW_NAME_MAX);
    rc = framework_text_check(rc, in->description, "description",
                              "De beschrijving van het voorstel", err);
    rc = framework_text_check(rc, in->effect_youth, "effect_youth", "Het effect op de jeugdige",
                              err);
    rc = framework_text_check(rc, in->effect_contractor, "effect_contractor",
                              "Het effect op de opdrachtnemer (aanbieder)", err);
    rc = framework_text_check(rc, in->effect_client, "effect_client",
                              "Het effect op de opdrachtgever (gemeenten)", err);
    if (rc != JR_OK)
        goto done;
    p->agreement_id = in->agreement_id;
    p->submitted = ctx->today;
    p->target_end = s.current_end;
    p->effect = framework_effect_date(s.current_end);
    str_copy(p->title, sizeof p->title, in->title);
    str_copy(p->description, sizeof p->description, in->description);
    str_copy(p->effect_youth, sizeof p->effect_youth, in->effect_youth);
    str_copy(p->effect_contractor, sizeof p->effect_contractor, in->effect_contractor);
    str_copy(p->effect_client, sizeof p->effect_client, in->effect_client);
    p->state = JR_FWP_INGEDIEND;
    str_copy(p->created_by, sizeof p->created_by, ctx->actor ? ctx->actor : "onbekend");
    int64_t nid = 0;
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        goto done;
    rc = store_fw_proposal_insert(ctx->store, p, &nid, err);
    if (rc == JR_OK)
        rc = event_add(ctx, nid, JR_FWP_INGEDIEND, "", err);
    if (rc == JR_OK) {
        char eid[24], detail[320], t[JR_DATE_ISO_LEN], f[JR_DATE_ISO_LEN];
        snprintf(eid, sizeof eid, "%lld", (long long)nid);
        snprintf(detail, sizeof detail,
                 "ingediend door %s %s voor raamovereenkomst %lld (perceel %s) op %s, in werking "
                 "per %s: %.160s",
                 framework_proposer_code(p->kind), p->proposer, (long long)p->agreement_id, s.a.lot,
                 date_format(p->submitted, t), date_format(p->effect, f), p->title);
        rc = audit_record(ctx, "wijzigingsvoorstel.ingediend", "wijzigingsvoorstel", eid, detail,
                          err);
    }
    rc = svc_finish(ctx, rc, err);
    if (rc == JR_OK && id)
        *id = nid;
done:
    free(p);
    return rc;
}

static jr_status proposal_load(const jr_ctx *ctx, int64_t id, jr_fw_proposal *p, jr_error *err)
{
    jr_status rc = may_read_procedure(ctx, "wijzigingsvoorstellen", err);
    if (rc != JR_OK)
        return rc;
    rc = store_fw_proposal_get(ctx->store, id, p, err);
    if (rc == JR_OK && !framework_proposal_visible(ctx, p))
        rc = JR_ENOTFOUND;
    if (rc == JR_ENOTFOUND)
        return jr_fail(err, JR_ENOTFOUND, "proposal_unknown", "proposal",
                       "Wijzigingsvoorstel %lld bestaat niet.", (long long)id);
    return rc;
}

jr_status framework_proposal_get(const jr_ctx *ctx, int64_t id, jr_fw_proposal *out, jr_error *err)
{
    return proposal_load(ctx, id, out, err);
}

jr_status framework_proposal_step(const jr_ctx *ctx, int64_t id, jr_fwp_step step,
                                  jr_fwp_outcome outcome, const char *text, jr_error *err)
{
    jr_fw_proposal *p = calloc(1, sizeof *p);
    if (!p)
        return jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    jr_status rc = proposal_load(ctx, id, p, err);
    if (rc == JR_OK)
        rc = may_write(ctx, "de stap van een wijzigingsvoorstel", err);
    if (rc != JR_OK)
        goto done;
    bool extended = false;
    if (step == JR_FWS_EFFECT && (rc = store_fw_extension_on(ctx->store, p->agreement_id, p->effect,
                                                             &extended, err)) != JR_OK)
        goto done;
    jr_fwp_state to = p->state;
    jr_error e;
    jr_error_clear(&e);
    if (framework_step_check(p->state, p->outcome, step, ctx->today, p->effect, extended, &to,
                             &e) != JR_OK)
        rc = jr_refuse_error(err, rc, &e);
    if (step == JR_FWS_DECIDE) {
        if (outcome != JR_FWO_AANGENOMEN && outcome != JR_FWO_AFGEWEZEN)
            rc = jr_refuse(err, rc, "outcome_invalid", "outcome",
                           "Kies het besluit: aangenomen of afgewezen.");
        rc = framework_text_check(rc, text, "reason", "De motivering van het besluit", err);
    } else if (text && strlen(text) > JR_FW_TEXT_MAX) {
        rc = jr_refuse(err, rc, "text_too_long", "note",
                       "De toelichting is te lang: hoogstens %d tekens.", JR_FW_TEXT_MAX);
    }
    if (rc != JR_OK)
        goto done;
    jr_fwp_state from = p->state;
    p->state = to;
    if (step == JR_FWS_DECIDE) {
        p->outcome = outcome;
        str_copy(p->reason, sizeof p->reason, text);
    }
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        goto done;
    rc = store_fw_proposal_update(ctx->store, p, err);
    if (rc == JR_OK)
        rc = event_add(ctx, id, to, text ? text : "", err);
    if (rc == JR_OK) {
        char eid[24], detail[320], t[JR_DATE_ISO_LEN];
        snprintf(eid, sizeof eid, "%lld", (long long)id);
        snprintf(detail, sizeof detail, "%s -> %s%s%s op %s%s%.200s", framework_state_code(from),
                 framework_state_code(to), step == JR_FWS_DECIDE ? " " : "",
                 step == JR_FWS_DECIDE ? framework_outcome_code(outcome) : "",
                 date_format(ctx->today, t), text && *text ? ": " : "", text ? text : "");
        static const char *const actions[] = {"wijzigingsvoorstel.in_bespreking",
                                              "wijzigingsvoorstel.besloten",
                                              "wijzigingsvoorstel.in_werking"};
        rc = audit_record(ctx, actions[step], "wijzigingsvoorstel", eid, detail, err);
    }
    rc = svc_finish(ctx, rc, err);
done:
    free(p);
    return rc;
}

typedef struct {
    const jr_ctx *ctx;
    jr_row_fn fn;
    void *ud;
} vis_ctx;

static int visible_row(void *ud, const void *row)
{
    vis_ctx *c = ud;
    if (!framework_proposal_visible(c->ctx, row))
        return 0;
    return c->fn(c->ud, row);
}

jr_status framework_proposal_list(const jr_ctx *ctx, int64_t agreement_id, jr_row_fn fn, void *ud,
                                  jr_error *err)
{
    jr_status rc = may_read_procedure(ctx, "wijzigingsvoorstellen", err);
    if (rc != JR_OK)
        return rc;
    if (agreement_id != 0) {
        jr_fw_agreement a;
        if ((rc = agreement_load(ctx, agreement_id, &a, err)) != JR_OK)
            return rc;
    }
    vis_ctx c = {ctx, fn, ud};
    return store_fw_proposal_list(ctx->store, agreement_id, visible_row, &c, err);
}

jr_status framework_proposal_history(const jr_ctx *ctx, int64_t id, jr_row_fn fn, void *ud,
                                     jr_error *err)
{
    jr_fw_proposal *p = calloc(1, sizeof *p);
    if (!p)
        return jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    jr_status rc = proposal_load(ctx, id, p, err);
    free(p);
    if (rc != JR_OK)
        return rc;
    return store_fw_event_list(ctx->store, id, fn, ud, err);
}

/* ---- the covenant ---- */

jr_status covenant_add(const jr_ctx *ctx, const char *name, jr_date signed_date,
                       const char *const *lots, int nlots, int64_t *id, jr_error *err)
{
    jr_status rc = may_write(ctx, "een transformatieconvenant", err);
    if (rc != JR_OK)
        return rc;
    if (!name || !*name)
        rc = jr_refuse(err, rc, "text_missing", "name", "De naam van het convenant ontbreekt.");
    else if (strlen(name) > JR_FW_NAME_MAX)
        rc = jr_refuse(err, rc, "text_too_long", "name", "De naam is te lang: hoogstens %d tekens.",
                       JR_FW_NAME_MAX);
    if (signed_date == JR_DATE_NONE)
        rc = jr_refuse(err, rc, "date_missing", "signed", "De datum van ondertekening ontbreekt.");
    else if (signed_date > ctx->today) {
        char a[JR_DATE_ISO_LEN], b[JR_DATE_ISO_LEN];
        rc = jr_refuse(err, rc, "date_future", "signed",
                       "Het convenant is nog niet ondertekend: %s ligt na vandaag (%s).",
                       date_format(signed_date, a), date_format(ctx->today, b));
    }
    if (nlots < 1 || nlots > JR_MAX_LOTS)
        rc = jr_refuse(err, rc, "lots_missing", "lots",
                       "Noem de percelen waarbij het convenant hoort (1 tot en met %d).",
                       JR_MAX_LOTS);
    for (int i = 0; i < nlots && i < JR_MAX_LOTS; i++) {
        if (!lot_find(ctx, lots[i]))
            rc = lot_refuse(ctx, rc, "lots", lots[i], err);
        for (int k = 0; k < i; k++)
            if (lots[i] && lots[k] && strcmp(lots[i], lots[k]) == 0)
                rc = jr_refuse(err, rc, "lot_twice", "lots", "Perceel %.16s staat er twee keer in.",
                               lots[i]);
    }
    if (rc != JR_OK)
        return rc;
    jr_cov c;
    memset(&c, 0, sizeof c);
    str_copy(c.name, sizeof c.name, name);
    c.signed_date = signed_date;
    int64_t nid = 0;
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    rc = store_cov_insert(ctx->store, &c, ctx->actor ? ctx->actor : "onbekend", &nid, err);
    char list[160] = "";
    size_t n = 0;
    for (int i = 0; rc == JR_OK && i < nlots; i++) {
        rc = store_cov_lot_insert(ctx->store, nid, lots[i], err);
        if (n < sizeof list)
            n += (size_t)snprintf(list + n, sizeof list - n, "%s%s", i ? "," : "", lots[i]);
    }
    if (rc == JR_OK) {
        char eid[24], detail[384], d[JR_DATE_ISO_LEN];
        snprintf(eid, sizeof eid, "%lld", (long long)nid);
        snprintf(detail, sizeof detail, "ondertekend %s, percelen %s: %.160s",
                 date_format(signed_date, d), list, name);
        rc = audit_record(ctx, "convenant.aangemaakt", "convenant", eid, detail, err);
    }
    rc = svc_finish(ctx, rc, err);
    if (rc == JR_OK && id)
        *id = nid;
    return rc;
}

static jr_status cov_load(const jr_ctx *ctx, int64_t id, jr_cov *c, jr_error *err)
{
    jr_status rc = may_read_procedure(ctx, "het transformatieconvenant", err);
    if (rc != JR_OK)
        return rc;
    rc = store_cov_get(ctx->store, id, c, err);
    if (rc == JR_ENOTFOUND)
        return jr_fail(err, JR_ENOTFOUND, "covenant_unknown", "covenant",
                       "Convenant %lld bestaat niet.", (long long)id);
    return rc;
}

jr_status covenant_get(const jr_ctx *ctx, int64_t id, jr_cov *out, jr_error *err)
{
    return cov_load(ctx, id, out, err);
}

jr_status covenant_list(const jr_ctx *ctx, jr_row_fn fn, void *ud, jr_error *err)
{
    jr_status rc = may_read_procedure(ctx, "het transformatieconvenant", err);
    if (rc != JR_OK)
        return rc;
    return store_cov_list(ctx->store, fn, ud, err);
}

jr_status covenant_lots(const jr_ctx *ctx, int64_t id, jr_row_fn fn, void *ud, jr_error *err)
{
    jr_cov c;
    jr_status rc = cov_load(ctx, id, &c, err);
    if (rc != JR_OK)
        return rc;
    return store_cov_lot_list(ctx->store, id, fn, ud, err);
}

jr_status covenant_commitment_add(const jr_ctx *ctx, int64_t covenant_id, const char *title,
                                  const char *description, int64_t *id, jr_error *err)
{
    jr_status rc = may_write(ctx, "een afspraak van het convenant", err);
    if (rc != JR_OK)
        return rc;
    jr_cov c;
    if ((rc = cov_load(ctx, covenant_id, &c, err)) != JR_OK)
        return rc;
    if (!title || !*title)
        rc = jr_refuse(err, rc, "text_missing", "title", "De titel van de afspraak ontbreekt.");
    else if (strlen(title) > JR_FW_NAME_MAX)
        rc = jr_refuse(err, rc, "text_too_long", "title",
                       "De titel is te lang: hoogstens %d tekens.", JR_FW_NAME_MAX);
    rc = framework_text_check(rc, description, "description", "De beschrijving van de afspraak",
                              err);
    if (rc != JR_OK)
        return rc;
    jr_cov_commitment m;
    memset(&m, 0, sizeof m);
    m.covenant_id = covenant_id;
    str_copy(m.title, sizeof m.title, title);
    str_copy(m.description, sizeof m.description, description);
    int64_t nid = 0;
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    rc = store_cov_commitment_insert(ctx->store, &m, &nid, err);
    if (rc == JR_OK) {
        char eid[24], detail[256];
        snprintf(eid, sizeof eid, "%lld", (long long)covenant_id);
        snprintf(detail, sizeof detail, "afspraak %lld: %.200s", (long long)nid, title);
        rc = audit_record(ctx, "convenant.afspraak", "convenant", eid, detail, err);
    }
    rc = svc_finish(ctx, rc, err);
    if (rc == JR_OK && id)
        *id = nid;
    return rc;
}

jr_status covenant_commitments(const jr_ctx *ctx, int64_t covenant_id, jr_row_fn fn, void *ud,
                               jr_error *err)
{
    jr_cov c;
    jr_status rc = cov_load(ctx, covenant_id, &c, err);
    if (rc != JR_OK)
        return rc;
    return store_cov_commitment_list(ctx->store, covenant_id, fn, ud, err);
}

jr_status covenant_status_set(const jr_ctx *ctx, int64_t covenant_id, int64_t commitment_id,
                              const char *agb, jr_fcov_status status, jr_date date,
                              const char *note, jr_error *err)
{
    jr_status rc = may_write(ctx, "de stand van een afspraak", err);
    if (rc != JR_OK)
        return rc;
    jr_cov_commitment m;
    rc = store_cov_commitment_get(ctx->store, commitment_id, &m, err);
    if (rc == JR_OK && m.covenant_id != covenant_id)
        rc = JR_ENOTFOUND;
    if (rc == JR_ENOTFOUND)
        return jr_fail(err, JR_ENOTFOUND, "commitment_unknown", "commitment",
                       "Afspraak %lld van het convenant bestaat niet.", (long long)commitment_id);
    if (rc != JR_OK)
        return rc;
    jr_cov c;
    if ((rc = cov_load(ctx, m.covenant_id, &c, err)) != JR_OK)
        return rc;
    jr_provider prov;
    jr_status found =
        agb && agb_valid(agb) ? store_provider_by_agb(ctx->store, agb, &prov, err) : JR_ENOTFOUND;
    if (found == JR_ENOTFOUND)
        rc = jr_refuse(err, rc, "agb_unknown", "agb",
                       "'%.9s' is geen geregistreerde aanbieder (AGB-code).", agb ? agb : "");
    else if (found != JR_OK)
        return found;
    if ((unsigned)status >= JR_FCS_COUNT)
        rc = jr_refuse(err, rc, "status_invalid", "status",
                       "Kies de stand: afgesproken, in_uitvoering, gerealiseerd of "
                       "niet_gerealiseerd.");
    char a[JR_DATE_ISO_LEN], b[JR_DATE_ISO_LEN];
    if (date == JR_DATE_NONE)
        rc = jr_refuse(err, rc, "date_missing", "date", "De datum van de stand ontbreekt.");
    else if (date > ctx->today)
        rc = jr_refuse(err, rc, "date_future", "date",
                       "De stand op %s ligt in de toekomst (vandaag is het %s).",
                       date_format(date, a), date_format(ctx->today, b));
    else if (date < c.signed_date)
        rc = jr_refuse(err, rc, "date_before_signed", "date",
                       "De stand op %s ligt voor de ondertekening van het convenant op %s.",
                       date_format(date, a), date_format(c.signed_date, b));
    if (note && strlen(note) > JR_FW_TEXT_MAX)
        rc = jr_refuse(err, rc, "text_too_long", "note",
                       "De toelichting is te lang: hoogstens %d tekens.", JR_FW_TEXT_MAX);
    if (rc != JR_OK)
        return rc;
    jr_cov_status s;
    memset(&s, 0, sizeof s);
    s.commitment_id = commitment_id;
    str_copy(s.agb, sizeof s.agb, agb);
    s.status = status;
    s.date = date;
    str_copy(s.note, sizeof s.note, note);
    str_copy(s.recorded_by, sizeof s.recorded_by, ctx->actor ? ctx->actor : "onbekend");
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    rc = store_cov_status_insert(ctx->store, &s, err);
    if (rc == JR_OK) {
        char eid[24], detail[320];
        snprintf(eid, sizeof eid, "%lld", (long long)m.covenant_id);
        snprintf(detail, sizeof detail, "afspraak %lld, aanbieder %s: %s per %s%s%.160s",
                 (long long)commitment_id, agb, framework_cov_status_code(status),
                 date_format(date, a), note && *note ? ": " : "", note ? note : "");
        rc = audit_record(ctx, "convenant.stand", "convenant", eid, detail, err);
    }
    return svc_finish(ctx, rc, err);
}

jr_status covenant_statuses(const jr_ctx *ctx, int64_t covenant_id, jr_row_fn fn, void *ud,
                            jr_error *err)
{
    jr_cov c;
    jr_status rc = cov_load(ctx, covenant_id, &c, err);
    if (rc != JR_OK)
        return rc;
    const char *agb = NULL;
    if (ctx->who.role == JR_ROLE_AANBIEDER) {
        if (!ctx->who.agb[0])
            return JR_OK;
        agb = ctx->who.agb;
    }
    return store_cov_status_current(ctx->store, covenant_id, agb, fn, ud, err);
}

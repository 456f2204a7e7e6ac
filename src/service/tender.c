/*
 * tender.c (service): tenders and admission (see tender.h). Each change
 * runs in one transaction with its audit rows; the phase rules, the result
 * and the admission rule are domain/tender.c, the rows store/tenders.c, and
 * the contracts are made by contract_add (service/provider.c).
 */
#include "tender.h"

#include "../core/vec.h"

#include "../core/sbuf.h"
#include "../domain/ident.h"
#include "provider.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool regional(const jr_ctx *ctx)
{
    return ctx->who.role == JR_ROLE_SYSTEM || ctx->who.role == JR_ROLE_BEHEERDER ||
           ctx->who.role == JR_ROLE_RSJ;
}

static jr_status need_regional(const jr_ctx *ctx, const char *what, jr_error *err)
{
    if (regional(ctx))
        return JR_OK;
    return jr_fail(err, JR_EFORBIDDEN, "forbidden", "",
                   "Deze rol mag %s niet (alleen rsj en beheerder).", what);
}

static bool blank(const char *s)
{
    if (!s)
        return true;
    for (; *s; s++)
        if (!isspace((unsigned char)*s))
            return false;
    return true;
}

/* refuse_text: a required free text of at most cap - 1 characters, refused
 * as WHAT_missing or WHAT_too_long on field; noun names it in the message
 * ("De vraag"), why (may be "") follows the missing one */
static jr_status refuse_text(jr_error *err, jr_status rc, const char *text, size_t cap,
                             const char *what, const char *field, const char *noun, const char *why)
{
    char code[48];
    if (blank(text)) {
        snprintf(code, sizeof code, "%s_missing", what);
        return jr_refuse(err, rc, code, field, "%s ontbreekt%s.", noun, why);
    }
    if (strlen(text) >= cap) {
        snprintf(code, sizeof code, "%s_too_long", what);
        return jr_refuse(err, rc, code, field, "%s is te lang (ten hoogste %zu tekens).", noun,
                         cap - 1);
    }
    return rc;
}

static const char *actor(const jr_ctx *ctx)
{
    return ctx->actor && *ctx->actor ? ctx->actor : "onbekend";
}

static const jr_lot *cat_lot(const jr_catalog *cat, const char *code)
{
    for (int i = 0; i < cat->nlots; i++)
        if (strcmp(cat->lots[i].code, code) == 0)
            return &cat->lots[i];
    return NULL;
}

static const char *dates_text(const jr_tender_dates *d, char *buf, size_t cap)
{
    char a[7][JR_DATE_ISO_LEN], e[JR_DATE_ISO_LEN];
    snprintf(buf, cap,
             "publicatie %s, nvi t/m %s, inschrijving t/m %s, beoordeling %s t/m %s, gunning %s, "
             "standstill %d dagen, contract %s t/m %s",
             date_format(d->publication, a[0]), date_format(d->qa_end, a[1]),
             date_format(d->registration_end, a[2]), date_format(d->assessment_start, a[3]),
             date_format(d->assessment_end, a[4]), date_format(d->award, a[5]),
             (int)d->standstill_days, date_format(d->contract_start, a[6]),
             d->contract_end == JR_DATE_NONE ? "open" : date_format(d->contract_end, e));
    return buf;
}

/* ---- creating ---- */

jr_status tender_may_manage(const jr_ctx *ctx, jr_error *err)
{
    return need_regional(ctx, "een aanbesteding beheren", err);
}

jr_status tender_may_register(const jr_ctx *ctx, jr_error *err)
{
    if (regional(ctx) || ctx->who.role == JR_ROLE_AANBIEDER)
        return JR_OK;
    return jr_fail(err, JR_EFORBIDDEN, "forbidden", "",
                   "Deze rol mag niet inschrijven op een aanbesteding (alleen een aanbieder voor "
                   "zichzelf, rsj en beheerder namens een inschrijver).");
}

jr_status tender_create(const jr_ctx *ctx, const jr_tender_spec *s, int64_t *id, jr_error *err)
{
    jr_status rc = need_regional(ctx, "een aanbesteding aanmaken", err);
    if (rc != JR_OK)
        return rc;
    if (blank(s->name))
        rc = jr_refuse(err, rc, "name_missing", "naam", "De naam van de aanbesteding ontbreekt.");
    jr_error e;
    jr_error_clear(&e);
    e.invalid = err ? err->invalid : NULL;
    if (tender_dates_check(&s->d, &e) != JR_OK && rc == JR_OK) {
        jr_error_take(err, &e);
        rc = JR_EINVAL;
    }
    if (s->nlots < 1 || s->nlots > JR_TENDER_LOTS_MAX)
        rc = jr_refuse(err, rc, "lots_count", "percelen",
                       "Een aanbesteding heeft 1 tot en met %d percelen; nu %d.",
                       JR_TENDER_LOTS_MAX, s->nlots);
    for (int i = 0; i < s->nlots && i < JR_TENDER_LOTS_MAX; i++) {
        const jr_tender_lot_spec *l = &s->lots[i];
        const jr_lot *cl = cat_lot(ctx->cat, l->lot);
        if (!cl) {
            rc = jr_refuse(err, rc, "lot_unknown", "percelen",
                           "Perceel '%s' bestaat niet in de catalogus.", l->lot);
            continue;
        }
        for (int k = 0; k < i; k++)
            if (strcmp(s->lots[k].lot, l->lot) == 0)
                rc = jr_refuse(err, rc, "lot_twice", "percelen",
                               "Perceel %s staat twee keer in de aanbesteding.", l->lot);
        if (l->nproducts < 1)
            rc = jr_refuse(err, rc, "products_missing", "percelen",
                           "Perceel %s heeft geen producten.", l->lot);
        for (int p = 0; p < l->nproducts && p < JR_TENDER_LOT_PRODUCTS; p++) {
            const jr_product *pr = catalog_product_by_short(ctx->cat, l->products[p]);
            if (!pr)
                rc = jr_refuse(err, rc, "product_unknown", "percelen",
                               "Perceel %s: product '%s' bestaat niet in de catalogus.", l->lot,
                               l->products[p]);
            else if (!catalog_lot_has(cl, pr->code))
                rc = jr_refuse(err, rc, "product_not_in_lot", "percelen",
                               "Product %s hoort niet bij perceel %s (%s).", pr->code, cl->code,
                               cl->name);
        }
    }
    jr_tender_crit c[JR_TENDER_CRIT_MAX];
    int nc = s->ncrit > JR_TENDER_CRIT_MAX ? JR_TENDER_CRIT_MAX : s->ncrit;
    for (int i = 0; i < nc; i++) {
        c[i] = s->crit[i].c;
        if (blank(s->crit[i].name))
            rc = jr_refuse(err, rc, "criterion_name_missing", "criteria",
                           "Criterium %d heeft geen naam.", i + 1);
    }
    jr_error_clear(&e);
    e.invalid = err ? err->invalid : NULL;
    if (tender_criteria_check(c, s->ncrit > JR_TENDER_CRIT_MAX ? s->ncrit : nc, &e) != JR_OK &&
        rc == JR_OK) {
        jr_error_take(err, &e);
        rc = JR_EINVAL;
    }
    if (rc != JR_OK)
        return rc;
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    int64_t tid = 0;
    rc = store_tender_insert(ctx->store, s->name, s->description, &s->d, actor(ctx), &tid, err);
    for (int i = 0; i < s->nlots && rc == JR_OK; i++) {
        const jr_lot *cl = cat_lot(ctx->cat, s->lots[i].lot);
        int64_t lid = 0;
        rc = store_tlot_insert(ctx->store, tid, cl->code, cl->name, &lid, err);
        for (int p = 0; p < s->lots[i].nproducts && rc == JR_OK; p++) {
            const jr_product *pr = catalog_product_by_short(ctx->cat, s->lots[i].products[p]);
            rc = store_tlot_product_insert(ctx->store, lid, pr->code, err);
            if (rc == JR_ECONFLICT)
                rc = jr_fail(err, JR_EINVAL, "product_twice", "percelen",
                             "Perceel %s: product %s staat er twee keer in.", cl->code, pr->code);
        }
    }
    for (int i = 0; i < nc && rc == JR_OK; i++)
        rc = store_tcrit_insert(ctx->store, tid, i + 1, s->crit[i].name, &c[i], err);
    if (rc == JR_OK) {
        char idb[24], detail[512], dt[320];
        snprintf(idb, sizeof idb, "%lld", (long long)tid);
        snprintf(detail, sizeof detail, "%.100s: %d percelen, %d criteria; %s", s->name, s->nlots,
                 nc, dates_text(&s->d, dt, sizeof dt));
        rc = audit_record(ctx, "aanbesteding.aangemaakt", "aanbesteding", idb, detail, err);
    }
    if (rc == JR_OK && id)
        *id = tid;
    return svc_finish(ctx, rc, err);
}

/* ---- reading ---- */

static bool published(const jr_ctx *ctx, const store_tender_row *t)
{
    return ctx->today >= t->d.publication;
}

static jr_status tender_not_found(jr_error *err, int64_t id)
{
    return jr_fail(err, JR_ENOTFOUND, "tender_unknown", "aanbesteding",
                   "Aanbesteding %lld bestaat niet.", (long long)id);
}

/* load_tender: the tender as the principal may see it */
static jr_status load_tender(const jr_ctx *ctx, int64_t id, store_tender_row *t, jr_error *err)
{
    jr_status rc = store_tender_get(ctx->store, id, t, err);
    if (rc == JR_ENOTFOUND || (rc == JR_OK && !regional(ctx) && !published(ctx, t)))
        return tender_not_found(err, id);
    return rc;
}

typedef struct {
    jr_tender_view *v;
} lots_ctx;

static int lot_row(void *ud, const void *row)
{
    jr_tender_view *v = ud;
    if (v->nlots < JR_TENDER_LOTS_MAX)
        v->lots[v->nlots++].l = *(const store_tlot_row *)row;
    return 0;
}

static int crit_row(void *ud, const void *row)
{
    jr_tender_view *v = ud;
    if (v->ncrit < JR_TENDER_CRIT_MAX)
        v->crit[v->ncrit++] = *(const store_tcrit_row *)row;
    return 0;
}

typedef struct {
    jr_tender_lot_view *l;
} count_ctx;

static int count_reg(void *ud, const void *row)
{
    jr_tender_lot_view *l = ud;
    const store_treg_row *r = row;
    if (r->round == 1)
        l->registrations++;
    else
        l->later++;
    return 0;
}

static jr_status fill_view(const jr_ctx *ctx, const store_tender_row *t, jr_tender_view *v,
                           jr_error *err)
{
    memset(v, 0, sizeof *v);
    v->t = *t;
    if (!regional(ctx)) /* who made it is the regional team's business */
        v->t.created_by[0] = '\0';
    v->phase = tender_phase(&t->d, ctx->today, t->first_award);
    jr_status rc = store_tlot_list(ctx->store, t->id, lot_row, v, err);
    for (int i = 0; i < v->nlots && rc == JR_OK; i++) {
        int64_t lid = v->lots[i].l.id;
        rc = store_tlot_get(ctx->store, lid, &v->lots[i].l, err);
        if (rc == JR_OK && regional(ctx))
            rc = store_treg_list(ctx->store, 0, lid, NULL, count_reg, &v->lots[i], err);
    }
    if (rc == JR_OK)
        rc = store_tcrit_list(ctx->store, t->id, crit_row, v, err);
    return rc;
}

jr_status tender_get(const jr_ctx *ctx, int64_t id, jr_tender_view *out, jr_error *err)
{
    store_tender_row t;
    memset(out, 0, sizeof *out);
    jr_status rc = load_tender(ctx, id, &t, err);
    if (rc == JR_OK)
        rc = fill_view(ctx, &t, out, err);
    return rc;
}

typedef struct {
    int64_t *ids;
    size_t n, cap;
    bool nomem;
} id_list;

static int tender_id_row(void *ud, const void *row)
{
    id_list *l = ud;
    int64_t *v = vec_grow(l->ids, l->n, &l->cap, sizeof *v, 16);
    if (!v) {
        l->nomem = true;
        return 1;
    }
    l->ids = v;
    l->ids[l->n++] = ((const store_tender_row *)row)->id;
    return 0;
}

jr_status tender_list(const jr_ctx *ctx, jr_row_fn fn, void *ud, jr_error *err)
{
    id_list l = {NULL, 0, 0, false};
    jr_status rc = store_tender_list(ctx->store, tender_id_row, &l, err);
    if (rc == JR_OK && l.nomem)
        rc = jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    for (size_t i = 0; i < l.n && rc == JR_OK; i++) {
        store_tender_row t;
        if ((rc = store_tender_get(ctx->store, l.ids[i], &t, err)) != JR_OK)
            break;
        if (!regional(ctx) && !published(ctx, &t))
            continue;
        jr_tender_view v;
        if ((rc = fill_view(ctx, &t, &v, err)) != JR_OK)
            break;
        if (fn(ud, &v))
            break;
    }
    free(l.ids);
    return rc;
}

/* ---- questions ---- */

jr_status tender_ask(const jr_ctx *ctx, int64_t tender_id, const char *question, int64_t *id,
                     jr_error *err)
{
    if (!regional(ctx) && ctx->who.role != JR_ROLE_AANBIEDER)
        return jr_fail(err, JR_EFORBIDDEN, "forbidden", "",
                       "Deze rol mag geen vragen stellen over een aanbesteding (alleen een "
                       "aanbieder, rsj en beheerder).");
    store_tender_row t;
    jr_status rc = load_tender(ctx, tender_id, &t, err);
    if (rc != JR_OK)
        return rc;
    rc = refuse_text(err, rc, question, 1024, "question", "vraag", "De vraag", "");
    jr_error e;
    jr_error_clear(&e);
    if (tender_action_allowed(&t.d, JR_TA_ASK, ctx->today, t.first_award, &e) != JR_OK)
        rc = jr_refuse_error(err, rc, &e);
    if (rc != JR_OK)
        return rc;
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    int64_t qid = 0;
    const char *agb = ctx->who.role == JR_ROLE_AANBIEDER ? ctx->who.agb : NULL;
    rc = store_tquestion_insert(ctx->store, tender_id, actor(ctx), agb, ctx->today, question, &qid,
                                err);
    if (rc == JR_OK) {
        char idb[24], detail[256];
        snprintf(idb, sizeof idb, "%lld", (long long)tender_id);
        snprintf(detail, sizeof detail, "vraag %lld: %.200s", (long long)qid, question);
        rc = audit_record(ctx, "aanbesteding.vraag", "aanbesteding", idb, detail, err);
    }
    if (rc == JR_OK && id)
        *id = qid;
    return svc_finish(ctx, rc, err);
}

jr_status tender_answer(const jr_ctx *ctx, int64_t tender_id, int64_t question_id,
                        const char *answer, jr_error *err)
{
    jr_status rc = need_regional(ctx, "vragen beantwoorden", err);
    if (rc != JR_OK)
        return rc;
    store_tquestion_row q;
    rc = store_tquestion_get(ctx->store, question_id, &q, err);
    if (rc == JR_OK && q.tender_id != tender_id)
        rc = JR_ENOTFOUND;
    if (rc == JR_ENOTFOUND)
        return jr_fail(err, JR_ENOTFOUND, "question_unknown", "vraag", "Vraag %lld bestaat niet.",
                       (long long)question_id);
    store_tender_row t;
    if (rc == JR_OK)
        rc = store_tender_get(ctx->store, q.tender_id, &t, err);
    if (rc != JR_OK)
        return rc;
    rc = refuse_text(err, rc, answer, 2048, "answer", "antwoord", "Het antwoord", "");
    jr_error e;
    jr_error_clear(&e);
    if (tender_action_allowed(&t.d, JR_TA_ANSWER, ctx->today, t.first_award, &e) != JR_OK)
        rc = jr_refuse_error(err, rc, &e);
    if (rc != JR_OK)
        return rc;
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    rc = store_tquestion_answer(ctx->store, question_id, answer, actor(ctx), ctx->today, err);
    if (rc == JR_OK) {
        char idb[24], detail[256];
        snprintf(idb, sizeof idb, "%lld", (long long)q.tender_id);
        snprintf(detail, sizeof detail, "vraag %lld %s: %.200s", (long long)question_id,
                 q.answered ? "opnieuw beantwoord" : "beantwoord", answer);
        rc = audit_record(ctx, "aanbesteding.antwoord", "aanbesteding", idb, detail, err);
    }
    return svc_finish(ctx, rc, err);
}

typedef struct {
    const jr_ctx *ctx;
    jr_row_fn fn;
    void *ud;
} q_ctx;

static int question_row(void *ud, const void *row)
{
    q_ctx *c = ud;
    store_tquestion_row q = *(const store_tquestion_row *)row;
    if (!regional(c->ctx)) {
        bool own = c->ctx->who.role == JR_ROLE_AANBIEDER && c->ctx->who.agb[0] &&
                   strcmp(q.asked_agb, c->ctx->who.agb) == 0;
        if (!q.answered && !own)
            return 0;
        if (!own) {
            q.asked_by[0] = '\0';
            q.asked_agb[0] = '\0';
        }
        q.answered_by[0] = '\0';
    }
    return c->fn(c->ud, &q);
}

jr_status tender_questions(const jr_ctx *ctx, int64_t tender_id, jr_row_fn fn, void *ud,
                           jr_error *err)
{
    store_tender_row t;
    jr_status rc = load_tender(ctx, tender_id, &t, err);
    if (rc != JR_OK)
        return rc;
    q_ctx c = {ctx, fn, ud};
    return store_tquestion_list(ctx->store, tender_id, question_row, &c, err);
}

/* ---- registrations ---- */

static jr_status load_lot(const jr_ctx *ctx, int64_t lot_id, store_tlot_row *l, store_tender_row *t,
                          jr_error *err)
{
    jr_status rc = store_tlot_get(ctx->store, lot_id, l, err);
    if (rc == JR_OK)
        rc = store_tender_get(ctx->store, l->tender_id, t, err);
    if (rc == JR_ENOTFOUND || (rc == JR_OK && !regional(ctx) && !published(ctx, t)))
        return jr_fail(err, JR_ENOTFOUND, "lot_unknown", "perceel", "Perceel %lld bestaat niet.",
                       (long long)lot_id);
    return rc;
}

static bool lot_has(const store_tlot_row *l, const char *code)
{
    for (int i = 0; i < l->nproducts; i++)
        if (strcmp(l->products[i], code) == 0)
            return true;
    return false;
}

jr_status tender_register(const jr_ctx *ctx, const jr_treg_spec *s, int64_t *id, jr_error *err)
{
    if (!regional(ctx) && ctx->who.role != JR_ROLE_AANBIEDER)
        return jr_fail(err, JR_EFORBIDDEN, "forbidden", "",
                       "Deze rol mag niet inschrijven op een aanbesteding (alleen een aanbieder "
                       "voor zichzelf, rsj en beheerder namens een inschrijver).");
    store_tlot_row l;
    store_tender_row t;
    jr_status rc = load_lot(ctx, s->lot_id, &l, &t, err);
    if (rc != JR_OK)
        return rc;
    if (ctx->who.role == JR_ROLE_AANBIEDER && strcmp(s->agb, ctx->who.agb) != 0)
        return jr_fail(err, JR_EFORBIDDEN, "forbidden_agb", "agb",
                       "Een aanbieder schrijft alleen voor zichzelf in (AGB %s), niet voor %.9s.",
                       ctx->who.agb, s->agb);
    int32_t round = l.contracted_on != JR_DATE_NONE ? 2 : 1;
    if (!agb_valid(s->agb))
        rc = jr_refuse(err, rc, "agb_invalid", "agb", "'%.20s' is geen AGB-code (8 cijfers).",
                       s->agb);
    if (blank(s->name))
        rc = jr_refuse(err, rc, "name_missing", "naam", "De naam van de inschrijver ontbreekt.");
    if (strcmp(s->kind, "instelling") != 0 && strcmp(s->kind, "vrijgevestigde") != 0)
        rc = jr_refuse(err, rc, "kind_invalid", "soort",
                       "Soort '%.20s' is onbekend: kies instelling of vrijgevestigde.", s->kind);
    if (s->nproducts < 1)
        rc = jr_refuse(err, rc, "products_missing", "producten",
                       "Kies ten minste een product van perceel %s.", l.lot);
    for (int i = 0; i < s->nproducts && i < JR_TENDER_LOT_PRODUCTS; i++) {
        const jr_product *p = catalog_product_by_short(ctx->cat, s->products[i]);
        if (!p || !lot_has(&l, p->code))
            rc = jr_refuse(err, rc, "product_not_in_lot", "producten",
                           "Product '%.8s' wordt in perceel %s van deze aanbesteding niet "
                           "gevraagd.",
                           s->products[i], l.lot);
        for (int k = 0; p && k < i; k++) {
            const jr_product *q = catalog_product_by_short(ctx->cat, s->products[k]);
            if (q == p)
                rc = jr_refuse(err, rc, "product_twice", "producten",
                               "Product %s staat twee keer in de inschrijving.", p->code);
        }
        if (s->capacity[i] < -1)
            rc = jr_refuse(err, rc, "capacity_invalid", "capaciteit",
                           "De capaciteit voor %.8s is negatief.", s->products[i]);
    }
    for (int i = 0; i < s->nsubs && i < JR_TENDER_SUBS_MAX; i++) {
        if (!agb_valid(s->subs[i].agb))
            rc = jr_refuse(err, rc, "sub_agb_invalid", "onderaannemers",
                           "Onderaannemer %d: '%.20s' is geen AGB-code (8 cijfers).", i + 1,
                           s->subs[i].agb);
        else if (strcmp(s->subs[i].agb, s->agb) == 0)
            rc = jr_refuse(err, rc, "sub_is_main", "onderaannemers",
                           "Onderaannemer %s is ook de hoofdaannemer.", s->subs[i].agb);
        if (blank(s->subs[i].name))
            rc = jr_refuse(err, rc, "sub_name_missing", "onderaannemers",
                           "Onderaannemer %d heeft geen naam.", i + 1);
        for (int k = 0; k < i; k++)
            if (strcmp(s->subs[k].agb, s->subs[i].agb) == 0)
                rc =
                    jr_refuse(err, rc, "sub_twice", "onderaannemers",
                              "Onderaannemer %s staat twee keer in de combinatie.", s->subs[i].agb);
    }
    jr_error e;
    jr_error_clear(&e);
    if (round == 1) {
        if (l.awarded_on != JR_DATE_NONE)
            rc = jr_refuse(err, rc, "lot_awarded", "perceel",
                           "Perceel %s is al gegund; late toetreding kan pas als de contracten "
                           "van de eerste ronde er zijn.",
                           l.lot);
        else if (tender_action_allowed(&t.d, JR_TA_REGISTER, ctx->today, JR_DATE_NONE, &e) != JR_OK)
            rc = jr_refuse_error(err, rc, &e);
    } else if (t.d.contract_end != JR_DATE_NONE && ctx->today > t.d.contract_end) {
        char b[JR_DATE_ISO_LEN];
        rc = jr_refuse(err, rc, "contract_ended", "datum",
                       "De contractperiode van deze aanbesteding is voorbij (tot en met %s); "
                       "toetreden kan niet meer.",
                       date_format(t.d.contract_end, b));
    }
    if (rc != JR_OK)
        return rc;
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    int64_t rid = 0;
    rc = store_treg_insert(ctx->store, l.id, s->agb, s->name, s->kind, round, actor(ctx),
                           ctx->today, &rid, err);
    if (rc == JR_ECONFLICT)
        rc = jr_fail(err, JR_ECONFLICT, "registration_exists", "agb",
                     "AGB %s heeft al een inschrijving op perceel %s%s.", s->agb, l.lot,
                     round == 2 ? " voor late toetreding" : "");
    for (int i = 0; i < s->nproducts && rc == JR_OK; i++) {
        const jr_product *p = catalog_product_by_short(ctx->cat, s->products[i]);
        rc = store_treg_product_insert(ctx->store, rid, p->code, s->capacity[i], err);
    }
    for (int i = 0; i < s->nsubs && rc == JR_OK; i++)
        rc = store_tsub_insert(ctx->store, rid, s->subs[i].agb, s->subs[i].name, err);
    if (rc == JR_OK) {
        char idb[24], detail[384];
        snprintf(idb, sizeof idb, "%lld", (long long)rid);
        snprintf(detail, sizeof detail,
                 "aanbesteding %lld perceel %s, %s %s (%.60s), %d producten, %d onderaannemers%s",
                 (long long)t.id, l.lot, round == 2 ? "toetreding" : "inschrijving", s->agb,
                 s->name, s->nproducts, s->nsubs,
                 ctx->who.role == JR_ROLE_AANBIEDER ? "" : ", namens de inschrijver");
        rc = audit_record(ctx, "aanbesteding.inschrijving", "inschrijving", idb, detail, err);
    }
    if (rc == JR_OK && id)
        *id = rid;
    return svc_finish(ctx, rc, err);
}

/* ---- results ---- */

typedef struct {
    const store_tcrit_row *crit;
    int ncrit;
    jr_tender_tally t[JR_TENDER_CRIT_MAX];
} tally_ctx;

static int tally_row(void *ud, const void *row)
{
    tally_ctx *c = ud;
    const store_tscore_row *s = row;
    for (int i = 0; i < c->ncrit; i++)
        if (c->crit[i].id == s->criterion_id) {
            c->t[i].n++;
            c->t[i].sum += s->score;
        }
    return 0;
}

static int reg_product_row(void *ud, const void *row)
{
    jr_treg_view *v = ud;
    if (v->nproducts < JR_TENDER_LOT_PRODUCTS)
        v->products[v->nproducts++] = *(const store_treg_product *)row;
    return 0;
}

static int reg_sub_row(void *ud, const void *row)
{
    jr_treg_view *v = ud;
    if (v->nsubs < JR_TENDER_SUBS_MAX)
        v->subs[v->nsubs++] = *(const store_tsub_row *)row;
    return 0;
}

static int view_crit_row(void *ud, const void *row)
{
    jr_treg_view *v = ud;
    if (v->ncrit < JR_TENDER_CRIT_MAX)
        v->crit[v->ncrit++] = *(const store_tcrit_row *)row;
    return 0;
}

/* reg_view: the registration r whole (result included) into v */
static jr_status reg_view(const jr_ctx *ctx, const store_treg_row *r, jr_treg_view *v,
                          jr_error *err)
{
    memset(v, 0, sizeof *v);
    v->r = *r;
    jr_status rc = store_treg_products(ctx->store, r->id, reg_product_row, v, err);
    if (rc == JR_OK)
        rc = store_tsub_list(ctx->store, r->id, reg_sub_row, v, err);
    if (rc == JR_OK)
        rc = store_tcrit_list(ctx->store, r->tender_id, view_crit_row, v, err);
    tally_ctx tc;
    memset(&tc, 0, sizeof tc);
    tc.crit = v->crit;
    tc.ncrit = v->ncrit;
    if (rc == JR_OK)
        rc = store_tscore_list(ctx->store, r->id, tally_row, &tc, err);
    if (rc == JR_OK) {
        jr_tender_crit c[JR_TENDER_CRIT_MAX];
        for (int i = 0; i < v->ncrit; i++)
            c[i] = v->crit[i].c;
        tender_result(c, tc.t, v->ncrit, &v->res);
        v->has_result = true;
        rc = store_tadmission_get(ctx->store, r->id, &v->adm, err);
        v->has_admission = rc == JR_OK;
        if (rc == JR_ENOTFOUND)
            rc = JR_OK;
    }
    return rc;
}

/* result_visible: an aanbieder sees its result once its lot is awarded
 * (first round) or decided (later entry) */
static bool result_visible(const jr_ctx *ctx, const store_treg_row *r)
{
    if (regional(ctx))
        return true;
    return strcmp(r->status, "ingeschreven") != 0;
}

static jr_status reg_scope(const jr_ctx *ctx, jr_error *err)
{
    if (regional(ctx) || ctx->who.role == JR_ROLE_AANBIEDER)
        return JR_OK;
    return jr_fail(err, JR_EFORBIDDEN, "forbidden", "",
                   "Deze rol mag de inschrijvingen niet zien (alleen rsj, beheerder en de "
                   "aanbieder zijn eigen).");
}

typedef struct {
    store_treg_row *v;
    size_t n, cap;
    bool nomem;
} reg_list;

static int reg_collect(void *ud, const void *row)
{
    reg_list *l = ud;
    store_treg_row *v = vec_grow(l->v, l->n, &l->cap, sizeof *v, 32);
    if (!v) {
        l->nomem = true;
        return 1;
    }
    l->v = v;
    l->v[l->n++] = *(const store_treg_row *)row;
    return 0;
}

/* regs_of: every registration of the tender or the lot (0: any) of agb
 * (NULL: any) into l (the caller frees l->v, also on failure) */
static jr_status regs_of(const jr_ctx *ctx, int64_t tender_id, int64_t lot_id, const char *agb,
                         reg_list *l, jr_error *err)
{
    memset(l, 0, sizeof *l);
    jr_status rc = store_treg_list(ctx->store, tender_id, lot_id, agb, reg_collect, l, err);
    if (rc == JR_OK && l->nomem)
        rc = jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    return rc;
}

jr_status tender_registrations(const jr_ctx *ctx, int64_t tender_id, int64_t lot_id, jr_row_fn fn,
                               void *ud, jr_error *err)
{
    jr_status rc = reg_scope(ctx, err);
    if (rc != JR_OK)
        return rc;
    store_tender_row t;
    if ((rc = load_tender(ctx, tender_id, &t, err)) != JR_OK)
        return rc;
    const char *agb = NULL;
    if (ctx->who.role == JR_ROLE_AANBIEDER) {
        if (!ctx->who.agb[0])
            return JR_OK;
        agb = ctx->who.agb;
    }
    reg_list l;
    rc = regs_of(ctx, tender_id, lot_id, agb, &l, err);
    for (size_t i = 0; i < l.n && rc == JR_OK; i++) {
        jr_treg_view v;
        if ((rc = reg_view(ctx, &l.v[i], &v, err)) != JR_OK)
            break;
        if (!result_visible(ctx, &v.r))
            v.has_result = false;
        if (fn(ud, &v))
            break;
    }
    free(l.v);
    return rc;
}

static jr_status load_reg(const jr_ctx *ctx, int64_t reg_id, store_treg_row *r, store_tender_row *t,
                          jr_error *err)
{
    jr_status rc = store_treg_get(ctx->store, reg_id, r, err);
    if (rc == JR_OK)
        rc = store_tender_get(ctx->store, r->tender_id, t, err);
    if (rc == JR_ENOTFOUND || (rc == JR_OK && ctx->who.role == JR_ROLE_AANBIEDER &&
                               (!ctx->who.agb[0] || strcmp(r->agb, ctx->who.agb) != 0)))
        return jr_fail(err, JR_ENOTFOUND, "registration_unknown", "inschrijving",
                       "Inschrijving %lld bestaat niet.", (long long)reg_id);
    return rc;
}

jr_status tender_registration_get(const jr_ctx *ctx, int64_t reg_id, jr_treg_view *out,
                                  jr_error *err)
{
    memset(out, 0, sizeof *out);
    jr_status rc = reg_scope(ctx, err);
    store_treg_row r;
    store_tender_row t;
    if (rc == JR_OK)
        rc = load_reg(ctx, reg_id, &r, &t, err);
    if (rc == JR_OK)
        rc = reg_view(ctx, &r, out, err);
    if (rc == JR_OK && !result_visible(ctx, &r))
        out->has_result = false;
    return rc;
}

/* ---- scores ---- */

jr_status tender_score(const jr_ctx *ctx, int64_t reg_id, int64_t criterion_seq, int32_t score,
                       const char *motivation, jr_error *err)
{
    jr_status rc = need_regional(ctx, "inschrijvingen beoordelen", err);
    store_treg_row r;
    store_tender_row t;
    if (rc == JR_OK)
        rc = load_reg(ctx, reg_id, &r, &t, err);
    if (rc != JR_OK)
        return rc;
    jr_treg_view v;
    if ((rc = reg_view(ctx, &r, &v, err)) != JR_OK)
        return rc;
    const store_tcrit_row *crit = NULL;
    for (int i = 0; i < v.ncrit; i++)
        if (v.crit[i].seq == criterion_seq)
            crit = &v.crit[i];
    if (!crit)
        rc = jr_refuse(err, rc, "criterion_unknown", "criterium",
                       "Criterium %lld bestaat niet in deze aanbesteding (1 tot en met %d).",
                       (long long)criterion_seq, v.ncrit);
    if (score < 0 || score > JR_TENDER_SCORE_MAX)
        rc = jr_refuse(err, rc, "score_invalid", "score", "Score %d ligt niet tussen 0 en %d.",
                       (int)score, JR_TENDER_SCORE_MAX);
    rc = refuse_text(err, rc, motivation, 1024, "motivation", "motivering", "De motivering",
                     ": elke score heeft een motivering");
    jr_error e;
    jr_error_clear(&e);
    if (r.round == 1) {
        store_tlot_row l;
        jr_status lr = store_tlot_get(ctx->store, r.lot_id, &l, err);
        if (lr != JR_OK)
            return lr;
        if (l.awarded_on != JR_DATE_NONE)
            rc = jr_refuse(err, rc, "lot_awarded", "inschrijving",
                           "Perceel %s is al gegund; de scores liggen vast.", l.lot);
        else if (tender_action_allowed(&t.d, JR_TA_SCORE, ctx->today, JR_DATE_NONE, &e) != JR_OK)
            rc = jr_refuse_error(err, rc, &e);
    } else if (strcmp(r.status, "ingeschreven") != 0)
        rc =
            jr_refuse(err, rc, "decided", "inschrijving",
                      "Over deze toetreding is al besloten (%s); de scores liggen vast.", r.status);
    if (rc != JR_OK)
        return rc;
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    store_tscore_row s;
    memset(&s, 0, sizeof s);
    s.registration_id = reg_id;
    s.criterion_id = crit->id;
    str_copy(s.assessor, sizeof s.assessor, actor(ctx));
    s.score = score;
    str_copy(s.motivation, sizeof s.motivation, motivation);
    s.scored_on = ctx->today;
    bool replaced = false;
    int32_t old = 0;
    rc = store_tscore_put(ctx->store, &s, &replaced, &old, err);
    if (rc == JR_OK) {
        char idb[24], detail[384];
        snprintf(idb, sizeof idb, "%lld", (long long)reg_id);
        if (replaced)
            snprintf(detail, sizeof detail, "criterium %lld (%.60s): %d (was %d): %.200s",
                     (long long)criterion_seq, crit->name, (int)score, (int)old, motivation);
        else
            snprintf(detail, sizeof detail, "criterium %lld (%.60s): %d: %.200s",
                     (long long)criterion_seq, crit->name, (int)score, motivation);
        rc = audit_record(ctx, "aanbesteding.score", "inschrijving", idb, detail, err);
    }
    return svc_finish(ctx, rc, err);
}

typedef struct {
    const jr_ctx *ctx;
    jr_row_fn fn;
    void *ud;
} score_ctx;

static int score_row(void *ud, const void *row)
{
    score_ctx *c = ud;
    store_tscore_row s = *(const store_tscore_row *)row;
    if (!regional(c->ctx))
        s.assessor[0] = '\0';
    return c->fn(c->ud, &s);
}

jr_status tender_scores(const jr_ctx *ctx, int64_t reg_id, jr_row_fn fn, void *ud, jr_error *err)
{
    jr_status rc = reg_scope(ctx, err);
    store_treg_row r;
    store_tender_row t;
    if (rc == JR_OK)
        rc = load_reg(ctx, reg_id, &r, &t, err);
    if (rc != JR_OK)
        return rc;
    if (!result_visible(ctx, &r))
        return jr_fail(err, JR_EFORBIDDEN, "scores_not_yet", "inschrijving",
                       "De scores van een inschrijving zijn pas na de gunning te zien.");
    score_ctx c = {ctx, fn, ud};
    return store_tscore_list(ctx->store, reg_id, score_row, &c, err);
}

/* ---- award and contracts ---- */

static jr_status award_lot(const jr_ctx *ctx, const store_tender_row *tp, const store_tlot_row *lp,
                           reg_list *rlp, jr_treg_view *views, jr_date sent_on, int *awarded,
                           int *rejected, jr_error *err);

jr_status tender_award(const jr_ctx *ctx, int64_t lot_id, jr_date sent_on, int *awarded,
                       int *rejected, jr_error *err)
{
    if (awarded)
        *awarded = 0;
    if (rejected)
        *rejected = 0;
    jr_status rc = need_regional(ctx, "gunnen", err);
    store_tlot_row l;
    store_tender_row t;
    if (rc == JR_OK)
        rc = load_lot(ctx, lot_id, &l, &t, err);
    if (rc != JR_OK)
        return rc;
    if (l.awarded_on != JR_DATE_NONE) {
        char b[JR_DATE_ISO_LEN];
        return jr_fail(err, JR_ECONFLICT, "lot_awarded", "perceel",
                       "Perceel %s is al gegund op %s.", l.lot, date_format(l.awarded_on, b));
    }
    if ((rc = tender_action_allowed(&t.d, JR_TA_AWARD, ctx->today, JR_DATE_NONE, err)) != JR_OK)
        return rc;
    if (sent_on == JR_DATE_NONE)
        sent_on = ctx->today;
    if (sent_on > ctx->today || sent_on < t.d.award) {
        char s1[JR_DATE_ISO_LEN], s2[JR_DATE_ISO_LEN], s3[JR_DATE_ISO_LEN];
        return jr_fail(err, JR_EINVAL, "sent_on_invalid", "verzonden_op",
                       "De gunningsbeslissing is verzonden op %s: dat moet tussen de "
                       "gunningsdatum %s en vandaag (%s) liggen.",
                       date_format(sent_on, s1), date_format(t.d.award, s2),
                       date_format(ctx->today, s3));
    }
    reg_list rl;
    jr_treg_view *views = NULL;
    rc = regs_of(ctx, 0, l.id, NULL, &rl, err);
    if (rc == JR_OK && !(views = calloc(rl.n ? (size_t)rl.n : 1, sizeof *views)))
        rc = jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    if (rc == JR_OK)
        rc = award_lot(ctx, &t, &l, &rl, views, sent_on, awarded, rejected, err);
    free(rl.v);
    free(views);
    return rc;
}

/* award_lot: the award of tender_award once the lot and the principal are
 * checked: rl the lot's registrations, views room for as many */
static jr_status award_lot(const jr_ctx *ctx, const store_tender_row *tp, const store_tlot_row *lp,
                           reg_list *rlp, jr_treg_view *views, jr_date sent_on, int *awarded,
                           int *rejected, jr_error *err)
{
    const store_tender_row t = *tp;
    const store_tlot_row l = *lp;
    const reg_list rl = *rlp;
    int64_t lot_id = l.id;
    jr_status rc = JR_OK;
    /* every first-round registration fully scored, else name the ones that are not */
    char missing[400] = "";
    size_t mlen = 0;
    int nmiss = 0;
    int nv = 0;
    for (size_t i = 0; i < rl.n && rc == JR_OK; i++) {
        if (rl.v[i].round != 1)
            continue;
        jr_treg_view *v = &views[nv++];
        if ((rc = reg_view(ctx, &rl.v[i], v, err)) != JR_OK)
            break;
        if (!v->res.complete) {
            nmiss++;
            if (mlen + 40 < sizeof missing)
                mlen += (size_t)snprintf(
                    missing + mlen, sizeof missing - mlen, "%s%lld (%s: %d criteria zonder score)",
                    nmiss > 1 ? ", " : "", (long long)v->r.id, v->r.agb, v->res.nmissing);
        }
    }
    if (rc != JR_OK)
        return rc;
    if (nmiss) {
        char b[JR_DATE_ISO_LEN];
        return jr_fail(err, JR_EINVAL, "assessment_incomplete", "perceel",
                       "Gunnen kan pas als de beoordeling compleet is (beoordeling tot en met "
                       "%s): %d inschrijving(en) missen scores: %s.",
                       date_format(t.d.assessment_end, b), nmiss, missing);
    }
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    int na = 0, nr = 0;
    for (int i = 0; i < nv && rc == JR_OK; i++) {
        jr_treg_view *v = &views[i];
        const char *st = v->res.passes ? "gegund" : "afgewezen";
        rc = store_treg_set_status(ctx->store, v->r.id, st, err);
        if (rc != JR_OK)
            break;
        v->res.passes ? na++ : nr++;
        char idb[24], detail[384];
        size_t n = 0;
        snprintf(idb, sizeof idb, "%lld", (long long)v->r.id);
        n = (size_t)snprintf(detail, sizeof detail, "%s: resultaat %lld van 10000", st,
                             (long long)v->res.weighted);
        for (int k = 0; k < v->ncrit && n + 80 < sizeof detail; k++)
            if (v->res.below[k])
                n += (size_t)snprintf(detail + n, sizeof detail - n,
                                      "; %.40s %d,%d onder minimum %d", v->crit[k].name,
                                      v->res.score_x10[k] / 10, v->res.score_x10[k] % 10,
                                      (int)v->crit[k].c.min_score);
        rc = audit_record(ctx, "aanbesteding.gunning", "inschrijving", idb, detail, err);
    }
    if (rc == JR_OK)
        rc = store_tlot_set_awarded(ctx->store, lot_id, sent_on, actor(ctx), err);
    if (rc == JR_OK) {
        char idb[24], detail[256], b[JR_DATE_ISO_LEN];
        snprintf(idb, sizeof idb, "%lld", (long long)t.id);
        snprintf(detail, sizeof detail,
                 "perceel %s gegund: %d gegund, %d afgewezen; beslissing verzonden op %s, "
                 "standstill tot en met %s",
                 l.lot, na, nr, date_format(sent_on, (char[JR_DATE_ISO_LEN]){0}),
                 date_format(tender_standstill_end(&t.d, sent_on), b));
        rc = audit_record(ctx, "aanbesteding.gunning", "aanbesteding", idb, detail, err);
    }
    if (rc == JR_OK) {
        if (awarded)
            *awarded = na;
        if (rejected)
            *rejected = nr;
    }
    return svc_finish(ctx, rc, err);
}

/* contract_reg: the contracts of one registration's products, its
 * provider registered first when unknown; inside the caller's transaction */
static jr_status contract_reg(const jr_ctx *ctx, const store_tender_row *t, const jr_treg_view *v,
                              int *made, jr_error *err)
{
    jr_provider p;
    jr_ctx sys = svc_system(ctx);
    jr_error e;
    jr_error_clear(&e);
    jr_status rc = provider_find(&sys, v->r.agb, &p, &e);
    if (rc == JR_ENOTFOUND)
        rc = provider_add(ctx, v->r.agb, v->r.name, v->r.kind, NULL, err);
    else if (rc != JR_OK)
        jr_error_take(err, &e);
    jr_date start = t->d.contract_start > ctx->today ? t->d.contract_start : ctx->today;
    for (int i = 0; i < v->nproducts && rc == JR_OK; i++) {
        int n = 0;
        rc = contract_add(ctx, v->r.agb, v->r.lot, v->products[i].product, start, t->d.contract_end,
                          &n, err);
        *made += n;
    }
    return rc;
}

jr_status tender_contract(const jr_ctx *ctx, int64_t lot_id, int *contracts, jr_error *err)
{
    if (contracts)
        *contracts = 0;
    jr_status rc = need_regional(ctx, "contracteren", err);
    store_tlot_row l;
    store_tender_row t;
    if (rc == JR_OK)
        rc = load_lot(ctx, lot_id, &l, &t, err);
    if (rc != JR_OK)
        return rc;
    if (l.contracted_on != JR_DATE_NONE) {
        char b[JR_DATE_ISO_LEN];
        return jr_fail(err, JR_ECONFLICT, "lot_contracted", "perceel",
                       "Perceel %s is al gecontracteerd op %s.", l.lot,
                       date_format(l.contracted_on, b));
    }
    if ((rc = tender_action_allowed(&t.d, JR_TA_CONTRACT, ctx->today, l.awarded_on, err)) != JR_OK)
        return rc;
    reg_list rl;
    if ((rc = regs_of(ctx, 0, lot_id, NULL, &rl, err)) != JR_OK ||
        (rc = store_begin(ctx->store, err)) != JR_OK) {
        free(rl.v);
        return rc;
    }
    int made = 0, regs = 0;
    for (size_t i = 0; i < rl.n && rc == JR_OK; i++) {
        if (rl.v[i].round != 1 || strcmp(rl.v[i].status, "gegund") != 0)
            continue;
        jr_treg_view v;
        if ((rc = reg_view(ctx, &rl.v[i], &v, err)) != JR_OK)
            break;
        int before = made;
        if ((rc = contract_reg(ctx, &t, &v, &made, err)) != JR_OK)
            break;
        regs++;
        rc = store_treg_set_status(ctx->store, v.r.id, "gecontracteerd", err);
        if (rc == JR_OK) {
            char idb[24], detail[128];
            snprintf(idb, sizeof idb, "%lld", (long long)v.r.id);
            snprintf(detail, sizeof detail, "%d contracten voor %s in perceel %s", made - before,
                     v.r.agb, l.lot);
            rc = audit_record(ctx, "aanbesteding.contract", "inschrijving", idb, detail, err);
        }
    }
    if (rc == JR_OK)
        rc = store_tlot_set_contracted(ctx->store, lot_id, ctx->today, err);
    if (rc == JR_OK) {
        char idb[24], detail[160];
        snprintf(idb, sizeof idb, "%lld", (long long)t.id);
        snprintf(detail, sizeof detail, "perceel %s gecontracteerd: %d aanbieders, %d contracten",
                 l.lot, regs, made);
        rc = audit_record(ctx, "aanbesteding.contract", "aanbesteding", idb, detail, err);
    }
    if (rc == JR_OK && contracts)
        *contracts = made;
    free(rl.v);
    return svc_finish(ctx, rc, err);
}

/* ---- later entry ---- */

jr_status tender_admission_decide(const jr_ctx *ctx, int64_t reg_id, bool admit,
                                  jr_admission_reason reason, const char *grounds, int *contracts,
                                  jr_error *err)
{
    if (contracts)
        *contracts = 0;
    jr_status rc = need_regional(ctx, "over toetreding besluiten", err);
    store_treg_row r;
    store_tender_row t;
    if (rc == JR_OK)
        rc = load_reg(ctx, reg_id, &r, &t, err);
    if (rc != JR_OK)
        return rc;
    if (r.round != 2)
        return jr_fail(err, JR_EINVAL, "not_later_entry", "inschrijving",
                       "Inschrijving %lld hoort bij de eerste ronde; daarover beslist de gunning, "
                       "niet een besluit over toetreding.",
                       (long long)reg_id);
    if (strcmp(r.status, "ingeschreven") != 0)
        return jr_fail(err, JR_ECONFLICT, "decided", "inschrijving",
                       "Over deze toetreding is al besloten (%s).", r.status);
    jr_treg_view v;
    if ((rc = reg_view(ctx, &r, &v, err)) != JR_OK)
        return rc;
    if ((rc = admission_check(admit, reason, grounds, &v.res, err)) != JR_OK)
        return rc;
    if (strlen(grounds) >= 2048)
        return jr_refuse(err, JR_OK, "grounds_too_long", "onderbouwing",
                         "De onderbouwing is te lang (ten hoogste 2047 tekens).");
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    store_tadmission_row a;
    memset(&a, 0, sizeof a);
    a.registration_id = reg_id;
    str_copy(a.decision, sizeof a.decision, admit ? "toegelaten" : "geweigerd");
    str_copy(a.reason, sizeof a.reason, admission_reason_code(reason));
    str_copy(a.grounds, sizeof a.grounds, grounds);
    str_copy(a.decided_by, sizeof a.decided_by, actor(ctx));
    a.decided_on = ctx->today;
    rc = store_tadmission_insert(ctx->store, &a, err);
    if (rc == JR_OK)
        rc = store_treg_set_status(ctx->store, reg_id, a.decision, err);
    int made = 0;
    if (rc == JR_OK && admit)
        rc = contract_reg(ctx, &t, &v, &made, err);
    if (rc == JR_OK) {
        char idb[24], detail[512];
        snprintf(idb, sizeof idb, "%lld", (long long)reg_id);
        snprintf(detail, sizeof detail, "%s (%s), %d contracten: %.380s", a.decision, a.reason,
                 made, grounds);
        rc = audit_record(ctx, "aanbesteding.toetreding", "inschrijving", idb, detail, err);
    }
    if (rc == JR_OK && contracts)
        *contracts = made;
    return svc_finish(ctx, rc, err);
}

jr_status tender_supply_products(const jr_ctx *ctx, jr_date date, const char *product, jr_row_fn fn,
                                 void *ud, jr_error *err)
{
    jr_status rc = need_regional(ctx, "het aanbod per product zien", err);
    if (rc != JR_OK)
        return rc;
    const jr_product *p = NULL;
    if (product && !(p = catalog_product_by_short(ctx->cat, product)))
        return jr_refuse(err, JR_OK, "product_unknown", "product",
                         "Product '%.8s' bestaat niet in de catalogus.", product);
    return store_supply_products(ctx->store, date, p ? p->code : NULL, fn, ud, err);
}

jr_status tender_supply_gemeenten(const jr_ctx *ctx, jr_date date, const char *product,
                                  jr_row_fn fn, void *ud, jr_error *err)
{
    jr_status rc = need_regional(ctx, "het aanbod per gemeente zien", err);
    if (rc != JR_OK)
        return rc;
    const jr_product *p = NULL;
    if (product && !(p = catalog_product_by_short(ctx->cat, product)))
        return jr_refuse(err, JR_OK, "product_unknown", "product",
                         "Product '%.8s' bestaat niet in de catalogus.", product);
    return store_supply_gemeenten(ctx->store, date, p ? p->code : NULL, fn, ud, err);
}

jr_status tender_set_dates(const jr_ctx *ctx, int64_t id, const jr_tender_dates *d,
                           const char *reason, jr_error *err)
{
    jr_status rc = need_regional(ctx, "de data van een aanbesteding wijzigen", err);
    store_tender_row t;
    if (rc == JR_OK)
        rc = load_tender(ctx, id, &t, err);
    if (rc != JR_OK)
        return rc;
    jr_error e;
    jr_error_clear(&e);
    e.invalid = err ? err->invalid : NULL;
    if (tender_dates_check(d, &e) != JR_OK) {
        jr_error_take(err, &e);
        rc = JR_EINVAL;
    }
    if (blank(reason))
        rc = jr_refuse(err, rc, "reason_missing", "reden",
                       "De reden van de wijziging ontbreekt (rectificatie of besluit).");
    if (rc != JR_OK)
        return rc;
    jr_tender_view v;
    if ((rc = fill_view(ctx, &t, &v, err)) != JR_OK)
        return rc;
    for (int i = 0; i < v.nlots; i++)
        if (v.lots[i].l.contracted_on != JR_DATE_NONE)
            return jr_fail(err, JR_ECONFLICT, "tender_contracted", "aanbesteding",
                           "Perceel %s is al gecontracteerd; de data van de aanbesteding liggen "
                           "vast.",
                           v.lots[i].l.lot);
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    rc = store_tender_set_dates(ctx->store, id, d, err);
    if (rc == JR_OK) {
        char idb[24], detail[1024], was[320], now[320];
        snprintf(idb, sizeof idb, "%lld", (long long)id);
        snprintf(detail, sizeof detail, "%.200s: %s (was %s)", reason,
                 dates_text(d, now, sizeof now), dates_text(&t.d, was, sizeof was));
        rc = audit_record(ctx, "aanbesteding.data_gewijzigd", "aanbesteding", idb, detail, err);
    }
    return svc_finish(ctx, rc, err);
}

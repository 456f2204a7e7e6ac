/*
 * contract_mgmt.c (service): contract management (see contract_mgmt.h):
 * who may, the checks of every field, the transaction and audit row of
 * every change. The protocol's order and the field rules are
 * domain/contract_mgmt.c; the rows store/contract_mgmt.c.
 */
#include "contract_mgmt.h"

#include "../core/vec.h"

#include "../core/sbuf.h"
#include "../domain/ident.h"
#include "../store/users.h"
#include "provider.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- access ---- */

static bool is_full(const jr_ctx *ctx)
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

static jr_status need_full(const jr_ctx *ctx, const char *what, jr_error *err)
{
    if (is_full(ctx))
        return JR_OK;
    return jr_fail(err, JR_EFORBIDDEN, "forbidden", "",
                   "Deze rol mag %s niet (alleen rsj en beheerder).", what);
}

/* provider_for: provider agb as the principal may reach it: rsj, beheerder
 * and system any; an aanbieder its own when own_ok (another's: not found);
 * every other role JR_EFORBIDDEN (what says what it may not). */
static jr_status provider_for(const jr_ctx *ctx, const char *agb, bool own_ok, const char *what,
                              jr_provider *p, jr_error *err)
{
    if (!agb || !agb_valid(agb))
        return jr_fail(err, JR_EINVAL, "agb_invalid", "agb",
                       "'%.20s' is geen AGB-code (8 cijfers).", agb ? agb : "");
    if (!is_full(ctx)) {
        if (ctx->who.role != JR_ROLE_AANBIEDER || !own_ok)
            return need_full(ctx, what, err);
        if (strcmp(ctx->who.agb, agb) != 0) /* another tenant's: as if it did not exist */
            return jr_fail(err, JR_ENOTFOUND, "agb_unknown", "agb",
                           "Onbekende aanbieder: AGB-code %s is niet geregistreerd.", agb);
    }
    return provider_find(ctx, agb, p, err);
}

static const char *actor(const jr_ctx *ctx)
{
    return ctx->actor ? ctx->actor : "onbekend";
}

/* text_check: a required (or optional) text of at most JR_CM_TEXT_MAX bytes */
static jr_status text_check(jr_error *err, jr_status rc, const char *s, bool required,
                            const char *field, const char *label)
{
    if (required && (!s || !*s))
        return jr_refuse(err, rc, "text_missing", field, "%s ontbreekt.", label);
    if (s && strlen(s) > JR_CM_TEXT_MAX)
        return jr_refuse(err, rc, "text_too_long", field, "%s is langer dan %d tekens.", label,
                         JR_CM_TEXT_MAX);
    return rc;
}

/* ---- municipality scope ---- */

static const char *scope_text(const char (*codes)[5], int n, char *buf, size_t cap)
{
    if (n == 0) {
        snprintf(buf, cap, "alle gemeenten");
        return buf;
    }
    size_t k = 0;
    buf[0] = '\0';
    for (int i = 0; i < n && k + 6 < cap; i++)
        k += (size_t)snprintf(buf + k, cap - k, "%s%s", i ? "," : "", codes[i]);
    return buf;
}

static jr_status contract_found(jr_status rc, int64_t id, jr_error *err)
{
    if (rc == JR_ENOTFOUND)
        return jr_fail(err, JR_ENOTFOUND, "contract_unknown", "contract",
                       "Contract %lld bestaat niet.", (long long)id);
    return rc;
}

jr_status cm_scope_set(const jr_ctx *ctx, int64_t id, const char *const *codes, int n,
                       jr_error *err)
{
    jr_status rc = need_full(ctx, "de gemeenten van een contract wijzigen", err);
    if (rc != JR_OK)
        return rc;
    jr_cm_contract old;
    if ((rc = cm_scope_get(ctx, id, &old, err)) != JR_OK)
        return rc;
    char set[JR_CM_SCOPE_MAX][5];
    int m = 0;
    if (n > JR_CM_SCOPE_MAX)
        return jr_refuse(err, rc, "gemeente_too_many", "gemeenten",
                         "Meer dan %d gemeenten gegeven.", JR_CM_SCOPE_MAX);
    for (int i = 0; i < n; i++) {
        const char *c = codes[i] ? codes[i] : "";
        if (!catalog_municipality(ctx->cat, c)) {
            rc = jr_refuse(err, rc, "gemeente_unknown", "gemeenten",
                           "Gemeente '%.8s' hoort niet bij de regio: geef een CBS-code van een "
                           "gemeente van de regio (bijvoorbeeld 0193 voor Zwolle).",
                           c);
            continue;
        }
        bool twice = false;
        for (int k = 0; k < m; k++)
            twice = twice || strcmp(set[k], c) == 0;
        if (twice) {
            rc = jr_refuse(err, rc, "gemeente_twice", "gemeenten",
                           "Gemeente %s staat twee keer in de lijst.", c);
            continue;
        }
        str_copy(set[m++], 5, c);
    }
    if (rc != JR_OK)
        return rc;
    /* sorted, as the store lists them */
    for (int i = 1; i < m; i++)
        for (int k = i; k > 0 && strcmp(set[k - 1], set[k]) > 0; k--) {
            char t[5];
            memcpy(t, set[k], 5);
            memcpy(set[k], set[k - 1], 5);
            memcpy(set[k - 1], t, 5);
        }
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    rc = store_cm_scope_set(ctx->store, id, (const char(*)[5])set, m, err);
    if (rc == JR_OK) {
        char idtxt[24], now[400], was[400], detail[900];
        snprintf(idtxt, sizeof idtxt, "%lld", (long long)id);
        snprintf(detail, sizeof detail, "%s %s: %s (was %s)", old.c.agb, old.c.product,
                 scope_text((const char(*)[5])set, m, now, sizeof now),
                 scope_text((const char(*)[5])old.codes, old.n, was, sizeof was));
        rc = audit_record(ctx, "contract.gemeenten", "contract", idtxt, detail, err);
    }
    return svc_finish(ctx, rc, err);
}

jr_status cm_scope_get(const jr_ctx *ctx, int64_t id, jr_cm_contract *out, jr_error *err)
{
    memset(out, 0, sizeof *out);
    int64_t pid;
    jr_status rc =
        contract_found(store_cm_contract_get(ctx->store, id, &out->c, &pid, err), id, err);
    if (rc != JR_OK)
        return rc;
    return store_cm_scope_get(ctx->store, id, out->codes, JR_CM_SCOPE_MAX, &out->n, err);
}

typedef struct {
    const jr_ctx *ctx;
    jr_row_fn fn;
    void *ud;
    jr_status rc;
    jr_error *err;
} contracts_ctx;

static int contract_row(void *ud, const void *row)
{
    contracts_ctx *c = ud;
    jr_cm_contract k;
    memset(&k, 0, sizeof k);
    k.c = *(const jr_contract *)row;
    c->rc = store_cm_scope_get(c->ctx->store, k.c.id, k.codes, JR_CM_SCOPE_MAX, &k.n, c->err);
    if (c->rc != JR_OK)
        return 1;
    return c->fn(c->ud, &k);
}

jr_status cm_contracts(const jr_ctx *ctx, const char *agb, jr_row_fn fn, void *ud, jr_error *err)
{
    contracts_ctx c = {ctx, fn, ud, JR_OK, err};
    jr_status rc = contract_list(ctx, agb, contract_row, &c, err);
    return rc != JR_OK ? rc : c.rc;
}

/* product_scope: of provider_id's contracts for product over from..to,
 * is there one (*any) and does one allow gemeente (*out)? */
static jr_status product_scope(const jr_ctx *ctx, int64_t provider_id, const char *product,
                               const char *gemeente, jr_date from, jr_date to, bool *any, bool *out,
                               jr_error *err)
{
    int64_t ids[JR_CM_COVERING_MAX]; /* contracts of one product over one date: a few */
    int n = 0;
    jr_status rc = store_cm_covering(ctx->store, provider_id, product, from, to, ids,
                                     JR_CM_COVERING_MAX, &n, err);
    *any = *any || n > 0;
    for (int i = 0; i < n && rc == JR_OK && !*out; i++) {
        char codes[JR_CM_SCOPE_MAX][5];
        int m = 0;
        rc = store_cm_scope_get(ctx->store, ids[i], codes, JR_CM_SCOPE_MAX, &m, err);
        if (rc == JR_OK)
            *out = cm_scope_allows((const char(*)[5])codes, m, gemeente);
    }
    return rc;
}

jr_status cm_scope_covers(const jr_ctx *ctx, int64_t provider_id, bool is_budget,
                          const char *product, const char *gemeente, jr_date from, jr_date to,
                          bool *out, jr_error *err)
{
    bool any = false, allowed = false;
    jr_status rc = JR_OK;
    if (!is_budget)
        rc = product_scope(ctx, provider_id, product, gemeente, from, to, &any, &allowed, err);
    for (int i = 0; is_budget && i < ctx->cat->nproducts && rc == JR_OK && !allowed; i++)
        if (ctx->cat->products[i].kind == JR_PK_FUNCTIEGROEP)
            rc = product_scope(ctx, provider_id, ctx->cat->products[i].code, gemeente, from, to,
                               &any, &allowed, err);
    *out = !any || allowed;
    return rc;
}

/* ---- contract managers ---- */

jr_status cm_manager_set(const jr_ctx *ctx, const char *agb, const char *user, jr_error *err)
{
    jr_provider p;
    jr_status rc = provider_for(ctx, agb, false, "een contractmanager toewijzen", &p, err);
    if (rc != JR_OK)
        return rc;
    jr_user_row u;
    char now[STORE_TS_LEN];
    rc = store_user_by_name(ctx->store, user ? user : "", store_timestamp(0, now), &u, NULL, err);
    if (rc == JR_ENOTFOUND || (rc == JR_OK && !u.active))
        return jr_fail(err, JR_EINVAL, "user_unknown", "contractmanager",
                       "Gebruiker '%.64s' bestaat niet of is niet actief.", user ? user : "");
    if (rc != JR_OK)
        return rc;
    if (strcmp(u.role, "rsj") != 0)
        return jr_fail(err, JR_EINVAL, "user_not_rsj", "contractmanager",
                       "Gebruiker %s heeft de rol %s: een contractmanager is een medewerker van "
                       "het regionale team (rol rsj).",
                       u.name, u.role);
    store_cm_manager_row old;
    bool had = store_cm_manager_get(ctx->store, p.id, &old, err) == JR_OK;
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    rc = store_cm_manager_set(ctx->store, p.id, u.id, actor(ctx), err);
    if (rc == JR_OK) {
        char detail[200];
        snprintf(detail, sizeof detail, "%s (was %s)", u.name, had ? old.user : "geen");
        rc = audit_record(ctx, "aanbieder.contractmanager", "provider", p.agb, detail, err);
    }
    return svc_finish(ctx, rc, err);
}

jr_status cm_manager_list(const jr_ctx *ctx, const char *user, jr_row_fn fn, void *ud,
                          jr_error *err)
{
    jr_status rc = need_full(ctx, "de contractmanagers zien", err);
    if (rc != JR_OK)
        return rc;
    return store_cm_manager_list(ctx->store, user, fn, ud, err);
}

/* ---- details and waiting times ---- */

static void details_text(const jr_cm_details *d, char *buf, size_t cap)
{
    snprintf(buf, cap, "%s, %s %s; tel %s; %s; %s", d->address, d->postcode, d->place, d->phone,
             d->email, d->website);
}

jr_status cm_details_set(const jr_ctx *ctx, const char *agb, const jr_cm_details *d, jr_error *err)
{
    jr_provider p;
    jr_status rc = provider_for(ctx, agb, true, "de gegevens van een aanbieder wijzigen", &p, err);
    if (rc != JR_OK)
        return rc;
    if ((rc = cm_details_check(d, err)) != JR_OK)
        return rc;
    store_cm_details_row old;
    bool had = store_cm_details_get(ctx->store, p.id, &old, err) == JR_OK;
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    rc = store_cm_details_put(ctx->store, p.id, d, actor(ctx), err);
    if (rc == JR_OK) {
        char now[700], was[700], detail[1500];
        details_text(d, now, sizeof now);
        if (had)
            details_text(&old.d, was, sizeof was);
        snprintf(detail, sizeof detail, "%s (was %s)", now, had ? was : "geen");
        rc = audit_record(ctx, "aanbieder.gegevens", "provider", p.agb, detail, err);
    }
    return svc_finish(ctx, rc, err);
}

jr_status cm_waiting_report(const jr_ctx *ctx, const char *agb, int64_t weeks, jr_date date,
                            jr_error *err)
{
    jr_provider p;
    jr_status rc = provider_for(ctx, agb, true, "een wachttijd melden", &p, err);
    if (rc != JR_OK)
        return rc;
    if ((rc = cm_waiting_check(weeks, date, ctx->today, err)) != JR_OK)
        return rc;
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    rc = store_cm_waiting_add(ctx->store, p.id, weeks, date, actor(ctx), NULL, err);
    if (rc == JR_OK) {
        char d[JR_DATE_ISO_LEN], detail[64];
        snprintf(detail, sizeof detail, "%lld weken op %s", (long long)weeks, date_format(date, d));
        rc = audit_record(ctx, "aanbieder.wachttijd", "provider", p.agb, detail, err);
    }
    return svc_finish(ctx, rc, err);
}

/* ---- the provider file ---- */

jr_status cm_file_head(const jr_ctx *ctx, const char *agb, jr_cm_head *out, jr_error *err)
{
    memset(out, 0, sizeof *out);
    jr_status rc = provider_for(ctx, agb, true, "het dossier van een aanbieder zien", &out->p, err);
    if (rc != JR_OK)
        return rc;
    out->full = is_full(ctx);
    jr_error e;
    jr_error_clear(&e);
    rc = store_cm_details_get(ctx->store, out->p.id, &out->details, &e);
    if (rc == JR_OK)
        out->has_details = true;
    else if (rc != JR_ENOTFOUND)
        return jr_fail(err, rc, e.code, e.field, "%s", e.message);
    rc = store_cm_manager_get(ctx->store, out->p.id, &out->manager, &e);
    if (rc == JR_OK)
        out->has_manager = true;
    else if (rc != JR_ENOTFOUND)
        return jr_fail(err, rc, e.code, e.field, "%s", e.message);
    rc = store_cm_waiting_latest(ctx->store, out->p.id, &out->waiting, &e);
    if (rc == JR_OK)
        out->has_waiting = true;
    else if (rc != JR_ENOTFOUND)
        return jr_fail(err, rc, e.code, e.field, "%s", e.message);
    return JR_OK;
}

jr_status cm_complaint_add(const jr_ctx *ctx, const char *agb, const store_cm_complaint_row *c,
                           int64_t *id, jr_error *err)
{
    jr_provider p;
    jr_status rc = provider_for(ctx, agb, false, "klachten vastleggen", &p, err);
    if (rc != JR_OK)
        return rc;
    char d1[JR_DATE_ISO_LEN], d2[JR_DATE_ISO_LEN];
    if (c->received_on == JR_DATE_NONE)
        rc = jr_refuse(err, rc, "date_invalid", "ontvangen",
                       "De datum van ontvangst ontbreekt of is geen datum (JJJJ-MM-DD).");
    else if (c->received_on > ctx->today)
        rc = jr_refuse(err, rc, "date_future", "ontvangen",
                       "De datum van ontvangst %s ligt in de toekomst.",
                       date_format(c->received_on, d1));
    if (!cm_complainant_valid(c->complainant))
        rc = jr_refuse(err, rc, "complainant_invalid", "van",
                       "Van wie de klacht komt is '%.20s': kies jeugdige, ouder, verwijzer, "
                       "gemeente, medewerker of anders (geen naam).",
                       c->complainant);
    rc = text_check(err, rc, c->subject, true, "onderwerp", "Het onderwerp");
    rc = text_check(err, rc, c->handling, false, "afhandeling", "De afhandeling");
    if (c->closed_on != JR_DATE_NONE && c->received_on != JR_DATE_NONE) {
        if (c->closed_on < c->received_on)
            rc = jr_refuse(err, rc, "closed_before", "gesloten",
                           "De klacht kan niet gesloten zijn (%s) voor ze ontvangen is (%s).",
                           date_format(c->closed_on, d1), date_format(c->received_on, d2));
        else if (c->closed_on > ctx->today)
            rc = jr_refuse(err, rc, "date_future", "gesloten",
                           "De datum van sluiten %s ligt in de toekomst.",
                           date_format(c->closed_on, d1));
    }
    if (rc != JR_OK)
        return rc;
    store_cm_complaint_row row = *c;
    str_copy(row.created_by, sizeof row.created_by, actor(ctx));
    int64_t nid = 0;
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    rc = store_cm_complaint_add(ctx->store, p.id, &row, &nid, err);
    if (rc == JR_OK) {
        char idtxt[24], detail[200];
        snprintf(idtxt, sizeof idtxt, "%lld", (long long)nid);
        snprintf(detail, sizeof detail, "%s, van %s, ontvangen %s: %.120s", p.agb, c->complainant,
                 date_format(c->received_on, d1), c->subject);
        rc = audit_record(ctx, "klacht.toegevoegd", "complaint", idtxt, detail, err);
    }
    rc = svc_finish(ctx, rc, err);
    if (rc == JR_OK && id)
        *id = nid;
    return rc;
}

jr_status cm_complaint_close(const jr_ctx *ctx, int64_t id, jr_date date, const char *handling,
                             jr_error *err)
{
    jr_status rc = need_full(ctx, "klachten sluiten", err);
    if (rc != JR_OK)
        return rc;
    store_cm_complaint_row c;
    rc = store_cm_complaint_get(ctx->store, id, &c, err);
    if (rc == JR_ENOTFOUND)
        return jr_fail(err, JR_ENOTFOUND, "complaint_unknown", "klacht",
                       "Klacht %lld bestaat niet.", (long long)id);
    if (rc != JR_OK)
        return rc;
    char d1[JR_DATE_ISO_LEN], d2[JR_DATE_ISO_LEN];
    if (c.closed_on != JR_DATE_NONE)
        return jr_fail(err, JR_ECONFLICT, "complaint_closed", "klacht",
                       "Klacht %lld is al gesloten op %s.", (long long)id,
                       date_format(c.closed_on, d1));
    if (date == JR_DATE_NONE)
        rc = jr_refuse(err, rc, "date_invalid", "datum",
                       "De datum van sluiten ontbreekt of is geen datum (JJJJ-MM-DD).");
    else if (date < c.received_on)
        rc = jr_refuse(err, rc, "closed_before", "datum",
                       "De klacht kan niet gesloten worden (%s) voor ze ontvangen is (%s).",
                       date_format(date, d1), date_format(c.received_on, d2));
    else if (date > ctx->today)
        rc = jr_refuse(err, rc, "date_future", "datum", "De datum %s ligt in de toekomst.",
                       date_format(date, d1));
    rc = text_check(err, rc, handling, true, "afhandeling", "De afhandeling");
    if (rc != JR_OK)
        return rc;
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    rc = store_cm_complaint_close(ctx->store, id, date, handling, err);
    if (rc == JR_OK) {
        char idtxt[24], detail[200];
        snprintf(idtxt, sizeof idtxt, "%lld", (long long)id);
        snprintf(detail, sizeof detail, "%s gesloten op %s: %.120s", c.agb, date_format(date, d1),
                 handling);
        rc = audit_record(ctx, "klacht.gesloten", "complaint", idtxt, detail, err);
    }
    return svc_finish(ctx, rc, err);
}

jr_status cm_complaint_get(const jr_ctx *ctx, int64_t id, store_cm_complaint_row *out,
                           jr_error *err)
{
    jr_status rc = need_full(ctx, "klachten zien", err);
    if (rc != JR_OK)
        return rc;
    rc = store_cm_complaint_get(ctx->store, id, out, err);
    if (rc == JR_ENOTFOUND)
        return jr_fail(err, JR_ENOTFOUND, "complaint_unknown", "klacht",
                       "Klacht %lld bestaat niet.", (long long)id);
    return rc;
}

jr_status cm_complaints(const jr_ctx *ctx, const char *agb, jr_row_fn fn, void *ud, jr_error *err)
{
    jr_provider p;
    jr_status rc = provider_for(ctx, agb, false, "klachten zien", &p, err);
    if (rc != JR_OK)
        return rc;
    return store_cm_complaint_list(ctx->store, p.id, fn, ud, err);
}

jr_status cm_escalation_open(const jr_ctx *ctx, const char *agb, const char *kind,
                             const char *reason, jr_date date, const char *note, int64_t *id,
                             jr_error *err)
{
    jr_provider p;
    jr_status rc = provider_for(ctx, agb, false, "escalaties vastleggen", &p, err);
    if (rc != JR_OK)
        return rc;
    char d[JR_DATE_ISO_LEN];
    if (!cm_kind_valid(kind))
        rc = jr_refuse(err, rc, "kind_invalid", "soort",
                       "Soort escalatie '%.20s' is onbekend: kies financieel of kwaliteit.",
                       kind ? kind : "");
    rc = text_check(err, rc, reason, true, "reden", "De reden");
    rc = text_check(err, rc, note, false, "notitie", "De notitie");
    if (date == JR_DATE_NONE)
        rc = jr_refuse(err, rc, "step_date_invalid", "datum",
                       "De datum van het signaal ontbreekt of is geen datum (JJJJ-MM-DD).");
    else if (date > ctx->today)
        rc = jr_refuse(err, rc, "step_date_future", "datum", "De datum %s ligt in de toekomst.",
                       date_format(date, d));
    if (rc != JR_OK)
        return rc;
    int64_t nid = 0;
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    rc = store_cm_escalation_add(ctx->store, p.id, kind, reason, date, actor(ctx), &nid, err);
    if (rc == JR_OK)
        rc = store_cm_step_add(ctx->store, nid, JR_ESC_SIGNAAL, date, note, actor(ctx), err);
    if (rc == JR_OK) {
        char idtxt[24], detail[200];
        snprintf(idtxt, sizeof idtxt, "%lld", (long long)nid);
        snprintf(detail, sizeof detail, "%s %s, signaal op %s: %.120s", p.agb, kind,
                 date_format(date, d), reason);
        rc = audit_record(ctx, "escalatie.geopend", "escalation", idtxt, detail, err);
    }
    rc = svc_finish(ctx, rc, err);
    if (rc == JR_OK && id)
        *id = nid;
    return rc;
}

static jr_status escalation_found(const jr_ctx *ctx, int64_t id, store_cm_escalation_row *e,
                                  jr_error *err)
{
    jr_status rc = store_cm_escalation_get(ctx->store, id, e, err);
    if (rc == JR_OK && !is_full(ctx) &&
        !(ctx->who.role == JR_ROLE_AANBIEDER && strcmp(ctx->who.agb, e->agb) == 0))
        rc = ctx->who.role == JR_ROLE_AANBIEDER ? JR_ENOTFOUND
                                                : need_full(ctx, "escalaties zien", err);
    if (rc == JR_ENOTFOUND)
        return jr_fail(err, JR_ENOTFOUND, "escalation_unknown", "escalatie",
                       "Escalatie %lld bestaat niet.", (long long)id);
    return rc;
}

jr_status cm_escalation_step(const jr_ctx *ctx, int64_t id, const char *step, jr_date date,
                             const char *note, jr_error *err)
{
    jr_status rc = need_full(ctx, "escalaties vastleggen", err);
    if (rc != JR_OK)
        return rc;
    store_cm_escalation_row e;
    if ((rc = escalation_found(ctx, id, &e, err)) != JR_OK)
        return rc;
    jr_esc_step next;
    if (!cm_step_parse(step, &next))
        return jr_fail(err, JR_EINVAL, "step_unknown", "stap",
                       "Stap '%.20s' is onbekend: kies signaal, gesprek, verbeterplan, maatregel "
                       "of afgesloten.",
                       step ? step : "");
    if ((rc = text_check(err, JR_OK, note, false, "notitie", "De notitie")) != JR_OK)
        return rc;
    if ((rc = cm_step_check(e.step, e.step_on, next, date, ctx->today, err)) != JR_OK)
        return rc;
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    rc = store_cm_step_add(ctx->store, id, next, date, note, actor(ctx), err);
    if (rc == JR_OK) {
        char idtxt[24], d[JR_DATE_ISO_LEN], detail[200];
        snprintf(idtxt, sizeof idtxt, "%lld", (long long)id);
        snprintf(detail, sizeof detail, "%s: %s op %s (was %s)", e.agb, cm_step_name(next),
                 date_format(date, d), cm_step_name(e.step));
        rc = audit_record(ctx, "escalatie.stap", "escalation", idtxt, detail, err);
    }
    return svc_finish(ctx, rc, err);
}

static int step_row(void *ud, const void *row)
{
    jr_cm_escalation *x = ud;
    if (x->nsteps < JR_ESC_COUNT)
        x->steps[x->nsteps++] = *(const store_cm_step_row *)row;
    return 0;
}

jr_status cm_escalation_get(const jr_ctx *ctx, int64_t id, jr_cm_escalation *out, jr_error *err)
{
    memset(out, 0, sizeof *out);
    jr_status rc = escalation_found(ctx, id, &out->e, err);
    if (rc != JR_OK)
        return rc;
    return store_cm_step_list(ctx->store, id, step_row, out, err);
}

/* the escalations are gathered by id first: a list may not nest another
 * statement's steps inside its own (the store's statements are cached) */
typedef struct {
    int64_t *ids;
    int n, cap;
} id_list;

static int id_row(void *ud, const void *row)
{
    id_list *l = ud;
    if (l->n < l->cap)
        l->ids[l->n++] = ((const store_cm_escalation_row *)row)->id;
    return 0;
}

jr_status cm_escalations(const jr_ctx *ctx, const char *agb, jr_row_fn fn, void *ud, jr_error *err)
{
    jr_provider p;
    jr_status rc = provider_for(ctx, agb, true, "escalaties zien", &p, err);
    if (rc != JR_OK)
        return rc;
    int64_t ids[JR_CM_ESCALATIONS_MAX];
    id_list l = {ids, 0, JR_CM_ESCALATIONS_MAX};
    if ((rc = store_cm_escalation_list(ctx->store, p.id, id_row, &l, err)) != JR_OK)
        return rc;
    jr_cm_escalation *x = malloc(sizeof *x);
    if (!x)
        return jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    for (int i = 0; i < l.n && rc == JR_OK; i++) {
        if ((rc = cm_escalation_get(ctx, ids[i], x, err)) != JR_OK)
            break;
        if (fn(ud, x))
            break;
    }
    free(x);
    return rc;
}

jr_status cm_note_add(const jr_ctx *ctx, const char *agb, jr_date date, const char *text,
                      int64_t *id, jr_error *err)
{
    jr_provider p;
    jr_status rc = provider_for(ctx, agb, false, "notities vastleggen", &p, err);
    if (rc != JR_OK)
        return rc;
    char d[JR_DATE_ISO_LEN];
    if (date == JR_DATE_NONE)
        rc = jr_refuse(err, rc, "date_invalid", "datum",
                       "De datum van de notitie ontbreekt of is geen datum (JJJJ-MM-DD).");
    else if (date > ctx->today)
        rc = jr_refuse(err, rc, "date_future", "datum", "De datum %s ligt in de toekomst.",
                       date_format(date, d));
    rc = text_check(err, rc, text, true, "tekst", "De tekst van de notitie");
    if (rc != JR_OK)
        return rc;
    int64_t nid = 0;
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    rc = store_cm_note_add(ctx->store, p.id, date, text, actor(ctx), &nid, err);
    if (rc == JR_OK) {
        char idtxt[24], detail[200];
        snprintf(idtxt, sizeof idtxt, "%lld", (long long)nid);
        snprintf(detail, sizeof detail, "%s op %s: %.120s", p.agb, date_format(date, d), text);
        rc = audit_record(ctx, "notitie.toegevoegd", "note", idtxt, detail, err);
    }
    rc = svc_finish(ctx, rc, err);
    if (rc == JR_OK && id)
        *id = nid;
    return rc;
}

jr_status cm_notes(const jr_ctx *ctx, const char *agb, jr_row_fn fn, void *ud, jr_error *err)
{
    jr_provider p;
    jr_status rc = provider_for(ctx, agb, false, "notities zien", &p, err);
    if (rc != JR_OK)
        return rc;
    return store_cm_note_list(ctx->store, p.id, fn, ud, err);
}

/* ---- the directory ---- */

typedef enum { F_ANY, F_PRODUCT, F_KIND } filter_mode;

/* the offers in force, gathered first (the scope and details of each are
   read after the list, not inside it) */
typedef struct {
    store_cm_offer_row *v;
    size_t n, cap;
    bool nomem;
} offer_list;

static int offer_row(void *ud, const void *row)
{
    offer_list *l = ud;
    store_cm_offer_row *v = vec_grow(l->v, l->n, &l->cap, sizeof *v, 256);
    if (!v) {
        l->nomem = true;
        return 1;
    }
    l->v = v;
    l->v[l->n++] = *(const store_cm_offer_row *)row;
    return 0;
}

static bool contains_ci(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (const char *h = hay; *h; h++) {
        size_t i = 0;
        while (i < n && h[i] && tolower((unsigned char)h[i]) == tolower((unsigned char)needle[i]))
            i++;
        if (i == n)
            return true;
    }
    return n == 0;
}

/* entry_add: offer o into entry x (its product, kind flags and scope) */
static void entry_add(const jr_ctx *ctx, jr_cm_dir_entry *x, const jr_product *prod,
                      const char (*codes)[5], int m)
{
    bool have = false;
    for (int i = 0; i < x->nproducts; i++)
        have = have || strcmp(x->products[i], prod->short_code) == 0;
    if (!have && x->nproducts < JR_CM_OFFER_MAX)
        str_copy(x->products[x->nproducts++], sizeof x->products[0],
                 prod->short_code[0] ? prod->short_code : prod->code);
    x->keuzebudget = x->keuzebudget || prod->kind == JR_PK_FUNCTIEGROEP;
    x->wonen = x->wonen || prod->kind == JR_PK_INTENSITY;
    x->crisis = x->crisis || prod->kind == JR_PK_CRISIS;
    x->dyslexie = x->dyslexie || prod->kind == JR_PK_DYSLEXIE;
    if (m == 0)
        x->all_gemeenten = true;
    for (int k = 0; k < m; k++) {
        bool in = false;
        for (int i = 0; i < x->ngemeenten; i++)
            in = in || strcmp(x->gemeenten[i], codes[k]) == 0;
        if (!in && x->ngemeenten < JR_CM_SCOPE_MAX)
            str_copy(x->gemeenten[x->ngemeenten++], 5, codes[k]);
    }
    (void)ctx;
}

jr_status cm_directory(const jr_ctx *ctx, const jr_cm_dir_filter *f, jr_row_fn fn, void *ud,
                       jr_error *err)
{
    jr_status rc = JR_OK;
    filter_mode mode = F_ANY;
    jr_product_kind kind = JR_PK_FUNCTIEGROEP;
    const jr_product *want = NULL;
    if (f->product && *f->product) {
        static const struct {
            const char *name;
            jr_product_kind kind;
        } kinds[] = {{"ambulant", JR_PK_FUNCTIEGROEP},
                     {"keuzebudget", JR_PK_FUNCTIEGROEP},
                     {"wonen", JR_PK_INTENSITY},
                     {"crisis", JR_PK_CRISIS},
                     {"dyslexie", JR_PK_DYSLEXIE}};
        for (size_t i = 0; i < sizeof kinds / sizeof kinds[0] && mode == F_ANY; i++)
            if (strcmp(f->product, kinds[i].name) == 0) {
                mode = F_KIND;
                kind = kinds[i].kind;
            }
        if (mode == F_ANY && catalog_budget(ctx->cat, f->product)) {
            mode = F_KIND; /* a keuzebudget: every provider of a functiegroep */
            kind = JR_PK_FUNCTIEGROEP;
        }
        if (mode == F_ANY) {
            want = catalog_product_by_short(ctx->cat, f->product);
            if (want)
                mode = F_PRODUCT;
            else
                rc = jr_refuse(err, rc, "product_unknown", "product",
                               "Product '%.20s' is onbekend: kies een product of keuzebudget uit "
                               "de catalogus, of ambulant, wonen, crisis of dyslexie.",
                               f->product);
        }
    }
    if (f->gemeente && *f->gemeente && !catalog_municipality(ctx->cat, f->gemeente))
        rc = jr_refuse(err, rc, "gemeente_unknown", "gemeente",
                       "Gemeente '%.8s' hoort niet bij de regio.", f->gemeente);
    if (rc != JR_OK)
        return rc;
    const char *gem = f->gemeente && *f->gemeente ? f->gemeente : NULL;
    const char *name = f->name && *f->name ? f->name : NULL;
    offer_list l = {NULL, 0, 0, false};
    rc = store_cm_offers(ctx->store, ctx->today, offer_row, &l, err);
    if (rc == JR_OK && l.nomem)
        rc = jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    jr_cm_dir_entry *x = malloc(sizeof *x);
    if (rc == JR_OK && !x)
        rc = jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen.");
    size_t i = 0;
    while (rc == JR_OK && i < l.n) {
        size_t j = i;
        while (j < l.n && l.v[j].provider_id == l.v[i].provider_id)
            j++;
        memset(x, 0, sizeof *x);
        str_copy(x->agb, sizeof x->agb, l.v[i].agb);
        str_copy(x->name, sizeof x->name, l.v[i].name);
        bool match = !name || contains_ci(x->name, name) || strstr(x->agb, name);
        bool any = false;
        for (size_t k = i; match && k < j && rc == JR_OK; k++) {
            const jr_product *prod = catalog_product(ctx->cat, l.v[k].product);
            if (!prod)
                continue;
            if ((mode == F_PRODUCT && prod != want) || (mode == F_KIND && prod->kind != kind))
                continue;
            char codes[JR_CM_SCOPE_MAX][5];
            int m = 0;
            rc =
                store_cm_scope_get(ctx->store, l.v[k].contract_id, codes, JR_CM_SCOPE_MAX, &m, err);
            if (rc != JR_OK || (gem && !cm_scope_allows((const char(*)[5])codes, m, gem)))
                continue;
            entry_add(ctx, x, prod, (const char(*)[5])codes, m);
            any = true;
        }
        if (rc == JR_OK && match && any) {
            jr_error e;
            jr_error_clear(&e);
            store_cm_details_row d;
            store_cm_waiting_row w;
            jr_status r1 = store_cm_details_get(ctx->store, l.v[i].provider_id, &d, &e);
            if (r1 == JR_OK) {
                x->has_details = true;
                x->details = d.d;
            }
            jr_status r2 = store_cm_waiting_latest(ctx->store, l.v[i].provider_id, &w, &e);
            if (r2 == JR_OK) {
                x->has_waiting = true;
                x->waiting_weeks = w.weeks;
                x->waiting_on = w.reported_on;
            }
            if ((r1 != JR_OK && r1 != JR_ENOTFOUND) || (r2 != JR_OK && r2 != JR_ENOTFOUND))
                rc = jr_fail(err, JR_EDB, e.code, e.field, "%s", e.message);
            else if (x->all_gemeenten)
                x->ngemeenten = 0;
            if (rc == JR_OK && fn(ud, x))
                break;
        }
        i = j;
    }
    free(x);
    free(l.v);
    return rc;
}

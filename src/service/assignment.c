/*
 * assignment.c: issuing and managing assignments (toewijzingen): the
 * checks and the ledger events of each step; the rows are written by
 * store/assignments.c.
 */
#include "assignment.h"
#include "../core/sbuf.h"

#include "../domain/care.h"
#include "../domain/decl.h"
#include "contract_mgmt.h"
#include "provider.h"
#include "referrals.h"

#include <stdio.h>
#include <string.h>

/* the money value of a volume grant at the start date's tariff, for the ledger */
static jr_cents grant_value(const jr_ctx *ctx, const jr_grant *g)
{
    if (g->is_budget)
        return g->budget;
    const jr_product *p = catalog_product(ctx->cat, g->product);
    jr_cents t = 0;
    if (p)
        product_tariff(p, g->start, &t);
    return g->volume * t;
}

jr_status assignment_insert(const jr_ctx *ctx, int64_t youth_id, const char *gemeente,
                            int64_t provider_id, int64_t referral_id, int64_t quote_id,
                            const jr_grant *g, char number[24], jr_error *err)
{
    /* the municipality scope of the provider's contracts (contract
       management): every path that issues an assignment passes here */
    bool in_scope = false;
    jr_status rc = cm_scope_covers(ctx, provider_id, g->is_budget, g->product, gemeente, g->start,
                                   g->start, &in_scope, err);
    if (rc != JR_OK)
        return rc;
    if (!in_scope) {
        jr_provider p;
        char d[JR_DATE_ISO_LEN];
        const jr_municipality *m = catalog_municipality(ctx->cat, gemeente);
        bool named = store_cm_provider_by_id(ctx->store, provider_id, &p, err) == JR_OK;
        return jr_fail(err, JR_EINVAL, "provider_not_in_gemeente", "aanbieder",
                       "Aanbieder %s is op %s niet gecontracteerd voor %s in gemeente %s (%s): "
                       "het contract geldt voor andere gemeenten van de regio.",
                       named ? p.agb : "?", date_format(g->start, d),
                       g->is_budget ? "ambulante jeugdhulp" : g->product, m ? m->name : gemeente,
                       gemeente);
    }
    int64_t seq;
    rc = store_next_number(ctx->store, "toewijzing", &seq, err);
    if (rc != JR_OK)
        return rc;
    snprintf(number, 24, "TW%s%08lld", gemeente, (long long)seq);
    char s2[JR_DATE_ISO_LEN], now[STORE_TS_LEN];
    int64_t id;
    if ((rc = store_assignment_insert(ctx->store, number, youth_id, gemeente, provider_id,
                                      referral_id, quote_id, g, store_timestamp(0, now), &id,
                                      err)) != JR_OK)
        return rc;
    date_format(g->end, s2);
    char note[128];
    char m[JR_MONEY_BUF];
    if (g->is_budget)
        snprintf(note, sizeof note, "budget %s t/m %s", money_format_nl(g->budget, m), s2);
    else
        snprintf(note, sizeof note, "%lld %s %s t/m %s", (long long)g->volume, unit_name(g->unit),
                 g->product, s2);
    if ((rc = store_ledger_event_add(ctx->store, id, g->start, "toegekend", grant_value(ctx, g),
                                     g->volume, note, NULL, err)) != JR_OK)
        return rc;
    return audit_record(ctx, "toewijzing.aangemaakt", "assignment", number, note, err);
}

jr_status assignment_create(const jr_ctx *ctx, int64_t referral_id, const char *agb, jr_date start,
                            jr_date end, char number[24], jr_error *err)
{
    jr_referral ref;
    jr_status rc = svc_may(ctx, JR_ACT_REFER, err);
    if (rc == JR_OK)
        rc = referral_get(ctx, referral_id, &ref, err);
    if (rc != JR_OK)
        return rc;
    if (strcmp(ref.status, "open") != 0)
        return jr_fail(err, JR_ECONFLICT, "referral_not_open", "verwijzing",
                       "Verwijzing %lld is al %s.", (long long)referral_id, ref.status);
    if (ref.req.route == JR_ROUTE_QUOTE)
        return jr_fail(err, JR_EINVAL, "referral_needs_quote", "verwijzing",
                       "Verwijzing %lld loopt via een offerte: accepteer een offerte om toe te "
                       "wijzen.",
                       (long long)referral_id);
    jr_provider p;
    if ((rc = provider_find(ctx, agb, &p, err)) != JR_OK)
        return rc;
    /* the plan and the contract are checked before refusing; the contract
       only once the plan knows what it grants (a budget or a product) */
    jr_grant g;
    jr_error e;
    jr_error_clear(&e);
    if (assignment_plan(ctx->cat, &ref.req, start, end, 0, 0, &g, &e) != JR_OK)
        rc = jr_refuse_error(err, rc, &e);
    bool ok = true;
    if ((g.is_budget || g.product[0]) &&
        (g.is_budget ? contract_covers_kind(ctx, p.id, JR_PK_FUNCTIEGROEP, start, start, &ok, &e)
                     : contract_covers(ctx, p.id, g.product, start, start, &ok, &e)) != JR_OK)
        return jr_refuse_error(err, rc, &e);
    char d[JR_DATE_ISO_LEN];
    if (!ok)
        rc = jr_refuse(err, rc, "provider_not_contracted", "aanbieder",
                       "Aanbieder %s (%s) is op %s niet gecontracteerd voor %s.", p.agb, p.name,
                       date_format(start, d), g.is_budget ? "ambulante jeugdhulp" : g.product);
    if (rc != JR_OK)
        return rc;
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    rc = assignment_insert(ctx, ref.youth_id, ref.gemeente, p.id, ref.id, 0, &g, number, err);
    if (rc == JR_OK)
        rc = referral_set_status(ctx, ref.id, "toegewezen", err);
    return svc_finish(ctx, rc, err);
}

/* completes a stored assignment: its ledger at the catalog's tariff */
static void assignment_done(const void *ud, void *row)
{
    const jr_ctx *ctx = ud;
    jr_assignment *a = row;
    ledger_compute(&a->ledger, grant_value(ctx, &a->grant), a->ledger.used,
                   strcmp(a->status, "actief") != 0);
}

/* the assignment `what` names (found: rc), as the principal sees it */
static jr_status assignment_seen(const jr_ctx *ctx, jr_status rc, const char *what,
                                 jr_assignment *out, jr_error *err)
{
    if (rc == JR_OK && !svc_sees(ctx, out->gemeente, out->agb)) /* as if it did not exist */
        rc = JR_ENOTFOUND;
    if (rc == JR_ENOTFOUND)
        return jr_fail(err, JR_ENOTFOUND, "assignment_unknown", "toewijzing",
                       "Toewijzing %s bestaat niet.", what);
    if (rc == JR_OK)
        assignment_done(ctx, out);
    return rc;
}

jr_status assignment_get(const jr_ctx *ctx, const char *number, jr_assignment *out, jr_error *err)
{
    jr_status rc = svc_may(ctx, JR_ACT_PERSONAL_READ, err);
    if (rc != JR_OK)
        return rc;
    rc = store_assignment_by_number(ctx->store, number, out, err);
    return assignment_seen(ctx, rc, number, out, err);
}

jr_status assignment_by_id(const jr_ctx *ctx, int64_t id, jr_assignment *out, jr_error *err)
{
    jr_status rc = svc_may(ctx, JR_ACT_PERSONAL_READ, err);
    if (rc != JR_OK)
        return rc;
    char what[24];
    snprintf(what, sizeof what, "%lld", (long long)id);
    rc = store_assignment_by_id(ctx->store, id, out, err);
    return assignment_seen(ctx, rc, what, out, err);
}

jr_status assignment_number_of(const jr_ctx *ctx, int64_t id, char number[24], jr_error *err)
{
    return store_assignment_number_of(ctx->store, id, number, err);
}

jr_status assignment_id_of(const jr_ctx *ctx, const char *number, int64_t *id, jr_error *err)
{
    return store_assignment_id_of(ctx->store, number, id, err);
}

jr_status assignment_current(const jr_ctx *ctx, const char *bsn, const char *agb,
                             const char *gemeente, int64_t *ids, int cap, int *n, jr_error *err)
{
    return store_assignment_current(ctx->store, bsn, agb, gemeente, ctx->today, ids, cap, n, err);
}

jr_status assignment_list(const jr_ctx *ctx, const char *gemeente, const char *agb, const char *bsn,
                          jr_row_fn fn, void *ud, jr_error *err)
{
    bool none;
    jr_status rc = svc_list_scope(ctx, &gemeente, &agb, &none, err);
    if (rc != JR_OK || none)
        return rc;
    return store_assignment_each(ctx->store, gemeente, agb, bsn, assignment_done, ctx, fn, ud, err);
}

static jr_status require_active(const jr_assignment *a, jr_error *err)
{
    if (strcmp(a->status, "actief") != 0)
        return jr_fail(err, JR_ECONFLICT, "assignment_not_active", "toewijzing",
                       "Toewijzing %s is %s.", a->number, a->status);
    return JR_OK;
}

static bool reason_wijziging_valid(const char *r)
{
    static const char *const codes[] = {"01", "02", "03", "04", "05", "06", "07",
                                        "08", "09", "10", "11", "12", "13", NULL};
    for (int i = 0; codes[i]; i++)
        if (r && strcmp(r, codes[i]) == 0)
            return true;
    return false;
}

jr_status assignment_change(const jr_ctx *ctx, const char *number, int64_t amount, jr_date end,
                            const char *reason, jr_error *err)
{
    jr_assignment a;
    jr_status rc = svc_may(ctx, JR_ACT_REFER, err);
    if (rc == JR_OK)
        rc = assignment_get(ctx, number, &a, err);
    if (rc != JR_OK)
        return rc;
    if ((rc = require_active(&a, err)) != JR_OK)
        return rc;
    /* the reason and the change are checked before refusing */
    if (!reason_wijziging_valid(reason) || strcmp(reason, "13") == 0)
        rc = jr_refuse(err, rc, "reason_invalid", "reden",
                       "Reden wijziging '%s' is geen iJw RedenWijziging (01-12; 13 is intrekken).",
                       reason ? reason : "");
    jr_invalid_list refused;
    jr_error e;
    jr_error_collect(&e, &refused);
    if (assignment_change_check(&a.grant, &a.ledger, a.used_base, a.care_start, amount, end, &e) !=
        JR_OK)
        rc = jr_refuse_error(err, rc, &e);
    if (rc != JR_OK)
        return rc;
    char m1[JR_MONEY_BUF], d[JR_DATE_ISO_LEN] = "";
    if (end != JR_DATE_NONE)
        date_format(end, d);
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    if ((rc = store_assignment_change(ctx->store, a.id, amount, end, err)) != JR_OK)
        return svc_finish(ctx, rc, err);
    char note[128];
    snprintf(note, sizeof note, "reden %s:%s%s%s%s", reason,
             amount >= 0 ? (a.grant.is_budget ? " budget " : " volume ") : "",
             amount >= 0 ? (a.grant.is_budget ? money_format_nl(amount, m1) : "") : "",
             end != JR_DATE_NONE ? " einddatum " : "", end != JR_DATE_NONE ? d : "");
    if (amount >= 0 && !a.grant.is_budget)
        snprintf(note + strlen(note), sizeof note - strlen(note), "%lld", (long long)amount);
    jr_cents delta = amount >= 0 && a.grant.is_budget ? amount - a.grant.budget : 0;
    int64_t vdelta = amount >= 0 && !a.grant.is_budget ? amount - a.grant.volume : 0;
    rc = store_ledger_event_add(ctx->store, a.id, ctx->today, "gewijzigd", delta, vdelta, note,
                                reason, err);
    if (rc == JR_OK)
        rc = audit_record(ctx, "toewijzing.gewijzigd", "assignment", number, note, err);
    return svc_finish(ctx, rc, err);
}

static jr_status close_assignment(const jr_ctx *ctx, const jr_assignment *a, jr_date date,
                                  const char *status, const char *action, const char *note,
                                  jr_error *err)
{
    jr_status rc = store_begin(ctx->store, err);
    if (rc != JR_OK)
        return rc;
    if ((rc = store_assignment_close(ctx->store, a->id, status, date, err)) != JR_OK)
        return svc_finish(ctx, rc, err);
    jr_ledger l;
    ledger_compute(&l, a->ledger.granted, a->ledger.used, true);
    char full[256], m[JR_MONEY_BUF];
    snprintf(full, sizeof full,
             "%s; vrij naar gemeente %s: %s (stand bij beeindiging; later geaccepteerde regels "
             "over de looptijd gaan er nog af)",
             note, a->gemeente, money_format_nl(l.released, m));
    rc = store_ledger_event_add(ctx->store, a->id, date, "vrijgevallen", l.released, 0, full, NULL,
                                err);
    if (rc == JR_OK)
        rc = audit_record(ctx, action, "assignment", a->number, full, err);
    return svc_finish(ctx, rc, err);
}

jr_status assignment_end(const jr_ctx *ctx, const char *number, jr_date date, const char *reason,
                         jr_error *err)
{
    jr_assignment a;
    jr_status rc = svc_may(ctx, JR_ACT_REFER, err);
    if (rc == JR_OK)
        rc = assignment_get(ctx, number, &a, err);
    if (rc != JR_OK)
        return rc;
    if ((rc = require_active(&a, err)) != JR_OK)
        return rc;
    if (date < a.grant.start || date > a.grant.end)
        return jr_fail(err, JR_EINVAL, "date_outside_assignment", "datum",
                       "De einddatum moet binnen de looptijd van de toewijzing liggen.");
    char note[96];
    snprintf(note, sizeof note, "beeindigd%s%s", reason && *reason ? ": " : "",
             reason ? reason : "");
    return close_assignment(ctx, &a, date, "beeindigd", "toewijzing.beeindigd", note, err);
}

jr_status assignment_withdraw(const jr_ctx *ctx, const char *number, jr_error *err)
{
    jr_assignment a;
    jr_status rc = svc_may(ctx, JR_ACT_REFER, err);
    if (rc == JR_OK)
        rc = assignment_get(ctx, number, &a, err);
    if (rc != JR_OK)
        return rc;
    if ((rc = require_active(&a, err)) != JR_OK)
        return rc;
    return close_assignment(ctx, &a, a.grant.end, "ingetrokken", "toewijzing.ingetrokken",
                            "ingetrokken (RedenWijziging 13)", err);
}

jr_status ledger_events(const jr_ctx *ctx, const char *number, jr_row_fn fn, void *ud,
                        jr_error *err)
{
    jr_assignment a; /* the same scope as the assignment itself */
    jr_status rc = assignment_get(ctx, number, &a, err);
    if (rc != JR_OK)
        return rc;
    return store_ledger_event_each(ctx->store, number, fn, ud, err);
}

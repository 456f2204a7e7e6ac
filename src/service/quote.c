/*
 * quote.c: requesting, answering, accepting and rejecting quotes; the rows
 * are read and written by store/quotes.c.
 */
#include "quote.h"
#include "../core/sbuf.h"

#include "../domain/assignment.h"
#include "assignment.h"
#include "provider.h"
#include "referrals.h"

#include <stdio.h>
#include <string.h>

jr_status quote_request(const jr_ctx *ctx, int64_t referral_id, const char *const *agbs, int n,
                        int64_t *ids, jr_error *err)
{
    jr_referral ref;
    jr_status rc = svc_may(ctx, JR_ACT_REFER, err);
    if (rc == JR_OK)
        rc = referral_get(ctx, referral_id, &ref, err);
    if (rc != JR_OK)
        return rc;
    if (ref.req.route != JR_ROUTE_QUOTE)
        return jr_fail(err, JR_EINVAL, "referral_not_quote", "verwijzing",
                       "Verwijzing %lld heeft route %s, geen offerte.", (long long)referral_id,
                       route_name(ref.req.route));
    if (strcmp(ref.status, "open") != 0)
        return jr_fail(err, JR_ECONFLICT, "referral_not_open", "verwijzing",
                       "Verwijzing %lld is al %s.", (long long)referral_id, ref.status);
    if (n <= 0)
        return jr_fail(err, JR_EINVAL, "no_provider", "aanbieder",
                       "Vraag de offerte bij minstens een aanbieder aan.");
    /* every provider is checked before refusing: known, contracted; an
       unknown one stops the checks only when it is the first refusal */
    for (int i = 0; i < n && (rc == JR_OK || rc == JR_EINVAL); i++) {
        jr_provider p;
        jr_error e;
        jr_error_clear(&e);
        bool ok = false;
        if (provider_find(ctx, agbs[i], &p, &e) != JR_OK ||
            contract_covers_kind(ctx, p.id, JR_PK_FUNCTIEGROEP, ctx->today, ctx->today, &ok, &e) !=
                JR_OK)
            rc = jr_refuse_error(err, rc, &e);
        else if (!ok)
            rc = jr_refuse(err, rc, "provider_not_contracted", "aanbieder",
                           "Aanbieder %s (%s) is niet gecontracteerd voor ambulante jeugdhulp.",
                           p.agb, p.name);
    }
    if (rc != JR_OK)
        return rc;
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    for (int i = 0; i < n && rc == JR_OK; i++) {
        jr_provider p;
        if ((rc = provider_find(ctx, agbs[i], &p, err)) != JR_OK)
            break;
        int64_t id;
        if ((rc = store_quote_insert(ctx->store, referral_id, p.id, ctx->today, &id, err)) !=
            JR_OK) {
            if (rc == JR_ECONFLICT)
                jr_fail(err, JR_ECONFLICT, "quote_exists", "aanbieder",
                        "Bij aanbieder %s is voor deze verwijzing al een offerte aangevraagd.",
                        p.agb);
            break;
        }
        if (ids)
            ids[i] = id;
        char eid[24], detail[64];
        snprintf(eid, sizeof eid, "%lld", (long long)id);
        snprintf(detail, sizeof detail, "verwijzing %lld aanbieder %s", (long long)referral_id,
                 p.agb);
        rc = audit_record(ctx, "offerte.aangevraagd", "quote", eid, detail, err);
    }
    return svc_finish(ctx, rc, err);
}

jr_status quote_get(const jr_ctx *ctx, int64_t id, jr_quote *out, jr_error *err)
{
    jr_status rc = svc_may(ctx, JR_ACT_PERSONAL_READ, err);
    if (rc != JR_OK)
        return rc;
    if ((rc = store_quote_get(ctx->store, id, out, err)) == JR_ENOTFOUND)
        return jr_fail(err, JR_ENOTFOUND, "quote_unknown", "offerte", "Offerte %lld bestaat niet.",
                       (long long)id);
    if (rc != JR_OK)
        return rc;
    if (!svc_sees(ctx, out->gemeente, out->agb))
        return jr_fail(err, JR_ENOTFOUND, "quote_unknown", "offerte", "Offerte %lld bestaat niet.",
                       (long long)id);
    return JR_OK;
}

jr_status quote_list(const jr_ctx *ctx, int64_t referral_id, const char *agb, jr_row_fn fn,
                     void *ud, jr_error *err)
{
    const char *gemeente = NULL;
    bool none;
    jr_status rc = svc_list_scope(ctx, &gemeente, &agb, &none, err);
    if (rc != JR_OK || none)
        return rc;
    return store_quote_list(ctx->store, referral_id, agb, gemeente, fn, ud, err);
}

jr_status quote_answer(const jr_ctx *ctx, int64_t id, const char *agb, jr_quote_line *lines,
                       int nlines, int32_t months, const char *plan, jr_cents *total, jr_error *err)
{
    jr_quote q;
    jr_status rc = svc_may(ctx, JR_ACT_PROVIDE, err);
    if (rc == JR_OK)
        rc = quote_get(ctx, id, &q, err);
    if (rc != JR_OK)
        return rc;
    jr_ctx sys = svc_system(ctx); /* the provider may not read the referral itself */
    if (strcmp(q.agb, agb ? agb : "") != 0)
        return jr_fail(err, JR_ENOTFOUND, "quote_unknown", "offerte", "Offerte %lld bestaat niet.",
                       (long long)id);
    if (strcmp(q.status, "aangevraagd") != 0)
        return jr_fail(err, JR_ECONFLICT, "quote_not_open", "offerte", "Offerte %lld is al %s.",
                       (long long)id, q.status);
    jr_referral ref;
    if ((rc = referral_get(&sys, q.referral_id, &ref, err)) != JR_OK)
        return rc;
    /* every field is checked before refusing: uren (the number of lines),
       maanden, then each line (functiegroep, uren, contract, tariff); a
       line whose functiegroep is unknown or repeated is not checked
       further, nor are the contracts when the provider is unknown */
    if (nlines <= 0 || nlines > JR_QUOTE_MAX_LINES)
        rc = jr_refuse(err, rc, "quote_lines", "uren",
                       "Een offerte noemt uren voor 1 tot %d functiegroepen.", JR_QUOTE_MAX_LINES);
    if (months <= 0 || months > 24)
        rc = jr_refuse(err, rc, "quote_months", "maanden",
                       "De looptijd van een offerte is 1 tot 24 maanden.");
    jr_provider p;
    jr_error e;
    jr_error_clear(&e);
    bool have_p = provider_find(ctx, agb, &p, &e) == JR_OK;
    if (!have_p)
        rc = jr_refuse_error(err, rc, &e);
    jr_cents sum = 0;
    for (int i = 0; i < nlines && i < JR_QUOTE_MAX_LINES && (rc == JR_OK || rc == JR_EINVAL); i++) {
        const jr_product *prod = catalog_product_by_short(ctx->cat, lines[i].product);
        if (prod == NULL || prod->kind != JR_PK_FUNCTIEGROEP) {
            rc = jr_refuse(err, rc, "product_not_functiegroep", "functiegroep",
                           "'%s' is geen functiegroep uit de catalogus.", lines[i].product);
            continue;
        }
        bool twice = false;
        for (int j = 0; j < i && !twice; j++)
            twice = strcmp(lines[j].product, prod->code) == 0;
        if (twice) {
            rc = jr_refuse(err, rc, "duplicate_functiegroep", "functiegroep",
                           "Functiegroep %s staat twee keer in de offerte.", prod->code);
            continue;
        }
        str_copy(lines[i].product, sizeof lines[i].product, prod->code);
        if (lines[i].centi_hours <= 0)
            rc = jr_refuse(err, rc, "hours_invalid", "uren",
                           "Het aantal uren voor %s moet groter dan nul zijn.", prod->code);
        bool ok = true;
        if (have_p &&
            contract_covers(ctx, p.id, prod->code, ref.req.date, ref.req.date, &ok, &e) != JR_OK) {
            rc = jr_refuse_error(err, rc, &e); /* a store failure: stops */
            continue;
        }
        if (!ok)
            rc = jr_refuse(err, rc, "provider_not_contracted", "functiegroep",
                           "Aanbieder %s is niet gecontracteerd voor %s.", p.agb, prod->code);
        if (!product_tariff(prod, ref.req.date, &lines[i].tariff)) {
            rc = jr_refuse(err, rc, "no_price_on_date", "functiegroep",
                           "Functiegroep %s heeft geen tarief op de verwijsdatum.", prod->code);
            continue;
        }
        lines[i].amount = quote_line_amount(lines[i].centi_hours, lines[i].tariff);
        sum += lines[i].amount;
    }
    if (rc != JR_OK)
        return rc;
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    for (int i = 0; i < nlines && rc == JR_OK; i++)
        rc = store_quote_line_insert(ctx->store, id, &lines[i], err);
    if (rc == JR_OK)
        rc = store_quote_set_answered(ctx->store, id, ctx->today, months, sum, plan ? plan : "",
                                      err);
    if (rc == JR_OK) {
        char eid[24], detail[96], m[JR_MONEY_BUF];
        snprintf(eid, sizeof eid, "%lld", (long long)id);
        snprintf(detail, sizeof detail, "totaal %s, %d maanden", money_format_nl(sum, m), months);
        rc = audit_record(ctx, "offerte.beantwoord", "quote", eid, detail, err);
    }
    if (total)
        *total = sum;
    return svc_finish(ctx, rc, err);
}

jr_status quote_accept(const jr_ctx *ctx, int64_t id, jr_date start, char number[24], jr_error *err)
{
    jr_quote q;
    jr_status rc = svc_may(ctx, JR_ACT_REFER, err);
    if (rc == JR_OK)
        rc = quote_get(ctx, id, &q, err);
    if (rc != JR_OK)
        return rc;
    if (strcmp(q.status, "beantwoord") != 0)
        return jr_fail(err, JR_ECONFLICT, "quote_not_answered", "offerte",
                       "Offerte %lld is %s; alleen een beantwoorde offerte kan worden "
                       "geaccepteerd.",
                       (long long)id, q.status);
    jr_referral ref;
    if ((rc = referral_get(ctx, q.referral_id, &ref, err)) != JR_OK)
        return rc;
    if (strcmp(ref.status, "open") != 0)
        return jr_fail(err, JR_ECONFLICT, "referral_not_open", "verwijzing",
                       "Verwijzing %lld is al %s.", (long long)ref.id, ref.status);
    jr_grant g;
    if ((rc = assignment_plan(ctx->cat, &ref.req, start, JR_DATE_NONE, q.total, q.months, &g,
                              err)) != JR_OK)
        return rc;
    jr_provider p;
    if ((rc = provider_find(ctx, q.agb, &p, err)) != JR_OK)
        return rc;
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    rc = assignment_insert(ctx, ref.youth_id, ref.gemeente, p.id, ref.id, q.id, &g, number, err);
    if (rc == JR_OK)
        rc = store_quote_set_accepted(ctx->store, id, number, err);
    if (rc == JR_OK)
        rc = store_quote_reject_open(ctx->store, ref.id, id, "Een andere offerte is geaccepteerd.",
                                     err);
    if (rc == JR_OK)
        rc = referral_set_status(ctx, ref.id, "toegewezen", err);
    if (rc == JR_OK) {
        char eid[24];
        snprintf(eid, sizeof eid, "%lld", (long long)id);
        rc = audit_record(ctx, "offerte.geaccepteerd", "quote", eid, number, err);
    }
    return svc_finish(ctx, rc, err);
}

jr_status quote_reject(const jr_ctx *ctx, int64_t id, const char *reason, jr_error *err)
{
    jr_quote q;
    jr_status rc = svc_may(ctx, JR_ACT_REFER, err);
    if (rc == JR_OK)
        rc = quote_get(ctx, id, &q, err);
    if (rc != JR_OK)
        return rc;
    if (strcmp(q.status, "aangevraagd") != 0 && strcmp(q.status, "beantwoord") != 0)
        return jr_fail(err, JR_ECONFLICT, "quote_closed", "offerte", "Offerte %lld is al %s.",
                       (long long)id, q.status);
    if (reason == NULL || reason[0] == '\0')
        return jr_fail(err, JR_EINVAL, "reason_missing", "reden",
                       "Een afwijzing noemt altijd de reden.");
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    rc = store_quote_set_status(ctx->store, id, "afgewezen", reason, err);
    if (rc == JR_OK) {
        char eid[24];
        snprintf(eid, sizeof eid, "%lld", (long long)id);
        rc = audit_record(ctx, "offerte.afgewezen", "quote", eid, reason, err);
    }
    return svc_finish(ctx, rc, err);
}

jr_status quote_lines(const jr_ctx *ctx, int64_t id, jr_row_fn fn, void *ud, jr_error *err)
{
    jr_quote q;
    jr_status rc = quote_get(ctx, id, &q, err);
    if (rc != JR_OK)
        return rc;
    return store_quote_lines(ctx->store, id, fn, ud, err);
}

/*
 * quote.c: requesting, answering, accepting and rejecting quotes.
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
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    char d[JR_DATE_ISO_LEN];
    for (int i = 0; i < n && rc == JR_OK; i++) {
        jr_provider p;
        bool ok = false;
        if ((rc = provider_find(ctx, agbs[i], &p, err)) != JR_OK)
            break;
        if ((rc = contract_covers_kind(ctx, p.id, JR_PK_FUNCTIEGROEP, ctx->today, ctx->today, &ok,
                                       err)) != JR_OK)
            break;
        if (!ok) {
            rc = jr_fail(err, JR_EINVAL, "provider_not_contracted", "aanbieder",
                         "Aanbieder %s (%s) is niet gecontracteerd voor ambulante jeugdhulp.",
                         p.agb, p.name);
            break;
        }
        jr_stmt *s = store_prepare(ctx->store,
                                   "INSERT INTO quote (referral_id, provider_id, status,"
                                   " requested_date) VALUES (?, ?, 'aangevraagd', ?)",
                                   err);
        if (!s) {
            rc = JR_EDB;
            break;
        }
        store_bind_int(s, 1, referral_id);
        store_bind_int(s, 2, p.id);
        store_bind_text(s, 3, date_format(ctx->today, d));
        if (store_step(s, err) != STORE_DONE) {
            rc = err && err->status == JR_ECONFLICT
                     ? jr_fail(err, JR_ECONFLICT, "quote_exists", "aanbieder",
                               "Bij aanbieder %s is voor deze verwijzing al een offerte "
                               "aangevraagd.",
                               p.agb)
                     : JR_EDB;
            break;
        }
        int64_t id = store_last_id(ctx->store);
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

#define QUOTE_COLS                                                                                 \
    "SELECT q.id, q.referral_id, p.agb, q.status, q.requested_date, q.answered_date, q.months,"    \
    " q.total_cents, q.plan, q.reason, a.number, r.gemeente, r.referral_date FROM quote q"         \
    " JOIN provider p ON p.id = q.provider_id JOIN referral r ON r.id = q.referral_id"             \
    " LEFT JOIN assignment a ON a.id = q.assignment_id "

static void quote_from_row(const void *ud, jr_stmt *s, void *row)
{
    jr_quote *q = row;
    (void)ud;
    memset(q, 0, sizeof *q);
    q->id = store_col_int(s, 0);
    q->referral_id = store_col_int(s, 1);
    str_copy(q->agb, sizeof q->agb, store_col_text(s, 2));
    str_copy(q->status, sizeof q->status, store_col_text(s, 3));
    date_parse(store_col_text(s, 4), &q->requested);
    q->answered = JR_DATE_NONE;
    if (!store_col_null(s, 5))
        date_parse(store_col_text(s, 5), &q->answered);
    q->months = (int32_t)store_col_int(s, 6);
    q->total = store_col_int(s, 7);
    str_copy(q->plan, sizeof q->plan, store_col_text(s, 8));
    str_copy(q->reason, sizeof q->reason, store_col_text(s, 9));
    str_copy(q->assignment, sizeof q->assignment, store_col_text(s, 10));
    str_copy(q->gemeente, sizeof q->gemeente, store_col_text(s, 11));
    date_parse(store_col_text(s, 12), &q->referral_date);
}

jr_status quote_get(const jr_ctx *ctx, int64_t id, jr_quote *out, jr_error *err)
{
    jr_status rc = svc_may(ctx, JR_ACT_PERSONAL_READ, err);
    if (rc != JR_OK)
        return rc;
    jr_stmt *s = store_prepare(ctx->store, QUOTE_COLS "WHERE q.id = ?", err);
    if (!s)
        return JR_EDB;
    store_bind_int(s, 1, id);
    store_step_result r = store_step(s, err);
    if (r == STORE_ERROR)
        return JR_EDB;
    if (r == STORE_DONE)
        return jr_fail(err, JR_ENOTFOUND, "quote_unknown", "offerte", "Offerte %lld bestaat niet.",
                       (long long)id);
    quote_from_row(NULL, s, out);
    store_reset(s);
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
    jr_stmt *s = store_prepare(ctx->store,
                               QUOTE_COLS "WHERE (?1 = 0 OR q.referral_id = ?1)"
                                          " AND (?2 IS NULL OR p.agb = ?2)"
                                          " AND (?3 IS NULL OR r.gemeente = ?3) ORDER BY q.id",
                               err);
    if (!s)
        return JR_EDB;
    store_bind_int(s, 1, referral_id);
    store_bind_text(s, 2, agb);
    store_bind_text(s, 3, gemeente);
    jr_quote q;
    return store_each(s, quote_from_row, NULL, &q, fn, ud, err);
}

static jr_status set_status(const jr_ctx *ctx, int64_t id, const char *status, const char *reason,
                            jr_error *err)
{
    jr_stmt *s = store_prepare(
        ctx->store, "UPDATE quote SET status = ?, reason = COALESCE(?, reason) WHERE id = ?", err);
    if (!s)
        return JR_EDB;
    store_bind_text(s, 1, status);
    store_bind_text(s, 2, reason);
    store_bind_int(s, 3, id);
    return store_step(s, err) == STORE_DONE ? JR_OK : JR_EDB;
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
    if (nlines <= 0 || nlines > JR_QUOTE_MAX_LINES)
        return jr_fail(err, JR_EINVAL, "quote_lines", "uren",
                       "Een offerte noemt uren voor 1 tot %d functiegroepen.", JR_QUOTE_MAX_LINES);
    if (months <= 0 || months > 24)
        return jr_fail(err, JR_EINVAL, "quote_months", "maanden",
                       "De looptijd van een offerte is 1 tot 24 maanden.");
    jr_provider p;
    if ((rc = provider_find(ctx, agb, &p, err)) != JR_OK)
        return rc;
    jr_cents sum = 0;
    for (int i = 0; i < nlines; i++) {
        const jr_product *prod = catalog_product_by_short(ctx->cat, lines[i].product);
        if (prod == NULL || prod->kind != JR_PK_FUNCTIEGROEP)
            return jr_fail(err, JR_EINVAL, "product_not_functiegroep", "functiegroep",
                           "'%s' is geen functiegroep uit de catalogus.", lines[i].product);
        for (int j = 0; j < i; j++)
            if (strcmp(lines[j].product, prod->code) == 0)
                return jr_fail(err, JR_EINVAL, "duplicate_functiegroep", "functiegroep",
                               "Functiegroep %s staat twee keer in de offerte.", prod->code);
        str_copy(lines[i].product, sizeof lines[i].product, prod->code);
        if (lines[i].centi_hours <= 0)
            return jr_fail(err, JR_EINVAL, "hours_invalid", "uren",
                           "Het aantal uren voor %s moet groter dan nul zijn.", prod->code);
        bool ok;
        if ((rc = contract_covers(ctx, p.id, prod->code, ref.req.date, ref.req.date, &ok, err)))
            return rc;
        if (!ok)
            return jr_fail(err, JR_EINVAL, "provider_not_contracted", "functiegroep",
                           "Aanbieder %s is niet gecontracteerd voor %s.", p.agb, prod->code);
        if (!product_tariff(prod, ref.req.date, &lines[i].tariff))
            return jr_fail(err, JR_EINVAL, "no_price_on_date", "functiegroep",
                           "Functiegroep %s heeft geen tarief op de verwijsdatum.", prod->code);
        lines[i].amount = quote_line_amount(lines[i].centi_hours, lines[i].tariff);
        sum += lines[i].amount;
    }
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    char d[JR_DATE_ISO_LEN];
    for (int i = 0; i < nlines && rc == JR_OK; i++) {
        jr_stmt *s = store_prepare(ctx->store,
                                   "INSERT INTO quote_line (quote_id, product, centi_hours,"
                                   " tariff_cents, amount_cents) VALUES (?, ?, ?, ?, ?)",
                                   err);
        if (!s) {
            rc = JR_EDB;
            break;
        }
        store_bind_int(s, 1, id);
        store_bind_text(s, 2, lines[i].product);
        store_bind_int(s, 3, lines[i].centi_hours);
        store_bind_int(s, 4, lines[i].tariff);
        store_bind_int(s, 5, lines[i].amount);
        if (store_step(s, err) != STORE_DONE)
            rc = JR_EDB;
    }
    if (rc == JR_OK) {
        jr_stmt *s = store_prepare(ctx->store,
                                   "UPDATE quote SET status = 'beantwoord', answered_date = ?,"
                                   " months = ?, total_cents = ?, plan = ? WHERE id = ?",
                                   err);
        if (!s)
            return svc_finish(ctx, JR_EDB, err);
        store_bind_text(s, 1, date_format(ctx->today, d));
        store_bind_int(s, 2, months);
        store_bind_int(s, 3, sum);
        store_bind_text(s, 4, plan ? plan : "");
        store_bind_int(s, 5, id);
        if (store_step(s, err) != STORE_DONE)
            rc = JR_EDB;
    }
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
    jr_stmt *s = rc == JR_OK ? store_prepare(ctx->store,
                                             "UPDATE quote SET status = 'geaccepteerd',"
                                             " assignment_id = (SELECT id FROM assignment"
                                             " WHERE number = ?) WHERE id = ?",
                                             err)
                             : NULL;
    if (rc == JR_OK && !s)
        rc = JR_EDB;
    if (rc == JR_OK) {
        store_bind_text(s, 1, number);
        store_bind_int(s, 2, id);
        if (store_step(s, err) != STORE_DONE)
            rc = JR_EDB;
    }
    if (rc == JR_OK) {
        jr_stmt *o = store_prepare(ctx->store,
                                   "UPDATE quote SET status = 'afgewezen', reason = ?"
                                   " WHERE referral_id = ? AND id <> ?"
                                   " AND status IN ('aangevraagd', 'beantwoord')",
                                   err);
        if (!o)
            return svc_finish(ctx, JR_EDB, err);
        store_bind_text(o, 1, "Een andere offerte is geaccepteerd.");
        store_bind_int(o, 2, ref.id);
        store_bind_int(o, 3, id);
        if (store_step(o, err) != STORE_DONE)
            rc = JR_EDB;
    }
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
    rc = set_status(ctx, id, "afgewezen", reason, err);
    if (rc == JR_OK) {
        char eid[24];
        snprintf(eid, sizeof eid, "%lld", (long long)id);
        rc = audit_record(ctx, "offerte.afgewezen", "quote", eid, reason, err);
    }
    return svc_finish(ctx, rc, err);
}

static void quote_line_from_row(const void *ud, jr_stmt *s, void *row)
{
    jr_quote_line *l = row;
    (void)ud;
    memset(l, 0, sizeof *l);
    str_copy(l->product, sizeof l->product, store_col_text(s, 0));
    l->centi_hours = store_col_int(s, 1);
    l->tariff = store_col_int(s, 2);
    l->amount = store_col_int(s, 3);
}

jr_status quote_lines(const jr_ctx *ctx, int64_t id, jr_row_fn fn, void *ud, jr_error *err)
{
    jr_quote q;
    jr_status rc = quote_get(ctx, id, &q, err);
    if (rc != JR_OK)
        return rc;
    jr_stmt *s = store_prepare(ctx->store,
                               "SELECT product, centi_hours, tariff_cents, amount_cents"
                               " FROM quote_line WHERE quote_id = ? ORDER BY product",
                               err);
    if (!s)
        return JR_EDB;
    store_bind_int(s, 1, id);
    jr_quote_line l;
    return store_each(s, quote_line_from_row, NULL, &l, fn, ud, err);
}

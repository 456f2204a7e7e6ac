/*
 * assignment.c: issuing and managing assignments (toewijzingen).
 */
#include "assignment.h"
#include "../core/sbuf.h"

#include "../domain/care.h"
#include "../domain/decl.h"
#include "provider.h"
#include "referrals.h"

#include <stdio.h>
#include <string.h>

static jr_status ledger_event_add(const jr_ctx *ctx, int64_t assignment_id, jr_date date,
                                  const char *kind, jr_cents cents, int64_t volume,
                                  const char *note, jr_error *err)
{
    char d[JR_DATE_ISO_LEN];
    jr_stmt *s = store_prepare(ctx->store,
                               "INSERT INTO ledger_event (assignment_id, event_date, kind, cents,"
                               " volume, note) VALUES (?, ?, ?, ?, ?, ?)",
                               err);
    if (!s)
        return JR_EDB;
    store_bind_int(s, 1, assignment_id);
    store_bind_text(s, 2, date_format(date, d));
    store_bind_text(s, 3, kind);
    store_bind_int(s, 4, cents);
    store_bind_int(s, 5, volume);
    store_bind_text(s, 6, note);
    return store_step(s, err) == STORE_DONE ? JR_OK : JR_EDB;
}

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
    int64_t seq;
    jr_status rc = store_next_number(ctx->store, "toewijzing", &seq, err);
    if (rc != JR_OK)
        return rc;
    snprintf(number, 24, "TW%s%08lld", gemeente, (long long)seq);
    char s1[JR_DATE_ISO_LEN], s2[JR_DATE_ISO_LEN];
    jr_stmt *s = store_prepare(
        ctx->store,
        "INSERT INTO assignment (number, youth_id, gemeente, provider_id, referral_id, quote_id,"
        " category, product, is_budget, budget_cents, volume, unit, frequency, start_date,"
        " end_date, status, created_at, bsn)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'actief', datetime('now'),"
        " (SELECT y.bsn FROM youth y WHERE y.id = ?2))",
        err);
    if (!s)
        return JR_EDB;
    store_bind_text(s, 1, number);
    store_bind_int(s, 2, youth_id);
    store_bind_text(s, 3, gemeente);
    store_bind_int(s, 4, provider_id);
    if (referral_id)
        store_bind_int(s, 5, referral_id);
    if (quote_id)
        store_bind_int(s, 6, quote_id);
    store_bind_text(s, 7, g->category);
    store_bind_text(s, 8, g->product);
    store_bind_int(s, 9, g->is_budget);
    store_bind_int(s, 10, g->is_budget ? g->budget : 0);
    store_bind_int(s, 11, g->is_budget ? 0 : g->volume);
    store_bind_text(s, 12, g->unit);
    store_bind_text(s, 13, g->frequency);
    store_bind_text(s, 14, date_format(g->start, s1));
    store_bind_text(s, 15, date_format(g->end, s2));
    if (store_step(s, err) != STORE_DONE)
        return JR_EDB;
    int64_t id = store_last_id(ctx->store);
    char note[128];
    char m[JR_MONEY_BUF];
    if (g->is_budget)
        snprintf(note, sizeof note, "budget %s t/m %s", money_format_nl(g->budget, m), s2);
    else
        snprintf(note, sizeof note, "%lld %s %s t/m %s", (long long)g->volume, unit_name(g->unit),
                 g->product, s2);
    if ((rc = ledger_event_add(ctx, id, g->start, "toegekend", grant_value(ctx, g), g->volume, note,
                               err)) != JR_OK)
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

#define ASSIGNMENT_COLS                                                                            \
    "SELECT a.id, a.number, a.youth_id, y.bsn, a.gemeente, a.provider_id, p.agb,"                  \
    " a.referral_id, a.quote_id, a.category, a.product, a.is_budget, a.budget_cents, a.volume,"    \
    " a.unit, a.frequency, a.start_date, a.end_date, a.status, a.care_start, a.care_stop,"         \
    " a.stop_reason, COALESCE(u.used_cents, 0), COALESCE(u.used_base, 0)"                          \
    " FROM assignment a JOIN youth y ON y.id = a.youth_id"                                         \
    " JOIN provider p ON p.id = a.provider_id"                                                     \
    " LEFT JOIN assignment_use u ON u.assignment_id = a.id "

static void assignment_from_row(const void *ud, jr_stmt *s, void *row)
{
    const jr_ctx *ctx = ud;
    jr_assignment *a = row;
    memset(a, 0, sizeof *a);
    a->id = store_col_int(s, 0);
    str_copy(a->number, sizeof a->number, store_col_text(s, 1));
    a->youth_id = store_col_int(s, 2);
    str_copy(a->bsn, sizeof a->bsn, store_col_text(s, 3));
    str_copy(a->gemeente, sizeof a->gemeente, store_col_text(s, 4));
    a->provider_id = store_col_int(s, 5);
    str_copy(a->agb, sizeof a->agb, store_col_text(s, 6));
    a->referral_id = store_col_int(s, 7);
    a->quote_id = store_col_int(s, 8);
    jr_grant *g = &a->grant;
    str_copy(g->category, sizeof g->category, store_col_text(s, 9));
    str_copy(g->product, sizeof g->product, store_col_text(s, 10));
    g->is_budget = store_col_int(s, 11) != 0;
    g->budget = store_col_int(s, 12);
    g->volume = store_col_int(s, 13);
    str_copy(g->unit, sizeof g->unit, store_col_text(s, 14));
    str_copy(g->frequency, sizeof g->frequency, store_col_text(s, 15));
    date_parse(store_col_text(s, 16), &g->start);
    date_parse(store_col_text(s, 17), &g->end);
    str_copy(a->status, sizeof a->status, store_col_text(s, 18));
    a->care_start = a->care_stop = JR_DATE_NONE;
    if (!store_col_null(s, 19))
        date_parse(store_col_text(s, 19), &a->care_start);
    if (!store_col_null(s, 20))
        date_parse(store_col_text(s, 20), &a->care_stop);
    str_copy(a->stop_reason, sizeof a->stop_reason, store_col_text(s, 21));
    a->used_base = store_col_int(s, 23);
    ledger_compute(&a->ledger, grant_value(ctx, g), store_col_int(s, 22),
                   strcmp(a->status, "actief") != 0);
}

jr_status assignment_get(const jr_ctx *ctx, const char *number, jr_assignment *out, jr_error *err)
{
    jr_status rc = svc_may(ctx, JR_ACT_PERSONAL_READ, err);
    if (rc != JR_OK)
        return rc;
    jr_stmt *s = store_prepare(ctx->store, ASSIGNMENT_COLS "WHERE a.number = ?", err);
    if (!s)
        return JR_EDB;
    store_bind_text(s, 1, number);
    store_step_result r = store_step(s, err);
    if (r == STORE_ERROR)
        return JR_EDB;
    if (r == STORE_DONE)
        return jr_fail(err, JR_ENOTFOUND, "assignment_unknown", "toewijzing",
                       "Toewijzing %s bestaat niet.", number);
    assignment_from_row(ctx, s, out);
    store_reset(s);
    if (!svc_sees(ctx, out->gemeente, out->agb)) /* answer as if it did not exist */
        return jr_fail(err, JR_ENOTFOUND, "assignment_unknown", "toewijzing",
                       "Toewijzing %s bestaat niet.", number);
    return JR_OK;
}

jr_status assignment_list(const jr_ctx *ctx, const char *gemeente, const char *agb, const char *bsn,
                          jr_row_fn fn, void *ud, jr_error *err)
{
    bool none;
    jr_status rc = svc_list_scope(ctx, &gemeente, &agb, &none, err);
    if (rc != JR_OK || none)
        return rc;
    jr_stmt *s = store_prepare(ctx->store,
                               ASSIGNMENT_COLS "WHERE (?1 IS NULL OR a.gemeente = ?1)"
                                               " AND (?2 IS NULL OR p.agb = ?2)"
                                               " AND (?3 IS NULL OR y.bsn = ?3) ORDER BY a.id",
                               err);
    if (!s)
        return JR_EDB;
    store_bind_text(s, 1, gemeente);
    store_bind_text(s, 2, agb);
    store_bind_text(s, 3, bsn);
    jr_assignment a;
    return store_each(s, assignment_from_row, ctx, &a, fn, ud, err);
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
    char m1[JR_MONEY_BUF], d[JR_DATE_ISO_LEN];
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    jr_stmt *s = store_prepare(ctx->store,
                               "UPDATE assignment SET budget_cents = CASE WHEN is_budget = 1"
                               " AND ?1 >= 0 THEN ?1 ELSE budget_cents END,"
                               " volume = CASE WHEN is_budget = 0 AND ?1 >= 0 THEN ?1"
                               " ELSE volume END, end_date = COALESCE(?2, end_date)"
                               " WHERE id = ?3",
                               err);
    if (!s)
        return svc_finish(ctx, JR_EDB, err);
    store_bind_int(s, 1, amount);
    store_bind_text(s, 2, end == JR_DATE_NONE ? NULL : date_format(end, d));
    store_bind_int(s, 3, a.id);
    if (store_step(s, err) != STORE_DONE)
        return svc_finish(ctx, JR_EDB, err);
    char note[128];
    snprintf(note, sizeof note, "reden %s:%s%s%s%s", reason,
             amount >= 0 ? (a.grant.is_budget ? " budget " : " volume ") : "",
             amount >= 0 ? (a.grant.is_budget ? money_format_nl(amount, m1) : "") : "",
             end != JR_DATE_NONE ? " einddatum " : "", end != JR_DATE_NONE ? d : "");
    if (amount >= 0 && !a.grant.is_budget)
        snprintf(note + strlen(note), sizeof note - strlen(note), "%lld", (long long)amount);
    jr_cents delta = amount >= 0 && a.grant.is_budget ? amount - a.grant.budget : 0;
    int64_t vdelta = amount >= 0 && !a.grant.is_budget ? amount - a.grant.volume : 0;
    rc = ledger_event_add(ctx, a.id, ctx->today, "gewijzigd", delta, vdelta, note, err);
    if (rc == JR_OK)
        rc = audit_record(ctx, "toewijzing.gewijzigd", "assignment", number, note, err);
    return svc_finish(ctx, rc, err);
}

static jr_status close_assignment(const jr_ctx *ctx, const jr_assignment *a, jr_date date,
                                  const char *status, const char *action, const char *note,
                                  jr_error *err)
{
    char d[JR_DATE_ISO_LEN];
    jr_status rc = store_begin(ctx->store, err);
    if (rc != JR_OK)
        return rc;
    jr_stmt *s = store_prepare(ctx->store,
                               "UPDATE assignment SET status = ?, end_date = ? WHERE id = ?", err);
    if (!s)
        return svc_finish(ctx, JR_EDB, err);
    store_bind_text(s, 1, status);
    store_bind_text(s, 2, date_format(date, d));
    store_bind_int(s, 3, a->id);
    if (store_step(s, err) != STORE_DONE)
        return svc_finish(ctx, JR_EDB, err);
    jr_ledger l;
    ledger_compute(&l, a->ledger.granted, a->ledger.used, true);
    char full[256], m[JR_MONEY_BUF];
    snprintf(full, sizeof full,
             "%s; vrij naar gemeente %s: %s (stand bij beeindiging; later geaccepteerde regels "
             "over de looptijd gaan er nog af)",
             note, a->gemeente, money_format_nl(l.released, m));
    rc = ledger_event_add(ctx, a->id, date, "vrijgevallen", l.released, 0, full, err);
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

jr_status assignment_own(const jr_ctx *ctx, const char *number, const char *agb, jr_assignment *a,
                         jr_error *err)
{
    jr_status rc = svc_may(ctx, JR_ACT_PROVIDE, err);
    if (rc == JR_OK)
        rc = assignment_get(ctx, number, a, err);
    if (rc != JR_OK)
        return rc;
    if (strcmp(a->agb, agb ? agb : "") != 0) /* answer as if it did not exist */
        return jr_fail(err, JR_ENOTFOUND, "assignment_unknown", "toewijzing",
                       "Toewijzing %s bestaat niet.", number);
    return JR_OK;
}

jr_status assignment_set_care(const jr_ctx *ctx, const jr_assignment *a, const char *sql, jr_date d,
                              const char *reason, const char *action, jr_error *err)
{
    char ds[JR_DATE_ISO_LEN] = "verwijderd";
    jr_status rc = store_begin(ctx->store, err);
    if (rc != JR_OK)
        return rc;
    jr_stmt *s = store_prepare(ctx->store, sql, err);
    if (!s)
        return svc_finish(ctx, JR_EDB, err);
    if (d != JR_DATE_NONE)
        store_bind_text(s, 1, date_format(d, ds));
    store_bind_text(s, 2, reason);
    store_bind_int(s, 3, a->id);
    if (store_step(s, err) != STORE_DONE)
        return svc_finish(ctx, JR_EDB, err);
    char detail[96];
    snprintf(detail, sizeof detail, "%s%s%s", ds, reason ? " reden " : "", reason ? reason : "");
    rc = audit_record(ctx, action, "assignment", a->number, detail, err);
    return svc_finish(ctx, rc, err);
}

jr_status care_start(const jr_ctx *ctx, const char *number, const char *agb, jr_date date,
                     jr_error *err)
{
    jr_assignment a;
    jr_status rc = assignment_own(ctx, number, agb, &a, err);
    if (rc != JR_OK)
        return rc;
    if (a.care_start != JR_DATE_NONE) {
        if (a.care_start == date)
            return JR_OK; /* the same message twice changes nothing */
        return jr_fail(err, JR_ECONFLICT, "care_already_started", "datum",
                       "De zorg voor toewijzing %s is al gestart.", number);
    }
    if ((rc = require_active(&a, err)) != JR_OK)
        return rc;
    if ((rc = care_start_date_check(&a.grant, date, ctx->today, err)) != JR_OK)
        return rc;
    return assignment_set_care(
        ctx, &a,
        "UPDATE assignment SET care_start = ?1, stop_reason = COALESCE(?2, stop_reason)"
        " WHERE id = ?3",
        date, NULL, "zorg.gestart", err);
}

const char *stop_reason_name(const char *code)
{
    static const struct {
        const char *code, *name;
    } reasons[] = {
        {"02", "overlijden"},
        {"20", "levering tijdelijk beeindigd"},
        {"31", "volgens plan beeindigd"},
        {"32", "voortijdig: eenzijdig door de client"},
        {"33", "voortijdig: eenzijdig door de aanbieder"},
        {"34", "voortijdig: in overeenstemming"},
        {"35", "voortijdig: wegens externe omstandigheden"},
        {"36", "geinitieerd door de gemeente"},
        {"37", "in verband met wijzigingsverzoek"},
        {"38", "overstap naar andere aanbieder"},
        {"39", "uitstroom naar ander domein"},
    };
    for (size_t i = 0; code && i < sizeof reasons / sizeof reasons[0]; i++)
        if (strcmp(reasons[i].code, code) == 0)
            return reasons[i].name;
    return "";
}

jr_status care_stop(const jr_ctx *ctx, const char *number, const char *agb, jr_date date,
                    const char *reason, jr_error *err)
{
    jr_assignment a;
    jr_status rc = assignment_own(ctx, number, agb, &a, err);
    if (rc != JR_OK)
        return rc;
    if (stop_reason_name(reason)[0] == '\0')
        return jr_fail(err, JR_EINVAL, "reason_invalid", "reden",
                       "Reden beeindiging '%s' is geen iJw RedenBeeindiging (02, 20, 31-39).",
                       reason ? reason : "");
    if (a.care_stop != JR_DATE_NONE) {
        if (a.care_stop == date && strcmp(a.stop_reason, reason) == 0)
            return JR_OK;
        return jr_fail(err, JR_ECONFLICT, "care_already_stopped", "datum",
                       "De zorg voor toewijzing %s is al gestopt.", number);
    }
    if (a.care_start == JR_DATE_NONE)
        return jr_fail(err, JR_ECONFLICT, "care_not_started", "datum",
                       "Stop zorg kan pas na start zorg.");
    if ((rc = care_stop_date_check(&a.grant, a.care_start, date, ctx->today, err)) != JR_OK)
        return rc;
    return assignment_set_care(
        ctx, &a, "UPDATE assignment SET care_stop = ?1, stop_reason = ?2 WHERE id = ?3", date,
        reason, "zorg.gestopt", err);
}

static void ledger_event_from_row(const void *ud, jr_stmt *s, void *row)
{
    jr_ledger_event *e = row;
    (void)ud;
    e->id = store_col_int(s, 0);
    date_parse(store_col_text(s, 1), &e->date);
    str_copy(e->kind, sizeof e->kind, store_col_text(s, 2));
    e->cents = store_col_int(s, 3);
    e->volume = store_col_int(s, 4);
    str_copy(e->note, sizeof e->note, store_col_text(s, 5));
}

jr_status ledger_events(const jr_ctx *ctx, const char *number, jr_row_fn fn, void *ud,
                        jr_error *err)
{
    jr_assignment a; /* the same scope as the assignment itself */
    jr_status rc = assignment_get(ctx, number, &a, err);
    if (rc != JR_OK)
        return rc;
    jr_stmt *s = store_prepare(ctx->store,
                               "SELECT e.id, e.event_date, e.kind, e.cents, e.volume, e.note"
                               " FROM ledger_event e JOIN assignment a ON a.id = e.assignment_id"
                               " WHERE a.number = ? ORDER BY e.id",
                               err);
    if (!s)
        return JR_EDB;
    store_bind_text(s, 1, number);
    jr_ledger_event e;
    return store_each(s, ledger_event_from_row, NULL, &e, fn, ud, err);
}

/*
 * test_refusals.c: every refused field of one call comes back together.
 *
 * The services that create or change (youth_add, provider_add,
 * contract_add, referral_create, quote_request, quote_answer, user_add,
 * assignment_create, assignment_change) check all their fields before
 * refusing. Each test here makes one call with several wrong fields twice:
 * once with a refusal list attached (jr_error_collect), which must hold each
 * refusal in field order, the first also in err itself; once without,
 * where err must be exactly the first refusal, as it was before lists
 * existed. A fresh SQLite store per test, the shipped catalog and a fixed
 * today (2026-01-15), acting as the system.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "../unit/unit_support.h"

#include "service/assignment.h"
#include "service/auth.h"
#include "service/provider.h"
#include "service/quote.h"
#include "service/referrals.h"
#include "service/youth.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TODAY "2026-01-15"
#define AGB_A "12345678"
#define AGB_B "87654321"
#define BSN_1 "123456782"
#define ZWOLLE "0193"

/* ---- the fixture: a fresh store per test ---------------------------------- */

typedef struct {
    char dir[64];
    jr_store *store;
    jr_ctx ctx;
} fx;

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    if (unit_store_open(f->dir, "refusals", &f->store) != 0) {
        free(f);
        return -1;
    }
    f->ctx.store = f->store;
    f->ctx.cat = unit_catalog();
    f->ctx.actor = "test";
    f->ctx.today = D(TODAY);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    unit_store_remove(f->dir, f->store);
    free(f);
    return 0;
}

/* ---- assertions ------------------------------------------------------------ */

/* assert_ok: the call returned JR_OK; inside it `err` is a fresh jr_error. */
#define assert_ok(call)                                                                            \
    do {                                                                                           \
        jr_error e_;                                                                               \
        jr_error_clear(&e_);                                                                       \
        jr_error *err = &e_;                                                                       \
        jr_status s_ = (call);                                                                     \
        if (s_ != JR_OK)                                                                           \
            fail_msg("%s failed: %s [%s] %s", #call, jr_status_name(s_), e_.code, e_.message);     \
    } while (0)

typedef struct {
    const char *code, *field;
} want;

/* check_refusals: `with` (status s1, a list attached) holds the n wanted
 * refusals in order, the first also in its own fields; `without` (status
 * s2, no list) is exactly that first refusal. */
static void check_refusals(const char *what, jr_status s1, const jr_error *with, jr_status s2,
                           const jr_error *without, const want *w, int n)
{
    if (s1 != JR_EINVAL || s2 != JR_EINVAL)
        fail_msg("%s: %s / %s [%s] %s, expected invalid", what, jr_status_name(s1),
                 jr_status_name(s2), with->code, with->message);
    const jr_invalid_list *l = with->invalid;
    assert_non_null(l);
    for (int i = 0; i < l->n && i < n; i++)
        if (strcmp(l->item[i].code, w[i].code) != 0 || strcmp(l->item[i].field, w[i].field) != 0)
            fail_msg("%s: refusal %d is %s/%s (%s), expected %s/%s", what, i, l->item[i].code,
                     l->item[i].field, l->item[i].message, w[i].code, w[i].field);
    if (l->n != n)
        fail_msg("%s: %d refusals, expected %d (the last: %s)", what, l->n, n,
                 l->n ? l->item[l->n - 1].code : "");
    assert_int_equal(l->lost, 0);
    for (int i = 0; i < n; i++)
        assert_true(strlen(l->item[i].message) > 10); /* each says, in Dutch, what is wrong */
    /* the first refusal is err's own, with and without a list */
    assert_int_equal(with->status, JR_EINVAL);
    assert_string_equal(with->code, l->item[0].code);
    assert_string_equal(with->field, l->item[0].field);
    assert_string_equal(with->message, l->item[0].message);
    assert_null(without->invalid);
    assert_int_equal(without->status, JR_EINVAL);
    assert_string_equal(without->code, with->code);
    assert_string_equal(without->field, with->field);
    assert_string_equal(without->message, with->message);
}

/* expect_refusals: makes call (which uses `err`) with a list and without
 * one, and checks the refusals are the wanted {code, field} pairs. A
 * refused call stores nothing, so making it twice is harmless. */
#define expect_refusals(call, ...)                                                                 \
    do {                                                                                           \
        static const want w_[] = {__VA_ARGS__};                                                    \
        jr_invalid_list list_;                                                                     \
        jr_error with_, without_;                                                                  \
        jr_error *err = &with_;                                                                    \
        jr_error_collect(err, &list_);                                                             \
        jr_status s1_ = (call);                                                                    \
        err = &without_;                                                                           \
        jr_error_clear(err);                                                                       \
        jr_status s2_ = (call);                                                                    \
        check_refusals(#call, s1_, &with_, s2_, &without_, w_, (int)(sizeof w_ / sizeof w_[0]));   \
    } while (0)

/* ---- building data ---------------------------------------------------------- */

static void provider(fx *f, const char *agb, bool contracted)
{
    assert_ok(provider_add(&f->ctx, agb, "Jeugdzorg De Linde", "instelling", NULL, err));
    if (contracted)
        assert_ok(contract_add(&f->ctx, agb, "P1", "*", D("2024-01-01"), JR_DATE_NONE, NULL, err));
}

static jr_referral_req budget_req(const char *type, const char *kb, const char *date)
{
    jr_referral_req r;
    memset(&r, 0, sizeof r);
    snprintf(r.referrer_type, sizeof r.referrer_type, "%s", type);
    r.route = JR_ROUTE_BUDGET;
    snprintf(r.budget, sizeof r.budget, "%s", kb);
    snprintf(r.result, sizeof r.result, "De jeugdige gaat weer naar school.");
    r.date = D(date);
    return r;
}

static int64_t refer(fx *f, const jr_referral_req *req)
{
    int64_t id = 0;
    assert_ok(youth_add(&f->ctx, BSN_1, D("2015-03-01"), ZWOLLE, NULL, err));
    assert_ok(referral_create(&f->ctx, BSN_1, req, "Dr. Jansen", &id, err));
    return id;
}

/* ---- the error list itself ---------------------------------------------------- */

static void a_full_list_counts_what_it_cannot_keep(void **state)
{
    (void)state;
    jr_invalid_list l;
    jr_error err;
    jr_error_collect(&err, &l);
    jr_status rc = JR_OK;
    for (int i = 0; i < JR_INVALID_MAX + 3; i++)
        rc = jr_refuse(&err, rc, "field_invalid", "veld", "Veld %d is fout.", i);
    assert_int_equal(rc, JR_EINVAL);
    assert_int_equal(l.n, JR_INVALID_MAX);
    assert_int_equal(l.lost, 3);
    assert_int_equal(jr_error_refusals(&err), JR_INVALID_MAX + 3);
    assert_string_equal(err.message, "Veld 0 is fout.");
    assert_string_equal(l.item[JR_INVALID_MAX - 1].message, "Veld 15 is fout.");
    /* clearing detaches the list (and leaves it as it is) */
    jr_error_clear(&err);
    assert_null(err.invalid);
    assert_int_equal(jr_error_refusals(&err), 0);
    assert_int_equal(l.n, JR_INVALID_MAX);
}

static void a_look_up_that_fails_first_stops_and_after_a_refusal_joins(void **state)
{
    (void)state;
    jr_error missing;
    jr_error_clear(&missing);
    jr_fail(&missing, JR_ENOTFOUND, "agb_unknown", "agb", "Onbekende aanbieder.");
    jr_invalid_list l;
    jr_error err;
    /* first: err takes it whole, its status too, and nothing is listed */
    jr_error_collect(&err, &l);
    assert_int_equal(jr_refuse_error(&err, JR_OK, &missing), JR_ENOTFOUND);
    assert_string_equal(err.code, "agb_unknown");
    assert_int_equal(l.n, 0);
    /* after a refusal: it joins the list, the refusal stays first */
    jr_error_collect(&err, &l);
    jr_status rc = jr_refuse(&err, JR_OK, "name_invalid", "naam", "De naam ontbreekt.");
    assert_int_equal(jr_refuse_error(&err, rc, &missing), JR_EINVAL);
    assert_string_equal(err.code, "name_invalid");
    assert_int_equal(l.n, 2);
    assert_string_equal(l.item[1].code, "agb_unknown");
    /* an internal failure always wins: the sequence stops */
    jr_error db;
    jr_error_clear(&db);
    jr_fail(&db, JR_EDB, "database", "", "De database faalde.");
    assert_int_equal(jr_refuse_error(&err, rc, &db), JR_EDB);
    assert_int_equal(err.status, JR_EDB);
}

/* ---- youths, providers, contracts ---------------------------------------------- */

static void youth_add_refuses_bsn_birth_and_gemeente_together(void **state)
{
    fx *f = *state;
    expect_refusals(youth_add(&f->ctx, "123", D("2030-12-01"), "x", NULL, err),
                    {"bsn_invalid", "bsn"}, {"birth_in_future", "geboortedatum"},
                    {"gemeente_unknown", "gemeente"});
    expect_refusals(youth_add(&f->ctx, BSN_1, D("1990-01-01"), "x", NULL, err),
                    {"too_old", "geboortedatum"}, {"gemeente_unknown", "gemeente"});
    /* one wrong field: one refusal */
    expect_refusals(youth_add(&f->ctx, BSN_1, D("2015-01-01"), "x", NULL, err),
                    {"gemeente_unknown", "gemeente"});
    assert_ok(youth_add(&f->ctx, BSN_1, D("2015-01-01"), ZWOLLE, NULL, err));
}

static void provider_add_refuses_agb_name_and_kind_together(void **state)
{
    fx *f = *state;
    expect_refusals(provider_add(&f->ctx, "12", "", "stichting", NULL, err), {"agb_invalid", "agb"},
                    {"name_invalid", "naam"}, {"kind_invalid", "soort"});
    expect_refusals(provider_add(&f->ctx, AGB_A, NULL, "stichting", NULL, err),
                    {"name_invalid", "naam"}, {"kind_invalid", "soort"});
}

static void contract_add_refuses_lot_end_and_product_together(void **state)
{
    fx *f = *state;
    provider(f, AGB_A, false);
    expect_refusals(
        contract_add(&f->ctx, AGB_A, "P9", "FG9", D("2025-01-01"), D("2024-01-01"), NULL, err),
        {"lot_unknown", "perceel"}, {"end_before_start", "einddatum"},
        {"product_unknown", "product"});
    /* FG2 is ambulant (P1), not wonen/verblijf (P2) */
    expect_refusals(
        contract_add(&f->ctx, AGB_A, "P2", "FG2", D("2025-01-01"), D("2024-01-01"), NULL, err),
        {"end_before_start", "einddatum"}, {"product_not_in_lot", "product"});
    /* the provider is what the other checks depend on: unknown, it answers alone */
    jr_invalid_list l;
    jr_error e;
    jr_error_collect(&e, &l);
    assert_int_equal(
        contract_add(&f->ctx, AGB_B, "P9", "FG9", D("2025-01-01"), D("2024-01-01"), NULL, &e),
        JR_ENOTFOUND);
    assert_string_equal(e.code, "agb_unknown");
    assert_int_equal(l.n, 0);
}

/* ---- referrals and quotes -------------------------------------------------------- */

static void referral_create_refuses_every_field_of_the_request(void **state)
{
    fx *f = *state;
    jr_referral_req ok = budget_req("01", "KB3", "2025-06-02");
    refer(f, &ok);
    jr_referral_req req = budget_req("99", "KB9", "2026-02-01");
    req.result[0] = '\0';
    expect_refusals(referral_create(&f->ctx, BSN_1, &req, "", NULL, err),
                    {"referrer_type_invalid", "verwijzer"}, {"result_missing", "resultaat"},
                    {"budget_unknown", "budget"}, {"date_in_future", "datum"});
    /* a GP may not choose KB3, and the date is in the future */
    req = budget_req("02", "KB3", "2026-02-01");
    expect_refusals(referral_create(&f->ctx, BSN_1, &req, "", NULL, err),
                    {"route_not_allowed", "budget"}, {"date_in_future", "datum"});
    /* verblijf: an unknown product and no volume */
    req = budget_req("01", "", "2025-06-02");
    req.route = JR_ROUTE_VERBLIJF;
    snprintf(req.product, sizeof req.product, "W999");
    expect_refusals(referral_create(&f->ctx, BSN_1, &req, "", NULL, err),
                    {"product_unknown", "product"}, {"volume_invalid", "volume"});
}

static void quote_request_refuses_every_provider_together(void **state)
{
    fx *f = *state;
    provider(f, AGB_A, false);
    provider(f, AGB_B, false);
    jr_referral_req req = budget_req("04", "", "2025-06-02");
    req.route = JR_ROUTE_QUOTE;
    int64_t rid = refer(f, &req);
    const char *two[] = {AGB_A, AGB_B};
    expect_refusals(quote_request(&f->ctx, rid, two, 2, NULL, err),
                    {"provider_not_contracted", "aanbieder"},
                    {"provider_not_contracted", "aanbieder"});
    /* an unknown provider after a refusal joins it */
    const char *with_unknown[] = {AGB_A, "11112222"};
    expect_refusals(quote_request(&f->ctx, rid, with_unknown, 2, NULL, err),
                    {"provider_not_contracted", "aanbieder"}, {"agb_unknown", "agb"});
}

static void quote_answer_refuses_months_and_each_line_together(void **state)
{
    fx *f = *state;
    provider(f, AGB_A, true);
    jr_referral_req req = budget_req("04", "", "2025-06-02");
    req.route = JR_ROUTE_QUOTE;
    int64_t rid = refer(f, &req);
    const char *one[] = {AGB_A};
    int64_t qid = 0;
    assert_ok(quote_request(&f->ctx, rid, one, 1, &qid, err));
    jr_quote_line lines[3];
    memset(lines, 0, sizeof lines);
    snprintf(lines[0].product, sizeof lines[0].product, "FG9");
    lines[0].centi_hours = 1000;
    snprintf(lines[1].product, sizeof lines[1].product, "FG2");
    lines[1].centi_hours = 0;
    snprintf(lines[2].product, sizeof lines[2].product, "FG2");
    lines[2].centi_hours = 500;
    expect_refusals(quote_answer(&f->ctx, qid, AGB_A, lines, 3, 30, "", NULL, err),
                    {"quote_months", "maanden"}, {"product_not_functiegroep", "functiegroep"},
                    {"hours_invalid", "uren"}, {"duplicate_functiegroep", "functiegroep"});
}

/* ---- users --------------------------------------------------------------------------- */

static void user_add_refuses_name_role_and_password_together(void **state)
{
    fx *f = *state;
    expect_refusals(user_add(&f->ctx, "X!", NULL, JR_ROLE_SYSTEM, NULL, NULL, "kort", err),
                    {"name_invalid", "naam"}, {"role_invalid", "rol"},
                    {"password_weak", "wachtwoord"});
    expect_refusals(user_add(&f->ctx, "toegang.x", NULL, JR_ROLE_TOEGANG, "x", NULL, "kort", err),
                    {"gemeente_unknown", "gemeente"}, {"password_weak", "wachtwoord"});
    /* an unknown provider after a refusal joins it */
    expect_refusals(user_add(&f->ctx, "X!", NULL, JR_ROLE_AANBIEDER, NULL, "11112222",
                             "lang-genoeg-wachtwoord", err),
                    {"name_invalid", "naam"}, {"agb_unknown", "agb"});
}

/* ---- assignments ------------------------------------------------------------------------ */

static void assignment_create_refuses_the_plan_and_the_contract_together(void **state)
{
    fx *f = *state;
    provider(f, AGB_A, false);
    jr_referral_req req = budget_req("01", "KB3", "2025-02-20");
    int64_t rid = refer(f, &req);
    char number[24];
    expect_refusals(
        assignment_create(&f->ctx, rid, AGB_A, D("2025-03-01"), D("2030-01-01"), number, err),
        {"duration_exceeds_max", "einddatum"}, {"provider_not_contracted", "aanbieder"});
}

static void assignment_change_refuses_the_reason_and_the_end_together(void **state)
{
    fx *f = *state;
    provider(f, AGB_A, true);
    jr_referral_req req = budget_req("01", "KB3", "2025-02-20");
    int64_t rid = refer(f, &req);
    char number[24];
    assert_ok(assignment_create(&f->ctx, rid, AGB_A, D("2025-03-01"), JR_DATE_NONE, number, err));
    expect_refusals(assignment_change(&f->ctx, number, -1, D("2025-01-01"), "99", err),
                    {"reason_invalid", "reden"}, {"end_before_start", "einddatum"});
    expect_refusals(assignment_change(&f->ctx, number, -1, D("2025-01-01"), "13", err),
                    {"reason_invalid", "reden"}, {"end_before_start", "einddatum"});
}

/* A failure taken over from a scratch jr_error (a store step, a nested
 * call) keeps the caller's list: a struct copy would carry the scratch
 * error's list pointer (NULL, or stack garbage) over it. */
static void a_failure_taken_over_keeps_the_callers_list(void **state)
{
    (void)state;
    jr_invalid_list list;
    jr_error e;
    jr_error_collect(&e, &list);
    assert_int_equal(jr_refuse(&e, JR_OK, "bsn_invalid", "bsn", "BSN fout."), JR_EINVAL);
    jr_error scratch;
    memset(&scratch, 0xA5, sizeof scratch); /* as a stack never cleared */
    jr_fail(&scratch, JR_ECONFLICT, "conflict", "", "Botsing.");
    jr_error_take(&e, &scratch);
    assert_int_equal(e.status, JR_ECONFLICT);
    assert_string_equal(e.code, "conflict");
    assert_string_equal(e.message, "Botsing.");
    assert_ptr_equal(e.invalid, &list);
    assert_int_equal(jr_refuse(&e, JR_ECONFLICT, "birth_future", "geboortedatum", "Later."),
                     JR_ECONFLICT);
    assert_int_equal(jr_error_refusals(&e), 2);
    jr_error_take(NULL, &scratch); /* no target: nothing happens */
    jr_error_take(&e, &e);
    assert_ptr_equal(e.invalid, &list);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_full_list_counts_what_it_cannot_keep),
        cmocka_unit_test(a_look_up_that_fails_first_stops_and_after_a_refusal_joins),
        cmocka_unit_test(a_failure_taken_over_keeps_the_callers_list),
        T(youth_add_refuses_bsn_birth_and_gemeente_together),
        T(provider_add_refuses_agb_name_and_kind_together),
        T(contract_add_refuses_lot_end_and_product_together),
        T(referral_create_refuses_every_field_of_the_request),
        T(quote_request_refuses_every_provider_together),
        T(quote_answer_refuses_months_and_each_line_together),
        T(user_add_refuses_name_role_and_password_together),
        T(assignment_create_refuses_the_plan_and_the_contract_together),
        T(assignment_change_refuses_the_reason_and_the_end_together),
    };
#undef T
    return cmocka_run_group_tests(tests, unit_catalog_setup, NULL);
}

/*
 * test_referral.c: the referrer route rules (referral_check), what an
 * assignment grants (assignment_plan) and the budget ledger, on the shipped
 * IJsselland catalog.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "core/sbuf.h"
#include "domain/referral.h"
#include "unit_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static jr_referral_req req_budget(const char *type, const char *budget)
{
    jr_referral_req r;
    memset(&r, 0, sizeof r);
    snprintf(r.referrer_type, sizeof r.referrer_type, "%s", type);
    r.route = JR_ROUTE_BUDGET;
    snprintf(r.budget, sizeof r.budget, "%s", budget);
    snprintf(r.result, sizeof r.result, "De jeugdige gaat weer naar school");
    r.date = D("2024-03-01");
    return r;
}

static jr_referral_req req_route(const char *type, jr_route route, const char *product,
                                 int64_t volume)
{
    jr_referral_req r = req_budget(type, "");
    r.route = route;
    snprintf(r.product, sizeof r.product, "%s", product);
    r.volume = volume;
    return r;
}

static void expect_ok(const jr_referral_req *r)
{
    jr_error err;
    memset(&err, 0, sizeof err);
    if (referral_check(unit_catalog(), r, &err) != JR_OK)
        fail_msg("refused with %s: %s", err.code, err.message);
}

static void expect_refused(const jr_referral_req *r, const char *code, const char *field)
{
    jr_error err;
    memset(&err, 0, sizeof err);
    jr_status st = referral_check(unit_catalog(), r, &err);
    if (st == JR_OK)
        fail_msg("accepted, expected %s", code);
    assert_int_equal(st, JR_EINVAL);
    assert_err_code(&err, code);
    if (field)
        assert_string_equal(err.field, field);
    assert_true(err.message[0] != '\0');
}

/* ---- referral_check ---------------------------------------------------- */

static void test_toegang_every_budget(void **state)
{
    (void)state;
    const char *kb[] = {"KB1", "KB2", "KB3", "KB4", "KB5", "KB6", "KB7"};
    for (size_t i = 0; i < sizeof kb / sizeof kb[0]; i++) {
        jr_referral_req r = req_budget("01", kb[i]);
        expect_ok(&r);
    }
}

static void test_toegang_quote_verblijf_crisis_dyslexie(void **state)
{
    (void)state;
    jr_referral_req r = req_route("01", JR_ROUTE_QUOTE, "", 0);
    expect_ok(&r);
    r = req_route("01", JR_ROUTE_VERBLIJF, "WMIDDEN", 30);
    expect_ok(&r);
    r = req_route("01", JR_ROUTE_VERBLIJF, "43V01", 30); /* iJw code works too */
    expect_ok(&r);
    r = req_route("01", JR_ROUTE_CRISIS, "CRISIS", 20);
    expect_ok(&r);
    r = req_route("01", JR_ROUTE_DYSLEXIE, "ED", 40);
    expect_ok(&r);
}

static void test_gp_kb1_and_kb2(void **state)
{
    (void)state;
    jr_referral_req r = req_budget("02", "KB1");
    expect_ok(&r);
    r = req_budget("02", "KB2");
    expect_ok(&r);
}

static void test_gp_kb3_refused(void **state)
{
    (void)state;
    jr_referral_req r = req_budget("02", "KB3");
    expect_refused(&r, "route_not_allowed", "budget");
    r = req_budget("02", "KB7");
    expect_refused(&r, "route_not_allowed", "budget");
}

static void test_gp_refusal_names_allowed_budgets(void **state)
{
    (void)state;
    jr_referral_req r = req_budget("02", "KB3");
    jr_error err;
    assert_int_equal(referral_check(unit_catalog(), &r, &err), JR_EINVAL);
    assert_non_null(strstr(err.message, "KB1"));
    assert_non_null(strstr(err.message, "KB2"));
    assert_non_null(strstr(err.message, "offerte"));
}

static void test_gp_quote_ok(void **state)
{
    (void)state;
    jr_referral_req r = req_route("02", JR_ROUTE_QUOTE, "", 0);
    expect_ok(&r);
}

static void test_gp_verblijf_and_crisis_refused(void **state)
{
    (void)state;
    jr_referral_req r = req_route("02", JR_ROUTE_VERBLIJF, "WMIDDEN", 30);
    expect_refused(&r, "route_not_allowed", "route");
    r = req_route("02", JR_ROUTE_CRISIS, "CRISIS", 10);
    expect_refused(&r, "route_not_allowed", "route");
    r = req_route("02", JR_ROUTE_DYSLEXIE, "ED", 10);
    expect_refused(&r, "route_not_allowed", "route");
}

static void test_gi_every_budget_refused(void **state)
{
    (void)state;
    const char *kb[] = {"KB1", "KB2", "KB3", "KB4", "KB5", "KB6", "KB7"};
    for (size_t i = 0; i < sizeof kb / sizeof kb[0]; i++) {
        jr_referral_req r = req_budget("04", kb[i]);
        expect_refused(&r, "route_not_allowed", "budget");
    }
}

static void test_gi_quote_ok(void **state)
{
    (void)state;
    jr_referral_req r = req_route("04", JR_ROUTE_QUOTE, "", 0);
    expect_ok(&r);
    r = req_route("04", JR_ROUTE_VERBLIJF, "PLEEG", 30);
    expect_refused(&r, "route_not_allowed", "route");
}

static void test_quote_refused_when_rule_says_so(void **state)
{
    (void)state;
    /* a region where the GP may not ask for a quote */
    jr_catalog *cat = unit_catalog_copy();
    jr_referrer_rule *gp = (jr_referrer_rule *)catalog_referrer(cat, "02");
    assert_string_equal(gp->type, "02");
    gp->quote = false;
    jr_referral_req r = req_route("02", JR_ROUTE_QUOTE, "", 0);
    jr_error err;
    memset(&err, 0, sizeof err);
    jr_status st = referral_check(cat, &r, &err);
    free(cat);
    assert_int_equal(st, JR_EINVAL);
    assert_err_code(&err, "route_not_allowed");
    assert_string_equal(err.field, "route");
}

static void test_unlisted_type_as_gp(void **state)
{
    (void)state;
    /* 03 jeugdarts and 05 medisch specialist are not listed: the default rule applies */
    jr_referral_req r = req_budget("03", "KB2");
    expect_ok(&r);
    r = req_budget("03", "KB3");
    expect_refused(&r, "route_not_allowed", "budget");
    r = req_budget("05", "KB4");
    expect_refused(&r, "route_not_allowed", "budget");
    r = req_route("05", JR_ROUTE_QUOTE, "", 0);
    expect_ok(&r);
}

static void test_referrer_type_invalid(void **state)
{
    (void)state;
    jr_referral_req r = req_budget("07", "KB1");
    expect_refused(&r, "referrer_type_invalid", "verwijzer");
    r = req_budget("", "KB1");
    expect_refused(&r, "referrer_type_invalid", "verwijzer");
    r = req_budget("2", "KB1");
    expect_refused(&r, "referrer_type_invalid", "verwijzer");
}

static void test_referrer_types_of_ijw(void **state)
{
    (void)state;
    const char *valid[] = {"01", "02", "03", "04", "05", "06", "08"};
    for (size_t i = 0; i < sizeof valid / sizeof valid[0]; i++)
        assert_true(referrer_type_valid(valid[i]));
    assert_false(referrer_type_valid("07"));
    assert_false(referrer_type_valid("00"));
    assert_false(referrer_type_valid(NULL));
    assert_string_equal(referrer_type_name("02"), "huisarts");
}

static void test_result_missing(void **state)
{
    (void)state;
    jr_referral_req r = req_budget("01", "KB3");
    r.result[0] = '\0';
    expect_refused(&r, "result_missing", "resultaat");
}

static void test_budget_unknown(void **state)
{
    (void)state;
    jr_referral_req r = req_budget("01", "KB8");
    expect_refused(&r, "budget_unknown", "budget");
    r = req_budget("01", "");
    expect_refused(&r, "budget_unknown", "budget");
}

static void test_product_unknown(void **state)
{
    (void)state;
    jr_referral_req r = req_route("01", JR_ROUTE_VERBLIJF, "WSUPER", 10);
    expect_refused(&r, "product_unknown", "product");
}

static void test_verblijf_with_crisis_product(void **state)
{
    (void)state;
    jr_referral_req r = req_route("01", JR_ROUTE_VERBLIJF, "46C01", 10);
    expect_refused(&r, "product_route_mismatch", "product");
}

static void test_crisis_with_functiegroep_product(void **state)
{
    (void)state;
    jr_referral_req r = req_route("01", JR_ROUTE_CRISIS, "FG2", 10);
    expect_refused(&r, "product_route_mismatch", "product");
    r = req_route("01", JR_ROUTE_DYSLEXIE, "PLEEG", 10);
    expect_refused(&r, "product_route_mismatch", "product");
}

static void test_volume_zero_refused(void **state)
{
    (void)state;
    jr_referral_req r = req_route("01", JR_ROUTE_VERBLIJF, "WMIDDEN", 0);
    expect_refused(&r, "volume_invalid", "volume");
    r = req_route("01", JR_ROUTE_CRISIS, "CRISIS", -1);
    expect_refused(&r, "volume_invalid", "volume");
}

static void test_route_names(void **state)
{
    (void)state;
    jr_route r;
    assert_true(route_parse("offerte", &r));
    assert_int_equal(r, JR_ROUTE_QUOTE);
    assert_true(route_parse("verblijf", &r));
    assert_int_equal(r, JR_ROUTE_VERBLIJF);
    assert_false(route_parse("quote", &r));
    assert_false(route_parse(NULL, &r));
    assert_string_equal(route_name(JR_ROUTE_BUDGET), "budget");
}

/* ---- assignment_plan --------------------------------------------------- */

static jr_status plan(const jr_referral_req *r, const char *start, const char *end,
                      jr_cents quote_total, int32_t quote_months, jr_grant *g, jr_error *err)
{
    memset(err, 0, sizeof *err);
    return assignment_plan(unit_catalog(), r, D(start), end ? D(end) : JR_DATE_NONE, quote_total,
                           quote_months, g, err);
}

static void plan_ok(const jr_referral_req *r, const char *start, const char *end,
                    jr_cents quote_total, int32_t quote_months, jr_grant *g)
{
    jr_error err;
    if (plan(r, start, end, quote_total, quote_months, g, &err) != JR_OK)
        fail_msg("assignment_plan refused with %s: %s", err.code, err.message);
}

static void plan_refused(const jr_referral_req *r, const char *start, const char *end,
                         jr_cents quote_total, int32_t quote_months, const char *code)
{
    jr_grant g;
    jr_error err;
    jr_status st = plan(r, start, end, quote_total, quote_months, &g, &err);
    if (st == JR_OK)
        fail_msg("assignment_plan accepted, expected %s", code);
    assert_int_equal(st, JR_EINVAL);
    assert_err_code(&err, code);
}

static void test_plan_budget_amount_and_default_end(void **state)
{
    (void)state;
    jr_referral_req r = req_budget("01", "KB3");
    jr_grant g;
    plan_ok(&r, "2024-03-01", NULL, 0, 0, &g);
    assert_true(g.is_budget);
    assert_i64_equal(g.budget, 500000);
    assert_string_equal(g.category, "45");
    assert_string_equal(g.product, ""); /* aspecific */
    assert_string_equal(g.unit, "83");
    assert_i64_equal(g.start, D("2024-03-01"));
    assert_i64_equal(g.end, D("2025-02-28")); /* 12 months minus a day */
}

static void test_plan_budget_six_months(void **state)
{
    (void)state;
    jr_referral_req r = req_budget("02", "KB1");
    jr_grant g;
    plan_ok(&r, "2024-01-31", NULL, 0, 0, &g);
    assert_i64_equal(g.budget, 100000);
    assert_i64_equal(g.end, D("2024-07-30"));
}

static void test_plan_budget_explicit_end_kept(void **state)
{
    (void)state;
    jr_referral_req r = req_budget("01", "KB3");
    jr_grant g;
    plan_ok(&r, "2024-03-01", "2024-09-30", 0, 0, &g);
    assert_i64_equal(g.end, D("2024-09-30"));
    plan_ok(&r, "2024-03-01", "2025-02-28", 0, 0, &g); /* exactly the maximum */
    assert_i64_equal(g.end, D("2025-02-28"));
}

static void test_plan_budget_end_after_max_duration(void **state)
{
    (void)state;
    jr_referral_req r = req_budget("01", "KB3");
    plan_refused(&r, "2024-03-01", "2025-03-01", 0, 0, "duration_exceeds_max");
    r = req_budget("01", "KB2");
    plan_refused(&r, "2024-03-01", "2024-09-01", 0, 0, "duration_exceeds_max");
}

static void test_plan_end_before_start(void **state)
{
    (void)state;
    jr_referral_req r = req_budget("01", "KB3");
    plan_refused(&r, "2024-03-01", "2024-02-29", 0, 0, "end_before_start");
    r = req_route("01", JR_ROUTE_VERBLIJF, "WMIDDEN", 10);
    plan_refused(&r, "2024-03-01", "2024-02-29", 0, 0, "end_before_start");
}

static void test_plan_one_day_assignment(void **state)
{
    (void)state;
    jr_referral_req r = req_budget("01", "KB3");
    jr_grant g;
    plan_ok(&r, "2024-03-01", "2024-03-01", 0, 0, &g);
    assert_i64_equal(g.end, g.start);
}

static void test_plan_quote_uses_total_and_months(void **state)
{
    (void)state;
    jr_referral_req r = req_route("04", JR_ROUTE_QUOTE, "", 0);
    jr_grant g;
    plan_ok(&r, "2024-03-01", NULL, 1234567, 18, &g);
    assert_true(g.is_budget);
    assert_i64_equal(g.budget, 1234567);
    assert_string_equal(g.category, "45");
    assert_i64_equal(g.end, D("2025-08-31"));
    plan_refused(&r, "2024-03-01", "2025-09-01", 1234567, 18, "duration_exceeds_max");
}

static void test_plan_quote_needs_total_and_months(void **state)
{
    (void)state;
    jr_referral_req r = req_route("04", JR_ROUTE_QUOTE, "", 0);
    plan_refused(&r, "2024-03-01", NULL, 0, 12, "quote_invalid");
    plan_refused(&r, "2024-03-01", NULL, 100000, 0, "quote_invalid");
}

static void test_plan_crisis_max_28_days(void **state)
{
    (void)state;
    jr_referral_req r = req_route("01", JR_ROUTE_CRISIS, "CRISIS", 20);
    jr_grant g;
    plan_ok(&r, "2024-03-01", NULL, 0, 0, &g);
    assert_false(g.is_budget);
    assert_string_equal(g.category, "46");
    assert_string_equal(g.product, "46C01");
    assert_string_equal(g.unit, "04");
    assert_i64_equal(g.volume, 20);
    assert_i64_equal(g.end, D("2024-03-28")); /* 28 days, both ends inclusive */
    plan_ok(&r, "2024-03-01", "2024-03-28", 0, 0, &g);
    plan_refused(&r, "2024-03-01", "2024-03-29", 0, 0, "duration_exceeds_max");
}

static void test_plan_verblijf(void **state)
{
    (void)state;
    jr_referral_req r = req_route("01", JR_ROUTE_VERBLIJF, "WMIDDEN", 31);
    jr_grant g;
    plan_ok(&r, "2024-03-01", "2024-03-31", 0, 0, &g);
    assert_string_equal(g.category, "44");
    assert_string_equal(g.product, "44W04");
    assert_string_equal(g.unit, "14");
    assert_i64_equal(g.volume, 31);
    assert_string_equal(g.frequency, "6");
}

static void test_plan_verblijf_more_etmalen_than_days(void **state)
{
    (void)state;
    jr_referral_req r = req_route("01", JR_ROUTE_VERBLIJF, "WMIDDEN", 32);
    plan_refused(&r, "2024-03-01", "2024-03-31", 0, 0, "volume_exceeds_period");
}

static void test_plan_verblijf_max_twelve_months(void **state)
{
    (void)state;
    jr_referral_req r = req_route("01", JR_ROUTE_VERBLIJF, "PLEEG", 100);
    jr_grant g;
    plan_ok(&r, "2024-03-01", NULL, 0, 0, &g);
    assert_i64_equal(g.end, D("2025-02-28"));
    plan_refused(&r, "2024-03-01", "2025-03-01", 0, 0, "duration_exceeds_max");
}

static void test_plan_2025_uses_derived_amount(void **state)
{
    (void)state;
    jr_referral_req r = req_budget("01", "KB3");
    jr_grant g;
    plan_ok(&r, "2025-01-01", NULL, 0, 0, &g);
    assert_i64_equal(g.budget, 519250); /* 5000.00 x 1.0385 */
    assert_i64_equal(g.end, D("2025-12-31"));
    r = req_route("01", JR_ROUTE_VERBLIJF, "PLEEG", 10);
    plan_ok(&r, "2025-06-01", NULL, 0, 0, &g); /* a derived tariff exists in 2025 */
}

static void test_plan_no_price_on_date(void **state)
{
    (void)state;
    jr_referral_req r = req_budget("01", "KB3");
    plan_refused(&r, "2023-06-01", NULL, 0, 0, "no_price_on_date");
    plan_refused(&r, "2027-01-01", NULL, 0, 0, "no_price_on_date");
    r = req_route("01", JR_ROUTE_CRISIS, "CRISIS", 10);
    plan_refused(&r, "2027-01-01", NULL, 0, 0, "no_price_on_date");
}

static void test_quote_line_amount(void **state)
{
    (void)state;
    assert_i64_equal(quote_line_amount(1000, 7800), 78000); /* 10.00 h x 78 */
    assert_i64_equal(quote_line_amount(150, 5600), 8400);   /* 1.50 h x 56 */
    assert_i64_equal(quote_line_amount(1, 5650), 57);       /* 56.5 cents -> 57 */
}

/* ---- ledger ------------------------------------------------------------ */

static void test_ledger_remaining(void **state)
{
    (void)state;
    jr_ledger l = {.granted = 500000, .used = 120000, .released = 0};
    assert_i64_equal(ledger_remaining(&l), 380000);
    l.released = 80000;
    assert_i64_equal(ledger_remaining(&l), 300000);
}

static void test_ledger_release_moves_remainder(void **state)
{
    (void)state;
    jr_ledger l = {.granted = 500000, .used = 120000, .released = 0};
    ledger_release(&l);
    assert_i64_equal(l.released, 380000);
    assert_i64_equal(l.used, 120000);
    assert_i64_equal(l.granted, 500000);
    assert_i64_equal(ledger_remaining(&l), 0);
    ledger_release(&l); /* a second release returns nothing more */
    assert_i64_equal(l.released, 380000);
}

static void test_ledger_release_nothing_when_spent(void **state)
{
    (void)state;
    jr_ledger l = {.granted = 500000, .used = 500000, .released = 0};
    ledger_release(&l);
    assert_i64_equal(l.released, 0);
}

static void test_ledger_release_never_negative(void **state)
{
    (void)state;
    /* more used than granted (a grant lowered by hand): nothing to release, nothing taken */
    jr_ledger l = {.granted = 500000, .used = 520000, .released = 0};
    ledger_release(&l);
    assert_i64_equal(l.released, 0);
    assert_i64_equal(l.used, 520000);
}

static void test_ledger_change_not_below_used(void **state)
{
    (void)state;
    jr_ledger l = {.granted = 500000, .used = 120000, .released = 0};
    assert_true(ledger_change_ok(&l, 750000));
    assert_true(ledger_change_ok(&l, 250000));
    assert_true(ledger_change_ok(&l, 120000)); /* exactly what was used */
    assert_false(ledger_change_ok(&l, 119999));
    jr_ledger fresh = {.granted = 500000, .used = 0, .released = 0};
    assert_false(ledger_change_ok(&fresh, 0));
}

static void test_ledger_compute_open_assignment(void **state)
{
    (void)state;
    jr_ledger l = {.granted = 1, .used = 2, .released = 3};
    ledger_compute(&l, 500000, 120000, false);
    assert_i64_equal(l.granted, 500000);
    assert_i64_equal(l.used, 120000);
    assert_i64_equal(l.released, 0);
    assert_i64_equal(ledger_remaining(&l), 380000);
}

static void test_ledger_compute_ended_releases_rest(void **state)
{
    (void)state;
    jr_ledger l = {0};
    ledger_compute(&l, 500000, 120000, true);
    assert_i64_equal(l.released, 380000);
    assert_i64_equal(ledger_remaining(&l), 0);
    /* a line accepted after the end takes its share back from the released part */
    ledger_compute(&l, 500000, 150000, true);
    assert_i64_equal(l.released, 350000);
    assert_i64_equal(ledger_remaining(&l), 0);
}

/* ---- error codes ------------------------------------------------------- */

/*
 * Regression, fixed (src/core/err.h, jr_error.code is char[16]; jr_fail in src/core/err.c
 * truncates): the stable codes referral.h documents do not fit. A GP asking
 * KB3 gets err.code "route_not_allow", not "route_not_allowed"; likewise
 * referrer_type_invalid, product_route_mismatch, duration_exceeds_max,
 * end_before_start, volume_exceeds_period, no_price_on_date (and the
 * loader's config_unreadable). Callers that switch on the code miss them.
 */
static void test_error_code_holds_documented_codes(void **state)
{
    (void)state;
    jr_referral_req r = req_budget("02", "KB3");
    jr_error err;
    memset(&err, 0, sizeof err);
    assert_int_equal(referral_check(unit_catalog(), &r, &err), JR_EINVAL);
    assert_string_equal(err.code, "route_not_allowed");
    static const char *const documented[] = {
        "referrer_type_invalid",  "route_not_allowed",     "budget_unknown",   "product_unknown",
        "product_route_mismatch", "volume_invalid",        "result_missing",   "end_before_start",
        "duration_exceeds_max",   "volume_exceeds_period", "no_price_on_date", "quote_invalid"};
    for (size_t i = 0; i < sizeof documented / sizeof documented[0]; i++)
        if (strlen(documented[i]) >= sizeof err.code)
            fail_msg("code %s does not fit jr_error.code[%zu]", documented[i], sizeof err.code);
}

/* start zorg within the grant, stop zorg from start zorg to the grant's end,
 * neither after today: the bounds themselves are allowed */
static void test_care_dates_within_grant_and_not_future(void **state)
{
    (void)state;
    jr_grant g;
    memset(&g, 0, sizeof g);
    g.start = D("2025-03-01");
    g.end = D("2025-08-31");
    jr_date today = D("2025-06-30");
    jr_error err;
    assert_int_equal(care_start_date_check(&g, D("2025-03-01"), today, &err), JR_OK);
    assert_int_equal(care_start_date_check(&g, D("2025-06-30"), today, &err), JR_OK);
    assert_int_equal(care_start_date_check(&g, D("2025-02-28"), today, &err), JR_EINVAL);
    assert_err_code(&err, "date_outside_assignment");
    assert_int_equal(care_start_date_check(&g, D("2025-07-01"), today, &err), JR_EINVAL);
    assert_err_code(&err, "date_in_future");
    assert_int_equal(care_stop_date_check(&g, D("2025-04-01"), D("2025-04-01"), today, &err),
                     JR_OK);
    assert_int_equal(care_stop_date_check(&g, D("2025-04-01"), D("2025-03-31"), today, &err),
                     JR_EINVAL);
    assert_err_code(&err, "date_outside_care");
    assert_int_equal(
        care_stop_date_check(&g, D("2025-04-01"), D("2025-09-01"), D("2025-12-31"), &err),
        JR_EINVAL);
    assert_err_code(&err, "date_outside_care");
    assert_int_equal(care_stop_date_check(&g, D("2025-04-01"), D("2025-07-01"), today, &err),
                     JR_EINVAL);
    assert_err_code(&err, "date_in_future");
}

static void test_ledger_nearly_spent_above_ninety_percent(void **state)
{
    (void)state;
    jr_ledger l = {.granted = 500000, .used = 450000, .released = 0};
    assert_false(ledger_nearly_spent(&l)); /* exactly 90 %: not yet */
    l.used = 450001;
    assert_true(ledger_nearly_spent(&l));
    l.used = 600000; /* overspent (a credit may follow): still shown */
    assert_true(ledger_nearly_spent(&l));
    jr_ledger none = {.granted = 0, .used = 0, .released = 0};
    assert_false(ledger_nearly_spent(&none)); /* a volume assignment has no budget */
}

static void test_assignment_change_not_below_used(void **state)
{
    (void)state;
    jr_grant budget, hours;
    memset(&budget, 0, sizeof budget);
    budget.is_budget = true;
    budget.budget = 500000;
    budget.start = D("2025-01-01");
    budget.end = D("2025-12-31");
    hours = budget;
    hours.is_budget = false;
    hours.volume = 10;
    str_copy(hours.unit, sizeof hours.unit, "04");
    jr_ledger l = {.granted = 500000, .used = 120000, .released = 0};
    jr_error err;
    jr_date none = JR_DATE_NONE, care = D("2025-03-01");
    assert_int_equal(assignment_change_check(&budget, &l, 0, care, -1, none, &err), JR_EINVAL);
    assert_err_code(&err, "nothing_to_change");
    assert_int_equal(assignment_change_check(&budget, &l, 0, care, 120000, none, &err), JR_OK);
    assert_int_equal(assignment_change_check(&budget, &l, 0, care, 119999, none, &err), JR_EINVAL);
    assert_err_code(&err, "below_used");
    assert_string_equal(err.field, "budget");
    /* hours against minutes used: 2 hours hold 120 minutes, not 121 */
    jr_ledger no_money = {0};
    assert_int_equal(assignment_change_check(&hours, &no_money, 120, care, 2, none, &err), JR_OK);
    assert_int_equal(assignment_change_check(&hours, &no_money, 121, care, 2, none, &err),
                     JR_EINVAL);
    assert_err_code(&err, "below_used");
    assert_string_equal(err.field, "volume");
    assert_int_equal(assignment_change_check(&hours, &no_money, 0, none, 0, none, &err),
                     JR_EINVAL); /* a volume of nothing */
    assert_err_code(&err, "below_used");
}

static void test_assignment_change_end_not_before_start_or_care(void **state)
{
    (void)state;
    jr_grant g;
    memset(&g, 0, sizeof g);
    g.is_budget = true;
    g.budget = 500000;
    g.start = D("2025-01-01");
    g.end = D("2025-12-31");
    jr_ledger l = {.granted = 500000, .used = 0, .released = 0};
    jr_error err;
    jr_date care = D("2025-03-01");
    assert_int_equal(assignment_change_check(&g, &l, 0, care, -1, D("2025-03-01"), &err), JR_OK);
    assert_int_equal(assignment_change_check(&g, &l, 0, care, -1, D("2025-02-28"), &err),
                     JR_EINVAL);
    assert_err_code(&err, "end_before_care");
    assert_int_equal(assignment_change_check(&g, &l, 0, JR_DATE_NONE, -1, D("2025-01-01"), &err),
                     JR_OK);
    assert_int_equal(assignment_change_check(&g, &l, 0, JR_DATE_NONE, -1, D("2024-12-31"), &err),
                     JR_EINVAL);
    assert_err_code(&err, "end_before_start");
    assert_string_equal(err.field, "einddatum");
}

static void test_frequency_volume_total(void **state)
{
    (void)state;
    jr_date jan1 = D("2025-01-01");
    assert_i64_equal(frequency_volume_total(3, "1", jan1, D("2025-01-10")), 30); /* per day */
    assert_i64_equal(frequency_volume_total(3, "1", jan1, jan1), 3);
    assert_i64_equal(frequency_volume_total(2, "2", jan1, D("2025-01-07")), 2); /* one week */
    assert_i64_equal(frequency_volume_total(2, "2", jan1, D("2025-01-08")), 4); /* started 2nd */
    assert_i64_equal(frequency_volume_total(5, "4", D("2025-01-31"), D("2025-02-01")), 10);
    assert_i64_equal(frequency_volume_total(5, "4", D("2025-11-15"), D("2026-02-14")), 20);
    assert_i64_equal(frequency_volume_total(40, "6", jan1, D("2025-12-31")), 40); /* total */
    assert_i64_equal(frequency_volume_total(40, NULL, jan1, D("2025-12-31")), 40);
    assert_i64_equal(frequency_volume_total(40, "9", jan1, D("2025-12-31")), 40); /* unknown */
    assert_i64_equal(frequency_volume_total(3, "1", jan1, D("2024-12-01")), 3);   /* end first */
}

static void test_youth_birth_within_23_years(void **state)
{
    (void)state;
    jr_date today = D("2026-11-25");
    jr_error err;
    assert_int_equal(youth_birth_check(today, today, &err), JR_OK); /* born today */
    assert_int_equal(youth_birth_check(D("2026-11-26"), today, &err), JR_EINVAL);
    assert_err_code(&err, "birth_in_future");
    assert_string_equal(err.field, "geboortedatum");
    assert_int_equal(youth_birth_check(D("2003-11-25"), today, &err), JR_OK); /* 23 today */
    assert_int_equal(youth_birth_check(D("2003-11-24"), today, &err), JR_EINVAL);
    assert_err_code(&err, "too_old");
}

static void test_stop_history_and_next_stop(void **state)
{
    (void)state;
    jr_error err;
    assert_true(stop_reason_temporary("20"));
    assert_false(stop_reason_temporary("02"));
    assert_false(stop_reason_temporary(NULL));
    jr_stop_history none = {0, 0, 0}, temp = {0, 1, 0}, def = {1, 0, 0}, two = {0, 2, 1};
    assert_int_equal(stop_history_check(&none, false, "20", &err), JR_OK);
    assert_int_equal(stop_history_check(&temp, false, "02", &err), JR_OK); /* then definitive */
    assert_int_equal(stop_history_check(&temp, false, "20", &err), JR_ECONFLICT);
    assert_err_code(&err, "9413");
    assert_int_equal(stop_history_check(&def, false, "02", &err), JR_ECONFLICT);
    assert_err_code(&err, "9415");
    /* a change replaces the current stop: only another temporary one counts */
    assert_int_equal(stop_history_check(&def, true, "02", &err), JR_OK);
    assert_int_equal(stop_history_check(&temp, true, "20", &err), JR_OK);
    assert_int_equal(stop_history_check(&two, true, "20", &err), JR_ECONFLICT);
    assert_err_code(&err, "9413");
    jr_date stop = D("2025-06-30");
    assert_int_equal(care_stop_next_check(stop, "20", stop, &err), JR_OK);
    assert_int_equal(care_stop_next_check(stop, "20", D("2025-06-29"), &err), JR_EINVAL);
    assert_err_code(&err, "9414");
    assert_int_equal(care_stop_next_check(stop, "02", D("2025-07-31"), &err), JR_ECONFLICT);
    assert_err_code(&err, "9415");
    assert_int_equal(care_stop_next_check(JR_DATE_NONE, "", D("2025-07-31"), &err), JR_ECONFLICT);
    assert_err_code(&err, "9415");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_toegang_every_budget),
        cmocka_unit_test(test_toegang_quote_verblijf_crisis_dyslexie),
        cmocka_unit_test(test_gp_kb1_and_kb2),
        cmocka_unit_test(test_gp_kb3_refused),
        cmocka_unit_test(test_gp_refusal_names_allowed_budgets),
        cmocka_unit_test(test_gp_quote_ok),
        cmocka_unit_test(test_gp_verblijf_and_crisis_refused),
        cmocka_unit_test(test_gi_every_budget_refused),
        cmocka_unit_test(test_gi_quote_ok),
        cmocka_unit_test(test_quote_refused_when_rule_says_so),
        cmocka_unit_test(test_unlisted_type_as_gp),
        cmocka_unit_test(test_referrer_type_invalid),
        cmocka_unit_test(test_referrer_types_of_ijw),
        cmocka_unit_test(test_result_missing),
        cmocka_unit_test(test_budget_unknown),
        cmocka_unit_test(test_product_unknown),
        cmocka_unit_test(test_verblijf_with_crisis_product),
        cmocka_unit_test(test_crisis_with_functiegroep_product),
        cmocka_unit_test(test_volume_zero_refused),
        cmocka_unit_test(test_route_names),
        cmocka_unit_test(test_plan_budget_amount_and_default_end),
        cmocka_unit_test(test_plan_budget_six_months),
        cmocka_unit_test(test_plan_budget_explicit_end_kept),
        cmocka_unit_test(test_plan_budget_end_after_max_duration),
        cmocka_unit_test(test_plan_end_before_start),
        cmocka_unit_test(test_plan_one_day_assignment),
        cmocka_unit_test(test_plan_quote_uses_total_and_months),
        cmocka_unit_test(test_plan_quote_needs_total_and_months),
        cmocka_unit_test(test_plan_crisis_max_28_days),
        cmocka_unit_test(test_plan_verblijf),
        cmocka_unit_test(test_plan_verblijf_more_etmalen_than_days),
        cmocka_unit_test(test_plan_verblijf_max_twelve_months),
        cmocka_unit_test(test_plan_2025_uses_derived_amount),
        cmocka_unit_test(test_plan_no_price_on_date),
        cmocka_unit_test(test_quote_line_amount),
        cmocka_unit_test(test_ledger_remaining),
        cmocka_unit_test(test_ledger_release_moves_remainder),
        cmocka_unit_test(test_ledger_release_nothing_when_spent),
        cmocka_unit_test(test_ledger_release_never_negative),
        cmocka_unit_test(test_ledger_change_not_below_used),
        cmocka_unit_test(test_ledger_compute_open_assignment),
        cmocka_unit_test(test_ledger_compute_ended_releases_rest),
        cmocka_unit_test(test_error_code_holds_documented_codes),
        cmocka_unit_test(test_care_dates_within_grant_and_not_future),
        cmocka_unit_test(test_ledger_nearly_spent_above_ninety_percent),
        cmocka_unit_test(test_assignment_change_not_below_used),
        cmocka_unit_test(test_assignment_change_end_not_before_start_or_care),
        cmocka_unit_test(test_frequency_volume_total),
        cmocka_unit_test(test_youth_birth_within_23_years),
        cmocka_unit_test(test_stop_history_and_next_stop),
    };
    return cmocka_run_group_tests(tests, unit_catalog_setup, NULL);
}

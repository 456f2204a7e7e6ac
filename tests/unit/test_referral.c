/*
 * test_referral.c: the referrer route rules (referral_check), the route
 * names and the iJw referrer types, on the shipped IJsselland catalog.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "domain/referral.h"
#include "unit_support.h"

#include <stdlib.h>
#include <string.h>

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

static void test_toegang_every_budget(void **state)
{
    (void)state;
    const char *kb[] = {"KB1", "KB2", "KB3", "KB4", "KB5", "KB6", "KB7"};
    for (size_t i = 0; i < sizeof kb / sizeof kb[0]; i++) {
        jr_referral_req r = unit_referral_budget("01", kb[i]);
        expect_ok(&r);
    }
}

static void test_toegang_quote_verblijf_crisis_dyslexie(void **state)
{
    (void)state;
    jr_referral_req r = unit_referral_route("01", JR_ROUTE_QUOTE, "", 0);
    expect_ok(&r);
    r = unit_referral_route("01", JR_ROUTE_VERBLIJF, "WMIDDEN", 30);
    expect_ok(&r);
    r = unit_referral_route("01", JR_ROUTE_VERBLIJF, "43V01", 30); /* iJw code works too */
    expect_ok(&r);
    r = unit_referral_route("01", JR_ROUTE_CRISIS, "CRISIS", 20);
    expect_ok(&r);
    r = unit_referral_route("01", JR_ROUTE_DYSLEXIE, "ED", 40);
    expect_ok(&r);
}

static void test_gp_kb1_and_kb2(void **state)
{
    (void)state;
    jr_referral_req r = unit_referral_budget("02", "KB1");
    expect_ok(&r);
    r = unit_referral_budget("02", "KB2");
    expect_ok(&r);
}

static void test_gp_kb3_refused(void **state)
{
    (void)state;
    jr_referral_req r = unit_referral_budget("02", "KB3");
    expect_refused(&r, "route_not_allowed", "budget");
    r = unit_referral_budget("02", "KB7");
    expect_refused(&r, "route_not_allowed", "budget");
}

static void test_gp_refusal_names_allowed_budgets(void **state)
{
    (void)state;
    jr_referral_req r = unit_referral_budget("02", "KB3");
    jr_error err;
    jr_error_clear(&err);
    assert_int_equal(referral_check(unit_catalog(), &r, &err), JR_EINVAL);
    assert_non_null(strstr(err.message, "KB1"));
    assert_non_null(strstr(err.message, "KB2"));
    assert_non_null(strstr(err.message, "offerte"));
}

static void test_gp_quote_ok(void **state)
{
    (void)state;
    jr_referral_req r = unit_referral_route("02", JR_ROUTE_QUOTE, "", 0);
    expect_ok(&r);
}

static void test_gp_verblijf_and_crisis_refused(void **state)
{
    (void)state;
    jr_referral_req r = unit_referral_route("02", JR_ROUTE_VERBLIJF, "WMIDDEN", 30);
    expect_refused(&r, "route_not_allowed", "route");
    r = unit_referral_route("02", JR_ROUTE_CRISIS, "CRISIS", 10);
    expect_refused(&r, "route_not_allowed", "route");
    r = unit_referral_route("02", JR_ROUTE_DYSLEXIE, "ED", 10);
    expect_refused(&r, "route_not_allowed", "route");
}

static void test_gi_every_budget_refused(void **state)
{
    (void)state;
    const char *kb[] = {"KB1", "KB2", "KB3", "KB4", "KB5", "KB6", "KB7"};
    for (size_t i = 0; i < sizeof kb / sizeof kb[0]; i++) {
        jr_referral_req r = unit_referral_budget("04", kb[i]);
        expect_refused(&r, "route_not_allowed", "budget");
    }
}

static void test_gi_quote_ok(void **state)
{
    (void)state;
    jr_referral_req r = unit_referral_route("04", JR_ROUTE_QUOTE, "", 0);
    expect_ok(&r);
    r = unit_referral_route("04", JR_ROUTE_VERBLIJF, "PLEEG", 30);
    expect_ok(&r);
    r = unit_referral_route("04", JR_ROUTE_CRISIS, "CRISIS", 10);
    expect_ok(&r);
    r = unit_referral_route("04", JR_ROUTE_DYSLEXIE, "ED", 10);
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
    jr_referral_req r = unit_referral_route("02", JR_ROUTE_QUOTE, "", 0);
    jr_error err;
    jr_error_clear(&err);
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
    jr_referral_req r = unit_referral_budget("03", "KB2");
    expect_ok(&r);
    r = unit_referral_budget("03", "KB3");
    expect_refused(&r, "route_not_allowed", "budget");
    r = unit_referral_budget("05", "KB4");
    expect_refused(&r, "route_not_allowed", "budget");
    r = unit_referral_route("05", JR_ROUTE_QUOTE, "", 0);
    expect_ok(&r);
}

static void test_referrer_type_invalid(void **state)
{
    (void)state;
    jr_referral_req r = unit_referral_budget("07", "KB1");
    expect_refused(&r, "referrer_type_invalid", "verwijzer");
    r = unit_referral_budget("", "KB1");
    expect_refused(&r, "referrer_type_invalid", "verwijzer");
    r = unit_referral_budget("2", "KB1");
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
    jr_referral_req r = unit_referral_budget("01", "KB3");
    r.result[0] = '\0';
    expect_refused(&r, "result_missing", "resultaat");
}

static void test_budget_unknown(void **state)
{
    (void)state;
    jr_referral_req r = unit_referral_budget("01", "KB8");
    expect_refused(&r, "budget_unknown", "budget");
    r = unit_referral_budget("01", "");
    expect_refused(&r, "budget_unknown", "budget");
}

static void test_product_unknown(void **state)
{
    (void)state;
    jr_referral_req r = unit_referral_route("01", JR_ROUTE_VERBLIJF, "WSUPER", 10);
    expect_refused(&r, "product_unknown", "product");
}

static void test_verblijf_with_crisis_product(void **state)
{
    (void)state;
    jr_referral_req r = unit_referral_route("01", JR_ROUTE_VERBLIJF, "46C01", 10);
    expect_refused(&r, "product_route_mismatch", "product");
}

static void test_crisis_with_functiegroep_product(void **state)
{
    (void)state;
    jr_referral_req r = unit_referral_route("01", JR_ROUTE_CRISIS, "FG2", 10);
    expect_refused(&r, "product_route_mismatch", "product");
    r = unit_referral_route("01", JR_ROUTE_DYSLEXIE, "PLEEG", 10);
    expect_refused(&r, "product_route_mismatch", "product");
}

static void test_volume_zero_refused(void **state)
{
    (void)state;
    jr_referral_req r = unit_referral_route("01", JR_ROUTE_VERBLIJF, "WMIDDEN", 0);
    expect_refused(&r, "volume_invalid", "volume");
    r = unit_referral_route("01", JR_ROUTE_CRISIS, "CRISIS", -1);
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
    jr_referral_req r = unit_referral_budget("02", "KB3");
    jr_error err;
    jr_error_clear(&err);
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
        cmocka_unit_test(test_error_code_holds_documented_codes),
    };
    return cmocka_run_group_tests(tests, unit_catalog_setup, NULL);
}

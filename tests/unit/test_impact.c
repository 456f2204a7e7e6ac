/*
 * test_impact.c: the pricing rules of the impact analysis
 * (domain/impact.h), worked out by hand: a line in hours, minutes
 * (rounded half up to the cent, also for a credit) and etmalen at a
 * scenario tariff; a product without a tariff keeps its amount; the cap
 * of a budget assignment at the scenario's keuzebudget, at its own budget
 * when the scenario names none or it came from a quote, and none under
 * uncapped; the per mille rounded half away from zero and none without a
 * realised amount; the refusals of a scenario (unknown product or budget,
 * negative, too large, twice).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "domain/impact.h"
#include "unit_support.h"

#include <string.h>

static jr_imp_scenario scenario(jr_imp_method m)
{
    jr_imp_scenario sc;
    memset(&sc, 0, sizeof sc);
    strcpy(sc.name, "A");
    sc.method = m;
    jr_error err;
    jr_error_clear(&err);
    const jr_catalog *cat = unit_catalog();
    assert_int_equal(impact_set_tariff(&sc, cat, "45F01", 7512, "t", &err), JR_OK);
    assert_int_equal(impact_set_tariff(&sc, cat, "45F02", 8001, "t", &err), JR_OK);
    assert_int_equal(impact_set_budget(&sc, cat, "KB1", 100000, "b", &err), JR_OK);
    return sc;
}

static void test_line_hours_minutes_etmalen(void **state)
{
    (void)state;
    jr_imp_scenario sc = scenario(JR_IMP_CAPPED);
    jr_cents cur, s;
    /* 3 hours of FG1 at 75.12: 225.36 (the realised 3 x 58.16 = 174.48) */
    jr_imp_line h = {"45F01", "04", 3, false, 17448};
    assert_true(impact_line_amount(&sc, &h, &cur, &s));
    assert_i64_equal(cur, 17448);
    assert_i64_equal(s, 22536);
    /* minutes at an hourly tariff: 50 minutes of FG1 is 50 x 75.12 / 60 = 62.60 exactly;
       7 minutes 8.764 -> 8.76; 45 minutes of FG2 at 80.01 is 60.0075 -> 60.01 */
    jr_imp_line m = {"45F01", "01", 50, false, 0};
    impact_line_amount(&sc, &m, &cur, &s);
    assert_i64_equal(s, 6260);
    m.volume = 7;
    impact_line_amount(&sc, &m, &cur, &s);
    assert_i64_equal(s, 876);
    jr_imp_line m2 = {"45F02", "01", 45, false, 0};
    impact_line_amount(&sc, &m2, &cur, &s);
    assert_i64_equal(s, 6001);
    /* half a cent exactly rounds up: 1 minute at 0.30 per hour is 0.5 cent -> 1 */
    jr_imp_scenario half = sc;
    half.tariffs[0].cents = 30;
    jr_imp_line one = {"45F01", "01", 1, false, 0};
    impact_line_amount(&half, &one, &cur, &s);
    assert_i64_equal(s, 1);
    /* a credit counts negative and rounds away from zero the same */
    one.credit = true;
    one.amount = 2;
    impact_line_amount(&half, &one, &cur, &s);
    assert_i64_equal(cur, -2);
    assert_i64_equal(s, -1);
}

static void test_unpriced_keeps_amount(void **state)
{
    (void)state;
    jr_imp_scenario sc = scenario(JR_IMP_CAPPED);
    jr_cents cur, s;
    /* 10 etmalen of 44W02: the scenario names no tariff, the realised amount stays */
    jr_imp_line e = {"44W02", "14", 10, false, 170310};
    assert_false(impact_line_amount(&sc, &e, &cur, &s));
    assert_i64_equal(cur, 170310);
    assert_i64_equal(s, 170310);
    e.credit = true;
    assert_false(impact_line_amount(&sc, &e, &cur, &s));
    assert_i64_equal(s, -170310);
    /* with a tariff: 10 x 200.00 */
    jr_error err;
    jr_error_clear(&err);
    assert_int_equal(impact_set_tariff(&sc, unit_catalog(), "44W02", 20000, "t", &err), JR_OK);
    e.credit = false;
    assert_true(impact_line_amount(&sc, &e, &cur, &s));
    assert_i64_equal(s, 200000);
}

static void test_cap(void **state)
{
    (void)state;
    jr_imp_scenario sc = scenario(JR_IMP_CAPPED);
    /* KB1 at 1,000.00 in the scenario: 1,200.00 of hours is capped, 999.99 is not,
       exactly 1,000.00 stays */
    assert_i64_equal(impact_cap(&sc, "KB1", 110000, 120000), 100000);
    assert_i64_equal(impact_cap(&sc, "KB1", 110000, 99999), 99999);
    assert_i64_equal(impact_cap(&sc, "KB1", 110000, 100000), 100000);
    /* a keuzebudget the scenario does not name: its own budget */
    assert_i64_equal(impact_cap(&sc, "KB2", 250000, 260000), 250000);
    /* a quote's assignment: its own budget; none known: no cap */
    assert_i64_equal(impact_cap(&sc, "", 300000, 300001), 300000);
    assert_i64_equal(impact_cap(&sc, NULL, -1, 300001), 300001);
    /* uncapped: the hours at the new tariffs, whatever the budget */
    jr_imp_scenario un = scenario(JR_IMP_UNCAPPED);
    assert_i64_equal(impact_cap(&un, "KB1", 110000, 120000), 120000);
}

static void test_permille(void **state)
{
    (void)state;
    int64_t pm;
    /* +37.41 on 2,923.56: 12.796 -> 13; -5 on 1000: -5; 0.5 exactly rounds away from zero */
    assert_true(impact_permille(3741, 292356, &pm));
    assert_i64_equal(pm, 13);
    assert_true(impact_permille(-5, 1000, &pm));
    assert_i64_equal(pm, -5);
    assert_true(impact_permille(1, 2000, &pm));
    assert_i64_equal(pm, 1);
    assert_true(impact_permille(-1, 2000, &pm));
    assert_i64_equal(pm, -1);
    assert_true(impact_permille(1, 2001, &pm));
    assert_i64_equal(pm, 0);
    /* from nothing, or from a negative realised amount, no per mille */
    assert_false(impact_permille(100, 0, &pm));
    assert_false(impact_permille(100, -100, &pm));
}

static void test_scenario_refusals(void **state)
{
    (void)state;
    const jr_catalog *cat = unit_catalog();
    jr_imp_scenario sc;
    memset(&sc, 0, sizeof sc);
    strcpy(sc.name, "B");
    jr_error err;
    jr_error_clear(&err);
    assert_int_equal(impact_set_tariff(&sc, cat, "99X99", 100, "tariffs.99X99", &err), JR_EINVAL);
    assert_err_code(&err, "tariff_unknown_product");
    assert_string_equal(err.field, "tariffs.99X99");
    assert_non_null(strstr(err.message, "99X99"));
    assert_int_equal(impact_set_tariff(&sc, cat, "45F01", -1, "t", &err), JR_EINVAL);
    assert_err_code(&err, "tariff_negative");
    assert_int_equal(impact_set_tariff(&sc, cat, "45F01", JR_IMP_CENTS_MAX + 1, "t", &err),
                     JR_EINVAL);
    assert_err_code(&err, "tariff_too_large");
    /* zero and the largest are accepted */
    assert_int_equal(impact_set_tariff(&sc, cat, "45F01", 0, "t", &err), JR_OK);
    assert_int_equal(impact_set_tariff(&sc, cat, "45F02", JR_IMP_CENTS_MAX, "t", &err), JR_OK);
    assert_int_equal(impact_set_tariff(&sc, cat, "45F01", 5, "t", &err), JR_EINVAL);
    assert_err_code(&err, "tariff_duplicate");
    assert_int_equal(sc.ntariffs, 2);
    assert_int_equal(impact_set_budget(&sc, cat, "KB9", 100, "b", &err), JR_EINVAL);
    assert_err_code(&err, "budget_unknown");
    assert_int_equal(impact_set_budget(&sc, cat, "KB1", -100, "b", &err), JR_EINVAL);
    assert_err_code(&err, "budget_negative");
    assert_int_equal(impact_set_budget(&sc, cat, "45F01", 100, "b", &err), JR_EINVAL);
    assert_err_code(&err, "budget_unknown");
    assert_int_equal(sc.nbudgets, 0);
    jr_imp_method m;
    assert_true(impact_method_parse("uncapped", &m) && m == JR_IMP_UNCAPPED);
    assert_true(impact_method_parse("capped", &m) && m == JR_IMP_CAPPED);
    assert_false(impact_method_parse("Capped", &m));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_line_hours_minutes_etmalen),
        cmocka_unit_test(test_unpriced_keeps_amount),
        cmocka_unit_test(test_cap),
        cmocka_unit_test(test_permille),
        cmocka_unit_test(test_scenario_refusals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_assignment.c: what an assignment grants (assignment_plan, on the
 * shipped IJsselland catalog), the checks on a change of it
 * (assignment_change_check) and the iJw volume per frequency.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "core/sbuf.h"
#include "domain/assignment.h"
#include "unit_support.h"

#include <string.h>

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
    jr_referral_req r = unit_referral_budget("01", "KB3");
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
    jr_referral_req r = unit_referral_budget("02", "KB1");
    jr_grant g;
    plan_ok(&r, "2024-01-31", NULL, 0, 0, &g);
    assert_i64_equal(g.budget, 100000);
    assert_i64_equal(g.end, D("2024-07-30"));
}

static void test_plan_budget_explicit_end_kept(void **state)
{
    (void)state;
    jr_referral_req r = unit_referral_budget("01", "KB3");
    jr_grant g;
    plan_ok(&r, "2024-03-01", "2024-09-30", 0, 0, &g);
    assert_i64_equal(g.end, D("2024-09-30"));
    plan_ok(&r, "2024-03-01", "2025-02-28", 0, 0, &g); /* exactly the maximum */
    assert_i64_equal(g.end, D("2025-02-28"));
}

static void test_plan_budget_end_after_max_duration(void **state)
{
    (void)state;
    jr_referral_req r = unit_referral_budget("01", "KB3");
    plan_refused(&r, "2024-03-01", "2025-03-01", 0, 0, "duration_exceeds_max");
    r = unit_referral_budget("01", "KB2");
    plan_refused(&r, "2024-03-01", "2024-09-01", 0, 0, "duration_exceeds_max");
}

static void test_plan_end_before_start(void **state)
{
    (void)state;
    jr_referral_req r = unit_referral_budget("01", "KB3");
    plan_refused(&r, "2024-03-01", "2024-02-29", 0, 0, "end_before_start");
    r = unit_referral_route("01", JR_ROUTE_VERBLIJF, "WMIDDEN", 10);
    plan_refused(&r, "2024-03-01", "2024-02-29", 0, 0, "end_before_start");
}

static void test_plan_one_day_assignment(void **state)
{
    (void)state;
    jr_referral_req r = unit_referral_budget("01", "KB3");
    jr_grant g;
    plan_ok(&r, "2024-03-01", "2024-03-01", 0, 0, &g);
    assert_i64_equal(g.end, g.start);
}

static void test_plan_quote_uses_total_and_months(void **state)
{
    (void)state;
    jr_referral_req r = unit_referral_route("04", JR_ROUTE_QUOTE, "", 0);
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
    jr_referral_req r = unit_referral_route("04", JR_ROUTE_QUOTE, "", 0);
    plan_refused(&r, "2024-03-01", NULL, 0, 12, "quote_invalid");
    plan_refused(&r, "2024-03-01", NULL, 100000, 0, "quote_invalid");
}

static void test_plan_crisis_max_28_days(void **state)
{
    (void)state;
    jr_referral_req r = unit_referral_route("01", JR_ROUTE_CRISIS, "CRISIS", 20);
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
    jr_referral_req r = unit_referral_route("01", JR_ROUTE_VERBLIJF, "WMIDDEN", 31);
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
    jr_referral_req r = unit_referral_route("01", JR_ROUTE_VERBLIJF, "WMIDDEN", 32);
    plan_refused(&r, "2024-03-01", "2024-03-31", 0, 0, "volume_exceeds_period");
}

static void test_plan_verblijf_max_twelve_months(void **state)
{
    (void)state;
    jr_referral_req r = unit_referral_route("01", JR_ROUTE_VERBLIJF, "PLEEG", 100);
    jr_grant g;
    plan_ok(&r, "2024-03-01", NULL, 0, 0, &g);
    assert_i64_equal(g.end, D("2025-02-28"));
    plan_refused(&r, "2024-03-01", "2025-03-01", 0, 0, "duration_exceeds_max");
}

static void test_plan_2025_uses_derived_amount(void **state)
{
    (void)state;
    jr_referral_req r = unit_referral_budget("01", "KB3");
    jr_grant g;
    plan_ok(&r, "2025-01-01", NULL, 0, 0, &g);
    assert_i64_equal(g.budget, 519250); /* 5000.00 x 1.0385 */
    assert_i64_equal(g.end, D("2025-12-31"));
    r = unit_referral_route("01", JR_ROUTE_VERBLIJF, "PLEEG", 10);
    plan_ok(&r, "2025-06-01", NULL, 0, 0, &g); /* a derived tariff exists in 2025 */
}

static void test_plan_no_price_on_date(void **state)
{
    (void)state;
    jr_referral_req r = unit_referral_budget("01", "KB3");
    plan_refused(&r, "2023-06-01", NULL, 0, 0, "no_price_on_date");
    plan_refused(&r, "2027-01-01", NULL, 0, 0, "no_price_on_date");
    r = unit_referral_route("01", JR_ROUTE_CRISIS, "CRISIS", 10);
    plan_refused(&r, "2027-01-01", NULL, 0, 0, "no_price_on_date");
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
    jr_error_clear(&err);
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
    jr_error_clear(&err);
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

int main(void)
{
    const struct CMUnitTest tests[] = {
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
        cmocka_unit_test(test_assignment_change_not_below_used),
        cmocka_unit_test(test_assignment_change_end_not_before_start_or_care),
        cmocka_unit_test(test_frequency_volume_total),
    };
    return cmocka_run_group_tests(tests, unit_catalog_setup, NULL);
}

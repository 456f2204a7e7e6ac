/*
 * test_signals.c: the material control signals' rules (domain/signals.h)
 * exactly at each boundary: the default limits, a budget used at 95 % (used
 * up) and a cent below (not), 75 % of the ended assignments (fires) and just
 * below, the minimum number of assignments; 40 hours per week exactly (no
 * signal) and one minute more; a line on the first day of care, the day
 * before it, the day of the stop and the day after; credits at exactly 10 %
 * of the debits (no signal) and a cent or a line more; a month at exactly
 * 1.5 x the mean (no signal), a cent more, and the minimum amount.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "domain/signals.h"
#include "unit_support.h"

#include <string.h>

static jr_signal_limits defaults(void)
{
    jr_signal_limits l;
    signal_limits_default(&l);
    return l;
}

static void test_defaults_and_names(void **state)
{
    (void)state;
    jr_signal_limits l = defaults();
    assert_int_equal(l.budget_used_pct, 95);
    assert_int_equal(l.budget_share_pct, 75);
    assert_int_equal(l.budget_min_assignments, 4);
    assert_int_equal(l.hours_per_week, 40);
    assert_int_equal(l.credit_share_pct, 10);
    assert_int_equal(l.jump_factor_pct, 150);
    assert_i64_equal(l.jump_min_cents, 1000000);
    assert_string_equal(signal_kind_code(JR_SIG_BUDGET_FULL), "budget_vol");
    assert_string_equal(signal_kind_code(JR_SIG_JUMP), "sprong");
    assert_string_equal(signal_kind_code(JR_SIG_KINDS), "");
    assert_string_equal(signal_kind_name(JR_SIG_CREDITS), "Veel creditregels");
}

static void test_budget_used_up(void **state)
{
    (void)state;
    jr_signal_limits l = defaults();
    /* KB3 EUR 5.000: 95 % is EUR 4.750,00 */
    assert_true(signal_budget_used_up(&l, 500000, 475000));
    assert_false(signal_budget_used_up(&l, 500000, 474999));
    assert_true(signal_budget_used_up(&l, 500000, 500000));
    /* an odd grant: 95 % of 101 cents is 95.95: 96 is used up, 95 not */
    assert_true(signal_budget_used_up(&l, 101, 96));
    assert_false(signal_budget_used_up(&l, 101, 95));
    /* no grant is never used up */
    assert_false(signal_budget_used_up(&l, 0, 0));
    assert_false(signal_budget_used_up(&l, 0, 10));
}

static void test_budget_fires(void **state)
{
    (void)state;
    jr_signal_limits l = defaults();
    assert_true(signal_budget_fires(&l, 4, 3));  /* 75 % of 4 */
    assert_false(signal_budget_fires(&l, 4, 2)); /* 50 % */
    assert_true(signal_budget_fires(&l, 8, 6));  /* 75 % */
    assert_false(signal_budget_fires(&l, 9, 6)); /* 66.7 % */
    assert_true(signal_budget_fires(&l, 9, 7));  /* 77.8 % */
    /* too few ended: 3 of 3 is 100 % but below the minimum of 4 */
    assert_false(signal_budget_fires(&l, 3, 3));
    assert_false(signal_budget_fires(&l, 0, 0));
    l.budget_min_assignments = 1;
    assert_true(signal_budget_fires(&l, 1, 1));
    assert_false(signal_budget_fires(&l, 0, 0));
}

static void test_hours(void **state)
{
    (void)state;
    jr_signal_limits l = defaults();
    assert_i64_equal(signal_line_minutes(10, "04"), 600);
    assert_i64_equal(signal_line_minutes(90, "01"), 90);
    assert_i64_equal(signal_line_minutes(30, "14"), -1);
    /* only a functiegroep's hours count: a crisis line of 80 hours does not */
    assert_i64_equal(signal_hours_minutes(10, "04", true), 600);
    assert_i64_equal(signal_hours_minutes(80, "04", false), -1);
    assert_i64_equal(signal_line_days(D("2025-04-01"), D("2025-04-30")), 30);
    assert_i64_equal(signal_line_days(D("2025-04-01"), D("2025-04-01")), 1);
    assert_i64_equal(signal_line_days(D("2025-04-02"), D("2025-04-01")), 1);
    /* one week (7 days) of 40 hours: exactly the limit, no signal */
    assert_false(signal_hours_fires(&l, 40 * 60, 7));
    assert_true(signal_hours_fires(&l, 40 * 60 + 1, 7));
    assert_i64_equal(signal_hours_week_x10(40 * 60, 7), 400);
    /* April, 30 days: the limit is 40 x 30 / 7 = 171.43 hours: 171 h no, 172 h yes */
    assert_false(signal_hours_fires(&l, 171 * 60, 30));
    assert_true(signal_hours_fires(&l, 172 * 60, 30));
    assert_i64_equal(signal_hours_week_x10(172 * 60, 30), 401); /* 40.13 */
    assert_i64_equal(signal_hours_week_x10(171 * 60, 30), 399); /* 39.9 */
    /* not hours: never */
    assert_false(signal_hours_fires(&l, -1, 1));
    l.hours_per_week = 10;
    assert_true(signal_hours_fires(&l, 11 * 60, 7));
}

static void test_care_position(void **state)
{
    (void)state;
    jr_date start = D("2025-03-01"), stop = D("2025-05-15");
    assert_int_equal(signal_care_position(start, stop, D("2025-03-01"), D("2025-03-31")),
                     JR_CARE_INSIDE);
    assert_int_equal(signal_care_position(start, stop, D("2025-02-28"), D("2025-03-31")),
                     JR_CARE_BEFORE_START);
    assert_int_equal(signal_care_position(start, stop, D("2025-05-01"), D("2025-05-15")),
                     JR_CARE_INSIDE);
    assert_int_equal(signal_care_position(start, stop, D("2025-05-01"), D("2025-05-16")),
                     JR_CARE_AFTER_STOP);
    /* no stop: care runs on */
    assert_int_equal(signal_care_position(start, JR_DATE_NONE, D("2025-12-01"), D("2025-12-31")),
                     JR_CARE_INSIDE);
    /* no start of care: every line is before it */
    assert_int_equal(
        signal_care_position(JR_DATE_NONE, JR_DATE_NONE, D("2025-12-01"), D("2025-12-31")),
        JR_CARE_BEFORE_START);
    /* both: before start wins */
    assert_int_equal(signal_care_position(start, stop, D("2025-02-01"), D("2025-06-30")),
                     JR_CARE_BEFORE_START);
    assert_string_equal(signal_care_position_text(JR_CARE_AFTER_STOP), "na stop zorg");
    assert_string_equal(signal_care_position_text(JR_CARE_BEFORE_START), "voor start zorg");
    assert_string_equal(signal_care_position_text(JR_CARE_INSIDE), "");
}

static void test_credits(void **state)
{
    (void)state;
    jr_signal_limits l = defaults();
    /* EUR 1.000 debits in 20 lines: 10 % is EUR 100 or 2 lines */
    assert_false(signal_credits_fires(&l, 100000, 10000, 20, 2));
    assert_true(signal_credits_fires(&l, 100000, 10001, 20, 2)); /* a cent more */
    assert_true(signal_credits_fires(&l, 100000, 100, 20, 3));   /* a line more */
    assert_false(signal_credits_fires(&l, 100000, 0, 20, 0));
    /* credits without debits in the period */
    assert_true(signal_credits_fires(&l, 0, 500, 0, 1));
    assert_i64_equal(signal_credits_share_x10(100000, 10000, 20, 2), 100);
    assert_i64_equal(signal_credits_share_x10(100000, 10001, 20, 3), 150); /* lines 15 % */
    assert_i64_equal(signal_credits_share_x10(0, 500, 0, 1), -1);
}

static void test_jump(void **state)
{
    (void)state;
    jr_signal_limits l = defaults();
    /* the three months before: 10.000, 20.000, 30.000 (mean 20.000): the
     * limit is 30.000 */
    jr_cents prev = 1000000 + 2000000 + 3000000;
    assert_i64_equal(signal_jump_limit(&l, prev), 3000000);
    assert_false(signal_jump_fires(&l, 3000000, prev));
    assert_true(signal_jump_fires(&l, 3000001, prev));
    /* a new provider (nothing before): any month at the minimum */
    assert_true(signal_jump_fires(&l, 1000000, 0));
    assert_false(signal_jump_fires(&l, 999999, 0));
    /* the minimum holds also when the jump is large */
    assert_false(signal_jump_fires(&l, 999999, 3));
    /* a mean of 1/3 cent rounds: 150 % of 1 cent / 3 = 0.5 -> 1 */
    assert_i64_equal(signal_jump_limit(&l, 1), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults_and_names),
        cmocka_unit_test(test_budget_used_up),
        cmocka_unit_test(test_budget_fires),
        cmocka_unit_test(test_hours),
        cmocka_unit_test(test_care_position),
        cmocka_unit_test(test_credits),
        cmocka_unit_test(test_jump),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

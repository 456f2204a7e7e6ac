/*
 * test_forecast.c: the forecast to year end (domain/forecast.h) with
 * numbers worked out by hand in the comments: the flat run-rate, the
 * seasonal shape of a full last year, a last year missing a month, no data,
 * one month, December, a gap among the run-rate months; the warning levels
 * at 95 % and 100 %; the remaining part of a budget and of a volume; the
 * commitment apportioned to the rest of the year.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "domain/forecast.h"
#include "unit_support.h"

#include <string.h>

/* January..May of this year: 1.000,00 1.200,00 1.100,00 1.300,00 1.400,00 */
static jr_fc_series this_year(void)
{
    jr_fc_series s;
    memset(&s, 0, sizeof s);
    const jr_cents c[5] = {100000, 120000, 110000, 130000, 140000};
    for (int m = 0; m < 5; m++) {
        s.cents[m] = c[m];
        s.lines[m] = 3;
    }
    return s;
}

/* last year, every month with lines */
static jr_fc_series last_year(void)
{
    jr_fc_series s;
    const jr_cents c[12] = {90000, 100000, 100000, 110000, 120000, 80000,
                            60000, 70000,  120000, 130000, 140000, 150000};
    for (int m = 0; m < 12; m++) {
        s.cents[m] = c[m];
        s.lines[m] = 2;
    }
    return s;
}

/* L = 5, no last year: run-rate months 3, 4, 5, S = 1.100 + 1.300 + 1.400
 * = 3.800,00, R = 380000 / 3 = 126666.67 -> 126667 cents; the 7 months
 * June..December 7 x 126667 = 886669; realised 6.000,00 (600000);
 * commitments 500,00: forecast 600000 + 886669 + 50000 = 1536669. */
static void test_run_rate_flat(void **state)
{
    (void)state;
    jr_fc_series now = this_year();
    jr_forecast f;
    forecast_compute(&now, NULL, 5, 50000, &f);
    assert_int_equal(f.method, JR_FC_RUN_RATE);
    assert_string_equal(forecast_method_name(f.method), "run-rate");
    assert_int_equal(f.last_month, 5);
    assert_int_equal(f.nbase, 3);
    assert_int_equal(f.base_months[0], 3);
    assert_int_equal(f.base_months[2], 5);
    assert_i64_equal(f.base_sum, 380000);
    assert_i64_equal(f.run_rate, 126667);
    assert_i64_equal(f.realised, 600000);
    assert_i64_equal(f.monthly[4], 140000);
    assert_i64_equal(f.monthly[5], 126667);
    assert_i64_equal(f.monthly[11], 126667);
    assert_i64_equal(f.projected, 886669);
    assert_i64_equal(f.commitments, 50000);
    assert_i64_equal(f.forecast, 1536669);
    assert_int_equal(forecast_base_mask(&f), (1u << 2) | (1u << 3) | (1u << 4));
    char text[512];
    forecast_method_text(&f, text, sizeof text);
    assert_non_null(strstr(text, "maand 3, 4, 5"));
    assert_non_null(strstr(text, "1.266,67"));
}

/* The same with a full last year: P = last year's March..May = 1.000 +
 * 1.100 + 1.200 = 3.300,00; month m is 380000 x P_m / 330000:
 *   June 80000 -> 92121.21 -> 92121     July 60000 -> 69090.91 -> 69091
 *   Aug 70000 -> 80606.06 -> 80606      Sep 120000 -> 138181.82 -> 138182
 *   Oct 130000 -> 149696.97 -> 149697   Nov 140000 -> 161212.12 -> 161212
 *   Dec 150000 -> 172727.27 -> 172727
 * projected 863636; forecast 600000 + 863636 = 1463636. */
static void test_seasonal(void **state)
{
    (void)state;
    jr_fc_series now = this_year(), prev = last_year();
    jr_forecast f;
    forecast_compute(&now, &prev, 5, 0, &f);
    assert_int_equal(f.method, JR_FC_SEASONAL);
    assert_string_equal(forecast_method_name(f.method), "seizoen");
    assert_i64_equal(f.prev_base_sum, 330000);
    assert_i64_equal(f.monthly[5], 92121);
    assert_i64_equal(f.monthly[6], 69091);
    assert_i64_equal(f.monthly[7], 80606);
    assert_i64_equal(f.monthly[8], 138182);
    assert_i64_equal(f.monthly[9], 149697);
    assert_i64_equal(f.monthly[10], 161212);
    assert_i64_equal(f.monthly[11], 172727);
    assert_i64_equal(f.projected, 863636);
    assert_i64_equal(f.forecast, 1463636);

    /* last year without lines in July: not a full year, the flat run-rate */
    prev.lines[6] = 0;
    forecast_compute(&now, &prev, 5, 0, &f);
    assert_int_equal(f.method, JR_FC_RUN_RATE);
    assert_i64_equal(f.projected, 886669);
    assert_i64_equal(f.prev_base_sum, 0);

    /* a full last year whose run-rate months sum to 0: flat as well */
    prev = last_year();
    prev.cents[2] = prev.cents[3] = prev.cents[4] = 0;
    forecast_compute(&now, &prev, 5, 0, &f);
    assert_int_equal(f.method, JR_FC_RUN_RATE);
}

/* no data at all: L = 0, method geen, every month 0, the forecast is the
 * commitments alone (250,00) */
static void test_no_data(void **state)
{
    (void)state;
    jr_fc_series now, prev = last_year();
    memset(&now, 0, sizeof now);
    jr_forecast f;
    forecast_compute(&now, &prev, 0, 25000, &f);
    assert_int_equal(f.method, JR_FC_NONE);
    assert_string_equal(forecast_method_name(f.method), "geen");
    assert_int_equal(f.nbase, 0);
    assert_i64_equal(f.run_rate, 0);
    assert_i64_equal(f.realised, 0);
    assert_i64_equal(f.projected, 0);
    assert_i64_equal(f.forecast, 25000);
    assert_int_equal(forecast_base_mask(&f), 0);
    /* the municipality has months (L = 4) but this series none in them */
    forecast_compute(&now, NULL, 4, 0, &f);
    assert_int_equal(f.method, JR_FC_NONE);
    assert_i64_equal(f.forecast, 0);
}

/* one month: January 900,00: R = 90000, 11 x 90000 = 990000, forecast
 * 1080000 */
static void test_one_month(void **state)
{
    (void)state;
    jr_fc_series now;
    memset(&now, 0, sizeof now);
    now.cents[0] = 90000;
    now.lines[0] = 1;
    jr_forecast f;
    forecast_compute(&now, NULL, 1, 0, &f);
    assert_int_equal(f.method, JR_FC_RUN_RATE);
    assert_int_equal(f.nbase, 1);
    assert_int_equal(f.base_months[0], 1);
    assert_i64_equal(f.run_rate, 90000);
    assert_i64_equal(f.projected, 990000);
    assert_i64_equal(f.forecast, 1080000);
}

/* December realised: method gerealiseerd, nothing projected; the forecast
 * is the year's sum (every month 100,00: 1.200,00) */
static void test_december(void **state)
{
    (void)state;
    jr_fc_series now, prev = last_year();
    for (int m = 0; m < 12; m++) {
        now.cents[m] = 10000;
        now.lines[m] = 1;
    }
    jr_forecast f;
    forecast_compute(&now, &prev, 12, 0, &f);
    assert_int_equal(f.method, JR_FC_COMPLETE);
    assert_string_equal(forecast_method_name(f.method), "gerealiseerd");
    assert_i64_equal(f.realised, 120000);
    assert_i64_equal(f.projected, 0);
    assert_i64_equal(f.forecast, 120000);
    /* a month beyond 12 is clamped to December */
    forecast_compute(&now, &prev, 13, 0, &f);
    assert_int_equal(f.last_month, 12);
}

/* a gap: lines in January (100,00), February (200,00) and April (400,00),
 * none in March and May, L = 5: the run-rate months are 1, 2, 4 (March and
 * May skipped), S = 70000, R = 23333.33 -> 23333, June..December 7 x 23333
 * = 163331; realised 70000; forecast 233331 */
static void test_gap(void **state)
{
    (void)state;
    jr_fc_series now;
    memset(&now, 0, sizeof now);
    now.cents[0] = 10000, now.lines[0] = 1;
    now.cents[1] = 20000, now.lines[1] = 1;
    now.cents[3] = 40000, now.lines[3] = 1;
    jr_forecast f;
    forecast_compute(&now, NULL, 5, 0, &f);
    assert_int_equal(f.nbase, 3);
    assert_int_equal(f.base_months[0], 1);
    assert_int_equal(f.base_months[1], 2);
    assert_int_equal(f.base_months[2], 4);
    assert_i64_equal(f.run_rate, 23333);
    assert_i64_equal(f.projected, 163331);
    assert_i64_equal(f.realised, 70000);
    assert_i64_equal(f.forecast, 233331);
}

/* the levels against a budget of 10.000,00: < 95 % op koers, 95 % up to
 * 100 % let op, above overschrijding */
static void test_levels(void **state)
{
    (void)state;
    assert_int_equal(forecast_level(949999, 1000000, true), JR_FC_ON_TRACK);
    assert_int_equal(forecast_level(950000, 1000000, true), JR_FC_ATTENTION);
    assert_int_equal(forecast_level(1000000, 1000000, true), JR_FC_ATTENTION);
    assert_int_equal(forecast_level(1000001, 1000000, true), JR_FC_OVER);
    assert_int_equal(forecast_level(5, 1000000, false), JR_FC_NO_BUDGET);
    assert_int_equal(forecast_level(0, 0, true), JR_FC_ON_TRACK);
    assert_int_equal(forecast_level(1, 0, true), JR_FC_OVER);
    assert_string_equal(forecast_level_name(JR_FC_ATTENTION), "let op");
    assert_string_equal(forecast_level_name(JR_FC_OVER), "overschrijding");
    assert_string_equal(forecast_level_code(JR_FC_ON_TRACK), "on_track");
    int64_t s = 0;
    /* 1536669 / 1500000 = 102.4446 % -> 1024 tenths */
    assert_true(forecast_share_x10(1536669, 1500000, &s));
    assert_i64_equal(s, 1024);
    assert_false(forecast_share_x10(5, 0, &s));
}

/* remaining: a budget of 5.000,00 with 1.234,56 used leaves 3.765,44;
 * overspent leaves 0; 40 hours of dyslexie (unit 04) with 10 hours (600
 * minutes) used at 68,40 leave 30 x 6840 = 205200; 90 etmalen (14) with 31
 * used at 250,00 leave 59 x 25000 = 1475000 */
static void test_remaining(void **state)
{
    (void)state;
    assert_i64_equal(forecast_remaining(true, 500000, 123456, 0, "", 0, 0), 376544);
    assert_i64_equal(forecast_remaining(true, 500000, 600000, 0, "", 0, 0), 0);
    assert_i64_equal(forecast_remaining(false, 0, 0, 40, "04", 600, 6840), 205200);
    assert_i64_equal(forecast_remaining(false, 0, 0, 90, "14", 31, 25000), 1475000);
    assert_i64_equal(forecast_remaining(false, 0, 0, 90, "14", 95, 25000), 0);
}

/* a commitment: 3.660,00 remaining on an assignment running 2025-03-01 to
 * 2026-02-28, the rest of 2025 from 1 November: the days 1 Nov 2025 .. 28
 * Feb 2026 are 30 + 31 + 31 + 28 = 120, of them 61 in 2025: 366000 x 61 /
 * 120 = 186050 */
static void test_commitment(void **state)
{
    (void)state;
    jr_date yl = D("2025-12-31"), rest = D("2025-11-01");
    assert_i64_equal(forecast_commitment(366000, D("2025-03-01"), D("2026-02-28"), rest, yl),
                     186050);
    /* starting after the rest begins, ending in the year: all of it */
    assert_i64_equal(forecast_commitment(5000, D("2025-12-01"), D("2025-12-31"), rest, yl), 5000);
    /* ended before the rest of the year, or starting after it: nothing */
    assert_i64_equal(forecast_commitment(5000, D("2025-01-01"), D("2025-10-31"), rest, yl), 0);
    assert_i64_equal(forecast_commitment(5000, D("2026-01-01"), D("2026-06-30"), rest, yl), 0);
    assert_i64_equal(forecast_commitment(0, D("2025-01-01"), D("2025-12-31"), rest, yl), 0);
}

/* task budgets in budget control: the terms due by L realised, the rest
 * committed, the whole budget in the two whatever L is */
static void test_task(void **state)
{
    (void)state;
    jr_fc_task f;
    /* 120000.05 in 12 terms: 10000.00 each, 10000.05 in December */
    jr_task_budget t = {"12345678", "43T01", "0193", 2024, 12000005, 12};
    forecast_task(&t, 6, &f);
    assert_int_equal(f.realised, 6000000);
    assert_int_equal(f.committed, 6000005);
    assert_int_equal(f.monthly[0], 1000000);
    assert_int_equal(f.monthly[11], 1000005);
    forecast_task(&t, 0, &f); /* nothing realised yet: all of it committed */
    assert_int_equal(f.realised, 0);
    assert_int_equal(f.committed, 12000005);
    forecast_task(&t, 12, &f); /* December realised: nothing committed */
    assert_int_equal(f.realised, 12000005);
    assert_int_equal(f.committed, 0);
    forecast_task(&t, 11, &f); /* the last term (with the remainder) still to come */
    assert_int_equal(f.realised, 11000000);
    assert_int_equal(f.committed, 1000005);
    forecast_task(&t, 40, &f); /* clamped to 12 */
    assert_int_equal(f.committed, 0);
    forecast_task(&t, -1, &f); /* clamped to 0 */
    assert_int_equal(f.realised, 0);
    /* 80000.00 in 4 terms, due 1 January, April, July, October */
    jr_task_budget q = {"12345678", "43T01", "0150", 2024, 8000000, 4};
    forecast_task(&q, 3, &f); /* L = March: only January's term */
    assert_int_equal(f.realised, 2000000);
    assert_int_equal(f.committed, 6000000);
    forecast_task(&q, 4, &f); /* L = April: April's term is due in it */
    assert_int_equal(f.realised, 4000000);
    assert_int_equal(f.monthly[3], 2000000);
    assert_int_equal(f.monthly[4], 0);
    /* 1000.01 in 3 terms: 333.33, 333.33, 333.35 (January, May, September) */
    jr_task_budget r = {"12345678", "43T01", "0150", 2024, 100001, 3};
    forecast_task(&r, 8, &f);
    assert_int_equal(f.realised, 66666);
    assert_int_equal(f.committed, 33335);
    assert_int_equal(f.monthly[8], 33335);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_run_rate_flat), cmocka_unit_test(test_seasonal),
        cmocka_unit_test(test_no_data),       cmocka_unit_test(test_one_month),
        cmocka_unit_test(test_december),      cmocka_unit_test(test_gap),
        cmocka_unit_test(test_levels),        cmocka_unit_test(test_remaining),
        cmocka_unit_test(test_commitment),    cmocka_unit_test(test_task),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

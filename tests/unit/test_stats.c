/*
 * test_stats.c: the monitor's arithmetic at its edges: rounding halves
 * away from zero, rates per 1,000 and shares (zero population), growth
 * (negative, from nothing), median of even and odd counts, the
 * nearest-rank percentile of 1 and of 10 values, top-5 share, HHI (one
 * provider 10,000, two equal 5,000), CBS duration classes exactly at their
 * bounds, and the hiding of small groups (0, 9, 10).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "domain/stats.h"
#include "unit_support.h"

#include <string.h>

static void test_div_round_halves(void **state)
{
    (void)state;
    assert_i64_equal(stats_div_round(5, 2), 3);   /* 2.5 -> 3 */
    assert_i64_equal(stats_div_round(-5, 2), -3); /* -2.5 -> -3 */
    assert_i64_equal(stats_div_round(7, 2), 4);
    assert_i64_equal(stats_div_round(4, 3), 1); /* 1.33 */
    assert_i64_equal(stats_div_round(5, 3), 2); /* 1.67 */
    assert_i64_equal(stats_div_round(-4, 3), -1);
    assert_i64_equal(stats_div_round(5, -2), -3);
    assert_i64_equal(stats_div_round(0, 7), 0);
    assert_i64_equal(stats_div_round(9, 0), 0);
}

static void test_rates(void **state)
{
    (void)state;
    /* 3 of 2,000: 1.5 per 1,000 = 15 tenths; 0.15 % = 1.5 tenths -> 2 */
    assert_i64_equal(stats_per_thousand_x10(3, 2000), 15);
    assert_i64_equal(stats_share_x10(3, 2000), 2);
    /* 1 of 3: 333.33 per 1,000; 33.3 % */
    assert_i64_equal(stats_per_thousand_x10(1, 3), 3333);
    assert_i64_equal(stats_share_x10(1, 3), 333);
    /* a half exactly: 1 of 8 = 12.5 % -> 125; 1 of 16 = 6.25 % -> 6.3 */
    assert_i64_equal(stats_share_x10(1, 8), 125);
    assert_i64_equal(stats_share_x10(1, 16), 63);
    assert_i64_equal(stats_per_thousand_x10(0, 100), 0);
    assert_i64_equal(stats_per_thousand_x10(5, 0), -1); /* zero population: none */
    assert_i64_equal(stats_share_x10(5, 0), -1);
}

static void test_growth(void **state)
{
    (void)state;
    int64_t g = 99;
    assert_true(stats_growth_x10(1125, 1000, &g));
    assert_i64_equal(g, 125);
    assert_true(stats_growth_x10(970, 1000, &g));
    assert_i64_equal(g, -30);
    assert_true(stats_growth_x10(0, 400, &g));
    assert_i64_equal(g, -1000);
    assert_true(stats_growth_x10(2, 3, &g)); /* -33.33 % */
    assert_i64_equal(g, -333);
    assert_true(stats_growth_x10(-100, 200, &g)); /* credits beyond debits */
    assert_i64_equal(g, -1500);
    g = 77;
    assert_false(stats_growth_x10(500, 0, &g)); /* from nothing: none */
    assert_i64_equal(g, 77);
}

static void test_median(void **state)
{
    (void)state;
    int64_t odd[] = {9, 1, 5};
    stats_sort(odd, 3);
    assert_i64_equal(odd[0], 1);
    assert_i64_equal(stats_median_x2(odd, 3), 10); /* 5 */
    int64_t even[] = {12, 1, 13, 4};
    stats_sort(even, 4);
    assert_i64_equal(stats_median_x2(even, 4), 16); /* (4 + 12) / 2 = 8 */
    int64_t half[] = {12, 13};
    assert_i64_equal(stats_median_x2(half, 2), 25); /* 12.5 */
    int64_t one[] = {7};
    assert_i64_equal(stats_median_x2(one, 1), 14);
    assert_i64_equal(stats_median_x2(one, 0), 0);
}

static void test_percentile(void **state)
{
    (void)state;
    int64_t one[] = {42};
    assert_i64_equal(stats_percentile(one, 1, 900), 42);
    assert_i64_equal(stats_percentile(one, 1, 0), 42);
    int64_t ten[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assert_i64_equal(stats_percentile(ten, 10, 900), 9);  /* rank ceil(9.0) = 9 */
    assert_i64_equal(stats_percentile(ten, 10, 910), 10); /* rank ceil(9.1) = 10 */
    assert_i64_equal(stats_percentile(ten, 10, 500), 5);
    assert_i64_equal(stats_percentile(ten, 10, 1000), 10);
    assert_i64_equal(stats_percentile(ten, 10, 0), 1);
    int64_t eleven[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    assert_i64_equal(stats_percentile(eleven, 11, 900), 10); /* ceil(9.9) = 10 */
    assert_i64_equal(stats_percentile(ten, 0, 900), 0);
}

static void test_top_share(void **state)
{
    (void)state;
    int64_t v[] = {10, 60, 5, 5, 5, 5, 10}; /* total 100; top 5: 60+10+10+5+5 */
    assert_i64_equal(stats_top_share_x10(v, 7, 5), 900);
    assert_i64_equal(v[0], 60); /* sorted descending in place */
    int64_t few[] = {3, 1};
    assert_i64_equal(stats_top_share_x10(few, 2, 5), 1000);
    int64_t zero[] = {0, 0};
    assert_i64_equal(stats_top_share_x10(zero, 2, 5), -1);
}

static void test_hhi(void **state)
{
    (void)state;
    int64_t one[] = {12345};
    assert_i64_equal(stats_hhi(one, 1), 10000);
    int64_t two[] = {500, 500};
    assert_i64_equal(stats_hhi(two, 2), 5000);
    int64_t four[] = {1, 1, 1, 1};
    assert_i64_equal(stats_hhi(four, 4), 2500);
    int64_t skew[] = {3, 1}; /* 75^2 + 25^2 = 6250 */
    assert_i64_equal(stats_hhi(skew, 2), 6250);
    int64_t third[] = {1, 1, 1}; /* 3 * 33.33^2 = 3333.3 */
    assert_i64_equal(stats_hhi(third, 3), 3333);
    int64_t big[] = {4000000000000LL, 4000000000000LL}; /* no overflow */
    assert_i64_equal(stats_hhi(big, 2), 5000);
    int64_t zero[] = {0};
    assert_i64_equal(stats_hhi(zero, 1), 0);
}

static void test_duration_bounds(void **state)
{
    (void)state;
    /* it lasts until the day after end */
    assert_int_equal(stats_duration_class(D("2025-01-01"), D("2025-01-01")), JR_DUR_0_3M);
    assert_int_equal(stats_duration_class(D("2025-01-01"), D("2025-03-30")), JR_DUR_0_3M);
    assert_int_equal(stats_duration_class(D("2025-01-01"), D("2025-03-31")), JR_DUR_3_6M);
    assert_int_equal(stats_duration_class(D("2025-01-01"), D("2025-06-29")), JR_DUR_3_6M);
    assert_int_equal(stats_duration_class(D("2025-01-01"), D("2025-06-30")), JR_DUR_6_12M);
    assert_int_equal(stats_duration_class(D("2025-01-01"), D("2025-12-30")), JR_DUR_6_12M);
    assert_int_equal(stats_duration_class(D("2025-01-01"), D("2025-12-31")), JR_DUR_1_2Y);
    assert_int_equal(stats_duration_class(D("2025-01-01"), D("2026-12-31")), JR_DUR_2_3Y);
    assert_int_equal(stats_duration_class(D("2025-01-01"), D("2027-12-31")), JR_DUR_3_4Y);
    assert_int_equal(stats_duration_class(D("2025-01-01"), D("2028-12-30")), JR_DUR_3_4Y);
    assert_int_equal(stats_duration_class(D("2025-01-01"), D("2028-12-31")), JR_DUR_4Y_PLUS);
    assert_int_equal(stats_duration_class(D("2025-01-01"), D("2035-06-01")), JR_DUR_4Y_PLUS);
    /* a leap day start: a year later is 28 February (the month's last day),
       so lasting until then, through 27 February, is a full year */
    assert_int_equal(stats_duration_class(D("2024-02-29"), D("2025-02-26")), JR_DUR_6_12M);
    assert_int_equal(stats_duration_class(D("2024-02-29"), D("2025-02-27")), JR_DUR_1_2Y);
    assert_string_equal(stats_duration_label(JR_DUR_0_3M), "0-3 maanden");
    assert_string_equal(stats_duration_label(JR_DUR_4Y_PLUS), "4 jaar of langer");
    assert_string_equal(stats_duration_label(JR_DUR_NCLASSES), "");
}

static void test_hidden(void **state)
{
    (void)state;
    assert_false(stats_hidden(0, JR_SMALL_GROUP_DEFAULT));
    assert_true(stats_hidden(1, JR_SMALL_GROUP_DEFAULT));
    assert_true(stats_hidden(9, JR_SMALL_GROUP_DEFAULT));
    assert_false(stats_hidden(10, JR_SMALL_GROUP_DEFAULT));
    assert_false(stats_hidden(11, JR_SMALL_GROUP_DEFAULT));
    assert_true(stats_hidden(4, 5));
    assert_false(stats_hidden(5, 5));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_div_round_halves),
        cmocka_unit_test(test_rates),
        cmocka_unit_test(test_growth),
        cmocka_unit_test(test_median),
        cmocka_unit_test(test_percentile),
        cmocka_unit_test(test_top_share),
        cmocka_unit_test(test_hhi),
        cmocka_unit_test(test_duration_bounds),
        cmocka_unit_test(test_hidden),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

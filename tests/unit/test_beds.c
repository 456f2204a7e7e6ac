/*
 * test_beds.c: never two beds for one youth on one night (domain/beds.h,
 * JR09) at the edges: touching periods (A ends the 10th, B begins the
 * 11th) fit, one shared night does not; a part-time line beside a
 * full-time bed fits exactly when the nights left hold its etmalen (31-day
 * March, 28-day February); three lines that fit pairwise but not together;
 * a line alone with more etmalen than nights; the failing window reported.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "domain/beds.h"
#include "unit_support.h"

static jr_bed_line bed(const char *begin, const char *end, int64_t etmalen)
{
    jr_bed_line b = {D(begin), D(end), etmalen};
    return b;
}

static void expect_window(const jr_bed_window *w, const char *from, const char *to, int64_t etmalen,
                          int64_t nights)
{
    assert_int_equal(w->from, D(from));
    assert_int_equal(w->to, D(to));
    assert_int_equal(w->etmalen, etmalen);
    assert_int_equal(w->nights, nights);
}

static void test_touching_periods_fit(void **state)
{
    (void)state;
    jr_bed_line a = bed("2025-03-01", "2025-03-10", 10);
    jr_bed_line b = bed("2025-03-11", "2025-03-15", 5);
    assert_true(beds_fit(&b, &a, 1, NULL));
    assert_true(beds_fit(&a, &b, 1, NULL));
}

static void test_one_shared_night_refused(void **state)
{
    (void)state;
    jr_bed_line a = bed("2025-03-01", "2025-03-10", 10);
    jr_bed_line b = bed("2025-03-10", "2025-03-15", 6);
    jr_bed_window w;
    assert_false(beds_fit(&b, &a, 1, &w));
    expect_window(&w, "2025-03-01", "2025-03-15", 16, 15);
    assert_false(beds_fit(&a, &b, 1, NULL));
}

/* the case: 10 + 11 = 21 etmalen fit in March, not in 1..15 */
static void test_overlap_inside_the_month_refused(void **state)
{
    (void)state;
    jr_bed_line a = bed("2025-03-01", "2025-03-10", 10);
    jr_bed_line b = bed("2025-03-05", "2025-03-15", 11);
    jr_bed_window w;
    assert_false(beds_fit(&b, &a, 1, &w));
    expect_window(&w, "2025-03-01", "2025-03-15", 21, 15);
}

static void test_part_time_beside_a_full_time_bed(void **state)
{
    (void)state;
    jr_bed_line part = bed("2025-03-01", "2025-03-31", 4);
    jr_bed_line full27 = bed("2025-03-01", "2025-03-27", 27);
    jr_bed_line full28 = bed("2025-03-01", "2025-03-28", 28);
    assert_true(beds_fit(&part, &full27, 1, NULL));
    assert_true(beds_fit(&full27, &part, 1, NULL));
    jr_bed_window w;
    assert_false(beds_fit(&part, &full28, 1, &w));
    expect_window(&w, "2025-03-01", "2025-03-31", 32, 31);
    assert_false(beds_fit(&full28, &part, 1, NULL));
    /* February 2025 has 28 nights: 4 beside 24 fit, beside 25 not */
    jr_bed_line feb = bed("2025-02-01", "2025-02-28", 4);
    jr_bed_line feb24 = bed("2025-02-01", "2025-02-24", 24);
    jr_bed_line feb25 = bed("2025-02-01", "2025-02-25", 25);
    assert_true(beds_fit(&feb, &feb24, 1, NULL));
    assert_false(beds_fit(&feb, &feb25, 1, NULL));
}

/* A 1..10 and B 16..25 full time, C 6..20 part time: each pair fits with
 * c = 6 (16 in 20 nights), the three need 26 nights of 1..25; c = 5 fits.
 * The month's sum (26 of 31) would have let c = 6 through. */
static void test_three_lines(void **state)
{
    (void)state;
    jr_bed_line ab[] = {bed("2025-03-01", "2025-03-10", 10), bed("2025-03-16", "2025-03-25", 10)};
    jr_bed_line c6 = bed("2025-03-06", "2025-03-20", 6);
    jr_bed_line c5 = bed("2025-03-06", "2025-03-20", 5);
    assert_true(beds_fit(&c6, &ab[0], 1, NULL));
    assert_true(beds_fit(&c6, &ab[1], 1, NULL));
    jr_bed_window w;
    assert_false(beds_fit(&c6, ab, 2, &w));
    expect_window(&w, "2025-03-01", "2025-03-25", 26, 25);
    assert_true(beds_fit(&c5, ab, 2, NULL));
    /* and the full-time A as the new line beside B and C */
    jr_bed_line bc[] = {ab[1], c6};
    assert_false(beds_fit(&ab[0], bc, 2, NULL));
}

static void test_more_etmalen_than_nights_alone(void **state)
{
    (void)state;
    jr_bed_line a = bed("2025-03-01", "2025-03-10", 11);
    jr_bed_window w;
    assert_false(beds_fit(&a, NULL, 0, &w));
    expect_window(&w, "2025-03-01", "2025-03-10", 11, 10);
    a.etmalen = 10;
    assert_true(beds_fit(&a, NULL, 0, NULL));
    jr_bed_line one = bed("2025-03-31", "2025-03-31", 1);
    assert_true(beds_fit(&one, NULL, 0, NULL));
}

/* of several failing windows the one with the fewest nights is reported */
static void test_smallest_failing_window(void **state)
{
    (void)state;
    jr_bed_line others[] = {bed("2025-03-01", "2025-03-10", 10),
                            bed("2025-03-25", "2025-03-31", 7)};
    jr_bed_line mid = bed("2025-03-10", "2025-03-25", 16);
    jr_bed_window w;
    assert_false(beds_fit(&mid, others, 2, &w));
    /* 1..25: 26 > 25, 10..31: 23 > 22, 1..31: 33 > 31 */
    expect_window(&w, "2025-03-10", "2025-03-31", 23, 22);
}

/* lines that clash among themselves (accepted under the monthly rule) are
 * not held against a new line that does not add to the clash */
static void test_old_clash_not_blamed_on_new_line(void **state)
{
    (void)state;
    jr_bed_line old[] = {bed("2025-03-01", "2025-03-10", 10), bed("2025-03-05", "2025-03-10", 6)};
    jr_bed_line later = bed("2025-03-20", "2025-03-31", 12);
    assert_true(beds_fit(&later, old, 2, NULL));
    jr_bed_line inside = bed("2025-03-08", "2025-03-09", 1);
    assert_false(beds_fit(&inside, old, 2, NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_touching_periods_fit),
        cmocka_unit_test(test_one_shared_night_refused),
        cmocka_unit_test(test_overlap_inside_the_month_refused),
        cmocka_unit_test(test_part_time_beside_a_full_time_bed),
        cmocka_unit_test(test_three_lines),
        cmocka_unit_test(test_more_etmalen_than_nights_alone),
        cmocka_unit_test(test_smallest_failing_window),
        cmocka_unit_test(test_old_clash_not_blamed_on_new_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_date.c: ISO dates and months, month boundaries, adding months.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "domain/date.h"
#include "unit_support.h"

#include <string.h>

static void assert_ymd(jr_date d, int y, int m, int day)
{
    int yy, mm, dd;
    date_to_ymd(d, &yy, &mm, &dd);
    if (yy != y || mm != m || dd != day)
        fail_msg("date is %04d-%02d-%02d, expected %04d-%02d-%02d", yy, mm, dd, y, m, day);
}

static void test_epoch_is_day_zero(void **state)
{
    (void)state;
    jr_date d;
    assert_true(date_parse("1970-01-01", &d));
    assert_i64_equal(d, 0);
    assert_true(date_parse("2024-01-01", &d));
    assert_i64_equal(d, 19723);
}

static void test_parse_leap_day(void **state)
{
    (void)state;
    jr_date d;
    assert_true(date_parse("2024-02-29", &d));
    assert_ymd(d, 2024, 2, 29);
    assert_true(date_parse("2000-02-29", &d)); /* divisible by 400: leap */
    assert_false(date_parse("2023-02-29", &d));
    assert_false(date_parse("1900-02-29", &d)); /* divisible by 100: no leap */
}

static void test_parse_rejects_impossible_days(void **state)
{
    (void)state;
    jr_date d;
    assert_false(date_parse("2024-04-31", &d));
    assert_false(date_parse("2024-13-01", &d));
    assert_false(date_parse("2024-00-10", &d));
    assert_false(date_parse("2024-01-00", &d));
    assert_false(date_parse("2024-01-32", &d));
}

static void test_parse_is_strict_about_form(void **state)
{
    (void)state;
    jr_date d;
    assert_false(date_parse("2024-1-01", &d));
    assert_false(date_parse("2024-01-1", &d));
    assert_false(date_parse("2024-01-01x", &d));
    assert_false(date_parse("2024-01-01 ", &d));
    assert_false(date_parse(" 2024-01-01", &d));
    assert_false(date_parse("2024/01/01", &d));
    assert_false(date_parse("20240101", &d));
    assert_false(date_parse("2024-0a-01", &d));
    assert_false(date_parse("", &d));
    assert_false(date_parse(NULL, &d));
}

static void test_parse_year_range(void **state)
{
    (void)state;
    jr_date d;
    assert_true(date_parse("1900-01-01", &d));
    assert_true(date_parse("2199-12-31", &d));
    assert_false(date_parse("1899-12-31", &d));
    assert_false(date_parse("2200-01-01", &d));
}

static void test_parse_n_uses_only_n_bytes(void **state)
{
    (void)state;
    jr_date d;
    assert_true(date_parse_n("2024-03-15;rest", 10, &d));
    assert_ymd(d, 2024, 3, 15);
    assert_false(date_parse_n("2024-03-15", 9, &d));
}

static void test_format_round_trip(void **state)
{
    (void)state;
    char buf[JR_DATE_ISO_LEN];
    assert_string_equal(date_format(D("2024-02-29"), buf), "2024-02-29");
    assert_string_equal(date_format(D("1999-12-31"), buf), "1999-12-31");
    assert_string_equal(date_format(JR_DATE_NONE, buf), "");
}

static void test_dates_compare_and_subtract(void **state)
{
    (void)state;
    assert_true(D("2024-03-01") < D("2024-03-02"));
    assert_i64_equal(D("2024-03-01") - D("2024-02-28"), 2); /* leap year */
    assert_i64_equal(D("2023-03-01") - D("2023-02-28"), 1);
    assert_i64_equal(D("2025-01-01") - D("2024-01-01"), 366);
}

static void test_month_first_and_last_day(void **state)
{
    (void)state;
    assert_i64_equal(month_first_day(M("2024-02")), D("2024-02-01"));
    assert_i64_equal(month_last_day(M("2024-02")), D("2024-02-29"));
    assert_i64_equal(month_last_day(M("2023-02")), D("2023-02-28"));
    assert_i64_equal(month_last_day(M("2024-04")), D("2024-04-30"));
    assert_i64_equal(month_last_day(M("2024-12")), D("2024-12-31"));
    assert_i64_equal(month_first_day(M("2025-01")), D("2025-01-01"));
}

static void test_date_month(void **state)
{
    (void)state;
    assert_i64_equal(date_month(D("2024-03-31")), M("2024-03"));
    assert_i64_equal(date_month(D("2024-04-01")), M("2024-04"));
    assert_i64_equal(M("2025-01") - M("2024-12"), 1);
    assert_i64_equal(date_year(D("2024-12-31")), 2024);
}

static void test_add_months_same_day(void **state)
{
    (void)state;
    assert_i64_equal(date_add_months(D("2024-03-01"), 12), D("2025-03-01"));
    assert_i64_equal(date_add_months(D("2024-11-15"), 2), D("2025-01-15"));
    assert_i64_equal(date_add_months(D("2024-03-15"), 0), D("2024-03-15"));
}

static void test_add_months_clamps_to_month_end(void **state)
{
    (void)state;
    assert_i64_equal(date_add_months(D("2024-01-31"), 1), D("2024-02-29"));
    assert_i64_equal(date_add_months(D("2023-01-31"), 1), D("2023-02-28"));
    assert_i64_equal(date_add_months(D("2024-03-31"), 1), D("2024-04-30"));
    assert_i64_equal(date_add_months(D("2024-02-29"), 12), D("2025-02-28"));
}

static void test_month_parse_strict(void **state)
{
    (void)state;
    jr_month m;
    assert_true(month_parse("2024-03", &m));
    assert_i64_equal(m, 2024 * 12 + 2);
    assert_false(month_parse("2024-3", &m));
    assert_false(month_parse("2024-13", &m));
    assert_false(month_parse("2024-00", &m));
    assert_false(month_parse("2024-03-01", &m));
    assert_false(month_parse("2024/03", &m));
    assert_false(month_parse("", &m));
    assert_false(month_parse(NULL, &m));
}

static void test_month_format(void **state)
{
    (void)state;
    char buf[8];
    assert_string_equal(month_format(M("2024-03"), buf), "2024-03");
    assert_string_equal(month_format(M("2024-12"), buf), "2024-12");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_epoch_is_day_zero),
        cmocka_unit_test(test_parse_leap_day),
        cmocka_unit_test(test_parse_rejects_impossible_days),
        cmocka_unit_test(test_parse_is_strict_about_form),
        cmocka_unit_test(test_parse_year_range),
        cmocka_unit_test(test_parse_n_uses_only_n_bytes),
        cmocka_unit_test(test_format_round_trip),
        cmocka_unit_test(test_dates_compare_and_subtract),
        cmocka_unit_test(test_month_first_and_last_day),
        cmocka_unit_test(test_date_month),
        cmocka_unit_test(test_add_months_same_day),
        cmocka_unit_test(test_add_months_clamps_to_month_end),
        cmocka_unit_test(test_month_parse_strict),
        cmocka_unit_test(test_month_format),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_period.c: the monitor's reporting periods at their edges: months,
 * quarters Q1..Q4, halves H1/H2 and years, leap years, the same period a
 * year before, and the texts that are refused.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "domain/period.h"
#include "unit_support.h"

#include <string.h>

static jr_period parsed(const char *s)
{
    jr_period p;
    if (!period_parse(s, &p))
        fail_msg("period_parse(\"%s\") refused a valid period", s);
    return p;
}

/* the period's first and last day, its kind and its text read back */
static void assert_period(const char *s, jr_period_kind kind, const char *first, const char *last,
                          int days)
{
    jr_period p = parsed(s);
    char t[JR_PERIOD_TEXT_LEN];
    assert_int_equal(p.kind, kind);
    assert_i64_equal(p.first, D(first));
    assert_i64_equal(p.last, D(last));
    assert_int_equal(period_days(&p), days);
    assert_string_equal(period_format(&p, t), s);
}

static void test_months(void **state)
{
    (void)state;
    assert_period("2025-01", JR_PERIOD_MONTH, "2025-01-01", "2025-01-31", 31);
    assert_period("2025-02", JR_PERIOD_MONTH, "2025-02-01", "2025-02-28", 28);
    assert_period("2024-02", JR_PERIOD_MONTH, "2024-02-01", "2024-02-29", 29); /* leap */
    assert_period("2000-02", JR_PERIOD_MONTH, "2000-02-01", "2000-02-29", 29); /* 400 */
    assert_period("2100-02", JR_PERIOD_MONTH, "2100-02-01", "2100-02-28", 28); /* 100 */
    assert_period("2025-12", JR_PERIOD_MONTH, "2025-12-01", "2025-12-31", 31);
}

static void test_quarters(void **state)
{
    (void)state;
    assert_period("2025-Q1", JR_PERIOD_QUARTER, "2025-01-01", "2025-03-31", 90);
    assert_period("2024-Q1", JR_PERIOD_QUARTER, "2024-01-01", "2024-03-31", 91);
    assert_period("2025-Q2", JR_PERIOD_QUARTER, "2025-04-01", "2025-06-30", 91);
    assert_period("2025-Q3", JR_PERIOD_QUARTER, "2025-07-01", "2025-09-30", 92);
    assert_period("2025-Q4", JR_PERIOD_QUARTER, "2025-10-01", "2025-12-31", 92);
}

static void test_halves_and_years(void **state)
{
    (void)state;
    assert_period("2025-H1", JR_PERIOD_HALF, "2025-01-01", "2025-06-30", 181);
    assert_period("2024-H1", JR_PERIOD_HALF, "2024-01-01", "2024-06-30", 182);
    assert_period("2025-H2", JR_PERIOD_HALF, "2025-07-01", "2025-12-31", 184);
    assert_period("2025", JR_PERIOD_YEAR, "2025-01-01", "2025-12-31", 365);
    assert_period("2024", JR_PERIOD_YEAR, "2024-01-01", "2024-12-31", 366);
}

static void test_refused(void **state)
{
    (void)state;
    static const char *const bad[] = {"2025-Q5", "2025-Q0",  "2025-H3",  "2025-H0", "2025-13",
                                      "2025-00", "25",       "2025-",    "2025-1",  "2025-001",
                                      "2025-q2", "2025Q2",   "",         "abcd",    "1899",
                                      "2200",    "2025-Q2 ", "2025-Q12", " 2025",   "2025-3-"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        jr_period p;
        if (period_parse(bad[i], &p))
            fail_msg("period_parse(\"%s\") accepted a bad period", bad[i]);
    }
    jr_period p;
    assert_false(period_parse(NULL, &p));
    assert_true(period_parse("1900", &p));
    assert_true(period_parse("2199-12", &p));
}

static void test_year_before(void **state)
{
    (void)state;
    jr_period b, p = parsed("2025-Q2");
    char t[JR_PERIOD_TEXT_LEN];
    assert_true(period_year_before(&p, &b));
    assert_string_equal(period_format(&b, t), "2024-Q2");
    assert_i64_equal(b.first, D("2024-04-01"));
    assert_i64_equal(b.last, D("2024-06-30"));
    /* February of a leap year a year after */
    p = parsed("2025-02");
    assert_true(period_year_before(&p, &b));
    assert_i64_equal(b.last, D("2024-02-29"));
    p = parsed("2024-H1");
    assert_true(period_year_before(&p, &b));
    assert_string_equal(period_format(&b, t), "2023-H1");
    p = parsed("2025");
    assert_true(period_year_before(&p, &b));
    assert_string_equal(period_format(&b, t), "2024");
    p = parsed("1900-Q1");
    assert_false(period_year_before(&p, &b));
}

static void test_months_of(void **state)
{
    (void)state;
    jr_month m[12];
    jr_period p = parsed("2025-Q3");
    assert_int_equal(period_months(&p, m), 3);
    assert_i64_equal(m[0], M("2025-07"));
    assert_i64_equal(m[2], M("2025-09"));
    p = parsed("2025");
    assert_int_equal(period_months(&p, m), 12);
    assert_i64_equal(m[11], M("2025-12"));
    p = parsed("2025-05");
    assert_int_equal(period_months(&p, m), 1);
    assert_i64_equal(m[0], M("2025-05"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_months),           cmocka_unit_test(test_quarters),
        cmocka_unit_test(test_halves_and_years), cmocka_unit_test(test_refused),
        cmocka_unit_test(test_year_before),      cmocka_unit_test(test_months_of),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

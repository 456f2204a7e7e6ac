/*
 * test_money.c: eurocent parsing, Dutch formatting, half-up rounding, OVA index.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "domain/money.h"
#include "unit_support.h"

static jr_cents parsed(const char *s)
{
    jr_cents c = 0;
    if (!money_parse(s, &c))
        fail_msg("money_parse(\"%s\") refused a valid amount", s);
    return c;
}

static void test_parse_whole_euros(void **state)
{
    (void)state;
    assert_i64_equal(parsed("78"), 7800);
    assert_i64_equal(parsed("0"), 0);
    assert_i64_equal(parsed("20000"), 2000000);
}

static void test_parse_one_decimal_is_tens_of_cents(void **state)
{
    (void)state;
    assert_i64_equal(parsed("78.5"), 7850);
}

static void test_parse_two_decimals(void **state)
{
    (void)state;
    assert_i64_equal(parsed("78.50"), 7850);
    assert_i64_equal(parsed("68.40"), 6840);
    assert_i64_equal(parsed("0.05"), 5);
}

static void test_parse_negative(void **state)
{
    (void)state;
    assert_i64_equal(parsed("-12.30"), -1230);
    assert_i64_equal(parsed("-0.01"), -1);
}

static void test_parse_rejects_malformed(void **state)
{
    (void)state;
    const char *bad[] = {"78.505", "1,50", "",    "abc", ".5",  "-",   "78.", "1.2.3",
                         "12a",    " 12",  "12 ", "+5",  "--1", "-.5", "1e3"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        jr_cents c = 4242;
        if (money_parse(bad[i], &c))
            fail_msg("money_parse(\"%s\") accepted it as %lld", bad[i], (long long)c);
    }
    jr_cents c;
    assert_false(money_parse(NULL, &c));
}

static void test_parse_n_uses_only_n_bytes(void **state)
{
    (void)state;
    jr_cents c = 0;
    assert_true(money_parse_n("78.50;next", 5, &c));
    assert_i64_equal(c, 7850);
}

static void test_format_nl_groups_thousands(void **state)
{
    (void)state;
    char buf[JR_MONEY_BUF];
    assert_string_equal(money_format_nl(123456, buf), "€ 1.234,56");
    assert_string_equal(money_format_nl(123456789, buf), "€ 1.234.567,89");
    assert_string_equal(money_format_nl(100000, buf), "€ 1.000,00");
    assert_string_equal(money_format_nl(99999, buf), "€ 999,99");
    assert_string_equal(money_format_nl(5, buf), "€ 0,05");
    assert_string_equal(money_format_nl(0, buf), "€ 0,00");
}

static void test_format_nl_negative(void **state)
{
    (void)state;
    char buf[JR_MONEY_BUF];
    assert_string_equal(money_format_nl(-123456, buf), "-€ 1.234,56");
    assert_string_equal(money_format_nl(-7, buf), "-€ 0,07");
}

static void test_format_plain(void **state)
{
    (void)state;
    char buf[JR_MONEY_BUF];
    assert_string_equal(money_format_plain(123456, buf), "1234.56");
    assert_string_equal(money_format_plain(-1230, buf), "-12.30");
    assert_string_equal(money_format_plain(5, buf), "0.05");
    assert_string_equal(money_format_plain(INT64_MIN, buf), "-92233720368547758.08");
}

static void test_mul_div_exact(void **state)
{
    (void)state;
    assert_i64_equal(money_mul_div(10, 7800, 1), 78000);
    assert_i64_equal(money_mul_div(90, 7800, 60), 11700);
}

static void test_mul_div_rounds_half_up(void **state)
{
    (void)state;
    assert_i64_equal(money_mul_div(1, 3, 2), 2);      /* 1.5 -> 2 */
    assert_i64_equal(money_mul_div(5, 1, 2), 3);      /* 2.5 -> 3, not banker's 2 */
    assert_i64_equal(money_mul_div(1, 149, 100), 1);  /* 1.49 -> 1 */
    assert_i64_equal(money_mul_div(1, 151, 100), 2);  /* 1.51 -> 2 */
    assert_i64_equal(money_mul_div(1, 5600, 60), 93); /* a minute of FG1: 93.33 */
}

static void test_mul_div_negative_half_away_from_zero(void **state)
{
    (void)state;
    assert_i64_equal(money_mul_div(-1, 3, 2), -2); /* -1.5 -> -2 */
    assert_i64_equal(money_mul_div(-5, 1, 2), -3); /* -2.5 -> -3 */
    assert_i64_equal(money_mul_div(3, -1, 2), -2);
    assert_i64_equal(money_mul_div(-1, 149, 100), -1);
}

static void test_mul_div_large_without_overflow(void **state)
{
    (void)state;
    /* (2^40 * 2^21) / 2^20 overflows int64 in the product, not in the result */
    assert_i64_equal(money_mul_div((int64_t)1 << 40, (int64_t)1 << 21, (int64_t)1 << 20),
                     (int64_t)1 << 41);
}

static void test_index_ova(void **state)
{
    (void)state;
    assert_i64_equal(money_index(5600, 385), 5816); /* 5815.60 -> 5816 */
    assert_i64_equal(money_index(7800, 385), 8100); /* 8100.30 -> 8100 */
    assert_i64_equal(money_index(500000, 385), 519250);
    assert_i64_equal(money_index(5816, 320), 6002); /* 6002.11 */
    assert_i64_equal(money_index(5600, 0), 5600);
    assert_i64_equal(money_index(10000, -100), 9900);
}

static void test_index_rounds_half_up(void **state)
{
    (void)state;
    assert_i64_equal(money_index(100, 50), 101);  /* 100.5 -> 101 */
    assert_i64_equal(money_index(1000, 5), 1001); /* 1000.5 -> 1001 */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_whole_euros),
        cmocka_unit_test(test_parse_one_decimal_is_tens_of_cents),
        cmocka_unit_test(test_parse_two_decimals),
        cmocka_unit_test(test_parse_negative),
        cmocka_unit_test(test_parse_rejects_malformed),
        cmocka_unit_test(test_parse_n_uses_only_n_bytes),
        cmocka_unit_test(test_format_nl_groups_thousands),
        cmocka_unit_test(test_format_nl_negative),
        cmocka_unit_test(test_format_plain),
        cmocka_unit_test(test_mul_div_exact),
        cmocka_unit_test(test_mul_div_rounds_half_up),
        cmocka_unit_test(test_mul_div_negative_half_away_from_zero),
        cmocka_unit_test(test_mul_div_large_without_overflow),
        cmocka_unit_test(test_index_ova),
        cmocka_unit_test(test_index_rounds_half_up),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

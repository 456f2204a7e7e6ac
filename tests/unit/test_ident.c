/*
 * test_ident.c: BSN 11-check, BSN completion, AGB and CBS code syntax.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "domain/ident.h"
#include "unit_support.h"

static void test_bsn_valid_numbers(void **state)
{
    (void)state;
    assert_true(bsn_valid("111222333"));
    assert_true(bsn_valid("123456782"));
}

static void test_bsn_fails_eleven_check(void **state)
{
    (void)state;
    assert_false(bsn_valid("123456789"));
    assert_false(bsn_valid("111222334")); /* one digit off */
    assert_false(bsn_valid("211222333")); /* first digit weighs 9 */
}

static void test_bsn_all_zero_refused(void **state)
{
    (void)state;
    /* 0 is divisible by 11, yet no BSN */
    assert_false(bsn_valid("000000000"));
}

static void test_bsn_length_and_digits(void **state)
{
    (void)state;
    assert_false(bsn_valid("11122233"));   /* 8 digits */
    assert_false(bsn_valid("1112223330")); /* 10 digits */
    assert_false(bsn_valid("11122233a"));
    assert_false(bsn_valid("abcdefghi"));
    assert_false(bsn_valid(" 11222333"));
    assert_false(bsn_valid(""));
    assert_false(bsn_valid(NULL));
}

static void test_bsn_complete_adds_check_digit(void **state)
{
    (void)state;
    char out[10];
    assert_true(bsn_complete("11122233", out));
    assert_string_equal(out, "111222333");
    assert_true(bsn_complete("12345678", out));
    assert_string_equal(out, "123456782");
}

static void test_bsn_complete_result_is_valid(void **state)
{
    (void)state;
    const char *prefixes[] = {"10000000", "98765432", "55555555", "00000001"};
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
        char out[10];
        assert_true(bsn_complete(prefixes[i], out));
        assert_memory_equal(out, prefixes[i], 8);
        assert_true(bsn_valid(out));
    }
}

static void test_bsn_complete_impossible(void **state)
{
    (void)state;
    char out[10];
    /* weighted sum 10 (mod 11): the check digit would have to be 10 */
    assert_false(bsn_complete("00000005", out));
    /* the only candidate is all zeros, which is no BSN */
    assert_false(bsn_complete("00000000", out));
    assert_false(bsn_complete("1234567", out));
    assert_false(bsn_complete("1234567x", out));
}

static void test_agb_eight_digits(void **state)
{
    (void)state;
    assert_true(agb_valid("12345678"));
    assert_true(agb_valid("00000001"));
    assert_false(agb_valid("1234567"));
    assert_false(agb_valid("123456789"));
    assert_false(agb_valid("1234567a"));
    assert_false(agb_valid(""));
    assert_false(agb_valid(NULL));
}

static void test_cbs_four_digits(void **state)
{
    (void)state;
    assert_true(cbs_valid("0193"));
    assert_true(cbs_valid("1773"));
    assert_false(cbs_valid("193"));
    assert_false(cbs_valid("01930"));
    assert_false(cbs_valid("GM0193"));
    assert_false(cbs_valid("01a3"));
    assert_false(cbs_valid(""));
    assert_false(cbs_valid(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bsn_valid_numbers),
        cmocka_unit_test(test_bsn_fails_eleven_check),
        cmocka_unit_test(test_bsn_all_zero_refused),
        cmocka_unit_test(test_bsn_length_and_digits),
        cmocka_unit_test(test_bsn_complete_adds_check_digit),
        cmocka_unit_test(test_bsn_complete_result_is_valid),
        cmocka_unit_test(test_bsn_complete_impossible),
        cmocka_unit_test(test_agb_eight_digits),
        cmocka_unit_test(test_cbs_four_digits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_endings.c: the CBS grouping of iJw RedenBeeindiging (domain/
 * endings.c): 31 volgens plan, 32-35 voortijdig, the other known reasons
 * overig, a missing or unknown one onbekend; reason 20 ends no care.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "domain/endings.h"
#include "service/care.h"
#include "unit_support.h"

#include <stdio.h>
#include <string.h>

static void test_cbs_groups(void **state)
{
    (void)state;
    assert_int_equal(end_reason_group("31"), JR_END_VOLGENS_PLAN);
    assert_int_equal(end_reason_group("32"), JR_END_VOORTIJDIG);
    assert_int_equal(end_reason_group("33"), JR_END_VOORTIJDIG);
    assert_int_equal(end_reason_group("34"), JR_END_VOORTIJDIG);
    assert_int_equal(end_reason_group("35"), JR_END_VOORTIJDIG);
    assert_int_equal(end_reason_group("02"), JR_END_OVERIG);
    assert_int_equal(end_reason_group("36"), JR_END_OVERIG);
    assert_int_equal(end_reason_group("37"), JR_END_OVERIG);
    assert_int_equal(end_reason_group("38"), JR_END_OVERIG);
    assert_int_equal(end_reason_group("39"), JR_END_OVERIG);
}

static void test_missing_and_unknown_are_onbekend(void **state)
{
    (void)state;
    assert_int_equal(end_reason_group(NULL), JR_END_ONBEKEND);
    assert_int_equal(end_reason_group(""), JR_END_ONBEKEND);
    assert_int_equal(end_reason_group("30"), JR_END_ONBEKEND);
    assert_int_equal(end_reason_group("3"), JR_END_ONBEKEND);
    assert_int_equal(end_reason_group("310"), JR_END_ONBEKEND);
    assert_int_equal(end_reason_group("20"), JR_END_ONBEKEND);
}

/* every reason the care service accepts (stop_reason_name knows it), but
 * the temporary stop, falls in a group CBS names or in overig: none is
 * left onbekend; and every two-digit code it does not know is */
static void test_every_known_reason_is_grouped(void **state)
{
    (void)state;
    int known = 0;
    for (int i = 0; i < 100; i++) {
        char code[3];
        snprintf(code, sizeof code, "%02d", i);
        bool named = stop_reason_name(code)[0] != '\0';
        if (named && i != 20) {
            known++;
            assert_int_not_equal(end_reason_group(code), JR_END_ONBEKEND);
        } else {
            assert_int_equal(end_reason_group(code), JR_END_ONBEKEND);
        }
    }
    assert_int_equal(known, 10);
}

static void test_temporary_stop_ends_nothing(void **state)
{
    (void)state;
    assert_false(end_reason_ends("20"));
    assert_true(end_reason_ends("31"));
    assert_true(end_reason_ends("32"));
    assert_true(end_reason_ends(NULL));
}

static void test_labels(void **state)
{
    (void)state;
    assert_string_equal(end_group_label(JR_END_VOLGENS_PLAN), "volgens plan");
    assert_string_equal(end_group_label(JR_END_VOORTIJDIG), "voortijdig");
    assert_string_equal(end_group_label(JR_END_OVERIG), "overig");
    assert_string_equal(end_group_label(JR_END_ONBEKEND), "onbekend");
    assert_string_equal(end_group_label(JR_END_NGROUPS), "");
    assert_string_equal(end_group_label((jr_end_group)-1), "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cbs_groups),
        cmocka_unit_test(test_missing_and_unknown_are_onbekend),
        cmocka_unit_test(test_every_known_reason_is_grouped),
        cmocka_unit_test(test_temporary_stop_ends_nothing),
        cmocka_unit_test(test_labels),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

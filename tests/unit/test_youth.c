/*
 * test_youth.c: the rules on a youth's own data at registration.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "domain/youth.h"
#include "unit_support.h"

static void test_youth_birth_within_23_years(void **state)
{
    (void)state;
    jr_date today = D("2026-11-25");
    jr_error err;
    assert_int_equal(youth_birth_check(today, today, &err), JR_OK); /* born today */
    assert_int_equal(youth_birth_check(D("2026-11-26"), today, &err), JR_EINVAL);
    assert_err_code(&err, "birth_in_future");
    assert_string_equal(err.field, "geboortedatum");
    assert_int_equal(youth_birth_check(D("2003-11-25"), today, &err), JR_OK); /* 23 today */
    assert_int_equal(youth_birth_check(D("2003-11-24"), today, &err), JR_EINVAL);
    assert_err_code(&err, "too_old");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_youth_birth_within_23_years),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

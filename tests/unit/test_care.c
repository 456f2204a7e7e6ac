/*
 * test_care.c: the dates of start and stop zorg and the stop history rules
 * (temporary stop 20, follow-up stops, 9413/9414/9415), at their edges.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "domain/care.h"
#include "unit_support.h"

#include <string.h>

/* start zorg within the grant, stop zorg from start zorg to the grant's end,
 * neither after today: the bounds themselves are allowed */
static void test_care_dates_within_grant_and_not_future(void **state)
{
    (void)state;
    jr_grant g;
    memset(&g, 0, sizeof g);
    g.start = D("2025-03-01");
    g.end = D("2025-08-31");
    jr_date today = D("2025-06-30");
    jr_error err;
    assert_int_equal(care_start_date_check(&g, D("2025-03-01"), today, &err), JR_OK);
    assert_int_equal(care_start_date_check(&g, D("2025-06-30"), today, &err), JR_OK);
    assert_int_equal(care_start_date_check(&g, D("2025-02-28"), today, &err), JR_EINVAL);
    assert_err_code(&err, "date_outside_assignment");
    assert_int_equal(care_start_date_check(&g, D("2025-07-01"), today, &err), JR_EINVAL);
    assert_err_code(&err, "date_in_future");
    assert_int_equal(care_stop_date_check(&g, D("2025-04-01"), D("2025-04-01"), today, &err),
                     JR_OK);
    assert_int_equal(care_stop_date_check(&g, D("2025-04-01"), D("2025-03-31"), today, &err),
                     JR_EINVAL);
    assert_err_code(&err, "date_outside_care");
    assert_int_equal(
        care_stop_date_check(&g, D("2025-04-01"), D("2025-09-01"), D("2025-12-31"), &err),
        JR_EINVAL);
    assert_err_code(&err, "date_outside_care");
    assert_int_equal(care_stop_date_check(&g, D("2025-04-01"), D("2025-07-01"), today, &err),
                     JR_EINVAL);
    assert_err_code(&err, "date_in_future");
}

static void test_stop_history_and_next_stop(void **state)
{
    (void)state;
    jr_error err;
    assert_true(stop_reason_temporary("20"));
    assert_false(stop_reason_temporary("02"));
    assert_false(stop_reason_temporary(NULL));
    jr_stop_history none = {0, 0, 0}, temp = {0, 1, 0}, def = {1, 0, 0}, two = {0, 2, 1};
    assert_int_equal(stop_history_check(&none, false, "20", &err), JR_OK);
    assert_int_equal(stop_history_check(&temp, false, "02", &err), JR_OK); /* then definitive */
    assert_int_equal(stop_history_check(&temp, false, "20", &err), JR_ECONFLICT);
    assert_err_code(&err, "9413");
    assert_int_equal(stop_history_check(&def, false, "02", &err), JR_ECONFLICT);
    assert_err_code(&err, "9415");
    /* a change replaces the current stop: only another temporary one counts */
    assert_int_equal(stop_history_check(&def, true, "02", &err), JR_OK);
    assert_int_equal(stop_history_check(&temp, true, "20", &err), JR_OK);
    assert_int_equal(stop_history_check(&two, true, "20", &err), JR_ECONFLICT);
    assert_err_code(&err, "9413");
    jr_date stop = D("2025-06-30");
    assert_int_equal(care_stop_next_check(stop, "20", stop, &err), JR_OK);
    assert_int_equal(care_stop_next_check(stop, "20", D("2025-06-29"), &err), JR_EINVAL);
    assert_err_code(&err, "9414");
    assert_int_equal(care_stop_next_check(stop, "02", D("2025-07-31"), &err), JR_ECONFLICT);
    assert_err_code(&err, "9415");
    assert_int_equal(care_stop_next_check(JR_DATE_NONE, "", D("2025-07-31"), &err), JR_ECONFLICT);
    assert_err_code(&err, "9415");
}

static jr_grant grant(const char *start, const char *end)
{
    jr_grant g;
    memset(&g, 0, sizeof g);
    g.start = D(start);
    g.end = D(end);
    return g;
}

/* start zorg on the grant's first and last day; before, after, and the
 * order of the checks when a date is both outside and in the future */
static void test_care_start_edges(void **state)
{
    (void)state;
    jr_grant g = grant("2025-03-01", "2025-08-31");
    jr_error err;
    jr_date late = D("2025-12-31");
    assert_int_equal(care_start_date_check(&g, D("2025-03-01"), late, &err), JR_OK);
    assert_int_equal(care_start_date_check(&g, D("2025-08-31"), late, &err), JR_OK);
    assert_int_equal(care_start_date_check(&g, D("2025-09-01"), late, &err), JR_EINVAL);
    assert_err_code(&err, "date_outside_assignment");
    assert_string_equal(err.field, "datum");
    /* after the grant and after today: the grant is named first */
    assert_int_equal(care_start_date_check(&g, D("2025-09-01"), D("2025-06-30"), &err), JR_EINVAL);
    assert_err_code(&err, "date_outside_assignment");
    /* today before the grant starts: no day of it can be started yet */
    assert_int_equal(care_start_date_check(&g, D("2025-03-01"), D("2025-02-28"), &err), JR_EINVAL);
    assert_err_code(&err, "date_in_future");
    /* started today */
    assert_int_equal(care_start_date_check(&g, D("2025-03-01"), D("2025-03-01"), &err), JR_OK);
    /* a one-day grant */
    jr_grant day = grant("2025-03-01", "2025-03-01");
    assert_int_equal(care_start_date_check(&day, D("2025-03-01"), late, &err), JR_OK);
    assert_int_equal(care_start_date_check(&day, D("2025-03-02"), late, &err), JR_EINVAL);
}

/* stop zorg on the care start day, on the grant's last day, before the start */
static void test_care_stop_edges(void **state)
{
    (void)state;
    jr_grant g = grant("2025-03-01", "2025-08-31");
    jr_error err;
    jr_date late = D("2025-12-31");
    /* care started on the grant's first day and stopped the same day */
    assert_int_equal(care_stop_date_check(&g, D("2025-03-01"), D("2025-03-01"), late, &err), JR_OK);
    assert_int_equal(care_stop_date_check(&g, D("2025-04-01"), D("2025-08-31"), late, &err), JR_OK);
    /* before the start of care, though within the grant */
    assert_int_equal(care_stop_date_check(&g, D("2025-04-01"), D("2025-03-01"), late, &err),
                     JR_EINVAL);
    assert_err_code(&err, "date_outside_care");
    assert_string_equal(err.field, "datum");
    /* before the grant itself */
    assert_int_equal(care_stop_date_check(&g, D("2025-03-01"), D("2025-02-28"), late, &err),
                     JR_EINVAL);
    assert_err_code(&err, "date_outside_care");
    /* stopped today, on the care start day */
    assert_int_equal(
        care_stop_date_check(&g, D("2025-06-30"), D("2025-06-30"), D("2025-06-30"), &err), JR_OK);
    assert_int_equal(
        care_stop_date_check(&g, D("2025-06-30"), D("2025-07-01"), D("2025-06-30"), &err),
        JR_EINVAL);
    assert_err_code(&err, "date_in_future");
}

static void test_stop_reason_only_20_is_temporary(void **state)
{
    (void)state;
    assert_true(stop_reason_temporary("20"));
    assert_false(stop_reason_temporary(""));
    assert_false(stop_reason_temporary("2"));
    assert_false(stop_reason_temporary("200"));
    assert_false(stop_reason_temporary("01"));
    assert_false(stop_reason_temporary("21"));
}

/* the life of one start: a temporary stop, then the definitive one, then
 * nothing more; the follow-up on the day of the temporary stop */
static void test_temporary_then_definitive(void **state)
{
    (void)state;
    jr_error err;
    jr_stop_history h = {0, 0, 0};
    jr_date temp_day = D("2025-06-30");
    /* 1: temporary stop, new */
    assert_int_equal(stop_history_check(&h, false, "20", &err), JR_OK);
    h.temporary = 1;
    /* 2: the follow-up, definitive, on the same day or later */
    assert_int_equal(care_stop_next_check(temp_day, "20", temp_day, &err), JR_OK);
    assert_int_equal(care_stop_next_check(temp_day, "20", D("2025-09-30"), &err), JR_OK);
    assert_int_equal(stop_history_check(&h, false, "02", &err), JR_OK);
    h.definitive = 1;
    /* 3: after the definitive stop nothing follows, temporary or definitive */
    assert_int_equal(stop_history_check(&h, false, "20", &err), JR_ECONFLICT);
    assert_err_code(&err, "9415"); /* the definitive one is named first */
    assert_string_equal(err.field, "reden");
    assert_int_equal(stop_history_check(&h, false, "02", &err), JR_ECONFLICT);
    assert_err_code(&err, "9415");
    assert_int_equal(care_stop_next_check(D("2025-09-30"), "02", D("2025-10-01"), &err),
                     JR_ECONFLICT);
    assert_err_code(&err, "9415");
    /* the definitive stop may still be corrected (a change of the current one) */
    assert_int_equal(stop_history_check(&h, true, "02", &err), JR_OK);
    /* but not into a second temporary stop: the first is still there */
    h.other_temporary = 1;
    assert_int_equal(stop_history_check(&h, true, "20", &err), JR_ECONFLICT);
    assert_err_code(&err, "9413");
    /* the temporary stop itself, changed to definitive while it is the current one */
    jr_stop_history only_temp = {0, 1, 0};
    assert_int_equal(stop_history_check(&only_temp, true, "02", &err), JR_OK);
    /* a follow-up without a reason on record is no follow-up of a temporary stop */
    assert_int_equal(care_stop_next_check(temp_day, NULL, temp_day, &err), JR_ECONFLICT);
    assert_err_code(&err, "9415");
    /* the follow-up a day before the temporary stop */
    assert_int_equal(care_stop_next_check(temp_day, "20", temp_day - 1, &err), JR_EINVAL);
    assert_err_code(&err, "9414");
    assert_string_equal(err.field, "datum");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_care_dates_within_grant_and_not_future),
        cmocka_unit_test(test_stop_history_and_next_stop),
        cmocka_unit_test(test_care_start_edges),
        cmocka_unit_test(test_care_stop_edges),
        cmocka_unit_test(test_stop_reason_only_20_is_temporary),
        cmocka_unit_test(test_temporary_then_definitive),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

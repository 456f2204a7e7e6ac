/*
 * test_contract_mgmt.c: the contract management rules
 * (domain/contract_mgmt.h): the escalation protocol's order (each step
 * only after the one before it, closing after any step, nothing after
 * closing, no step twice or backwards, dates not going back and not in
 * the future, at their edges), the municipality scope (an empty scope is
 * every municipality; a listed one only its own), and the directory's
 * field checks (postcode, phone, e-mail, website, waiting weeks 0..104).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "domain/contract_mgmt.h"
#include "unit_support.h"

#include <string.h>

static jr_date day(int y, int m, int d)
{
    jr_date x;
    assert_true(date_from_ymd(y, m, d, &x));
    return x;
}

static jr_status step(jr_esc_step cur, jr_date cur_d, jr_esc_step next, jr_date d,
                      const char **code)
{
    static jr_error e;
    jr_error_clear(&e);
    jr_status rc = cm_step_check(cur, cur_d, next, d, day(2026, 6, 30), &e);
    *code = e.code;
    return rc;
}

static void test_steps_in_order(void **state)
{
    (void)state;
    const char *code;
    jr_date d0 = day(2026, 3, 1);
    /* each step directly after the one before it */
    for (int s = JR_ESC_SIGNAAL; s < JR_ESC_AFGESLOTEN; s++)
        assert_int_equal(step((jr_esc_step)s, d0, (jr_esc_step)(s + 1), d0, &code), JR_OK);
    /* skipping a step is refused: signaal -> verbeterplan, gesprek -> maatregel */
    assert_int_equal(step(JR_ESC_SIGNAAL, d0, JR_ESC_VERBETERPLAN, d0, &code), JR_ECONFLICT);
    assert_string_equal(code, "step_order");
    assert_int_equal(step(JR_ESC_GESPREK, d0, JR_ESC_MAATREGEL, d0, &code), JR_ECONFLICT);
    assert_string_equal(code, "step_order");
    /* the same step again, and back */
    assert_int_equal(step(JR_ESC_GESPREK, d0, JR_ESC_GESPREK, d0, &code), JR_ECONFLICT);
    assert_int_equal(step(JR_ESC_VERBETERPLAN, d0, JR_ESC_SIGNAAL, d0, &code), JR_ECONFLICT);
    assert_string_equal(code, "step_order");
    /* closing after every step */
    for (int s = JR_ESC_SIGNAAL; s < JR_ESC_AFGESLOTEN; s++)
        assert_int_equal(step((jr_esc_step)s, d0, JR_ESC_AFGESLOTEN, d0, &code), JR_OK);
    /* nothing after closing, not even closing again */
    for (int s = JR_ESC_SIGNAAL; s <= JR_ESC_AFGESLOTEN; s++) {
        assert_int_equal(step(JR_ESC_AFGESLOTEN, d0, (jr_esc_step)s, d0, &code), JR_ECONFLICT);
        assert_string_equal(code, "step_closed");
    }
}

static void test_step_dates(void **state)
{
    (void)state;
    const char *code;
    jr_date d0 = day(2026, 3, 1);
    /* the same day as the step before, and today itself, are fine */
    assert_int_equal(step(JR_ESC_SIGNAAL, d0, JR_ESC_GESPREK, d0, &code), JR_OK);
    assert_int_equal(step(JR_ESC_SIGNAAL, d0, JR_ESC_GESPREK, day(2026, 6, 30), &code), JR_OK);
    /* a day before the step before */
    assert_int_equal(step(JR_ESC_SIGNAAL, d0, JR_ESC_GESPREK, d0 - 1, &code), JR_EINVAL);
    assert_string_equal(code, "step_date_before");
    /* tomorrow */
    assert_int_equal(step(JR_ESC_SIGNAAL, d0, JR_ESC_GESPREK, day(2026, 7, 1), &code), JR_EINVAL);
    assert_string_equal(code, "step_date_future");
    assert_int_equal(step(JR_ESC_SIGNAAL, d0, JR_ESC_GESPREK, JR_DATE_NONE, &code), JR_EINVAL);
    assert_string_equal(code, "step_date_invalid");
    /* the order is checked before the date */
    assert_int_equal(step(JR_ESC_SIGNAAL, d0, JR_ESC_MAATREGEL, d0 - 1, &code), JR_ECONFLICT);
    assert_string_equal(code, "step_order");
}

static void test_step_names(void **state)
{
    (void)state;
    jr_esc_step s;
    assert_true(cm_step_parse("verbeterplan", &s));
    assert_int_equal(s, JR_ESC_VERBETERPLAN);
    assert_true(cm_step_parse("afgesloten", &s));
    assert_int_equal(s, JR_ESC_AFGESLOTEN);
    assert_false(cm_step_parse("Gesprek", &s));
    assert_false(cm_step_parse("", &s));
    assert_false(cm_step_parse(NULL, &s));
    assert_string_equal(cm_step_name(JR_ESC_MAATREGEL), "maatregel");
    assert_string_equal(cm_step_label(JR_ESC_MAATREGEL), "Aanwijzing/maatregel");
    assert_string_equal(cm_step_name(JR_ESC_COUNT), "");
}

static void test_scope(void **state)
{
    (void)state;
    const char codes[3][5] = {"0148", "0193", "1896"};
    /* no municipality listed: every municipality */
    assert_true(cm_scope_allows(codes, 0, "0150"));
    assert_true(cm_scope_allows(codes, 0, "0193"));
    /* listed: those only */
    assert_true(cm_scope_allows(codes, 3, "0148"));
    assert_true(cm_scope_allows(codes, 3, "1896"));
    assert_false(cm_scope_allows(codes, 3, "0150"));
    assert_false(cm_scope_allows(codes, 3, "019"));
    assert_false(cm_scope_allows(codes, 3, ""));
    /* the first only: the last of the array is not looked at */
    assert_false(cm_scope_allows(codes, 1, "0193"));
}

static jr_status details(const char *pc, const char *phone, const char *email, const char *web,
                         int *nrefused)
{
    jr_cm_details d;
    memset(&d, 0, sizeof d);
    strcpy(d.postcode, pc);
    strcpy(d.phone, phone);
    strcpy(d.email, email);
    strcpy(d.website, web);
    jr_error e;
    jr_invalid_list inv;
    jr_error_collect(&e, &inv);
    jr_status rc = cm_details_check(&d, &e);
    *nrefused = inv.n;
    return rc;
}

static void test_details(void **state)
{
    (void)state;
    int n;
    assert_int_equal(details("", "", "", "", &n), JR_OK); /* nothing given: nothing refused */
    assert_int_equal(
        details("8011 AB", "038-123 4567", "info@linde.nl", "https://www.linde.nl", &n), JR_OK);
    assert_int_equal(details("8011AB", "+31 38 123 4567", "a.b@c.d.nl", "http://x.nl", &n), JR_OK);
    /* postcode: no leading 0, four digits, two letters */
    assert_int_equal(details("0123 AB", "", "", "", &n), JR_EINVAL);
    assert_int_equal(details("801 AB", "", "", "", &n), JR_EINVAL);
    assert_int_equal(details("8011 A", "", "", "", &n), JR_EINVAL);
    assert_int_equal(details("8011 ABC", "", "", "", &n), JR_EINVAL);
    /* phone: 10 to 13 digits */
    assert_int_equal(details("", "038-12345", "", "", &n), JR_EINVAL);      /* 8 */
    assert_int_equal(details("", "0381234567", "", "", &n), JR_OK);         /* 10 */
    assert_int_equal(details("", "038123456", "", "", &n), JR_EINVAL);      /* 9 */
    assert_int_equal(details("", "0031381234567", "", "", &n), JR_OK);      /* 13 */
    assert_int_equal(details("", "00313812345678", "", "", &n), JR_EINVAL); /* 14 */
    assert_int_equal(details("", "038 123+4567", "", "", &n), JR_EINVAL);
    /* e-mail */
    assert_int_equal(details("", "", "info.linde.nl", "", &n), JR_EINVAL);
    assert_int_equal(details("", "", "@linde.nl", "", &n), JR_EINVAL);
    assert_int_equal(details("", "", "info@linde", "", &n), JR_EINVAL);
    assert_int_equal(details("", "", "info@linde.", "", &n), JR_EINVAL);
    assert_int_equal(details("", "", "a@b@c.nl", "", &n), JR_EINVAL);
    /* website */
    assert_int_equal(details("", "", "", "www.linde.nl", &n), JR_EINVAL);
    assert_int_equal(details("", "", "", "https://", &n), JR_EINVAL);
    /* every refusal is listed */
    assert_int_equal(details("1", "2", "3", "4", &n), JR_EINVAL);
    assert_int_equal(n, 4);
}

static void test_waiting(void **state)
{
    (void)state;
    jr_date today = day(2026, 6, 30);
    jr_error e;
    jr_error_clear(&e);
    assert_int_equal(cm_waiting_check(0, today, today, &e), JR_OK);
    assert_int_equal(cm_waiting_check(JR_CM_WAIT_WEEKS_MAX, today - 400, today, &e), JR_OK);
    assert_int_equal(cm_waiting_check(JR_CM_WAIT_WEEKS_MAX + 1, today, today, &e), JR_EINVAL);
    assert_string_equal(e.code, "weeks_invalid");
    jr_error_clear(&e);
    assert_int_equal(cm_waiting_check(-1, today, today, &e), JR_EINVAL);
    assert_string_equal(e.code, "weeks_invalid");
    jr_error_clear(&e);
    assert_int_equal(cm_waiting_check(3, today + 1, today, &e), JR_EINVAL);
    assert_string_equal(e.code, "date_future");
    jr_error_clear(&e);
    assert_int_equal(cm_waiting_check(3, JR_DATE_NONE, today, &e), JR_EINVAL);
    assert_string_equal(e.code, "date_invalid");
}

static void test_kinds(void **state)
{
    (void)state;
    assert_true(cm_kind_valid("financieel"));
    assert_true(cm_kind_valid("kwaliteit"));
    assert_false(cm_kind_valid("Financieel"));
    assert_false(cm_kind_valid(NULL));
    assert_true(cm_complainant_valid("ouder"));
    assert_true(cm_complainant_valid("anders"));
    assert_false(cm_complainant_valid("Jan de Vries"));
    assert_false(cm_complainant_valid(""));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_steps_in_order), cmocka_unit_test(test_step_dates),
        cmocka_unit_test(test_step_names),     cmocka_unit_test(test_scope),
        cmocka_unit_test(test_details),        cmocka_unit_test(test_waiting),
        cmocka_unit_test(test_kinds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_framework.c: the rules of the framework agreement
 * (domain/framework.h) at their edges: the 1 March deadline (28 February
 * accepted, 1 March refused, 29 February in a leap year, the day before
 * the start, the year of the current end after an extension); the end
 * date after extensions (IJsselland's first extension on 1 January 2025,
 * a month-end start, two extensions in a row); an extension that does not
 * follow the current end or lasts 0 or 121 months; every step of the state
 * machine, in order and out of order, before, on and after the extension
 * date; the codes round trip.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "domain/framework.h"
#include "unit_support.h"

#include <string.h>

static jr_status submit(const char *start, const char *end, const char *date, jr_error *err)
{
    jr_error_clear(err);
    return framework_submit_check(D(start), D(end), D(date), err);
}

static void test_deadline_edges(void **state)
{
    (void)state;
    jr_error err;
    /* an agreement ending 2026-12-31: proposals before 1 March 2026 */
    assert_int_equal(framework_deadline(D("2026-12-31")), D("2026-03-01"));
    assert_int_equal(submit("2023-01-01", "2026-12-31", "2026-02-28", &err), JR_OK);
    assert_int_equal(submit("2023-01-01", "2026-12-31", "2026-03-01", &err), JR_EINVAL);
    assert_err_code(&err, "proposal_too_late");
    assert_string_equal(err.field, "date");
    assert_non_null(strstr(err.message, "1 maart 2026"));
    assert_non_null(strstr(err.message, "2026-02-28"));
    assert_int_equal(submit("2023-01-01", "2026-12-31", "2026-12-31", &err), JR_EINVAL);
    /* a year earlier is a proposal for this round too */
    assert_int_equal(submit("2023-01-01", "2026-12-31", "2025-06-01", &err), JR_OK);
    /* a leap year: 29 February is the last day */
    assert_int_equal(submit("2025-01-01", "2028-12-31", "2028-02-29", &err), JR_OK);
    assert_int_equal(submit("2025-01-01", "2028-12-31", "2028-03-01", &err), JR_EINVAL);
    assert_non_null(strstr(err.message, "2028-02-29"));
    /* not a leap year: 28 February is the last, the next day is 1 March */
    assert_int_equal(D("2027-02-28") + 1, D("2027-03-01"));
    assert_int_equal(submit("2025-01-01", "2027-12-31", "2027-02-28", &err), JR_OK);
    assert_int_equal(submit("2025-01-01", "2027-12-31", "2027-03-01", &err), JR_EINVAL);
    /* the year of the end date counts, not the day: an end on 30 June */
    assert_int_equal(submit("2025-01-01", "2027-06-30", "2027-02-28", &err), JR_OK);
    assert_int_equal(submit("2025-01-01", "2027-06-30", "2027-03-01", &err), JR_EINVAL);
    /* before the start */
    assert_int_equal(submit("2023-01-01", "2024-12-31", "2022-12-31", &err), JR_EINVAL);
    assert_err_code(&err, "proposal_before_start");
    assert_int_equal(submit("2023-01-01", "2024-12-31", "2023-01-01", &err), JR_OK);
    /* the effect date is the day after the end */
    assert_int_equal(framework_effect_date(D("2024-12-31")), D("2025-01-01"));
}

static void test_end_after_extensions(void **state)
{
    (void)state;
    /* IJsselland: 2023-2024, first extension from 1 January 2025 */
    assert_int_equal(framework_end(D("2024-12-31"), NULL, 0), D("2024-12-31"));
    jr_fw_ext ext[2] = {{D("2025-01-01"), 24}, {D("2027-01-01"), 12}};
    assert_int_equal(framework_extension_end(D("2025-01-01"), 24), D("2026-12-31"));
    assert_int_equal(framework_end(D("2024-12-31"), ext, 1), D("2026-12-31"));
    assert_int_equal(framework_end(D("2024-12-31"), ext, 2), D("2027-12-31"));
    assert_int_equal(framework_extension_end(D("2025-01-01"), 1), D("2025-01-31"));
    /* a mid-month start: the day before the same day months later */
    assert_int_equal(framework_extension_end(D("2025-07-15"), 12), D("2026-07-14"));
    /* the deadline moves with the current end */
    assert_int_equal(framework_deadline(framework_end(D("2024-12-31"), ext, 1)), D("2026-03-01"));
    jr_error err;
    jr_error_clear(&err);
    assert_int_equal(framework_term_check(D("2023-01-01"), D("2022-12-31"), &err), JR_EINVAL);
    assert_err_code(&err, "end_before_start");
    assert_int_equal(framework_term_check(D("2023-01-01"), D("2023-01-01"), &err), JR_OK);
}

static void test_extension_check(void **state)
{
    (void)state;
    jr_error err;
    jr_error_clear(&err);
    assert_int_equal(framework_extension_check(D("2024-12-31"), D("2025-01-01"), 24, &err), JR_OK);
    assert_int_equal(framework_extension_check(D("2024-12-31"), D("2025-01-01"), 1, &err), JR_OK);
    assert_int_equal(framework_extension_check(D("2024-12-31"), D("2025-01-01"), 120, &err), JR_OK);
    assert_int_equal(framework_extension_check(D("2024-12-31"), D("2025-01-02"), 24, &err),
                     JR_EINVAL);
    assert_err_code(&err, "extension_not_contiguous");
    assert_non_null(strstr(err.message, "2025-01-01"));
    jr_error_clear(&err);
    assert_int_equal(framework_extension_check(D("2024-12-31"), D("2024-12-31"), 24, &err),
                     JR_EINVAL);
    jr_error_clear(&err);
    assert_int_equal(framework_extension_check(D("2024-12-31"), D("2025-01-01"), 0, &err),
                     JR_EINVAL);
    assert_err_code(&err, "months_invalid");
    jr_error_clear(&err);
    assert_int_equal(framework_extension_check(D("2024-12-31"), D("2025-01-01"), 121, &err),
                     JR_EINVAL);
    /* both faults at once: both listed */
    jr_invalid_list l;
    jr_error_collect(&err, &l);
    assert_int_equal(framework_extension_check(D("2024-12-31"), D("2025-02-01"), 0, &err),
                     JR_EINVAL);
    assert_int_equal(l.n, 2);
    assert_string_equal(l.item[0].field, "start");
    assert_string_equal(l.item[1].field, "months");
}

static jr_status step(jr_fwp_state from, jr_fwp_outcome o, jr_fwp_step s, const char *today,
                      bool extended, jr_fwp_state *to, jr_error *err)
{
    jr_error_clear(err);
    return framework_step_check(from, o, s, D(today), D("2027-01-01"), extended, to, err);
}

static void test_state_machine(void **state)
{
    (void)state;
    jr_error err;
    jr_fwp_state to = JR_FWP_INGEDIEND;
    /* in order */
    assert_int_equal(
        step(JR_FWP_INGEDIEND, JR_FWO_NONE, JR_FWS_DISCUSS, "2026-03-10", false, &to, &err), JR_OK);
    assert_int_equal(to, JR_FWP_IN_BESPREKING);
    assert_int_equal(
        step(JR_FWP_IN_BESPREKING, JR_FWO_NONE, JR_FWS_DECIDE, "2026-12-31", false, &to, &err),
        JR_OK);
    assert_int_equal(to, JR_FWP_BESLOTEN);
    assert_int_equal(
        step(JR_FWP_BESLOTEN, JR_FWO_AANGENOMEN, JR_FWS_EFFECT, "2027-01-01", true, &to, &err),
        JR_OK);
    assert_int_equal(to, JR_FWP_IN_WERKING);
    assert_int_equal(
        step(JR_FWP_BESLOTEN, JR_FWO_AANGENOMEN, JR_FWS_EFFECT, "2027-03-01", true, &to, &err),
        JR_OK);
    /* out of order: every step from every wrong state, the state unchanged */
    static const struct {
        jr_fwp_state from;
        jr_fwp_step step;
    } wrong[] = {
        {JR_FWP_IN_BESPREKING, JR_FWS_DISCUSS}, {JR_FWP_BESLOTEN, JR_FWS_DISCUSS},
        {JR_FWP_IN_WERKING, JR_FWS_DISCUSS},    {JR_FWP_INGEDIEND, JR_FWS_DECIDE},
        {JR_FWP_BESLOTEN, JR_FWS_DECIDE},       {JR_FWP_IN_WERKING, JR_FWS_DECIDE},
        {JR_FWP_INGEDIEND, JR_FWS_EFFECT},      {JR_FWP_IN_BESPREKING, JR_FWS_EFFECT},
        {JR_FWP_IN_WERKING, JR_FWS_EFFECT},
    };
    for (size_t i = 0; i < sizeof wrong / sizeof wrong[0]; i++) {
        to = JR_FWP_STATE_COUNT;
        assert_int_equal(
            step(wrong[i].from, JR_FWO_AANGENOMEN, wrong[i].step, "2027-01-01", true, &to, &err),
            JR_EINVAL);
        assert_err_code(&err, "step_out_of_order");
        assert_int_equal(to, JR_FWP_STATE_COUNT);
        assert_non_null(strstr(err.message, framework_state_name(wrong[i].from)));
    }
    /* out of date: discussing or deciding on the extension date is too late */
    assert_int_equal(
        step(JR_FWP_INGEDIEND, JR_FWO_NONE, JR_FWS_DISCUSS, "2027-01-01", false, &to, &err),
        JR_EINVAL);
    assert_err_code(&err, "step_too_late");
    assert_int_equal(
        step(JR_FWP_IN_BESPREKING, JR_FWO_NONE, JR_FWS_DECIDE, "2027-01-01", false, &to, &err),
        JR_EINVAL);
    assert_err_code(&err, "step_too_late");
    /* in werking the day before the extension date: too early */
    assert_int_equal(
        step(JR_FWP_BESLOTEN, JR_FWO_AANGENOMEN, JR_FWS_EFFECT, "2026-12-31", true, &to, &err),
        JR_EINVAL);
    assert_err_code(&err, "step_too_early");
    assert_non_null(strstr(err.message, "2027-01-01"));
    /* not extended, or rejected */
    assert_int_equal(
        step(JR_FWP_BESLOTEN, JR_FWO_AANGENOMEN, JR_FWS_EFFECT, "2027-01-01", false, &to, &err),
        JR_EINVAL);
    assert_err_code(&err, "not_extended");
    assert_int_equal(
        step(JR_FWP_BESLOTEN, JR_FWO_AFGEWEZEN, JR_FWS_EFFECT, "2027-01-01", true, &to, &err),
        JR_EINVAL);
    assert_err_code(&err, "proposal_rejected");
}

static void test_codes(void **state)
{
    (void)state;
    for (int i = 0; i < JR_FWP_STATE_COUNT; i++) {
        jr_fwp_state s;
        assert_true(framework_state_parse(framework_state_code((jr_fwp_state)i), &s));
        assert_int_equal(s, i);
    }
    jr_fwp_state s = JR_FWP_BESLOTEN;
    assert_false(framework_state_parse("aangenomen", &s));
    assert_false(framework_state_parse(NULL, &s));
    assert_int_equal(s, JR_FWP_BESLOTEN);
    assert_string_equal(framework_state_name(JR_FWP_IN_BESPREKING), "in bespreking");
    for (int i = 0; i < JR_FCS_COUNT; i++) {
        jr_fcov_status c;
        assert_true(framework_cov_status_parse(framework_cov_status_code((jr_fcov_status)i), &c));
        assert_int_equal(c, i);
    }
    jr_fwp_outcome o;
    assert_true(framework_outcome_parse("afgewezen", &o));
    assert_int_equal(o, JR_FWO_AFGEWEZEN);
    assert_false(framework_outcome_parse("besloten", &o));
    jr_fwp_proposer k;
    assert_true(framework_proposer_parse("aanbieder", &k));
    assert_int_equal(k, JR_FWK_AANBIEDER);
    assert_false(framework_proposer_parse("toegang", &k));
}

static void test_texts(void **state)
{
    (void)state;
    jr_error err;
    jr_error_clear(&err);
    assert_int_equal(
        framework_text_check(JR_OK, "Sneller hulp.", "effect_youth", "Het effect", &err), JR_OK);
    assert_int_equal(framework_text_check(JR_OK, "  \n", "effect_youth", "Het effect", &err),
                     JR_EINVAL);
    assert_err_code(&err, "text_missing");
    assert_string_equal(err.field, "effect_youth");
    static char big[JR_FW_TEXT_MAX + 2];
    memset(big, 'x', sizeof big - 1);
    big[JR_FW_TEXT_MAX] = '\0';
    jr_error_clear(&err);
    assert_int_equal(framework_text_check(JR_OK, big, "description", "De beschrijving", &err),
                     JR_OK);
    big[JR_FW_TEXT_MAX] = 'x';
    assert_int_equal(framework_text_check(JR_OK, big, "description", "De beschrijving", &err),
                     JR_EINVAL);
    assert_err_code(&err, "text_too_long");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_deadline_edges),  cmocka_unit_test(test_end_after_extensions),
        cmocka_unit_test(test_extension_check), cmocka_unit_test(test_state_machine),
        cmocka_unit_test(test_codes),           cmocka_unit_test(test_texts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

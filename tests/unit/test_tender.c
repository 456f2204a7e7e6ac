/*
 * test_tender.c: the tender rules (domain/tender.h) at their edges: each
 * phase's first and last day and the day before and after (a question on
 * the last day of the nota van inlichtingen and not the day after, a
 * registration on the closing day, a score on the first and last day of
 * the assessment, an award on the award date and not the day before,
 * contracts on the day after the 20-day standstill and not on its last
 * day); the order of the dates and the minimum standstill of 20 days;
 * the mean score in tenths rounded half up; a score exactly at its
 * minimum passes and a tenth below fails; missing scores; the weights
 * summing to exactly 100; and what a decision on later entry must hold.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "domain/tender.h"
#include "unit_support.h"

#include <string.h>

/* publication 2026-02-01, questions until 02-14, registration until
   02-28, assessment 03-02..03-13, award 03-16, 20 days, contracts 04-06 */
static jr_tender_dates dates(void)
{
    jr_tender_dates d = {D("2026-02-01"),
                         D("2026-02-14"),
                         D("2026-02-28"),
                         D("2026-03-02"),
                         D("2026-03-13"),
                         D("2026-03-16"),
                         20,
                         D("2026-04-06"),
                         JR_DATE_NONE};
    return d;
}

static jr_status allowed(jr_tender_action a, const char *today, jr_date awarded, jr_error *err)
{
    jr_error_clear(err);
    jr_tender_dates d = dates();
    return tender_action_allowed(&d, a, D(today), awarded, err);
}

static void test_phase_edges(void **state)
{
    (void)state;
    jr_error err;
    /* questions: publication .. qa_end inclusive */
    assert_int_equal(allowed(JR_TA_ASK, "2026-01-31", JR_DATE_NONE, &err), JR_EINVAL);
    assert_string_equal(err.code, "phase_not_open");
    assert_int_equal(allowed(JR_TA_ASK, "2026-02-01", JR_DATE_NONE, &err), JR_OK);
    assert_int_equal(allowed(JR_TA_ASK, "2026-02-14", JR_DATE_NONE, &err), JR_OK);
    assert_int_equal(allowed(JR_TA_ASK, "2026-02-15", JR_DATE_NONE, &err), JR_EINVAL);
    assert_string_equal(err.code, "phase_closed");
    assert_non_null(strstr(err.message, "nota van inlichtingen"));
    assert_non_null(strstr(err.message, "2026-02-01 tot en met 2026-02-14"));
    assert_non_null(strstr(err.message, "vandaag is 2026-02-15"));
    /* registration: until the closing day inclusive */
    assert_int_equal(allowed(JR_TA_REGISTER, "2026-02-28", JR_DATE_NONE, &err), JR_OK);
    assert_int_equal(allowed(JR_TA_REGISTER, "2026-03-01", JR_DATE_NONE, &err), JR_EINVAL);
    assert_non_null(strstr(err.message, "fase inschrijving"));
    /* answers until the registration closes */
    assert_int_equal(allowed(JR_TA_ANSWER, "2026-02-28", JR_DATE_NONE, &err), JR_OK);
    assert_int_equal(allowed(JR_TA_ANSWER, "2026-03-01", JR_DATE_NONE, &err), JR_EINVAL);
    /* scores: the assessment's first and last day */
    assert_int_equal(allowed(JR_TA_SCORE, "2026-03-01", JR_DATE_NONE, &err), JR_EINVAL);
    assert_non_null(strstr(err.message, "beoordeling"));
    assert_int_equal(allowed(JR_TA_SCORE, "2026-03-02", JR_DATE_NONE, &err), JR_OK);
    assert_int_equal(allowed(JR_TA_SCORE, "2026-03-13", JR_DATE_NONE, &err), JR_OK);
    assert_int_equal(allowed(JR_TA_SCORE, "2026-03-14", JR_DATE_NONE, &err), JR_EINVAL);
    /* award from the award date */
    assert_int_equal(allowed(JR_TA_AWARD, "2026-03-15", JR_DATE_NONE, &err), JR_EINVAL);
    assert_non_null(strstr(err.message, "vanaf 2026-03-16"));
    assert_int_equal(allowed(JR_TA_AWARD, "2026-03-16", JR_DATE_NONE, &err), JR_OK);
    /* contracts: not without an award; awarded 03-16, the standstill runs
       03-17 .. 04-05 (20 days), contracts from 04-06 */
    assert_int_equal(allowed(JR_TA_CONTRACT, "2026-05-01", JR_DATE_NONE, &err), JR_EINVAL);
    assert_string_equal(err.code, "not_awarded");
    assert_int_equal(allowed(JR_TA_CONTRACT, "2026-04-05", D("2026-03-16"), &err), JR_EINVAL);
    assert_string_equal(err.code, "standstill_running");
    assert_non_null(strstr(err.message, "2026-03-17 tot en met 2026-04-05"));
    assert_int_equal(allowed(JR_TA_CONTRACT, "2026-04-06", D("2026-03-16"), &err), JR_OK);
    /* a later award moves the standstill with it */
    assert_int_equal(allowed(JR_TA_CONTRACT, "2026-04-06", D("2026-03-20"), &err), JR_EINVAL);
}

static void test_phase_names(void **state)
{
    (void)state;
    jr_tender_dates d = dates();
    assert_int_equal(tender_phase(&d, D("2026-01-31"), JR_DATE_NONE), JR_TP_CONCEPT);
    assert_int_equal(tender_phase(&d, D("2026-02-14"), JR_DATE_NONE), JR_TP_NVI);
    assert_int_equal(tender_phase(&d, D("2026-02-15"), JR_DATE_NONE), JR_TP_INSCHRIJVING);
    assert_int_equal(tender_phase(&d, D("2026-03-01"), JR_DATE_NONE), JR_TP_GESLOTEN);
    assert_int_equal(tender_phase(&d, D("2026-03-13"), JR_DATE_NONE), JR_TP_BEOORDELING);
    assert_int_equal(tender_phase(&d, D("2026-03-14"), JR_DATE_NONE), JR_TP_GUNNING);
    assert_int_equal(tender_phase(&d, D("2026-04-05"), D("2026-03-16")), JR_TP_STANDSTILL);
    assert_int_equal(tender_phase(&d, D("2026-04-06"), D("2026-03-16")), JR_TP_CONTRACT);
    assert_string_equal(tender_phase_code(JR_TP_NVI), "nvi");
    assert_string_equal(tender_phase_name(JR_TP_NVI), "nota van inlichtingen");
    assert_int_equal(tender_standstill_end(&d, D("2026-03-16")), D("2026-04-05"));
}

static void test_dates_check(void **state)
{
    (void)state;
    jr_error err;
    jr_tender_dates d = dates();
    jr_error_clear(&err);
    assert_int_equal(tender_dates_check(&d, &err), JR_OK);
    /* 19 days of standstill are too few */
    d.standstill_days = 19;
    jr_error_clear(&err);
    assert_int_equal(tender_dates_check(&d, &err), JR_EINVAL);
    assert_string_equal(err.code, "standstill_too_short");
    assert_non_null(strstr(err.message, "20 kalenderdagen"));
    /* contracts on the standstill's last day: refused; the day after: fine */
    d = dates();
    d.contract_start = D("2026-04-05");
    jr_error_clear(&err);
    assert_int_equal(tender_dates_check(&d, &err), JR_EINVAL);
    assert_string_equal(err.field, "contract_begin");
    d.contract_start = D("2026-04-06");
    jr_error_clear(&err);
    assert_int_equal(tender_dates_check(&d, &err), JR_OK);
    /* assessment may not start on the closing day of registration */
    d = dates();
    d.assessment_start = d.registration_end;
    jr_error_clear(&err);
    assert_int_equal(tender_dates_check(&d, &err), JR_EINVAL);
    assert_string_equal(err.field, "beoordeling_begin");
    /* every refusal listed: questions after registration, award inside assessment */
    d = dates();
    d.qa_end = D("2026-03-01");
    d.award = d.assessment_end;
    jr_invalid_list list;
    jr_error_collect(&err, &list);
    assert_int_equal(tender_dates_check(&d, &err), JR_EINVAL);
    assert_int_equal(list.n, 2);
    assert_string_equal(list.item[0].field, "inschrijving_einde");
    assert_string_equal(list.item[1].field, "gunning");
    /* a missing date */
    d = dates();
    d.award = JR_DATE_NONE;
    jr_error_clear(&err);
    assert_int_equal(tender_dates_check(&d, &err), JR_EINVAL);
    assert_string_equal(err.code, "date_missing");
}

static void test_mean(void **state)
{
    (void)state;
    assert_int_equal(tender_score_mean_x10(0, 0), -1);
    assert_int_equal(tender_score_mean_x10(1, 7), 70);
    assert_int_equal(tender_score_mean_x10(2, 13), 65); /* 6.5 */
    assert_int_equal(tender_score_mean_x10(3, 20), 67); /* 6.666.. -> 6.7 */
    assert_int_equal(tender_score_mean_x10(3, 19), 63); /* 6.333.. -> 6.3 */
    assert_int_equal(tender_score_mean_x10(8, 50), 63); /* 6.25 -> 6.3, half up */
    assert_int_equal(tender_score_mean_x10(4, 40), 100);
}

static void test_result_minimum(void **state)
{
    (void)state;
    jr_tender_crit c[3] = {{50, 6}, {30, 5}, {20, 0}};
    /* exactly at the minimum: passes */
    jr_tender_tally t[3] = {{1, 6}, {1, 5}, {1, 0}};
    jr_tender_result r;
    tender_result(c, t, 3, &r);
    assert_true(r.complete);
    assert_true(r.passes);
    assert_int_equal(r.nbelow, 0);
    assert_int_equal(r.weighted, 50 * 60 + 30 * 50 + 20 * 0); /* 4500 of 10000 */
    /* a mean of 5.5 against a minimum of 6: a tenth below, fails */
    jr_tender_tally t2[3] = {{2, 11}, {2, 10}, {1, 10}};
    tender_result(c, t2, 3, &r);
    assert_true(r.complete);
    assert_false(r.passes);
    assert_int_equal(r.nbelow, 1);
    assert_true(r.below[0]);
    assert_false(r.below[1]);
    assert_int_equal(r.score_x10[0], 55);
    assert_int_equal(r.weighted, 50 * 55 + 30 * 50 + 20 * 100);
    /* 5 and 7: a mean of 6.0 exactly at the minimum passes */
    jr_tender_tally t3[3] = {{2, 12}, {1, 9}, {1, 1}};
    tender_result(c, t3, 3, &r);
    assert_true(r.passes);
    /* a criterion without a score: incomplete, not passing, its weight not counted */
    jr_tender_tally t4[3] = {{1, 10}, {0, 0}, {1, 10}};
    tender_result(c, t4, 3, &r);
    assert_false(r.complete);
    assert_false(r.passes);
    assert_int_equal(r.nmissing, 1);
    assert_int_equal(r.score_x10[1], -1);
    assert_int_equal(r.weighted, 50 * 100 + 20 * 100);
    /* the top: 10 on everything is 10000 */
    jr_tender_tally t5[3] = {{1, 10}, {1, 10}, {1, 10}};
    tender_result(c, t5, 3, &r);
    assert_int_equal(r.weighted, 10000);
}

static void test_criteria_check(void **state)
{
    (void)state;
    jr_error err;
    jr_tender_crit ok[2] = {{60, 6}, {40, 5}};
    jr_error_clear(&err);
    assert_int_equal(tender_criteria_check(ok, 2, &err), JR_OK);
    jr_tender_crit sum99[2] = {{60, 6}, {39, 5}};
    jr_error_clear(&err);
    assert_int_equal(tender_criteria_check(sum99, 2, &err), JR_EINVAL);
    assert_string_equal(err.code, "weights_total");
    assert_non_null(strstr(err.message, "99"));
    jr_tender_crit sum101[2] = {{60, 6}, {41, 5}};
    jr_error_clear(&err);
    assert_int_equal(tender_criteria_check(sum101, 2, &err), JR_EINVAL);
    jr_tender_crit badmin[2] = {{60, 11}, {40, -1}};
    jr_invalid_list list;
    jr_error_collect(&err, &list);
    assert_int_equal(tender_criteria_check(badmin, 2, &err), JR_EINVAL);
    assert_int_equal(list.n, 2);
    jr_error_clear(&err);
    assert_int_equal(tender_criteria_check(ok, 0, &err), JR_EINVAL);
    assert_string_equal(err.code, "criteria_count");
}

static void test_admission(void **state)
{
    (void)state;
    jr_error err;
    jr_tender_crit c[2] = {{50, 6}, {50, 6}};
    jr_tender_tally pass[2] = {{1, 6}, {1, 8}}, fail[2] = {{1, 5}, {1, 8}},
                    part[2] = {{1, 8}, {0, 0}};
    jr_tender_result rp, rf, rm;
    tender_result(c, pass, 2, &rp);
    tender_result(c, fail, 2, &rf);
    tender_result(c, part, 2, &rm);
    const char *g = "Hardenberg: 1 aanbieder voor 45F05, 14 jeugdigen wachten";
    jr_error_clear(&err);
    assert_int_equal(admission_check(true, JR_AR_SPREIDING, g, &rp, &err), JR_OK);
    /* admitted needs an insufficiency as the reason */
    jr_error_clear(&err);
    assert_int_equal(admission_check(true, JR_AR_VOLDOENDE, g, &rp, &err), JR_EINVAL);
    assert_string_equal(err.code, "admission_reason");
    /* a refusal needs a refusal reason */
    jr_error_clear(&err);
    assert_int_equal(admission_check(false, JR_AR_KWANTITEIT, g, &rp, &err), JR_EINVAL);
    jr_error_clear(&err);
    assert_int_equal(admission_check(false, JR_AR_VOLDOENDE, g, &rp, &err), JR_OK);
    /* grounds required: 9 characters too few, 10 enough */
    jr_error_clear(&err);
    assert_int_equal(admission_check(false, JR_AR_VOLDOENDE, "123456789", &rp, &err), JR_EINVAL);
    assert_string_equal(err.code, "grounds_missing");
    jr_error_clear(&err);
    assert_int_equal(admission_check(false, JR_AR_VOLDOENDE, "1234567890", &rp, &err), JR_OK);
    /* admission of a registration below a minimum or not fully scored: refused */
    jr_error_clear(&err);
    assert_int_equal(admission_check(true, JR_AR_KWALITEIT, g, &rf, &err), JR_EINVAL);
    assert_string_equal(err.code, "below_minimum");
    jr_error_clear(&err);
    assert_int_equal(admission_check(true, JR_AR_KWALITEIT, g, &rm, &err), JR_EINVAL);
    assert_string_equal(err.code, "assessment_incomplete");
    /* a refusal of one that fails the criteria is fine */
    jr_error_clear(&err);
    assert_int_equal(admission_check(false, JR_AR_NIET_GESCHIKT, g, &rf, &err), JR_OK);
    /* the codes */
    jr_admission_reason r;
    assert_true(admission_reason_parse("spreiding", &r));
    assert_int_equal(r, JR_AR_SPREIDING);
    assert_false(admission_reason_parse("geografie", &r));
    assert_string_equal(admission_reason_code(JR_AR_VOLDOENDE), "voldoende_aanbod");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_phase_edges),    cmocka_unit_test(test_phase_names),
        cmocka_unit_test(test_dates_check),    cmocka_unit_test(test_mean),
        cmocka_unit_test(test_result_minimum), cmocka_unit_test(test_criteria_check),
        cmocka_unit_test(test_admission),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_decl.c: every check decl_check_line runs on a declaration line.
 *
 * Each test starts from a fully valid line (valid_budget(), valid_verblijf(),
 * valid_dyslexie()), breaks exactly one thing and asserts the exact reason
 * code; the valid lines themselves are asserted to be accepted, so a code
 * can only come from the one thing a test broke.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "domain/decl.h"
#include "unit_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const jr_catalog *cat;
    jr_decl_batch batch;
    jr_decl_line line;
    jr_decl_assignment asg;
    jr_decl_facts facts;
    jr_date today;
} fixture;

#define COPY(dst, src) snprintf((dst), sizeof(dst), "%s", (src))

/* A budget assignment KB3 (5000 euro) for BSN 111222333 at provider AGB
 * 12345678 in Zwolle, all of 2024, care started 2024-01-01; the line
 * declares 10 hours of FG2 (45F02) at 78 euro in March 2024. */
static fixture valid_budget(void)
{
    fixture f;
    memset(&f, 0, sizeof f);
    f.cat = unit_catalog();
    f.today = D("2024-06-01");

    COPY(f.batch.number, "D2024-03-001");
    COPY(f.batch.agb, "12345678");
    COPY(f.batch.gemeente, "0193");
    f.batch.period = M("2024-03");
    f.batch.dagtekening = D("2024-04-05");

    COPY(f.line.ref, "R-0001");
    COPY(f.line.assignment, "T-1001");
    COPY(f.line.bsn, "111222333");
    COPY(f.line.category, "45");
    COPY(f.line.product, "45F02");
    f.line.begin = D("2024-03-01");
    f.line.end = D("2024-03-31");
    f.line.volume = 10;
    COPY(f.line.unit, "04");
    f.line.tariff = 7800;
    f.line.amount = 78000;

    f.asg.found = true;
    COPY(f.asg.gemeente, "0193");
    COPY(f.asg.bsn, "111222333");
    COPY(f.asg.category, "45");
    COPY(f.asg.product, "");
    f.asg.is_budget = true;
    f.asg.budget = 500000;
    f.asg.used = 0;
    COPY(f.asg.unit, "83");
    f.asg.start = D("2024-01-01");
    f.asg.end = D("2024-12-31");
    f.asg.care_start = D("2024-01-01");
    f.asg.care_stop = JR_DATE_NONE;

    f.facts.contracted = true;
    return f;
}

/* wonen midden (44W04, 250 euro per etmaal), 60 etmalen over 2024; the line
 * declares the 31 etmalen of March. */
static fixture valid_verblijf(void)
{
    fixture f = valid_budget();
    COPY(f.line.category, "44");
    COPY(f.line.product, "44W04");
    f.line.volume = 31;
    COPY(f.line.unit, "14");
    f.line.tariff = 25000;
    f.line.amount = 775000;
    COPY(f.asg.category, "44");
    COPY(f.asg.product, "44W04");
    f.asg.is_budget = false;
    f.asg.budget = 0;
    f.asg.volume = 60;
    COPY(f.asg.unit, "14");
    return f;
}

/* ernstige dyslexie (45D01, 68.40 per hour), 40 hours over 2024; the line
 * declares 10 hours in March. */
static fixture valid_dyslexie(void)
{
    fixture f = valid_budget();
    COPY(f.line.product, "45D01");
    f.line.tariff = 6840;
    f.line.amount = 68400;
    COPY(f.asg.product, "45D01");
    f.asg.is_budget = false;
    f.asg.budget = 0;
    f.asg.volume = 40;
    COPY(f.asg.unit, "04");
    return f;
}

/* a credit that cancels the debit of valid_budget() */
static fixture valid_credit(void)
{
    fixture f = valid_budget();
    jr_decl_line debit = f.line;
    COPY(f.line.ref, "R-0002");
    f.line.credit = true;
    COPY(f.line.credit_ref, debit.ref);
    f.facts.credit_target_found = true;
    f.facts.credit_target = debit;
    f.asg.used = 78000;
    return f;
}

static jr_decl_result check(const fixture *f)
{
    jr_decl_result out;
    memset(&out, 0, sizeof out);
    decl_check_line(f->cat, &f->batch, &f->line, &f->asg, &f->facts, f->today, &out);
    return out;
}

static void expect_code(const fixture *f, const char *code)
{
    jr_decl_result r = check(f);
    if (r.code == NULL)
        fail_msg("no code set, expected %s", code);
    if (strcmp(r.code, code) != 0)
        fail_msg("code %s (%s), expected %s", r.code, r.message ? r.message : "", code);
    assert_false(r.accepted);
    assert_non_null(r.message);
    assert_string_equal(r.message, decl_code_message(code));
    assert_true(r.message[0] != '\0');
    assert_i64_equal(r.amount, 0);
    assert_i64_equal(r.volume_base, 0);
}

static void expect_accepted(const fixture *f, jr_cents amount, int64_t volume_base)
{
    jr_decl_result r = check(f);
    if (r.code == NULL)
        fail_msg("no code set, expected 8001");
    if (!r.accepted || strcmp(r.code, "8001") != 0)
        fail_msg("refused with %s (%s)", r.code, r.message ? r.message : "");
    assert_string_equal(r.message, decl_code_message("8001"));
    assert_i64_equal(r.amount, amount);
    assert_i64_equal(r.volume_base, volume_base);
}

/* ---- the valid lines --------------------------------------------------- */

static void test_valid_budget_line_accepted(void **state)
{
    (void)state;
    fixture f = valid_budget();
    expect_accepted(&f, 78000, 10 * 60); /* volume tracked in minutes */
}

static void test_valid_verblijf_line_accepted(void **state)
{
    (void)state;
    fixture f = valid_verblijf();
    expect_accepted(&f, 775000, 31);
}

static void test_valid_dyslexie_line_accepted(void **state)
{
    (void)state;
    fixture f = valid_dyslexie();
    expect_accepted(&f, 68400, 600);
}

static void test_first_failing_check_wins(void **state)
{
    (void)state;
    fixture f = valid_budget();
    COPY(f.line.bsn, "123456789"); /* JR01 */
    f.asg.found = false;           /* 9338, checked later */
    expect_code(&f, "JR01");
}

/* ---- message level ----------------------------------------------------- */

static void test_8848_dagtekening_in_future(void **state)
{
    (void)state;
    fixture f = valid_budget();
    f.batch.dagtekening = D("2024-06-02");
    expect_code(&f, "8848");
}

static void test_8848_dagtekening_today_ok(void **state)
{
    (void)state;
    fixture f = valid_budget();
    f.batch.dagtekening = f.today;
    expect_accepted(&f, 78000, 600);
}

static void test_s300_municipality_not_in_region(void **state)
{
    (void)state;
    fixture f = valid_budget();
    COPY(f.batch.gemeente, "0363"); /* Amsterdam */
    expect_code(&f, "S300");
}

static void test_jr01_bsn_fails_eleven_check(void **state)
{
    (void)state;
    fixture f = valid_budget();
    COPY(f.line.bsn, "123456789");
    expect_code(&f, "JR01");
    COPY(f.line.bsn, "11122233");
    expect_code(&f, "JR01");
}

static void test_s329_product_not_in_catalog(void **state)
{
    (void)state;
    fixture f = valid_budget();
    COPY(f.line.product, "45F99");
    expect_code(&f, "S329");
}

static void test_s329_product_not_of_category(void **state)
{
    (void)state;
    fixture f = valid_budget();
    COPY(f.line.category, "43");
    expect_code(&f, "S329");
}

static void test_jr02_volume_not_positive(void **state)
{
    (void)state;
    fixture f = valid_budget();
    f.line.volume = 0;
    f.line.amount = 0;
    expect_code(&f, "JR02");
    f.line.volume = -10;
    f.line.amount = -78000;
    expect_code(&f, "JR02");
}

static void test_jr04_end_before_begin(void **state)
{
    (void)state;
    fixture f = valid_budget();
    f.line.begin = D("2024-03-31");
    f.line.end = D("2024-03-01");
    expect_code(&f, "JR04");
}

static void test_jr03_period_in_future(void **state)
{
    (void)state;
    fixture f = valid_budget();
    /* declared on 20 March for all of March */
    f.today = D("2024-03-20");
    f.batch.dagtekening = D("2024-03-20");
    expect_code(&f, "JR03");
}

static void test_jr03_period_ending_today_ok(void **state)
{
    (void)state;
    fixture f = valid_budget();
    f.today = D("2024-03-31");
    f.batch.dagtekening = D("2024-03-31");
    expect_accepted(&f, 78000, 600);
}

static void test_9319_line_outside_declaration_period(void **state)
{
    (void)state;
    fixture f = valid_budget();
    f.batch.period = M("2024-04");
    expect_code(&f, "9319");
}

static void test_9319_line_spans_two_months(void **state)
{
    (void)state;
    fixture f = valid_budget();
    f.line.end = D("2024-04-30");
    expect_code(&f, "9319");
}

/* ---- the assignment ---------------------------------------------------- */

static void test_9338_no_assignment_of_provider(void **state)
{
    (void)state;
    fixture f = valid_budget();
    f.asg.found = false;
    expect_code(&f, "9338");
}

static void test_jr05_assignment_of_other_municipality(void **state)
{
    (void)state;
    fixture f = valid_budget();
    COPY(f.asg.gemeente, "0150");
    expect_code(&f, "JR05");
}

static void test_9384_assignment_withdrawn(void **state)
{
    (void)state;
    fixture f = valid_budget();
    f.asg.withdrawn = true;
    expect_code(&f, "9384");
}

static void test_8187_other_client(void **state)
{
    (void)state;
    fixture f = valid_budget();
    COPY(f.asg.bsn, "123456782"); /* a valid BSN, but another youth */
    expect_code(&f, "8187");
}

/* ---- the product ------------------------------------------------------- */

static void test_9339_category_differs(void **state)
{
    (void)state;
    fixture f = valid_verblijf();
    /* verblijf met behandeling (43) on an assignment for wonen (44) */
    COPY(f.line.category, "43");
    COPY(f.line.product, "43V01");
    f.line.tariff = 45000;
    f.line.amount = 31 * 45000;
    expect_code(&f, "9339");
}

static void test_9340_product_differs(void **state)
{
    (void)state;
    fixture f = valid_verblijf();
    COPY(f.line.product, "44W05"); /* wonen zwaar on an assignment for wonen midden */
    f.line.tariff = 34000;
    f.line.amount = 31 * 34000;
    expect_code(&f, "9340");
}

static void test_9340_non_functiegroep_under_budget(void **state)
{
    (void)state;
    fixture f = valid_budget();
    COPY(f.line.product, "45D01"); /* dyslexie is category 45 but no functiegroep */
    f.line.tariff = 6840;
    f.line.amount = 68400;
    expect_code(&f, "9340");
}

static void test_9340_every_functiegroep_under_budget_ok(void **state)
{
    (void)state;
    static const struct {
        const char *code;
        jr_cents tariff;
    } fg[] = {{"45F01", 5600},  {"45F02", 7800},  {"45F03", 8800}, {"45F04", 10400},
              {"45F05", 11800}, {"45F06", 13800}, {"45F07", 20200}};
    for (size_t i = 0; i < sizeof fg / sizeof fg[0]; i++) {
        fixture f = valid_budget();
        COPY(f.line.product, fg[i].code);
        f.line.tariff = fg[i].tariff;
        f.line.amount = 10 * fg[i].tariff;
        expect_accepted(&f, 10 * fg[i].tariff, 600);
    }
}

static void test_9341_unit_differs_from_product(void **state)
{
    (void)state;
    fixture f = valid_budget();
    COPY(f.line.unit, "14"); /* etmalen of a functiegroep */
    expect_code(&f, "9341");
}

static void test_9341_hours_on_etmaal_assignment(void **state)
{
    (void)state;
    fixture f = valid_verblijf();
    COPY(f.line.unit, "04");
    expect_code(&f, "9341");
}

/* ---- dates against the assignment -------------------------------------- */

static void test_9307_begin_before_assignment(void **state)
{
    (void)state;
    fixture f = valid_budget();
    f.asg.start = D("2024-03-02");
    expect_code(&f, "9307");
}

static void test_9307_begin_after_assignment(void **state)
{
    (void)state;
    fixture f = valid_budget();
    f.asg.start = D("2023-03-01");
    f.asg.end = D("2024-02-29");
    expect_code(&f, "9307");
}

static void test_9308_end_after_assignment(void **state)
{
    (void)state;
    fixture f = valid_budget();
    f.asg.end = D("2024-03-30");
    expect_code(&f, "9308");
}

static void test_9387_begin_not_first_of_month(void **state)
{
    (void)state;
    fixture f = valid_budget();
    f.line.begin = D("2024-03-02");
    expect_code(&f, "9387");
}

static void test_9387_exception_assignment_starts_mid_month(void **state)
{
    (void)state;
    fixture f = valid_budget();
    f.asg.start = D("2024-03-10");
    f.asg.care_start = D("2024-03-10");
    f.line.begin = D("2024-03-10");
    expect_accepted(&f, 78000, 600);
}

static void test_9388_end_not_last_of_month(void **state)
{
    (void)state;
    fixture f = valid_budget();
    f.line.end = D("2024-03-30");
    expect_code(&f, "9388");
}

static void test_9388_exception_assignment_ends_mid_month(void **state)
{
    (void)state;
    fixture f = valid_budget();
    f.asg.end = D("2024-03-20");
    f.line.end = D("2024-03-20");
    expect_accepted(&f, 78000, 600);
}

/* ---- care period ------------------------------------------------------- */

static void test_jr06_no_care_start(void **state)
{
    (void)state;
    fixture f = valid_budget();
    f.asg.care_start = JR_DATE_NONE;
    expect_code(&f, "JR06");
}

static void test_jr06_begin_before_care_start(void **state)
{
    (void)state;
    fixture f = valid_budget();
    f.asg.care_start = D("2024-03-02");
    expect_code(&f, "JR06");
}

static void test_jr06_end_after_care_stop(void **state)
{
    (void)state;
    fixture f = valid_budget();
    f.asg.care_stop = D("2024-03-30");
    expect_code(&f, "JR06");
}

static void test_jr06_care_stop_on_last_day_ok(void **state)
{
    (void)state;
    fixture f = valid_budget();
    f.asg.care_stop = D("2024-03-31");
    expect_accepted(&f, 78000, 600);
}

/*
 * Regression, fixed (src/domain/decl.c, decl_check_line): care that starts in the middle
 * of a month on an assignment that started earlier can never be declared
 * for that month. A line from the care start is refused with 9387 (the
 * 9387 exception only looks at the assignment's start), a line from the
 * first of the month with JR06. DOMAIN.md: the line's period lies inside
 * the care period; the month's care must be payable.
 */
static void test_care_starting_mid_month_declarable(void **state)
{
    (void)state;
    fixture f = valid_budget();
    f.asg.care_start = D("2024-03-15");
    f.line.begin = D("2024-03-15");
    expect_accepted(&f, 78000, 600);
}

/* Regression, fixed: the same at the other end: stop zorg in the middle of the month (the
 * assignment runs on) leaves 9388 for a line up to the stop, JR06 after it. */
static void test_care_stopping_mid_month_declarable(void **state)
{
    (void)state;
    fixture f = valid_budget();
    f.asg.care_stop = D("2024-03-15");
    f.line.end = D("2024-03-15");
    expect_accepted(&f, 78000, 600);
}

/* ---- contract and tariff ----------------------------------------------- */

static void test_jr07_not_contracted(void **state)
{
    (void)state;
    fixture f = valid_budget();
    f.facts.contracted = false;
    expect_code(&f, "JR07");
}

static void test_jr08_line_spans_tariff_change(void **state)
{
    (void)state;
    /* a catalog where FG2 costs 78.00 up to 15 March 2024 and 80.00 from 16 March */
    jr_catalog *cat = unit_catalog_copy();
    jr_product *fg2 = (jr_product *)catalog_product(cat, "45F02");
    assert_non_null(fg2);
    for (int i = 0; i < fg2->nprices; i++)
        if (fg2->prices[i].from == D("2024-01-01"))
            fg2->prices[i].to = D("2024-03-15");
    assert_true(fg2->nprices < JR_MAX_PRICES);
    fg2->prices[fg2->nprices++] = (jr_price){D("2024-03-16"), D("2024-12-31"), 8000, false};

    fixture f = valid_budget();
    f.cat = cat;
    jr_decl_result r = check(&f);
    free(cat);
    assert_false(r.accepted);
    assert_string_equal(r.code, "JR08");
}

static void test_0611_tariff_differs(void **state)
{
    (void)state;
    fixture f = valid_budget();
    f.line.tariff = 8000;
    f.line.amount = 80000;
    expect_code(&f, "0611");
}

/* a January 2025 line on an assignment running from June 2024 */
static fixture valid_2025(void)
{
    fixture f = valid_budget();
    f.today = D("2025-03-01");
    f.batch.period = M("2025-01");
    f.batch.dagtekening = D("2025-02-05");
    f.asg.start = D("2024-06-01");
    f.asg.end = D("2025-05-31");
    f.asg.care_start = D("2024-06-01");
    f.line.begin = D("2025-01-01");
    f.line.end = D("2025-01-31");
    return f;
}

static void test_0611_2024_tariff_in_2025(void **state)
{
    (void)state;
    fixture f = valid_2025();
    f.line.tariff = 7800;
    f.line.amount = 78000;
    expect_code(&f, "0611");
}

static void test_2025_indexed_tariff_ok(void **state)
{
    (void)state;
    fixture f = valid_2025();
    f.line.tariff = 8100; /* 78.00 + 3.85 % OVA */
    f.line.amount = 81000;
    expect_accepted(&f, 81000, 600);
}

static void test_9346_amount_differs(void **state)
{
    (void)state;
    fixture f = valid_budget();
    f.line.amount = 78001;
    expect_code(&f, "9346");
}

static void test_9346_minutes_at_hourly_tariff(void **state)
{
    (void)state;
    fixture f = valid_budget();
    COPY(f.line.unit, "01");
    f.line.volume = 90; /* 1.5 hours at 78.00 */
    f.line.amount = 11700;
    expect_accepted(&f, 11700, 90);
    f.line.amount = 11700 * 60; /* billed as if minutes were hours */
    expect_code(&f, "9346");
}

static void test_9346_minutes_rounded_half_up(void **state)
{
    (void)state;
    fixture f = valid_budget();
    COPY(f.line.product, "45F01");
    COPY(f.line.unit, "01");
    f.line.tariff = 5600;
    f.line.volume = 1; /* 93.33 cents */
    f.line.amount = 93;
    expect_accepted(&f, 93, 1);
    f.line.volume = 2; /* 186.67 cents */
    f.line.amount = 186;
    expect_code(&f, "9346");
    f.line.amount = 187;
    expect_accepted(&f, 187, 2);
}

static void test_expected_amount(void **state)
{
    (void)state;
    assert_i64_equal(decl_expected_amount(10, "04", 7800), 78000);
    assert_i64_equal(decl_expected_amount(31, "14", 25000), 775000);
    assert_i64_equal(decl_expected_amount(90, "01", 7800), 11700);
    assert_i64_equal(decl_expected_amount(1, "01", 90), 2); /* 1.5 -> 2 */
    assert_i64_equal(decl_expected_amount(1, "01", 89), 1); /* 1.48 -> 1 */
}

static void test_units(void **state)
{
    (void)state;
    assert_i64_equal(unit_base_factor("04"), 60);
    assert_i64_equal(unit_base_factor("01"), 1);
    assert_i64_equal(unit_base_factor("14"), 1);
    assert_true(unit_fits("04", "04"));
    assert_true(unit_fits("01", "04")); /* minutes on an hourly product */
    assert_true(unit_fits("14", "14"));
    assert_false(unit_fits("04", "01"));
    assert_false(unit_fits("01", "14"));
    assert_false(unit_fits("04", "14"));
}

/* ---- history ----------------------------------------------------------- */

static void test_8021_ref_already_accepted(void **state)
{
    (void)state;
    fixture f = valid_budget();
    f.facts.ref_accepted = true;
    expect_code(&f, "8021");
}

static void test_9389_open_debit_for_same_period(void **state)
{
    (void)state;
    fixture f = valid_budget();
    f.facts.debit_open = true;
    expect_code(&f, "9389");
}

/* ---- etmalen and volumes ----------------------------------------------- */

static void test_jr09_more_etmalen_than_days(void **state)
{
    (void)state;
    fixture f = valid_verblijf();
    f.line.volume = 32; /* March has 31 nights */
    f.line.amount = 32 * 25000;
    expect_code(&f, "JR09");
}

static void test_jr09_other_bed_same_month(void **state)
{
    (void)state;
    fixture f = valid_verblijf();
    jr_bed_line other = {D("2024-03-31"), D("2024-03-31"), 1}; /* the last night is taken */
    f.facts.other_beds = &other;
    f.facts.nother_beds = 1;
    expect_code(&f, "JR09");
}

static void test_jr09_other_bed_fits(void **state)
{
    (void)state;
    fixture f = valid_verblijf();
    jr_bed_line other = {D("2024-03-27"), D("2024-03-31"), 5};
    f.facts.other_beds = &other;
    f.facts.nother_beds = 1;
    f.line.volume = 26; /* part-time over March: 26 + 5 = 31 nights */
    f.line.amount = 26 * 25000;
    expect_accepted(&f, 26 * 25000, 26);
}

/* the rule is for beds only: an hourly line beside a bed is not counted */
static void test_jr09_not_for_hours(void **state)
{
    (void)state;
    fixture f = valid_dyslexie();
    jr_bed_line other = {D("2024-03-01"), D("2024-03-31"), 31};
    f.facts.other_beds = &other;
    f.facts.nother_beds = 1;
    expect_accepted(&f, 68400, 600);
}

static void test_9321_volume_above_assigned(void **state)
{
    (void)state;
    fixture f = valid_verblijf();
    f.asg.volume = 30;
    expect_code(&f, "9321");
}

static void test_9321_hours_above_assigned(void **state)
{
    (void)state;
    fixture f = valid_dyslexie();
    f.line.volume = 41;
    f.line.amount = 41 * 6840;
    expect_code(&f, "9321");
}

static void test_9322_sum_above_assigned(void **state)
{
    (void)state;
    fixture f = valid_verblijf();
    f.asg.used_base = 30; /* 30 + 31 > 60 */
    expect_code(&f, "9322");
}

static void test_9322_sum_equal_to_assigned_ok(void **state)
{
    (void)state;
    fixture f = valid_verblijf();
    f.asg.used_base = 29; /* 29 + 31 = 60 */
    expect_accepted(&f, 775000, 31);
}

static void test_9322_minutes_and_hours_add_up(void **state)
{
    (void)state;
    fixture f = valid_dyslexie();
    f.asg.used_base = 30 * 60; /* 30 of 40 hours used */
    COPY(f.line.unit, "01");
    f.line.volume = 601; /* 10 hours and a minute */
    f.line.amount = decl_expected_amount(601, "01", 6840);
    expect_code(&f, "9322");
    f.line.volume = 600;
    f.line.amount = 68400;
    expect_accepted(&f, 68400, 600);
}

static void test_9369_budget_exceeded(void **state)
{
    (void)state;
    fixture f = valid_budget();
    f.asg.used = 430000; /* 4300 + 780 > 5000 */
    expect_code(&f, "9369");
}

static void test_9369_budget_exactly_used_ok(void **state)
{
    (void)state;
    fixture f = valid_budget();
    f.asg.used = 422000; /* 4220 + 780 = 5000 */
    expect_accepted(&f, 78000, 600);
}

/* ---- credits ----------------------------------------------------------- */

static void test_credit_accepted_negative(void **state)
{
    (void)state;
    fixture f = valid_credit();
    expect_accepted(&f, -78000, -600);
}

static void test_8017_credit_without_debit(void **state)
{
    (void)state;
    fixture f = valid_credit();
    f.facts.credit_target_found = false;
    expect_code(&f, "8017");
}

static void test_9390_debit_credited_already(void **state)
{
    (void)state;
    fixture f = valid_credit();
    f.facts.credit_target_credited = true;
    expect_code(&f, "9390");
}

static void test_jr10_credit_other_amount(void **state)
{
    (void)state;
    fixture f = valid_credit();
    f.line.amount = 70200;
    expect_code(&f, "JR10");
}

static void test_jr10_credit_other_volume(void **state)
{
    (void)state;
    fixture f = valid_credit();
    f.line.volume = 9;
    expect_code(&f, "JR10");
}

static void test_jr10_credit_other_period(void **state)
{
    (void)state;
    fixture f = valid_credit();
    f.facts.credit_target.begin = D("2024-02-01");
    f.facts.credit_target.end = D("2024-02-29");
    expect_code(&f, "JR10");
}

static void test_jr10_credit_other_product(void **state)
{
    (void)state;
    fixture f = valid_credit();
    COPY(f.facts.credit_target.product, "45F03");
    expect_code(&f, "JR10");
}

/*
 * Regression, fixed (src/domain/decl.c, decl_check_line): a credit line is never checked
 * for 8021. A credit whose own reference was accepted before (here: the
 * reference of the debit it cancels) is accepted, so two lines with one
 * reference stand. DOMAIN.md: idempotent by line id; iJw 8021 applies to
 * every prestatie.
 */
static void test_8021_credit_with_accepted_ref(void **state)
{
    (void)state;
    fixture f = valid_credit();
    COPY(f.line.ref, f.facts.credit_target.ref);
    f.facts.ref_accepted = true;
    expect_code(&f, "8021");
}

/* ---- the code list ----------------------------------------------------- */

static void test_every_code_has_dutch_message(void **state)
{
    (void)state;
    int n = 0;
    const jr_decl_code *codes = decl_codes(&n);
    assert_true(n > 0);
    for (int i = 0; i < n; i++) {
        assert_non_null(codes[i].code);
        assert_non_null(codes[i].message);
        if (codes[i].message[0] == '\0')
            fail_msg("code %s has no message", codes[i].code);
        assert_string_equal(decl_code_message(codes[i].code), codes[i].message);
        assert_int_equal(strlen(codes[i].code), 4);
        /* own codes are JRnn, the iJw ones are not */
        assert_int_equal(codes[i].ijw, strncmp(codes[i].code, "JR", 2) != 0);
        for (int j = 0; j < i; j++)
            if (strcmp(codes[i].code, codes[j].code) == 0)
                fail_msg("code %s listed twice", codes[i].code);
    }
    assert_string_equal(decl_code_message("9999"), "");
}

static void test_every_code_the_checks_give_is_listed(void **state)
{
    (void)state;
    static const char *const used[] = {"8001", "8848", "S300", "JR01", "S329", "JR02", "JR04",
                                       "JR03", "9319", "9338", "JR05", "9384", "8187", "8017",
                                       "9390", "JR10", "9339", "9340", "9341", "9307", "9308",
                                       "9387", "9388", "JR06", "JR07", "JR08", "0611", "9346",
                                       "8021", "9389", "JR09", "9321", "9322", "9369"};
    for (size_t i = 0; i < sizeof used / sizeof used[0]; i++)
        if (decl_code_message(used[i])[0] == '\0')
            fail_msg("code %s has no message", used[i]);
}

/* lines belong to one batch only when every header field agrees */
static void test_same_batch_needs_every_header_field(void **state)
{
    (void)state;
    jr_decl_batch a = {.number = "D1", .agb = "12345678", .gemeente = "0193"};
    a.period = 2025 * 12 + 2;
    a.dagtekening = 20200;
    jr_decl_batch b = a;
    assert_true(decl_same_batch(&a, &b));
    for (int field = 0; field < 5; field++) {
        b = a;
        switch (field) {
        case 0:
            b.number[1] = '2';
            break;
        case 1:
            b.agb[7] = '9';
            break;
        case 2:
            b.gemeente[3] = '8';
            break;
        case 3:
            b.period++;
            break;
        default:
            b.dagtekening++;
            break;
        }
        assert_false(decl_same_batch(&a, &b));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_budget_line_accepted),
        cmocka_unit_test(test_valid_verblijf_line_accepted),
        cmocka_unit_test(test_valid_dyslexie_line_accepted),
        cmocka_unit_test(test_first_failing_check_wins),
        cmocka_unit_test(test_8848_dagtekening_in_future),
        cmocka_unit_test(test_8848_dagtekening_today_ok),
        cmocka_unit_test(test_s300_municipality_not_in_region),
        cmocka_unit_test(test_jr01_bsn_fails_eleven_check),
        cmocka_unit_test(test_s329_product_not_in_catalog),
        cmocka_unit_test(test_s329_product_not_of_category),
        cmocka_unit_test(test_jr02_volume_not_positive),
        cmocka_unit_test(test_jr04_end_before_begin),
        cmocka_unit_test(test_jr03_period_in_future),
        cmocka_unit_test(test_jr03_period_ending_today_ok),
        cmocka_unit_test(test_9319_line_outside_declaration_period),
        cmocka_unit_test(test_9319_line_spans_two_months),
        cmocka_unit_test(test_9338_no_assignment_of_provider),
        cmocka_unit_test(test_jr05_assignment_of_other_municipality),
        cmocka_unit_test(test_9384_assignment_withdrawn),
        cmocka_unit_test(test_8187_other_client),
        cmocka_unit_test(test_9339_category_differs),
        cmocka_unit_test(test_9340_product_differs),
        cmocka_unit_test(test_9340_non_functiegroep_under_budget),
        cmocka_unit_test(test_9340_every_functiegroep_under_budget_ok),
        cmocka_unit_test(test_9341_unit_differs_from_product),
        cmocka_unit_test(test_9341_hours_on_etmaal_assignment),
        cmocka_unit_test(test_9307_begin_before_assignment),
        cmocka_unit_test(test_9307_begin_after_assignment),
        cmocka_unit_test(test_9308_end_after_assignment),
        cmocka_unit_test(test_9387_begin_not_first_of_month),
        cmocka_unit_test(test_9387_exception_assignment_starts_mid_month),
        cmocka_unit_test(test_9388_end_not_last_of_month),
        cmocka_unit_test(test_9388_exception_assignment_ends_mid_month),
        cmocka_unit_test(test_jr06_no_care_start),
        cmocka_unit_test(test_jr06_begin_before_care_start),
        cmocka_unit_test(test_jr06_end_after_care_stop),
        cmocka_unit_test(test_jr06_care_stop_on_last_day_ok),
        cmocka_unit_test(test_care_starting_mid_month_declarable),
        cmocka_unit_test(test_care_stopping_mid_month_declarable),
        cmocka_unit_test(test_jr07_not_contracted),
        cmocka_unit_test(test_jr08_line_spans_tariff_change),
        cmocka_unit_test(test_0611_tariff_differs),
        cmocka_unit_test(test_0611_2024_tariff_in_2025),
        cmocka_unit_test(test_2025_indexed_tariff_ok),
        cmocka_unit_test(test_9346_amount_differs),
        cmocka_unit_test(test_9346_minutes_at_hourly_tariff),
        cmocka_unit_test(test_9346_minutes_rounded_half_up),
        cmocka_unit_test(test_expected_amount),
        cmocka_unit_test(test_units),
        cmocka_unit_test(test_8021_ref_already_accepted),
        cmocka_unit_test(test_9389_open_debit_for_same_period),
        cmocka_unit_test(test_jr09_more_etmalen_than_days),
        cmocka_unit_test(test_jr09_other_bed_same_month),
        cmocka_unit_test(test_jr09_other_bed_fits),
        cmocka_unit_test(test_jr09_not_for_hours),
        cmocka_unit_test(test_9321_volume_above_assigned),
        cmocka_unit_test(test_9321_hours_above_assigned),
        cmocka_unit_test(test_9322_sum_above_assigned),
        cmocka_unit_test(test_9322_sum_equal_to_assigned_ok),
        cmocka_unit_test(test_9322_minutes_and_hours_add_up),
        cmocka_unit_test(test_9369_budget_exceeded),
        cmocka_unit_test(test_9369_budget_exactly_used_ok),
        cmocka_unit_test(test_credit_accepted_negative),
        cmocka_unit_test(test_8017_credit_without_debit),
        cmocka_unit_test(test_9390_debit_credited_already),
        cmocka_unit_test(test_jr10_credit_other_amount),
        cmocka_unit_test(test_jr10_credit_other_volume),
        cmocka_unit_test(test_jr10_credit_other_period),
        cmocka_unit_test(test_jr10_credit_other_product),
        cmocka_unit_test(test_8021_credit_with_accepted_ref),
        cmocka_unit_test(test_every_code_has_dutch_message),
        cmocka_unit_test(test_every_code_the_checks_give_is_listed),
        cmocka_unit_test(test_same_batch_needs_every_header_field),
    };
    return cmocka_run_group_tests(tests, unit_catalog_setup, NULL);
}

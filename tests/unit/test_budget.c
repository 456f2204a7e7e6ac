/*
 * test_budget.c: the money of a budget assignment: a quote line's amount
 * and the ledger (remaining, release on end, change, nearly spent), at its
 * edges.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "domain/budget.h"
#include "unit_support.h"

static void test_quote_line_amount(void **state)
{
    (void)state;
    assert_i64_equal(quote_line_amount(1000, 7800), 78000); /* 10.00 h x 78 */
    assert_i64_equal(quote_line_amount(150, 5600), 8400);   /* 1.50 h x 56 */
    assert_i64_equal(quote_line_amount(1, 5650), 57);       /* 56.5 cents -> 57 */
}

static void test_ledger_remaining(void **state)
{
    (void)state;
    jr_ledger l = {.granted = 500000, .used = 120000, .released = 0};
    assert_i64_equal(ledger_remaining(&l), 380000);
    l.released = 80000;
    assert_i64_equal(ledger_remaining(&l), 300000);
}

static void test_ledger_release_moves_remainder(void **state)
{
    (void)state;
    jr_ledger l = {.granted = 500000, .used = 120000, .released = 0};
    ledger_release(&l);
    assert_i64_equal(l.released, 380000);
    assert_i64_equal(l.used, 120000);
    assert_i64_equal(l.granted, 500000);
    assert_i64_equal(ledger_remaining(&l), 0);
    ledger_release(&l); /* a second release returns nothing more */
    assert_i64_equal(l.released, 380000);
}

static void test_ledger_release_nothing_when_spent(void **state)
{
    (void)state;
    jr_ledger l = {.granted = 500000, .used = 500000, .released = 0};
    ledger_release(&l);
    assert_i64_equal(l.released, 0);
}

static void test_ledger_release_never_negative(void **state)
{
    (void)state;
    /* more used than granted (a grant lowered by hand): nothing to release, nothing taken */
    jr_ledger l = {.granted = 500000, .used = 520000, .released = 0};
    ledger_release(&l);
    assert_i64_equal(l.released, 0);
    assert_i64_equal(l.used, 520000);
}

static void test_ledger_change_not_below_used(void **state)
{
    (void)state;
    jr_ledger l = {.granted = 500000, .used = 120000, .released = 0};
    assert_true(ledger_change_ok(&l, 750000));
    assert_true(ledger_change_ok(&l, 250000));
    assert_true(ledger_change_ok(&l, 120000)); /* exactly what was used */
    assert_false(ledger_change_ok(&l, 119999));
    jr_ledger fresh = {.granted = 500000, .used = 0, .released = 0};
    assert_false(ledger_change_ok(&fresh, 0));
}

static void test_ledger_compute_open_assignment(void **state)
{
    (void)state;
    jr_ledger l = {.granted = 1, .used = 2, .released = 3};
    ledger_compute(&l, 500000, 120000, false);
    assert_i64_equal(l.granted, 500000);
    assert_i64_equal(l.used, 120000);
    assert_i64_equal(l.released, 0);
    assert_i64_equal(ledger_remaining(&l), 380000);
}

static void test_ledger_compute_ended_releases_rest(void **state)
{
    (void)state;
    jr_ledger l = {0};
    ledger_compute(&l, 500000, 120000, true);
    assert_i64_equal(l.released, 380000);
    assert_i64_equal(ledger_remaining(&l), 0);
    /* a line accepted after the end takes its share back from the released part */
    ledger_compute(&l, 500000, 150000, true);
    assert_i64_equal(l.released, 350000);
    assert_i64_equal(ledger_remaining(&l), 0);
}

static void test_ledger_nearly_spent_above_ninety_percent(void **state)
{
    (void)state;
    jr_ledger l = {.granted = 500000, .used = 450000, .released = 0};
    assert_false(ledger_nearly_spent(&l)); /* exactly 90 %: not yet */
    l.used = 450001;
    assert_true(ledger_nearly_spent(&l));
    l.used = 600000; /* overspent (a credit may follow): still shown */
    assert_true(ledger_nearly_spent(&l));
    jr_ledger none = {.granted = 0, .used = 0, .released = 0};
    assert_false(ledger_nearly_spent(&none)); /* a volume assignment has no budget */
}

/* quote lines round half away from zero to the cent; nothing costs nothing */
static void test_quote_line_amount_edges(void **state)
{
    (void)state;
    assert_i64_equal(quote_line_amount(0, 7800), 0);
    assert_i64_equal(quote_line_amount(1000, 0), 0);
    assert_i64_equal(quote_line_amount(1, 50), 1);   /* half a cent up */
    assert_i64_equal(quote_line_amount(1, 49), 0);   /* 0.49 cent down */
    assert_i64_equal(quote_line_amount(1, 150), 2);  /* 1.5 cents up */
    assert_i64_equal(quote_line_amount(-1, 50), -1); /* a correction: away from zero */
}

/* the threshold at a grant too small to split evenly: 9 of 10 cents is
 * exactly 90 %, not yet; 1 cent of 1 is all of it */
static void test_ledger_nearly_spent_exact_threshold(void **state)
{
    (void)state;
    jr_ledger l = {.granted = 10, .used = 9, .released = 0};
    assert_false(ledger_nearly_spent(&l));
    l.used = 10;
    assert_true(ledger_nearly_spent(&l));
    jr_ledger one = {.granted = 1, .used = 1, .released = 0};
    assert_true(ledger_nearly_spent(&one));
    one.used = 0;
    assert_false(ledger_nearly_spent(&one));
    /* what was released at the end does not count as used */
    jr_ledger ended = {.granted = 500000, .used = 100000, .released = 400000};
    assert_false(ledger_nearly_spent(&ended));
    /* credits outweighing debits: nothing used */
    jr_ledger credited = {.granted = 500000, .used = -1000, .released = 0};
    assert_false(ledger_nearly_spent(&credited));
}

/* a zero grant (a volume assignment keeps its money ledger at zero) */
static void test_ledger_zero_budget(void **state)
{
    (void)state;
    jr_ledger l = {0};
    ledger_compute(&l, 0, 0, false);
    assert_i64_equal(ledger_remaining(&l), 0);
    assert_false(ledger_nearly_spent(&l));
    ledger_compute(&l, 0, 0, true);
    assert_i64_equal(l.released, 0);
    assert_i64_equal(ledger_remaining(&l), 0);
    assert_false(ledger_change_ok(&l, 0)); /* a grant of nothing is no change */
    assert_true(ledger_change_ok(&l, 1));
    assert_false(ledger_change_ok(&l, -1));
    /* used against a zero grant: overspent, nothing released, never nearly spent */
    ledger_compute(&l, 0, 5000, true);
    assert_i64_equal(l.released, 0);
    assert_i64_equal(ledger_remaining(&l), -5000);
    assert_false(ledger_nearly_spent(&l));
}

/* releasing twice, and releasing after more was used than granted */
static void test_ledger_release_twice(void **state)
{
    (void)state;
    jr_ledger l = {0};
    ledger_compute(&l, 500000, 120000, true); /* ended: released once */
    ledger_release(&l);                       /* and again: nothing more */
    assert_i64_equal(l.released, 380000);
    assert_i64_equal(l.granted, 500000);
    assert_i64_equal(l.used, 120000);
    assert_i64_equal(ledger_remaining(&l), 0);
    jr_ledger over = {.granted = 500000, .used = 520000, .released = 0};
    ledger_release(&over);
    ledger_release(&over);
    assert_i64_equal(over.released, 0);
    assert_i64_equal(ledger_remaining(&over), -20000);
    /* a credit after the end: compute again from the figures, the rest is released */
    ledger_compute(&over, 500000, 480000, true);
    assert_i64_equal(over.released, 20000);
    assert_i64_equal(ledger_remaining(&over), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_quote_line_amount),
        cmocka_unit_test(test_ledger_remaining),
        cmocka_unit_test(test_ledger_release_moves_remainder),
        cmocka_unit_test(test_ledger_release_nothing_when_spent),
        cmocka_unit_test(test_ledger_release_never_negative),
        cmocka_unit_test(test_ledger_change_not_below_used),
        cmocka_unit_test(test_ledger_compute_open_assignment),
        cmocka_unit_test(test_ledger_compute_ended_releases_rest),
        cmocka_unit_test(test_ledger_nearly_spent_above_ninety_percent),
        cmocka_unit_test(test_quote_line_amount_edges),
        cmocka_unit_test(test_ledger_nearly_spent_exact_threshold),
        cmocka_unit_test(test_ledger_zero_budget),
        cmocka_unit_test(test_ledger_release_twice),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

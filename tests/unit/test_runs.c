/*
 * test_runs.c: distinct youths over assignment runs (domain/runs.h) at
 * its edges: a run that starts before the period and ends after it covers
 * every month; a run ending on the last day of a month covers that month
 * only; a run outside the period counts nowhere; a youth with two runs in
 * one group counts once there, a youth in two groups once in each and
 * once in the whole; a group outside the range counts in the whole only;
 * started and ended are runs, not youths; a span that is not whole months
 * is refused.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include <string.h>

#include "domain/runs.h"
#include "unit_support.h"

static jr_date d(int y, int m, int day)
{
    jr_date out;
    assert_true(date_from_ymd(y, m, day, &out));
    return out;
}

static void test_kinds(void **state)
{
    (void)state;
    assert_int_equal(runs_kind("45"), JR_RUN_AMBULANT);
    assert_int_equal(runs_kind("43"), JR_RUN_VERBLIJF);
    assert_int_equal(runs_kind("44"), JR_RUN_VERBLIJF);
    assert_int_equal(runs_kind("46"), JR_RUN_OTHER);
    assert_int_equal(runs_kind(NULL), JR_RUN_OTHER);
}

static void test_refuses_partial_months(void **state)
{
    (void)state;
    jr_runs r;
    assert_false(runs_init(&r, d(2025, 4, 2), d(2025, 6, 30), 1));
    assert_false(runs_init(&r, d(2025, 4, 1), d(2025, 6, 29), 1));
    assert_false(runs_init(&r, d(2025, 1, 1), d(2026, 1, 31), 1)); /* 13 months */
    assert_false(runs_init(&r, d(2025, 6, 30), d(2025, 4, 1), 1));
}

static void test_quarter(void **state)
{
    (void)state;
    jr_runs r;
    assert_true(runs_init(&r, d(2025, 4, 1), d(2025, 6, 30), 2));
    /* youth 1, group 0: a long ambulant run over the whole quarter and a
       second one starting in May: once, in every month */
    assert_true(runs_add(&r, 0, 1, d(2024, 12, 1), d(2025, 12, 31), JR_RUN_AMBULANT));
    assert_true(runs_add(&r, 0, 1, d(2025, 5, 10), d(2025, 5, 31), JR_RUN_AMBULANT));
    /* youth 2: group 0 verblijf ending on 30 April (April only), group 1
       ambulant from 1 June */
    assert_true(runs_add(&r, 0, 2, d(2025, 3, 1), d(2025, 4, 30), JR_RUN_VERBLIJF));
    assert_true(runs_add(&r, 1, 2, d(2025, 6, 1), d(2025, 9, 30), JR_RUN_AMBULANT));
    /* youth 3: ended the day before the period, and starts the day after */
    assert_true(runs_add(&r, 1, 3, d(2025, 1, 1), d(2025, 3, 31), JR_RUN_AMBULANT));
    assert_true(runs_add(&r, 1, 3, d(2025, 7, 1), d(2025, 7, 31), JR_RUN_AMBULANT));
    /* youth 4: crisis, in a municipality outside the groups */
    assert_true(runs_add(&r, 7, 4, d(2025, 6, 30), d(2025, 6, 30), JR_RUN_OTHER));
    runs_count(&r);

    const jr_runs_count *g0 = &r.groups[0], *g1 = &r.groups[1], *all = &r.all;
    assert_i64_equal(g0->youths, 2);
    assert_i64_equal(g0->runs, 3);
    assert_i64_equal(g0->started, 1);        /* the May run */
    assert_i64_equal(g0->ended, 2);          /* May and 30 April */
    assert_i64_equal(g0->started_youths, 1); /* youth 1 */
    assert_i64_equal(g0->ambulant_youths, 1);
    assert_i64_equal(g0->verblijf_youths, 1);
    assert_i64_equal(g0->month_youths[0], 2); /* April: 1 and 2 */
    assert_i64_equal(g0->month_youths[1], 1); /* May: 1 */
    assert_i64_equal(g0->month_verblijf[0], 1);
    assert_i64_equal(g0->month_verblijf[1], 0);
    assert_i64_equal(g0->month_ambulant[2], 1);

    assert_i64_equal(g1->youths, 1); /* youth 3 is outside */
    assert_i64_equal(g1->runs, 1);
    assert_i64_equal(g1->month_ambulant[0], 0);
    assert_i64_equal(g1->month_ambulant[2], 1);

    /* the whole: youth 2 once, youth 4 counted although in no group */
    assert_i64_equal(all->youths, 3);
    assert_i64_equal(all->runs, 5);
    assert_i64_equal(all->started, 3);
    assert_i64_equal(all->ambulant_youths, 2);
    assert_i64_equal(all->verblijf_youths, 1);
    assert_i64_equal(all->month_youths[2], 3); /* June: 1, 2, 4 */
    assert_i64_equal(all->month_ambulant[2], 2);
    runs_free(&r);
}

static void test_empty(void **state)
{
    (void)state;
    jr_runs r;
    assert_true(runs_init(&r, d(2025, 1, 1), d(2025, 12, 31), 0));
    assert_true(runs_add(&r, 0, 9, d(2025, 2, 1), d(2025, 2, 28), JR_RUN_AMBULANT));
    runs_count(&r);
    assert_i64_equal(r.all.youths, 1);
    assert_i64_equal(r.all.month_youths[1], 1);
    assert_i64_equal(r.all.month_youths[2], 0);
    runs_free(&r);
}

/* many runs (more than the radix sort's threshold), youths in two
 * groups and in no group, ids spread over more than one 11-bit digit:
 * every count equals one worked out run by run here */
static void test_many_runs_count_as_few(void **state)
{
    (void)state;
    enum { NY = 3000 };
    jr_runs r;
    assert_true(runs_init(&r, d(2025, 1, 1), d(2025, 12, 31), 3));
    static bool in[4][NY]; /* group 0..2, and 3 for the whole */
    static bool verblijf[4][NY];
    memset(in, 0, sizeof in);
    memset(verblijf, 0, sizeof verblijf);
    int64_t nruns = 0, started = 0;
    uint64_t x = 12345;
    for (int i = 0; i < 4 * NY; i++) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        int y = (int)((x >> 33) % NY), g = (int)((x >> 20) % 4) - 1; /* -1: no group */
        bool inside = (x >> 40) % 3 != 0, v = (x >> 45) % 2;
        jr_date s = inside ? d(2025, 3, 1) : d(2023, 1, 1),
                e = inside ? d(2025, 5, 31) : d(2024, 6, 30);
        assert_true(
            runs_add(&r, g, 100000 + 3 * (int64_t)y, s, e, v ? JR_RUN_VERBLIJF : JR_RUN_AMBULANT));
        if (!inside)
            continue;
        nruns++;
        started++;
        if (g >= 0)
            in[g][y] = true, verblijf[g][y] |= v;
        in[3][y] = true, verblijf[3][y] |= v;
    }
    runs_count(&r);
    for (int g = 0; g < 4; g++) {
        int64_t youths = 0, vy = 0;
        for (int y = 0; y < NY; y++)
            youths += in[g][y], vy += verblijf[g][y];
        const jr_runs_count *c = g < 3 ? &r.groups[g] : &r.all;
        assert_int_equal(c->youths, youths);
        assert_int_equal(c->verblijf_youths, vy);
        assert_int_equal(c->month_youths[3], youths); /* April */
        assert_int_equal(c->month_youths[0], 0);      /* January */
    }
    assert_int_equal(r.all.runs, nruns);
    assert_int_equal(r.all.started, started);
    runs_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kinds),
        cmocka_unit_test(test_refuses_partial_months),
        cmocka_unit_test(test_quarter),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_many_runs_count_as_few),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

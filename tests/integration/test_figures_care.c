/*
 * test_figures_care.c: the care figures (service/figures_care.c) over a
 * small hand-made region, every value computed by hand in the comments
 * below from the rows the fixture makes through the services (youths,
 * referrals, assignments, care start and stop, declarations imported with
 * decl_csv_import from a CSV string), and the scope of each role.
 *
 * The period is 2025-Q2 (2025-04-01..2025-06-30); today is 2026-01-15.
 * Prices (the region file's 2025 prices, indexed; checked in the setup):
 * KB1 103,850 and KB3 519,250 cents in 2025, KB3 500,000 in 2024; 45F02
 * 8,100 cents an hour in 2025 (T). Providers A 12345678, B 87654321,
 * C 55555555. Zwolle 0193 unless said; all budget route.
 *
 * Ended in Q2 (durations, budget use), days from care start to the
 * definitive care stop (else the end), both included:
 *   a1 Y1 A KB3 2025-01-01..; care 01-01, stop 03-30 (31); ended 04-10
 *      -> 2025-01-01..03-30 = 31+28+30 = 89 days, 0-3 months
 *   a2 Y2 A KB3 2025-01-01..; care 01-01, stop 03-31 (32); ended 04-10;
 *      2 hours in March (2T = 16,200) -> 90 days, 3-6 months (the bound)
 *   a3 Y3 B KB1 2025-01-01..06-30; care 01-15, no stop; 1 hour in May
 *      (T); ended 06-30 -> 17+28+31+30+31+30 = 167 days, 3-6 months
 *   a4 Y4 C KB3 2024-06-01..2025-05-31; care 2024-06-01, stop 2025-05-20
 *      (34); ended 05-31 -> 365 - 11 = 354 days, 6-12 months
 *   a5 Y5 A KB3 2024-01-01.., end changed to 2025-06-30; care 2024-01-01,
 *      no stop; ended 2025-05-15 -> 366 + 31+28+31+30+15 = 501 days, 1-2 y
 * Care started in Q2 (waiting: referral date to care start), w1..w10 all
 * from 2025-04-01, each a youth of its own but w1, which is Y1 again:
 *   waits 0 3 5 7 10 (A, w1..w5), 14 20 21 (B, w6..w8), 30 (C, w9, KB3),
 *   60 (C, w10, KB1); stops in June: w3 31, w4 31, w5 38, w7 32, w8 20
 *   (temporary: no ending); May: w1 5 h, w2 1 h debited and credited (A),
 *   w6 3 h (B), w9 2 h (C).
 * Deventer 0150: d1 Yd A KB3 from 2025-04-01, referral 03-25, care 04-05
 *   (wait 11), stop 06-01 (31), ended 06-15 -> 26+31+1 = 58 days, 0-3 m.
 * At the re-entry window's edge (2024-04-01 for Q2), C, KB3 from
 * 2024-01-01, not ended: a7 Y7 care stop 2024-03-31 (31), the day before
 * the window, and Y7 back in r7 from 2025-04-01; a8 Y8 care stop
 * 2024-04-01 (33), the window's first day, and not back.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "../unit/unit_support.h"

#include "domain/ident.h"
#include "domain/money.h"
#include "io/decl_csv.h"
#include "render/render_figures_care.h"
#include "service/assignment.h"
#include "service/care.h"
#include "service/figures_care.h"
#include "service/provider.h"
#include "service/referrals.h"
#include "service/youth.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ZWOLLE "0193"
#define DEVENTER "0150"
#define AGB_A "12345678"
#define AGB_B "87654321"
#define AGB_C "55555555"
#define T 8100 /* 45F02, 2025 */
#define KB1_25 103850
#define KB3_25 519250
#define KB3_24 500000

typedef struct {
    char number[24];
    char bsn[10];
    const char *agb;
    const char *gemeente;
} asg;

typedef struct {
    char path[64];
    jr_store *store;
    jr_ctx sys;
    asg a[9];   /* a1..a8 at 1..8 */
    asg w[11];  /* w1..w10 at 1..10 */
    asg d1, r7; /* r7: Y7 again, from 2025-04-01, care not started */
    jr_period q2;
} world;

static void must(jr_status st, const jr_error *err, const char *what)
{
    if (st != JR_OK)
        fail_msg("setup %s failed: %s %s", what, err->code, err->message);
}

/* bsn_of: a valid BSN, the n-th the fixture makes */
static void bsn_of(int n, char out[10])
{
    for (int k = 0; k < 10; k++) {
        char first8[9];
        snprintf(first8, sizeof first8, "%08d", 20000000 + n * 10 + k);
        if (bsn_complete(first8, out))
            return;
    }
    fail_msg("no BSN for %d", n);
}

/* make: a youth of gemeente with a referral for budget on referred and an
 * assignment with agb from start (end: the longest allowed) into x */
static void make(world *w, int n, const char *gemeente, const char *bsn_reuse, const char *budget,
                 const char *referred, const char *agb, const char *start, asg *x)
{
    jr_error err;
    jr_error_clear(&err);
    if (bsn_reuse) {
        snprintf(x->bsn, sizeof x->bsn, "%s", bsn_reuse);
    } else {
        bsn_of(n, x->bsn);
        must(youth_add(&w->sys, x->bsn, D("2012-05-01"), gemeente, NULL, &err), &err, "youth");
    }
    jr_referral_req r = {.referrer_type = "01",
                         .route = JR_ROUTE_BUDGET,
                         .result = "weer naar school",
                         .date = D(referred)};
    snprintf(r.budget, sizeof r.budget, "%s", budget);
    int64_t ref;
    must(referral_create(&w->sys, x->bsn, &r, NULL, &ref, &err), &err, "referral");
    must(assignment_create(&w->sys, ref, agb, D(start), JR_DATE_NONE, x->number, &err), &err,
         "assignment");
    x->agb = agb;
    x->gemeente = gemeente;
}

static void start_care(world *w, const asg *x, jr_date d)
{
    jr_error err;
    jr_error_clear(&err);
    must(care_start(&w->sys, x->number, x->agb, d, &err), &err, "care start");
}

static void stop_care(world *w, const asg *x, const char *d, const char *reason)
{
    jr_error err;
    jr_error_clear(&err);
    must(care_stop(&w->sys, x->number, x->agb, D(d), reason, &err), &err, "care stop");
}

static void end(world *w, const asg *x, const char *d)
{
    jr_error err;
    jr_error_clear(&err);
    must(assignment_end(&w->sys, x->number, D(d), "klaar", &err), &err, "end");
}

/* line: one CSV row of 45F02 hours in month ym (first..last) */
static void line(char *buf, size_t cap, const char *batch, const char *ref, const asg *x,
                 const char *ym, const char *first, const char *last, int hours, const char *dc,
                 const char *credit_ref)
{
    char t[JR_MONEY_BUF], amount[JR_MONEY_BUF];
    size_t n = strlen(buf);
    snprintf(buf + n, cap - n, "%s,%s,%s,%s,2025-06-05,%s,%s,%s,45,45F02,%s,%s,%d,04,%s,%s,%s,%s\n",
             batch, x->agb, x->gemeente, ym, ref, x->number, x->bsn, first, last, hours,
             money_format_plain(T, t), money_format_plain((jr_cents)T * hours, amount), dc,
             credit_ref);
}

static int count_accepted(void *ud, const jr_decl_batch_summary *b)
{
    *(int64_t *)ud += b->n_accepted;
    return 0;
}

/* import: the CSV text through decl_csv_import; expects n accepted lines */
static void import(world *w, const char *csv, int64_t expect)
{
    char *text = strdup(csv);
    FILE *in = fmemopen(text, strlen(text), "r");
    assert_non_null(in);
    int64_t accepted = 0;
    decl_import_report rep = {count_accepted, NULL, &accepted};
    jr_error err;
    jr_error_clear(&err);
    must(decl_csv_import(&w->sys, in, "fixture.csv", "test", &rep, &err), &err, "import");
    fclose(in);
    free(text);
    assert_i64_equal(accepted, expect);
}

static int setup(void **state)
{
    world *w = calloc(1, sizeof *w);
    snprintf(w->path, sizeof w->path, "/tmp/jr-fc-XXXXXX");
    int fd = mkstemp(w->path);
    if (fd < 0)
        return -1;
    close(fd);
    jr_error err;
    jr_error_clear(&err);
    must(store_open(w->path, &w->store, &err), &err, "open");
    w->sys = (jr_ctx){
        .store = w->store, .cat = unit_catalog(), .actor = "test", .today = D("2026-01-15")};
    const jr_ctx *c = &w->sys;
    if (!period_parse("2025-Q2", &w->q2))
        return -1;

    /* the prices the hand values take */
    jr_cents v;
    assert_true(budget_amount(catalog_budget(c->cat, "KB1"), D("2025-01-01"), &v));
    assert_i64_equal(v, KB1_25);
    assert_true(budget_amount(catalog_budget(c->cat, "KB3"), D("2025-01-01"), &v));
    assert_i64_equal(v, KB3_25);
    assert_true(budget_amount(catalog_budget(c->cat, "KB3"), D("2024-06-01"), &v));
    assert_i64_equal(v, KB3_24);
    assert_true(product_tariff(catalog_product(c->cat, "45F02"), D("2025-05-01"), &v));
    assert_i64_equal(v, T);

    const char *agbs[] = {AGB_A, AGB_B, AGB_C};
    for (int i = 0; i < 3; i++) {
        must(provider_add(c, agbs[i], agbs[i], "instelling", NULL, &err), &err, "provider");
        must(contract_add(c, agbs[i], "P1", "*", D("2023-01-01"), JR_DATE_NONE, NULL, &err), &err,
             "contract");
    }

    /* ended in Q2 */
    make(w, 1, ZWOLLE, NULL, "KB3", "2024-12-20", AGB_A, "2025-01-01", &w->a[1]);
    make(w, 2, ZWOLLE, NULL, "KB3", "2024-12-20", AGB_A, "2025-01-01", &w->a[2]);
    make(w, 3, ZWOLLE, NULL, "KB1", "2024-12-20", AGB_B, "2025-01-01", &w->a[3]);
    make(w, 4, ZWOLLE, NULL, "KB3", "2024-05-20", AGB_C, "2024-06-01", &w->a[4]);
    make(w, 5, ZWOLLE, NULL, "KB3", "2023-12-15", AGB_A, "2024-01-01", &w->a[5]);
    start_care(w, &w->a[1], D("2025-01-01"));
    start_care(w, &w->a[2], D("2025-01-01"));
    start_care(w, &w->a[3], D("2025-01-15"));
    start_care(w, &w->a[4], D("2024-06-01"));
    start_care(w, &w->a[5], D("2024-01-01"));
    must(assignment_change(c, w->a[5].number, -1, D("2025-06-30"), "01", &err), &err, "change");
    make(w, 7, ZWOLLE, NULL, "KB3", "2023-12-15", AGB_C, "2024-01-01", &w->a[7]);
    make(w, 8, ZWOLLE, NULL, "KB3", "2023-12-15", AGB_C, "2024-01-01", &w->a[8]);
    start_care(w, &w->a[7], D("2024-01-01"));
    start_care(w, &w->a[8], D("2024-01-01"));
    stop_care(w, &w->a[7], "2024-03-31", "31");
    stop_care(w, &w->a[8], "2024-04-01", "33");
    make(w, 40, ZWOLLE, w->a[7].bsn, "KB3", "2025-03-20", AGB_C, "2025-04-01", &w->r7);

    /* care started in Q2: waits, providers, budgets */
    static const int waits[11] = {0, 0, 3, 5, 7, 10, 14, 20, 21, 30, 60};
    for (int i = 1; i <= 10; i++) {
        const char *agb = i <= 5 ? AGB_A : i <= 8 ? AGB_B : AGB_C;
        jr_date care = D("2025-04-01") + waits[i] / 2;
        char referred[JR_DATE_ISO_LEN];
        date_format(care - waits[i], referred);
        make(w, 10 + i, ZWOLLE, i == 1 ? w->a[1].bsn : NULL, i == 10 ? "KB1" : "KB3", referred, agb,
             "2025-04-01", &w->w[i]);
        start_care(w, &w->w[i], care);
    }
    make(w, 30, DEVENTER, NULL, "KB3", "2025-03-25", AGB_A, "2025-04-01", &w->d1);
    start_care(w, &w->d1, D("2025-04-05"));

    /* declarations: March on a2 (outside Q2), May on a3, w1, w2, w6, w9;
     * then a credit of w2's line */
    char csv[4096];
    snprintf(csv, sizeof csv, "%s\n", decl_csv_header());
    line(csv, sizeof csv, "D2025-03", "M1", &w->a[2], "2025-03", "2025-03-01", "2025-03-31", 2, "D",
         "");
    line(csv, sizeof csv, "D2025-05", "R1", &w->w[1], "2025-05", "2025-05-01", "2025-05-31", 5, "D",
         "");
    line(csv, sizeof csv, "D2025-05", "R2", &w->w[2], "2025-05", "2025-05-01", "2025-05-31", 1, "D",
         "");
    line(csv, sizeof csv, "D2025-05", "R3", &w->w[6], "2025-05", "2025-05-01", "2025-05-31", 3, "D",
         "");
    line(csv, sizeof csv, "D2025-05", "R4", &w->a[3], "2025-05", "2025-05-01", "2025-05-31", 1, "D",
         "");
    line(csv, sizeof csv, "D2025-05", "R5", &w->w[9], "2025-05", "2025-05-01", "2025-05-31", 2, "D",
         "");
    import(w, csv, 6);
    snprintf(csv, sizeof csv, "%s\n", decl_csv_header());
    line(csv, sizeof csv, "K2025-05", "C1", &w->w[2], "2025-05", "2025-05-01", "2025-05-31", 1, "C",
         "R2");
    import(w, csv, 1);

    stop_care(w, &w->a[1], "2025-03-30", "31");
    stop_care(w, &w->a[2], "2025-03-31", "32");
    stop_care(w, &w->a[4], "2025-05-20", "34");
    stop_care(w, &w->w[3], "2025-06-10", "31");
    stop_care(w, &w->w[4], "2025-06-12", "31");
    stop_care(w, &w->w[5], "2025-06-25", "38");
    stop_care(w, &w->w[7], "2025-06-15", "32");
    stop_care(w, &w->w[8], "2025-06-20", "20");
    stop_care(w, &w->d1, "2025-06-01", "31");
    end(w, &w->a[1], "2025-04-10");
    end(w, &w->a[2], "2025-04-10");
    end(w, &w->a[3], "2025-06-30");
    end(w, &w->a[4], "2025-05-31");
    end(w, &w->a[5], "2025-05-15");
    end(w, &w->d1, "2025-06-15");
    *state = w;
    return 0;
}

static int teardown(void **state)
{
    world *w = *state;
    store_close(w->store);
    char p[80];
    unlink(w->path);
    snprintf(p, sizeof p, "%s-wal", w->path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", w->path);
    unlink(p);
    free(w);
    return 0;
}

static jr_ctx as(const world *w, jr_role role, const char *tenant)
{
    jr_ctx c = w->sys;
    c.actor = role_name(role);
    c.who.role = role;
    if (role == JR_ROLE_AANBIEDER)
        snprintf(c.who.agb, sizeof c.who.agb, "%s", tenant);
    else if (tenant)
        snprintf(c.who.gemeente, sizeof c.who.gemeente, "%s", tenant);
    return c;
}

#define assert_ok(call)                                                                            \
    do {                                                                                           \
        jr_error e_;                                                                               \
        jr_error_clear(&e_);                                                                       \
        jr_error *err = &e_;                                                                       \
        jr_status s_ = (call);                                                                     \
        if (s_ != JR_OK)                                                                           \
            fail_msg("%s: %s %s", #call, e_.code, e_.message);                                     \
    } while (0)

static void assert_days(const jr_fc_days *g, const char *key, int64_t n, int64_t youths,
                        int64_t mean, int64_t median_x2, int64_t p90)
{
    assert_string_equal(g->key, key);
    assert_false(g->hidden);
    assert_i64_equal(g->n, n);
    assert_i64_equal(g->youths, youths);
    if (mean >= 0)
        assert_i64_equal(g->mean, mean);
    assert_i64_equal(g->median_x2, median_x2);
    if (p90 >= 0)
        assert_i64_equal(g->p90, p90);
}

static void assert_classes(const jr_fc_days *g, const int64_t expect[JR_DUR_NCLASSES])
{
    for (int c = 0; c < JR_DUR_NCLASSES; c++)
        if (g->classes[c] != expect[c])
            fail_msg("%s class %d: %lld, expected %lld", g->key, c, (long long)g->classes[c],
                     (long long)expect[c]);
}

static void assert_hidden_days(const jr_fc_days *g)
{
    assert_true(g->hidden);
    assert_i64_equal(g->n, 0);
    assert_i64_equal(g->youths, 0);
    assert_i64_equal(g->median_x2, 0);
    assert_i64_equal(g->p90, 0);
    assert_i64_equal(g->mean, 0);
}

/* Zwolle, durations: 89 90 167 354 501 -> n 5 (odd), median 167 (x2 334),
 * mean 1201/5 = 240.2 -> 240; classes 0-3: a1; 3-6: a2, a3; 6-12: a4;
 * 1-2 y: a5. KB1: a3 alone, 167. KB3: 89 90 354 501 -> n 4 (even),
 * median (90+354)/2 = 222 (x2 444), mean 1034/4 = 258.5 -> 259. */
static void test_durations(void **state)
{
    world *w = *state;
    jr_fc_durations d;
    assert_ok(figures_care_durations(&w->sys, ZWOLLE, NULL, &w->q2, &d, err));
    assert_false(d.head.aggregate);
    assert_string_equal(d.head.gemeente, ZWOLLE);
    assert_days(&d.total, "", 5, 5, 240, 334, -1);
    assert_classes(&d.total, (const int64_t[]){1, 2, 1, 1, 0, 0, 0});
    assert_int_equal(d.n, 2);
    assert_days(&d.by_voorziening[0], "KB1", 1, 1, 167, 334, -1);
    assert_classes(&d.by_voorziening[0], (const int64_t[]){0, 1, 0, 0, 0, 0, 0});
    assert_days(&d.by_voorziening[1], "KB3", 4, 4, 259, 444, -1);
    assert_classes(&d.by_voorziening[1], (const int64_t[]){1, 1, 1, 1, 0, 0, 0});
    figures_care_durations_free(&d);

    /* the region adds d1 (58 days): 58 89 90 167 354 501 -> median
     * (90+167)/2 = 128.5 (x2 257), mean 1259/6 = 209.8 -> 210 */
    assert_ok(figures_care_durations(&w->sys, NULL, NULL, &w->q2, &d, err));
    assert_days(&d.total, "", 6, 6, 210, 257, -1);
    assert_classes(&d.total, (const int64_t[]){2, 2, 1, 1, 0, 0, 0});
    figures_care_durations_free(&d);

    /* a quarter without endings: nothing, no median */
    jr_period q1;
    assert_true(period_parse("2025-Q1", &q1));
    assert_ok(figures_care_durations(&w->sys, ZWOLLE, NULL, &q1, &d, err));
    assert_i64_equal(d.total.n, 0);
    assert_i64_equal(d.total.median_x2, 0);
    assert_int_equal(d.n, 0);
    figures_care_durations_free(&d);
}

/* Zwolle, waiting: 0 3 5 7 10 14 20 21 30 60 -> median (10+14)/2 = 12
 * (x2 24), p90: rank ceil(0.9 x 10) = 9 -> 30 (not the largest, 60).
 * KB1: w10, 60. KB3: the other nine: median the 5th, 10 (x2 20), p90 rank
 * ceil(8.1) = 9 -> 30. A: 0 3 5 7 10 -> median 5 (x2 10), p90 rank 5 ->
 * 10; B: 14 20 21 -> 20 (x2 40), p90 21; C: 30 60 -> 45 (x2 90), p90 60. */
static void test_waiting(void **state)
{
    world *w = *state;
    jr_fc_waiting f;
    assert_ok(figures_care_waiting(&w->sys, ZWOLLE, NULL, &w->q2, &f, err));
    assert_days(&f.total, "", 10, 10, -1, 24, 30);
    assert_int_equal(f.nv, 2);
    assert_days(&f.by_voorziening[0], "KB1", 1, 1, -1, 120, 60);
    assert_days(&f.by_voorziening[1], "KB3", 9, 9, -1, 20, 30);
    assert_int_equal(f.np, 3);
    assert_days(&f.by_provider[0], AGB_A, 5, 5, -1, 10, 10);
    assert_days(&f.by_provider[1], AGB_C, 2, 2, -1, 90, 60); /* in AGB order */
    assert_days(&f.by_provider[2], AGB_B, 3, 3, -1, 40, 21);
    figures_care_waiting_free(&f);

    /* the region adds d1's 11: 0 3 5 7 10 11 14 20 21 30 60 -> median the
     * 6th, 11 (x2 22); p90 rank ceil(9.9) = 10 -> 30; A 0 3 5 7 10 11:
     * median (5+7)/2 = 6 (x2 12), p90 rank ceil(5.4) = 6 -> 11 */
    assert_ok(figures_care_waiting(&w->sys, NULL, NULL, &w->q2, &f, err));
    assert_days(&f.total, "", 11, 11, -1, 22, 30);
    assert_days(&f.by_provider[0], AGB_A, 6, 6, -1, 12, 11);
    figures_care_waiting_free(&f);
}

/* Zwolle, endings in Q2: a4 34, w3 31, w4 31, w5 38, w7 32 (w8's 20 is a
 * temporary stop; a1 and a2 stopped in March) -> 5: volgens plan 2
 * (40,0 %), voortijdig 2 (40,0 %), overig 1 (20,0 %), onbekend 0. Re-entry:
 * definitive stops 2024-04-01..2025-03-31: Y8 (a8, on the first day), Y1
 * (a1) and Y2 (a2), not Y7 (a7, the day before); of them Y1 has an
 * assignment from 2025-04-01 (w1), Y2 and Y8 none; Y7's r7 does not count
 * -> 1 of 3, 33,3 %. */
static void test_endings(void **state)
{
    world *w = *state;
    jr_fc_endings e;
    assert_ok(figures_care_endings(&w->sys, ZWOLLE, NULL, &w->q2, &e, err));
    assert_i64_equal(e.total, 5);
    assert_i64_equal(e.groups[JR_END_VOLGENS_PLAN], 2);
    assert_i64_equal(e.groups[JR_END_VOORTIJDIG], 2);
    assert_i64_equal(e.groups[JR_END_OVERIG], 1);
    assert_i64_equal(e.groups[JR_END_ONBEKEND], 0);
    assert_i64_equal(e.group_share_x10[JR_END_VOLGENS_PLAN], 400);
    assert_i64_equal(e.group_share_x10[JR_END_VOORTIJDIG], 400);
    assert_i64_equal(e.group_share_x10[JR_END_OVERIG], 200);
    assert_i64_equal(e.group_share_x10[JR_END_ONBEKEND], 0);
    assert_int_equal(e.nreasons, 4);
    const char *codes[] = {"31", "32", "34", "38"};
    const int64_t counts[] = {2, 1, 1, 1};
    const jr_end_group groups[] = {JR_END_VOLGENS_PLAN, JR_END_VOORTIJDIG, JR_END_VOORTIJDIG,
                                   JR_END_OVERIG};
    for (int i = 0; i < 4; i++) {
        assert_string_equal(e.reasons[i].reason, codes[i]);
        assert_i64_equal(e.reasons[i].n, counts[i]);
        assert_int_equal(e.reasons[i].group, groups[i]);
        assert_false(e.reasons[i].hidden);
    }
    assert_i64_equal(e.ended_before, 3);
    assert_i64_equal(e.reentered, 1);
    assert_i64_equal(e.reentry_share_x10, 333);
    figures_care_endings_free(&e);

    /* the region adds d1's 31: 6, volgens plan 3 (50,0 %), voortijdig 2
     * (33,3 %), overig 1 (16,7 %) */
    assert_ok(figures_care_endings(&w->sys, NULL, NULL, &w->q2, &e, err));
    assert_i64_equal(e.total, 6);
    assert_i64_equal(e.group_share_x10[JR_END_VOLGENS_PLAN], 500);
    assert_i64_equal(e.group_share_x10[JR_END_VOORTIJDIG], 333);
    assert_i64_equal(e.group_share_x10[JR_END_OVERIG], 167);
    figures_care_endings_free(&e);

    /* Q1 2025: a1 (31) and a2 (32) stopped in March; the re-entry window
     * 2024-01-01..2024-12-31 holds Y7 and Y8, and neither has an
     * assignment starting in Q1 (a1 a2 a3 are Y1 Y2 Y3): 0 of 2, 0,0 % */
    jr_period q1;
    assert_true(period_parse("2025-Q1", &q1));
    assert_ok(figures_care_endings(&w->sys, ZWOLLE, NULL, &q1, &e, err));
    assert_i64_equal(e.total, 2);
    assert_i64_equal(e.groups[JR_END_VOLGENS_PLAN], 1);
    assert_i64_equal(e.groups[JR_END_VOORTIJDIG], 1);
    assert_i64_equal(e.ended_before, 2);
    assert_i64_equal(e.reentered, 0);
    assert_i64_equal(e.reentry_share_x10, 0);

    /* Q1 2024: a7's and a8's starts are in it, no stop before it: 0 of 0,
     * no share */
    jr_period q1_24;
    assert_true(period_parse("2024-Q1", &q1_24));
    figures_care_endings_free(&e);
    assert_ok(figures_care_endings(&w->sys, ZWOLLE, NULL, &q1_24, &e, err));
    assert_i64_equal(e.total, 1); /* a7 on 2024-03-31 */
    assert_i64_equal(e.ended_before, 0);
    assert_i64_equal(e.reentry_share_x10, -1);
    figures_care_endings_free(&e);
}

/* Zwolle, accepted spending on lines of Q2, all of it ambulant (functiegroep
 * hours under KB3 and KB1): A 5T (w1; w2's 1T debit and credit cancel),
 * B 3T (w6) + 1T (a3), C 2T (w9): 3 providers, 11T = 89,100: HHI (25 + 16
 * + 4) / 121 x 10,000 = 3719.0 -> 3719, top-5 share 100,0 %; the same over
 * all voorzieningen together. a2's March line lies outside Q2. */
static void test_concentration(void **state)
{
    world *w = *state;
    jr_fc_concentration c;
    assert_ok(figures_care_concentration(&w->sys, ZWOLLE, NULL, &w->q2, &c, err));
    assert_int_equal(c.n, 1);
    assert_string_equal(c.by_voorziening[0].key, "ambulant");
    assert_i64_equal(c.by_voorziening[0].providers, 3);
    assert_i64_equal(c.by_voorziening[0].total, 89100);
    assert_i64_equal(c.by_voorziening[0].hhi, 3719);
    assert_i64_equal(c.by_voorziening[0].top5_x10, 1000);
    assert_i64_equal(c.total.providers, 3);
    assert_i64_equal(c.total.total, 89100);
    assert_i64_equal(c.total.hhi, 3719);
    assert_i64_equal(c.total.top5_x10, 1000);
    figures_care_concentration_free(&c);

    /* Q1 2025: only a2's March line, A 2T */
    jr_period q1;
    assert_true(period_parse("2025-Q1", &q1));
    assert_ok(figures_care_concentration(&w->sys, ZWOLLE, NULL, &q1, &c, err));
    assert_int_equal(c.n, 1);
    assert_i64_equal(c.total.total, 16200);
    assert_i64_equal(c.total.hhi, 10000);
    figures_care_concentration_free(&c);
}

/* Zwolle, budget assignments ended in Q2: KB1 a3: granted 103,850, used
 * T = 8,100 (7,8 %: 8100/103850 = 7.80 %), released 95,750. KB3 a1
 * 519,250 / 0, a2 519,250 / 16,200, a4 500,000 / 0, a5 500,000 / 0:
 * granted 2,038,500, used 16,200 (0,8 %), released 2,022,300. Total: 5,
 * granted 2,142,350, used 24,300 (1,1 %), released 2,118,050. */
static void test_budget_use(void **state)
{
    world *w = *state;
    jr_fc_budget_use b;
    assert_ok(figures_care_budget(&w->sys, ZWOLLE, NULL, &w->q2, &b, err));
    assert_int_equal(b.n, 2);
    const jr_fc_budget *kb1 = &b.by_budget[0], *kb3 = &b.by_budget[1];
    assert_string_equal(kb1->key, "KB1");
    assert_i64_equal(kb1->n, 1);
    assert_i64_equal(kb1->granted, 103850);
    assert_i64_equal(kb1->used, 8100);
    assert_i64_equal(kb1->released, 95750);
    assert_i64_equal(kb1->use_x10, 78);
    assert_string_equal(kb3->key, "KB3");
    assert_i64_equal(kb3->n, 4);
    assert_i64_equal(kb3->youths, 4);
    assert_i64_equal(kb3->granted, 2038500);
    assert_i64_equal(kb3->used, 16200);
    assert_i64_equal(kb3->released, 2022300);
    assert_i64_equal(kb3->use_x10, 8);
    assert_i64_equal(b.total.n, 5);
    assert_i64_equal(b.total.granted, 2142350);
    assert_i64_equal(b.total.used, 24300);
    assert_i64_equal(b.total.released, 2118050);
    assert_i64_equal(b.total.use_x10, 11);
    figures_care_budget_free(&b);
}

/* A reader sees Zwolle as an aggregate: the 10 youths waiting show (10 is
 * not below the threshold), KB3's 9 and each provider's do not; the 5
 * endings and 5 durations hide, and every figure of a hidden group is 0. */
static void test_reader_sees_aggregates(void **state)
{
    world *w = *state;
    jr_ctx c = as(w, JR_ROLE_LEZER, NULL);
    jr_fc_waiting f;
    assert_ok(figures_care_waiting(&c, ZWOLLE, NULL, &w->q2, &f, err));
    assert_true(f.head.aggregate);
    assert_days(&f.total, "", 10, 10, -1, 24, 30);
    assert_hidden_days(&f.by_voorziening[0]);
    assert_hidden_days(&f.by_voorziening[1]);
    assert_string_equal(f.by_voorziening[1].key, "KB3");
    for (size_t i = 0; i < f.np; i++)
        assert_hidden_days(&f.by_provider[i]);
    figures_care_waiting_free(&f);

    jr_fc_durations d;
    assert_ok(figures_care_durations(&c, ZWOLLE, NULL, &w->q2, &d, err));
    assert_hidden_days(&d.total);
    for (int k = 0; k < JR_DUR_NCLASSES; k++)
        assert_i64_equal(d.total.classes[k], 0);
    figures_care_durations_free(&d);

    jr_fc_endings e;
    assert_ok(figures_care_endings(&c, ZWOLLE, NULL, &w->q2, &e, err));
    assert_true(e.total_hidden);
    assert_i64_equal(e.total, 0);
    assert_true(e.group_hidden[JR_END_VOLGENS_PLAN]);
    assert_i64_equal(e.group_share_x10[JR_END_VOLGENS_PLAN], -1);
    assert_false(e.group_hidden[JR_END_ONBEKEND]); /* 0 shows no one */
    assert_true(e.reentered_hidden);
    assert_true(e.ended_before_hidden);
    assert_i64_equal(e.reentry_share_x10, -1);
    for (size_t i = 0; i < e.nreasons; i++)
        assert_true(e.reasons[i].hidden);
    figures_care_endings_free(&e);

    jr_fc_budget_use b;
    assert_ok(figures_care_budget(&c, ZWOLLE, NULL, &w->q2, &b, err));
    assert_true(b.total.hidden);
    assert_i64_equal(b.total.granted, 0);
    assert_i64_equal(b.total.released, 0);
    figures_care_budget_free(&b);
}

/* A municipal role sees its own municipality whole, the region and another
 * municipality as aggregates */
static void test_municipality_scope(void **state)
{
    world *w = *state;
    jr_ctx c = as(w, JR_ROLE_GEMEENTE, ZWOLLE);
    jr_fc_durations d;
    assert_ok(figures_care_durations(&c, ZWOLLE, NULL, &w->q2, &d, err));
    assert_false(d.head.aggregate);
    assert_days(&d.total, "", 5, 5, 240, 334, -1);
    figures_care_durations_free(&d);

    jr_fc_waiting f;
    assert_ok(figures_care_waiting(&c, NULL, NULL, &w->q2, &f, err));
    assert_true(f.head.aggregate);
    assert_days(&f.total, "", 11, 11, -1, 22, 30);
    assert_hidden_days(&f.by_provider[0]); /* A: 6 youths */
    figures_care_waiting_free(&f);

    jr_ctx t = as(w, JR_ROLE_TOEGANG, ZWOLLE);
    assert_ok(figures_care_durations(&t, DEVENTER, NULL, &w->q2, &d, err));
    assert_true(d.head.aggregate);
    assert_hidden_days(&d.total); /* d1 alone */
    figures_care_durations_free(&d);

    /* a municipal role bound to none sees everything as an aggregate */
    jr_ctx none = as(w, JR_ROLE_GEMEENTE, NULL);
    assert_ok(figures_care_durations(&none, ZWOLLE, NULL, &w->q2, &d, err));
    assert_true(d.head.aggregate);
    figures_care_durations_free(&d);
}

/* A provider counts its own production only: A in Zwolle waits 0 3 5 7 10
 * (median 5, p90 10); its spending alone (5T, HHI 10,000); its ended
 * assignments a1 a2 a5 (89 90 501: median 90, mean 680/3 = 226.7 -> 227).
 * A provider role bound to none counts nothing. */
static void test_provider_scope(void **state)
{
    world *w = *state;
    jr_ctx c = as(w, JR_ROLE_AANBIEDER, AGB_A);
    jr_fc_waiting f;
    assert_ok(figures_care_waiting(&c, ZWOLLE, NULL, &w->q2, &f, err));
    assert_false(f.head.aggregate);
    assert_string_equal(f.head.agb, AGB_A);
    assert_days(&f.total, "", 5, 5, -1, 10, 10);
    assert_int_equal(f.np, 1);
    figures_care_waiting_free(&f);

    jr_fc_concentration k;
    assert_ok(figures_care_concentration(&c, ZWOLLE, NULL, &w->q2, &k, err));
    assert_i64_equal(k.total.providers, 1);
    assert_i64_equal(k.total.total, 40500);
    assert_i64_equal(k.total.hhi, 10000);
    figures_care_concentration_free(&k);

    jr_fc_durations d;
    assert_ok(figures_care_durations(&c, ZWOLLE, NULL, &w->q2, &d, err));
    assert_days(&d.total, "", 3, 3, 227, 180, -1);
    figures_care_durations_free(&d);

    jr_ctx nobody = as(w, JR_ROLE_AANBIEDER, "");
    assert_ok(figures_care_durations(&nobody, NULL, NULL, &w->q2, &d, err));
    assert_i64_equal(d.total.n, 0);
    figures_care_durations_free(&d);
}

static void test_unknown_municipality(void **state)
{
    world *w = *state;
    jr_fc_durations d;
    jr_error err;
    jr_error_clear(&err);
    assert_int_equal(figures_care_durations(&w->sys, "9999", NULL, &w->q2, &d, &err), JR_EINVAL);
    assert_string_equal(err.code, "gemeente_unknown");
    assert_int_equal(d.n, 0);
    assert_null(d.by_voorziening);
}

/* The JSON shapes: a half-day median, Dutch shares, "< 10" for a hidden
 * count and null for its figures */
static void test_render(void **state)
{
    world *w = *state;
    jr_fc_durations d;
    assert_ok(figures_care_durations(&w->sys, NULL, NULL, &w->q2, &d, err));
    json_t *j = render_figures_care_durations(&d);
    figures_care_durations_free(&d);
    assert_non_null(j);
    json_t *total = json_object_get(j, "total");
    assert_true(json_real_value(json_object_get(total, "median_days")) == 128.5);
    assert_i64_equal(json_integer_value(json_object_get(total, "assignments")), 6);
    json_t *cls = json_array_get(json_object_get(total, "classes"), 0);
    assert_string_equal(json_string_value(json_object_get(cls, "class")), "0-3 maanden");
    assert_i64_equal(json_integer_value(json_object_get(cls, "assignments")), 2);
    assert_true(json_is_null(json_object_get(json_object_get(j, "scope"), "gemeente")));
    assert_string_equal(json_string_value(json_object_get(json_object_get(j, "scope"), "period")),
                        "2025-Q2");
    json_decref(j);

    jr_fc_budget_use b;
    assert_ok(figures_care_budget(&w->sys, ZWOLLE, NULL, &w->q2, &b, err));
    j = render_figures_care_budget(&b);
    figures_care_budget_free(&b);
    json_t *kb1 = json_array_get(json_object_get(j, "by_budget"), 0);
    assert_string_equal(json_string_value(json_object_get(kb1, "use_share")), "7,8");
    assert_i64_equal(json_integer_value(json_object_get(kb1, "use_share_x10")), 78);
    assert_i64_equal(json_integer_value(json_object_get(kb1, "released_cents")), 95750);
    json_decref(j);

    jr_ctx lezer = as(w, JR_ROLE_LEZER, NULL);
    jr_fc_endings e;
    assert_ok(figures_care_endings(&lezer, ZWOLLE, NULL, &w->q2, &e, err));
    j = render_figures_care_endings(&e);
    figures_care_endings_free(&e);
    assert_string_equal(json_string_value(json_object_get(j, "ended")), "< 10");
    json_t *plan = json_array_get(json_object_get(j, "by_group"), 0);
    assert_string_equal(json_string_value(json_object_get(plan, "group")), "volgens plan");
    assert_true(json_is_null(json_object_get(plan, "share")));
    json_decref(j);

    assert_ok(figures_care_endings(&w->sys, ZWOLLE, NULL, &w->q2, &e, err));
    j = render_figures_care_endings(&e);
    figures_care_endings_free(&e);
    json_t *r = json_array_get(json_object_get(j, "by_reason"), 0);
    assert_string_equal(json_string_value(json_object_get(r, "reason")), "31");
    assert_string_equal(json_string_value(json_object_get(r, "name")), "volgens plan beeindigd");
    json_t *re = json_object_get(j, "reentry");
    assert_string_equal(json_string_value(json_object_get(re, "share")), "33,3");
    json_decref(j);

    jr_fc_concentration c;
    assert_ok(figures_care_concentration(&w->sys, ZWOLLE, NULL, &w->q2, &c, err));
    j = render_figures_care_concentration(&c);
    figures_care_concentration_free(&c);
    assert_i64_equal(json_integer_value(json_object_get(json_object_get(j, "total"), "hhi")), 3719);
    assert_string_equal(
        json_string_value(json_object_get(json_object_get(j, "total"), "top5_share")), "100,0");
    json_decref(j);

    jr_fc_waiting f;
    assert_ok(figures_care_waiting(&lezer, ZWOLLE, NULL, &w->q2, &f, err));
    j = render_figures_care_waiting(&f);
    figures_care_waiting_free(&f);
    json_t *a = json_array_get(json_object_get(j, "by_provider"), 0);
    assert_string_equal(json_string_value(json_object_get(a, "assignments")), "< 10");
    assert_true(json_is_null(json_object_get(a, "p90_days")));
    assert_i64_equal(json_integer_value(json_object_get(json_object_get(j, "total"), "p90_days")),
                     30);
    json_decref(j);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_durations),
        cmocka_unit_test(test_waiting),
        cmocka_unit_test(test_endings),
        cmocka_unit_test(test_concentration),
        cmocka_unit_test(test_budget_use),
        cmocka_unit_test(test_reader_sees_aggregates),
        cmocka_unit_test(test_municipality_scope),
        cmocka_unit_test(test_provider_scope),
        cmocka_unit_test(test_unknown_municipality),
        cmocka_unit_test(test_render),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

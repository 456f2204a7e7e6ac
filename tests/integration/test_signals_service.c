/*
 * test_signals_service.c: the control signals (service/signals.c) over a
 * small fixture built through the services, every signal worked out BY
 * HAND below, and the scope of each role. The rules' boundaries are
 * tested in tests/unit/test_signals.c; here: which rows reach them, the
 * lines listed behind each signal, and who sees the lines.
 *
 * Today 2026-01-15, period 2025-Q2, Zwolle (0193). The region's thresholds
 * are the defaults but budget_min_assignments 2, hours_per_week 10 and
 * jump_min EUR 1.000. Tariffs 2025: 45F02 T2 = 8,100 cents an hour, 45F01
 * T1 and 45F03 T3 (read from the catalog); KB1 103,850, KB3 519,250 cents.
 * Lines cover whole months (or the assignment's days in a month: iJw 9387,
 * 9388), a credit lies in its debit's month (9319), and a line outside the
 * care dates known is refused (JR06): what the signals find got in first.
 *
 * Provider A (12345678):
 *   a1 Y1 KB3 care 01-01: 1 h 45F02 in January, February and March
 *      (3 x T2 = 24,300), 13 h in April (105,300);
 *   a2 Y2 KB3 04-01..04-28, care 04-01: 41 h 45F01 over its 28 days: 41 x
 *      7 / 28 = 10,25 hours a week, above 10: signal uren, 2870 / 28 =
 *      102,5 tenths rounded to 103; a4 Y8 the same with 40 h: exactly 10
 *      hours a week, no signal;
 *   a3 Y3 KB1 care 04-01: 1 h 45F01 in May, accepted; then the stop of
 *      care reported on 05-15: the line ends after it (signal buiten_zorg,
 *      "na stop zorg");
 *   b1 Y4, b2 Y5 KB1 care 04-01: 17 h 45F01 in April each (17 T1 of
 *      103,850 >= 95 %: used up), ended 06-15 and 06-20: 2 of 2 ended
 *      used up, at least 2: signal budget_vol, 100,0 %.
 *   Months of A: January..March T2 each (sum 24,300), April 105,300 +
 *   (41 + 40 + 17 + 17) T1: above 150 % of 24,300 / 3 = 12,150 and above
 *   EUR 1.000: signal sprong 2025-04, its lines the months January..April.
 *   May T1: no.
 * Provider B (87654321):
 *   c1 Y6 KB3 care 04-01: 2 h each of 45F01, 45F02 and 45F03 in May, the
 *      45F01 line credited in a second May batch;
 *   c2 Y7 KB1 care 04-01: 17 h in April, ended 06-10: 1 ended used up,
 *      fewer than 2: no signal. April 17 T1 < EUR 1.000: no sprong.
 *   Credits of B: 1 credit line against 4 debit lines (c2's and c1's three)
 *   in the period: 1 x 100 > 10 x 4: signal credits, 250 tenths (the
 *   larger share, of the lines; in money 2 T1 of 19 T1 + 2 T2 + 2 T3).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "../unit/unit_support.h"

#include "io/decl_csv.h"
#include "service/assignment.h"
#include "service/audit.h"
#include "service/care.h"
#include "service/provider.h"
#include "service/referrals.h"
#include "service/signals.h"
#include "service/youth.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define assert_ok(call)                                                                            \
    do {                                                                                           \
        jr_error e_;                                                                               \
        jr_error_clear(&e_);                                                                       \
        jr_error *err = &e_;                                                                       \
        jr_status s_ = (call);                                                                     \
        if (s_ != JR_OK)                                                                           \
            fail_msg("%s failed: %s [%s] %s", #call, jr_status_name(s_), e_.code, e_.message);     \
    } while (0)

#define AGB_A "12345678"
#define AGB_B "87654321"
#define ZWOLLE "0193"
#define DEVENTER "0150"

static const char *const bsn[9] = {"",          "123456782", "111111110", "111111122", "111111134",
                                   "111111146", "111111158", "111111171", "111111183"};

enum { A1, A2, A3, A4, B1, B2, C1, C2, NASSIGN };

typedef struct {
    char dir[64];
    jr_store *store;
    jr_ctx ctx;
    char a[NASSIGN][24];
    jr_period q2;
    jr_catalog *cat;
    jr_cents t1, t2, t3;
} fx;

static void provider(fx *f, const char *agb, const char *name)
{
    assert_ok(provider_add(&f->ctx, agb, name, "instelling", NULL, err));
    assert_ok(contract_add(&f->ctx, agb, "P1", "*", D("2024-01-01"), JR_DATE_NONE, NULL, err));
}

/* assignment i of youth y: a toegang referral for kb on start, assigned
 * to agb until end, care started on start when care */
static void assign(fx *f, int i, int y, const char *agb, const char *kb, const char *start,
                   const char *end, bool care)
{
    jr_referral_req r;
    memset(&r, 0, sizeof r);
    snprintf(r.referrer_type, sizeof r.referrer_type, "01");
    r.route = JR_ROUTE_BUDGET;
    snprintf(r.budget, sizeof r.budget, "%s", kb);
    snprintf(r.result, sizeof r.result, "De jeugdige gaat weer naar school.");
    r.date = D(start);
    int64_t rid = 0;
    assert_ok(referral_create(&f->ctx, bsn[y], &r, "Dr. Jansen", &rid, err));
    assert_ok(assignment_create(&f->ctx, rid, agb, D(start), D(end), f->a[i], err));
    if (care)
        assert_ok(care_start(&f->ctx, f->a[i], agb, D(start), err));
}

/* one CSV line of hours of product on assignment i of youth y */
static void line(char *buf, size_t cap, const fx *f, const char *batch, const char *agb,
                 const char *period, const char *ref, int i, int y, const char *product,
                 const char *begin, const char *end, int hours, const char *dc,
                 const char *credit_ref)
{
    jr_cents t = strcmp(product, "45F01") == 0   ? f->t1
                 : strcmp(product, "45F02") == 0 ? f->t2
                                                 : f->t3;
    char ts[JR_MONEY_BUF], am[JR_MONEY_BUF];
    size_t n = strlen(buf);
    snprintf(buf + n, cap - n, "%s,%s,%s,%s,%s-28,%s,%s,%s,45,%s,%s,%s,%d,04,%s,%s,%s,%s\n", batch,
             agb, ZWOLLE, period, period, ref, f->a[i], bsn[y], product, begin, end, hours,
             money_format_plain(t, ts), money_format_plain(t * hours, am), dc,
             credit_ref ? credit_ref : "");
}

static int print_outcome(void *ud, const void *row)
{
    const jr_decl_outcome *o = row;
    (void)ud;
    fprintf(stderr, "line %s: %s %s\n", o->ref, o->code, o->message ? o->message : "");
    return 0;
}

static void import(fx *f, const char *csv)
{
    FILE *in = fmemopen((void *)csv, strlen(csv), "rb");
    assert_non_null(in);
    decl_import_report rep = {NULL, NULL, NULL};
    if (getenv("SIG_DEBUG"))
        rep.line = print_outcome;
    assert_ok(decl_csv_import(&f->ctx, in, "fixture.csv", "test:signals", &rep, err));
    fclose(in);
}

static char csv[16384];

static void batch_start(void)
{
    snprintf(csv, sizeof csv, "%s\n", decl_csv_header());
}

static void build(fx *f)
{
    const jr_product *p1 = catalog_product(f->cat, "45F01"), *p2 = catalog_product(f->cat, "45F02");
    assert_non_null(p1);
    assert_non_null(p2);
    assert_true(product_tariff(p1, D("2025-04-01"), &f->t1));
    assert_true(product_tariff(p2, D("2025-04-01"), &f->t2));
    assert_true(product_tariff(catalog_product(f->cat, "45F03"), D("2025-04-01"), &f->t3));
    assert_int_equal(f->t2, 8100);
    jr_cents kb1 = 0;
    assert_true(budget_amount(catalog_budget(f->cat, "KB1"), D("2025-04-01"), &kb1));
    /* the premises of the fixture: 17 h of 45F01 uses a KB1 up, 16 would not */
    assert_true(17 * f->t1 * 100 >= 95 * kb1 && 17 * f->t1 <= kb1);
    assert_true(16 * f->t1 * 100 < 95 * kb1);

    provider(f, AGB_A, "Jeugdzorg De Linde");
    provider(f, AGB_B, "Praktijk Het Baken");
    for (int y = 1; y <= 8; y++)
        assert_ok(youth_add(&f->ctx, bsn[y], D("2015-03-01"), ZWOLLE, NULL, err));
    assign(f, A1, 1, AGB_A, "KB3", "2025-01-01", "2025-12-31", true);
    assign(f, A2, 2, AGB_A, "KB3", "2025-04-01", "2025-04-28", true);
    assign(f, A3, 3, AGB_A, "KB1", "2025-04-01", "2025-09-30", true);
    assign(f, A4, 8, AGB_A, "KB3", "2025-04-01", "2025-04-28", true);
    assign(f, B1, 4, AGB_A, "KB1", "2025-04-01", "2025-09-30", true);
    assign(f, B2, 5, AGB_A, "KB1", "2025-04-01", "2025-09-30", true);
    assign(f, C1, 6, AGB_B, "KB3", "2025-04-01", "2025-12-31", true);
    assign(f, C2, 7, AGB_B, "KB1", "2025-04-01", "2025-09-30", true);

    static const char *const months[3][3] = {{"2025-01", "2025-01-01", "2025-01-31"},
                                             {"2025-02", "2025-02-01", "2025-02-28"},
                                             {"2025-03", "2025-03-01", "2025-03-31"}};
    for (int m = 0; m < 3; m++) {
        char b[16], r[16];
        snprintf(b, sizeof b, "A%s", months[m][0]);
        snprintf(r, sizeof r, "J%d", m);
        batch_start();
        line(csv, sizeof csv, f, b, AGB_A, months[m][0], r, A1, 1, "45F02", months[m][1],
             months[m][2], 1, "D", NULL);
        import(f, csv);
    }
    batch_start();
    line(csv, sizeof csv, f, "A2025-04", AGB_A, "2025-04", "A1", A1, 1, "45F02", "2025-04-01",
         "2025-04-30", 13, "D", NULL);
    line(csv, sizeof csv, f, "A2025-04", AGB_A, "2025-04", "A2", A2, 2, "45F01", "2025-04-01",
         "2025-04-28", 41, "D", NULL);
    line(csv, sizeof csv, f, "A2025-04", AGB_A, "2025-04", "A3", A4, 8, "45F01", "2025-04-01",
         "2025-04-28", 40, "D", NULL);
    line(csv, sizeof csv, f, "A2025-04", AGB_A, "2025-04", "A4", B1, 4, "45F01", "2025-04-01",
         "2025-04-30", 17, "D", NULL);
    line(csv, sizeof csv, f, "A2025-04", AGB_A, "2025-04", "A5", B2, 5, "45F01", "2025-04-01",
         "2025-04-30", 17, "D", NULL);
    line(csv, sizeof csv, f, "B2025-04", AGB_B, "2025-04", "B1", C2, 7, "45F01", "2025-04-01",
         "2025-04-30", 17, "D", NULL);
    import(f, csv);
    batch_start();
    line(csv, sizeof csv, f, "A2025-05", AGB_A, "2025-05", "A6", A3, 3, "45F01", "2025-05-01",
         "2025-05-31", 1, "D", NULL);
    line(csv, sizeof csv, f, "B2025-05", AGB_B, "2025-05", "B2", C1, 6, "45F01", "2025-05-01",
         "2025-05-31", 2, "D", NULL);
    line(csv, sizeof csv, f, "B2025-05", AGB_B, "2025-05", "B3", C1, 6, "45F02", "2025-05-01",
         "2025-05-31", 2, "D", NULL);
    line(csv, sizeof csv, f, "B2025-05", AGB_B, "2025-05", "B4", C1, 6, "45F03", "2025-05-01",
         "2025-05-31", 2, "D", NULL);
    import(f, csv);
    batch_start();
    line(csv, sizeof csv, f, "B2025-05C", AGB_B, "2025-05", "B5", C1, 6, "45F01", "2025-05-01",
         "2025-05-31", 2, "C", "B2");
    import(f, csv);
    /* reported after the May line was accepted */
    assert_ok(care_stop(&f->ctx, f->a[A3], AGB_A, D("2025-05-15"), "31", err));
    assert_ok(assignment_end(&f->ctx, f->a[B1], D("2025-06-15"), "klaar", err));
    assert_ok(assignment_end(&f->ctx, f->a[B2], D("2025-06-20"), "klaar", err));
    assert_ok(assignment_end(&f->ctx, f->a[C2], D("2025-06-10"), "klaar", err));
}

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    if (unit_store_open(f->dir, "signals", &f->store) != 0) {
        free(f);
        return -1;
    }
    jr_catalog *cat = unit_catalog_copy();
    if (!cat)
        return -1;
    cat->signals.budget_min_assignments = 2;
    cat->signals.jump_min_cents = 100000;
    cat->signals.hours_per_week = 10;
    f->cat = cat;
    f->ctx.store = f->store;
    f->ctx.cat = cat;
    f->ctx.actor = "test";
    f->ctx.today = D("2026-01-15");
    if (!period_parse("2025-Q2", &f->q2))
        return -1;
    *state = f;
    build(f);
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    unit_store_remove(f->dir, f->store);
    free(f->cat);
    free(f);
    return 0;
}

static jr_ctx as(fx *f, jr_role role, const char *gemeente, const char *agb)
{
    jr_ctx c = f->ctx;
    memset(&c.who, 0, sizeof c.who);
    c.who.role = role;
    snprintf(c.who.gemeente, sizeof c.who.gemeente, "%s", gemeente ? gemeente : "");
    snprintf(c.who.agb, sizeof c.who.agb, "%s", agb ? agb : "");
    return c;
}

static const jr_signal *only(const jr_signals *s, jr_signal_kind k)
{
    const jr_signal *found = NULL;
    for (int i = 0; i < s->n; i++)
        if (s->signals[i].kind == k) {
            if (found)
                fail_msg("two signals of kind %s", signal_kind_code(k));
            found = &s->signals[i];
        }
    if (!found)
        fail_msg("no signal of kind %s", signal_kind_code(k));
    return found;
}

static void every_signal_with_its_lines(void **state)
{
    fx *f = *state;
    jr_ctx rsj = as(f, JR_ROLE_RSJ, NULL, NULL);
    jr_signals s;
    assert_ok(signals_find(&rsj, &f->q2, ZWOLLE, NULL, &s, err));
    assert_false(s.aggregate);
    for (int i = 0; getenv("SIG_DEBUG") && i < s.n; i++)
        fprintf(stderr, "%s %s %s\n", signal_kind_code(s.signals[i].kind), s.signals[i].agb,
                s.signals[i].text);
    assert_int_equal(s.n, 5);
    for (int k = 0; k < JR_SIG_KINDS; k++)
        assert_int_equal(s.counts[k], 1);
    /* ordered by kind */
    for (int i = 0; i < s.n; i++)
        assert_int_equal(s.signals[i].kind, i);

    const jr_signal *b = only(&s, JR_SIG_BUDGET_FULL);
    assert_string_equal(b->agb, AGB_A);
    assert_int_equal(b->count, 2);
    assert_int_equal(b->of, 2);
    assert_int_equal(b->value_x10, 1000);
    assert_int_equal(b->cents, 2 * 17 * f->t1);
    assert_int_equal(b->nlines, 2);
    assert_string_equal(b->lines[0].assignment, f->a[B1]);
    assert_string_equal(b->lines[1].assignment, f->a[B2]);
    assert_string_equal(b->lines[0].bsn, bsn[4]);
    assert_string_equal(b->lines[0].product, "KB1");

    const jr_signal *h = only(&s, JR_SIG_HOURS);
    assert_string_equal(h->agb, AGB_A);
    assert_int_equal(h->count, 1); /* exactly 10 hours a week is not above the limit */
    assert_int_equal(h->value_x10, 103);
    assert_int_equal(h->cents, 41 * f->t1);
    assert_int_equal(h->nlines, 1);
    assert_int_equal(h->lines[0].begin, D("2025-04-01"));
    assert_int_equal(h->lines[0].end, D("2025-04-28"));
    assert_int_equal(h->lines[0].value_x10, 103);
    assert_string_equal(h->lines[0].bsn, bsn[2]);
    assert_string_equal(h->lines[0].assignment, f->a[A2]);
    assert_non_null(strstr(h->text, "10 uur per week (hoogste 10,3 uur per week)"));

    const jr_signal *o = only(&s, JR_SIG_OUTSIDE_CARE);
    assert_string_equal(o->agb, AGB_A);
    assert_int_equal(o->count, 1);
    assert_string_equal(o->lines[0].assignment, f->a[A3]);
    assert_string_equal(o->lines[0].note, "na stop zorg");
    assert_string_equal(o->lines[0].month, "2025-05");

    const jr_signal *c = only(&s, JR_SIG_CREDITS);
    assert_string_equal(c->agb, AGB_B);
    assert_int_equal(c->count, 1);
    assert_int_equal(c->of, 4);
    assert_int_equal(c->cents, 2 * f->t1);
    assert_int_equal(c->reference, 17 * f->t1 + 2 * (f->t1 + f->t2 + f->t3));
    assert_int_equal(c->value_x10, 250);
    assert_int_equal(c->nlines, 1);
    assert_int_equal(c->lines[0].cents, -2 * f->t1);
    assert_string_equal(c->lines[0].note, "credit");
    assert_string_equal(c->lines[0].month, "2025-05");
    assert_string_equal(c->lines[0].product, "45F01");

    const jr_signal *j = only(&s, JR_SIG_JUMP);
    assert_string_equal(j->agb, AGB_A);
    assert_string_equal(j->month, "2025-04");
    assert_int_equal(j->cents, 105300 + 115 * f->t1);
    assert_int_equal(j->reference, 12150);
    assert_int_equal(j->nlines, 4);
    static const char *const m[4] = {"2025-01", "2025-02", "2025-03", "2025-04"};
    for (int i = 0; i < 4; i++) {
        assert_string_equal(j->lines[i].month, m[i]);
        assert_int_equal(j->lines[i].cents, i < 3 ? 8100 : 105300 + 115 * f->t1);
    }
    assert_string_equal(j->lines[3].note, "maand van de sprong");
    signals_free(&s);

    /* one kind asked */
    assert_ok(signals_find(&rsj, &f->q2, ZWOLLE, "credits", &s, err));
    assert_int_equal(s.n, 1);
    assert_int_equal(s.signals[0].kind, JR_SIG_CREDITS);
    signals_free(&s);
    /* a month without any: April has the hours, the budgets end in June */
    jr_period apr;
    assert_true(period_parse("2025-04", &apr));
    assert_ok(signals_find(&rsj, &apr, ZWOLLE, "budget_vol", &s, err));
    assert_int_equal(s.n, 0);
    signals_free(&s);
}

static int audit_rows(void *ud, const void *row)
{
    const jr_audit_row *a = row;
    if (strcmp(a->action, "signalen.inzien") == 0)
        ++*(int *)ud;
    return 0;
}

static int signal_reads(fx *f)
{
    int n = 0;
    jr_ctx sys = as(f, JR_ROLE_SYSTEM, NULL, NULL);
    assert_ok(audit_list(&sys, "signals", NULL, NULL, 100, audit_rows, &n, err));
    return n;
}

static void who_sees_the_lines(void **state)
{
    fx *f = *state;
    int before = signal_reads(f);
    /* the municipality's own controller: the lines, and the reading kept */
    jr_ctx g = as(f, JR_ROLE_GEMEENTE, ZWOLLE, NULL);
    jr_signals s;
    assert_ok(signals_find(&g, &f->q2, NULL, NULL, &s, err));
    assert_false(s.aggregate);
    assert_string_equal(s.scope.gemeente, ZWOLLE);
    assert_int_equal(s.n, 5);
    assert_true(s.signals[0].nlines > 0);
    signals_free(&s);
    assert_int_equal(signal_reads(f), before + 1);

    /* a lezer: the same signals, no lines, nothing to audit */
    jr_ctx lz = as(f, JR_ROLE_LEZER, NULL, NULL);
    assert_ok(signals_find(&lz, &f->q2, ZWOLLE, NULL, &s, err));
    assert_true(s.aggregate);
    assert_int_equal(s.n, 5);
    for (int i = 0; i < s.n; i++) {
        assert_int_equal(s.signals[i].nlines, 0);
        assert_true(s.signals[i].count > 0);
    }
    signals_free(&s);
    assert_int_equal(signal_reads(f), before + 1);

    /* another municipality, asked by Zwolle's controller: as a lezer sees it */
    assert_ok(signals_find(&g, &f->q2, DEVENTER, NULL, &s, err));
    assert_true(s.aggregate);
    assert_int_equal(s.n, 0);
    signals_free(&s);

    /* a provider is refused; so is an unknown kind or municipality */
    jr_ctx a = as(f, JR_ROLE_AANBIEDER, NULL, AGB_A);
    jr_error e;
    jr_error_clear(&e);
    assert_int_equal(signals_find(&a, &f->q2, NULL, NULL, &s, &e), JR_EFORBIDDEN);
    signals_free(&s);
    jr_ctx rsj = as(f, JR_ROLE_RSJ, NULL, NULL);
    jr_error_clear(&e);
    assert_int_equal(signals_find(&rsj, &f->q2, NULL, "nope", &s, &e), JR_EINVAL);
    assert_string_equal(e.code, "kind_invalid");
    signals_free(&s);
    jr_error_clear(&e);
    assert_int_equal(signals_find(&rsj, &f->q2, "9999", NULL, &s, &e), JR_EINVAL);
    assert_string_equal(e.code, "gemeente_unknown");
    signals_free(&s);

    /* the region: the same five, since every line is Zwolle's */
    assert_ok(signals_find(&rsj, &f->q2, NULL, NULL, &s, err));
    assert_int_equal(s.n, 5);
    signals_free(&s);
}

/* the signals of kind under the hours limit h: below JR_SIG_HOURS_KEPT
   they read every line, from it on what the import kept (migration 016) */
static void under_limit(fx *f, int32_t h, const jr_period *p, const char *g, const char *kind,
                        jr_signals *s)
{
    f->cat->signals.hours_per_week = h;
    jr_ctx rsj = as(f, JR_ROLE_RSJ, NULL, NULL);
    assert_ok(signals_find(&rsj, p, g, kind, s, err));
}

static void kept_rows_give_the_signals_of_every_line(void **state)
{
    fx *f = *state;
    int32_t saved = f->cat->signals.hours_per_week;
    jr_period year;
    assert_true(period_parse("2025", &year));
    const jr_period *periods[2] = {&f->q2, &year};
    const char *scopes[2] = {ZWOLLE, NULL};
    const char *kinds[2] = {"credits", "buiten_zorg"};
    int compared = 0;
    for (int p = 0; p < 2; p++)
        for (int g = 0; g < 2; g++)
            for (int k = 0; k < 2; k++) {
                jr_signals all, kept;
                under_limit(f, JR_SIG_HOURS_KEPT - 1, periods[p], scopes[g], kinds[k], &all);
                under_limit(f, JR_SIG_HOURS_KEPT, periods[p], scopes[g], kinds[k], &kept);
                assert_int_equal(kept.n, all.n);
                for (int i = 0; i < all.n; i++) {
                    const jr_signal *a = &all.signals[i], *b = &kept.signals[i];
                    assert_int_equal(b->kind, a->kind);
                    assert_string_equal(b->agb, a->agb);
                    assert_int_equal(b->count, a->count);
                    assert_int_equal(b->of, a->of);
                    assert_int_equal(b->cents, a->cents);
                    assert_int_equal(b->reference, a->reference);
                    assert_int_equal(b->value_x10, a->value_x10);
                    assert_string_equal(b->text, a->text);
                    assert_int_equal(b->nlines, a->nlines);
                    for (int j = 0; j < a->nlines; j++) {
                        assert_int_equal(b->lines[j].line_id, a->lines[j].line_id);
                        assert_int_equal(b->lines[j].cents, a->lines[j].cents);
                        assert_string_equal(b->lines[j].note, a->lines[j].note);
                    }
                    compared++;
                }
                signals_free(&all);
                signals_free(&kept);
            }
    f->cat->signals.hours_per_week = saved;
    /* the fixture's credits and its line after the stop of care, each in
       both periods and both scopes */
    assert_int_equal(compared, 8);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_signal_with_its_lines),
        cmocka_unit_test(who_sees_the_lines),
        cmocka_unit_test(kept_rows_give_the_signals_of_every_line),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

/*
 * test_figures_bench.c: the benchmark and the most expensive youths
 * (service/figures_bench.h) against a small fixture built through the
 * services, with the region's small-group threshold set to 3 so that a
 * group of exactly threshold - 1 (2) and exactly threshold (3) youths sit
 * side by side. Every figure is worked out BY HAND below. The helpers are
 * copied from test_figures.c (which is unchanged).
 *
 * Fixture (today 2026-01-15, period 2025-Q2): providers A (12345678) and
 * B (87654321), lot P1. Zwolle (0193, 27,800 under-18s): Z1, Z2, Z3;
 * Deventer (0150, 20,400): V1, V2. All keuzebudget assignments (ambulant):
 *   a1 Z1 A KB3 2025-03-01..2025-08-31     a2 Z2 A KB1 2025-04-01..2025-09-30
 *   a3 Z3 A KB1 2025-01-01..2025-06-30     a4 V1 B KB1 2025-04-10..2025-09-30
 *   a5 V2 A KB1 2025-02-01..2025-07-31
 * Lines: L1 A Zwolle 2025-04 a1 45F02 10 h 81000; L2 A Zwolle 2025-05 a2
 * 45F01 4 h 23264; L3 A Zwolle 2025-05 a3 45F01 2 h 11632; L4 B Deventer
 * 2025-05 a4 45F01 6 h 34896.
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
#include "service/figures_bench.h"
#include "service/provider.h"
#include "service/quote.h"
#include "service/referrals.h"
#include "service/youth.h"

#include <ftw.h>
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
/* valid BSNs (11-check) */
#define Z1 "123456782"
#define Z2 "111111110"
#define Z3 "111111122"
#define V1 "111111134"
#define V2 "111111146"

typedef struct {
    char dir[64];
    jr_store *store;
    jr_ctx ctx;
    char a[9][24];   /* a[1]..a[8]: the assignments' numbers */
    jr_period q2;    /* 2025-Q2 */
    jr_catalog *cat; /* the shipped catalog, threshold 3 */
} fx;

/* ---- building the fixture through the services ---- */

static void provider(fx *f, const char *agb, const char *name)
{
    assert_ok(provider_add(&f->ctx, agb, name, "instelling", NULL, err));
    assert_ok(contract_add(&f->ctx, agb, "P1", "*", D("2024-01-01"), JR_DATE_NONE, NULL, err));
}

static jr_referral_req req_of(const char *type, jr_route route, const char *kb, const char *date)
{
    jr_referral_req r;
    memset(&r, 0, sizeof r);
    snprintf(r.referrer_type, sizeof r.referrer_type, "%s", type);
    r.route = route;
    snprintf(r.budget, sizeof r.budget, "%s", kb);
    snprintf(r.result, sizeof r.result, "De jeugdige gaat weer naar school.");
    r.date = D(date);
    return r;
}

static int64_t refer(fx *f, const char *bsn, const jr_referral_req *req)
{
    int64_t id = 0;
    assert_ok(referral_create(&f->ctx, bsn, req, "Dr. Jansen", &id, err));
    return id;
}

/* assignment i: a referral by the toegang (01) for keuzebudget kb on start,
 * assigned to agb from start to end; care started on start when care */
static void assign(fx *f, int i, const char *bsn, const char *agb, const char *kb,
                   const char *start, const char *end, bool care)
{
    jr_referral_req req = req_of("01", JR_ROUTE_BUDGET, kb, start);
    int64_t rid = refer(f, bsn, &req);
    assert_ok(assignment_create(&f->ctx, rid, agb, D(start), D(end), f->a[i], err));
    if (care)
        assert_ok(care_start(&f->ctx, f->a[i], agb, D(start), err));
}

/* one CSV line: hours of product on assignment i for begin..end */
static void line(char *buf, size_t cap, const char *batch, const char *agb, const char *gemeente,
                 const char *period, const char *ref, const char *number, const char *bsn,
                 const char *product, const char *begin, const char *end, int hours, const char *dc,
                 const char *credit_ref)
{
    const jr_product *p = catalog_product(unit_catalog(), product);
    jr_cents t = 0;
    if (!p || !product_tariff(p, D(begin), &t))
        fail_msg("no tariff for %s on %s", product, begin);
    char ts[JR_MONEY_BUF], am[JR_MONEY_BUF];
    size_t n = strlen(buf);
    snprintf(buf + n, cap - n, "%s,%s,%s,%s,%s-28,%s,%s,%s,45,%s,%s,%s,%d,04,%s,%s,%s,%s\n", batch,
             agb, gemeente, period, period, ref, number, bsn, product, begin, end, hours,
             money_format_plain(t, ts), money_format_plain(t * hours, am), dc,
             credit_ref ? credit_ref : "");
}

/* import: the CSV text through decl_csv_import, as `declare` reads a file */
static void import(fx *f, const char *csv)
{
    FILE *in = fmemopen((void *)csv, strlen(csv), "rb");
    assert_non_null(in);
    decl_import_report rep = {NULL, NULL, NULL};
    assert_ok(decl_csv_import(&f->ctx, in, "fixture.csv", "test:figures", &rep, err));
    fclose(in);
}

static void build(fx *f)
{
    provider(f, AGB_A, "Jeugdzorg De Linde");
    provider(f, AGB_B, "Praktijk Het Baken");
    const char *zw[] = {Z1, Z2, Z3}, *dv[] = {V1, V2};
    for (int i = 0; i < 3; i++)
        assert_ok(youth_add(&f->ctx, zw[i], D("2015-03-01"), ZWOLLE, NULL, err));
    for (int i = 0; i < 2; i++)
        assert_ok(youth_add(&f->ctx, dv[i], D("2014-06-01"), DEVENTER, NULL, err));
    assign(f, 1, Z1, AGB_A, "KB3", "2025-03-01", "2025-08-31", true);
    assign(f, 2, Z2, AGB_A, "KB1", "2025-04-01", "2025-09-30", true);
    assign(f, 3, Z3, AGB_A, "KB1", "2025-01-01", "2025-06-30", true);
    assign(f, 4, V1, AGB_B, "KB1", "2025-04-10", "2025-09-30", true);
    assign(f, 5, V2, AGB_A, "KB1", "2025-02-01", "2025-07-31", true);
    static char csv[8192];
    const char *h = decl_csv_header();
    snprintf(csv, sizeof csv, "%s\n", h);
    line(csv, sizeof csv, "A2025-04", AGB_A, ZWOLLE, "2025-04", "L1", f->a[1], Z1, "45F02",
         "2025-04-01", "2025-04-30", 10, "D", NULL);
    import(f, csv);
    snprintf(csv, sizeof csv, "%s\n", h);
    line(csv, sizeof csv, "A2025-05", AGB_A, ZWOLLE, "2025-05", "L2", f->a[2], Z2, "45F01",
         "2025-05-01", "2025-05-31", 4, "D", NULL);
    line(csv, sizeof csv, "A2025-05", AGB_A, ZWOLLE, "2025-05", "L3", f->a[3], Z3, "45F01",
         "2025-05-01", "2025-05-31", 2, "D", NULL);
    line(csv, sizeof csv, "B2025-05D", AGB_B, DEVENTER, "2025-05", "L4", f->a[4], V1, "45F01",
         "2025-05-01", "2025-05-31", 6, "D", NULL);
    import(f, csv);
}

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    if (unit_store_open(f->dir, "figbench", &f->store) != 0) {
        free(f);
        return -1;
    }
    jr_catalog *cat = unit_catalog_copy();
    if (!cat)
        return -1;
    cat->small_group_threshold = 3;
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

static const jr_fb_row *row_of(const jr_figures_benchmark *b, const char *cbs)
{
    for (int i = 0; i < b->nrows; i++)
        if (strcmp(b->rows[i].gemeente, cbs) == 0)
            return &b->rows[i];
    fail_msg("no row %s", cbs);
    return NULL;
}

/* rsj sees everything. Youths in care in 2025-Q2: Zwolle Z1, Z2, Z3 = 3,
 * Deventer V1, V2 = 2, the region 5. Per 1,000: 3 / 27,800 * 1,000 =
 * 0.108 -> 1 tenth; 2 / 20,400 * 1,000 = 0.098 -> 1; region 5 / 118,400 *
 * 1,000 = 0.042 -> 0. Ranks: Zwolle and Deventer share 1, the nine others
 * (0) are 3; diff with the region +1. Spending: Zwolle 81000 + 23264 +
 * 11632 = 115896 over 3 youths = 38632 per youth; per 1,000: 115896 *
 * 1,000 / 27,800 = 4168.9 -> 4169. Deventer 34896 over V1 alone. The
 * region 150792 over 4 youths = 37698. Ambulant share 100 % (1000). */
static void benchmark_whole_for_rsj(void **state)
{
    fx *f = *state;
    jr_ctx c = as(f, JR_ROLE_RSJ, NULL, NULL);
    jr_figures_benchmark *b = malloc(sizeof *b);
    assert_non_null(b);
    assert_ok(figures_benchmark(&c, &f->q2, b, err));
    assert_int_equal(b->nrows, 11);
    assert_i64_equal(b->scope.threshold, 3);
    const jr_fb_row *z = row_of(b, ZWOLLE), *d = row_of(b, DEVENTER), *dal = row_of(b, "0148");
    const jr_fb_cell *zc = &z->cells[JR_FB_YOUTHS_PER_1000], *dc = &d->cells[JR_FB_YOUTHS_PER_1000];
    assert_false(zc->hidden);
    assert_i64_equal(zc->group, 3);
    assert_i64_equal(zc->value, 1);
    assert_int_equal(zc->rank, 1);
    assert_i64_equal(dc->group, 2);
    assert_i64_equal(dc->value, 1);
    assert_int_equal(dc->rank, 1);
    assert_int_equal(dal->cells[JR_FB_YOUTHS_PER_1000].rank, 3);
    assert_i64_equal(b->region.cells[JR_FB_YOUTHS_PER_1000].value, 0);
    assert_true(zc->has_diff);
    assert_i64_equal(zc->diff, 1);
    assert_i64_equal(z->cells[JR_FB_SPEND_PER_YOUTH].value, 38632);
    assert_i64_equal(z->cells[JR_FB_SPEND_PER_1000].value, 4169);
    assert_i64_equal(d->cells[JR_FB_SPEND_PER_YOUTH].value, 34896);
    assert_i64_equal(b->region.cells[JR_FB_SPEND_PER_YOUTH].value, 37698);
    assert_i64_equal(z->cells[JR_FB_AMBULANT_SHARE].value, 1000);
    assert_false(dal->cells[JR_FB_SPEND_PER_YOUTH].has); /* no youths: no value */
    free(b);
}

/* The lezer: Deventer's 2 youths (threshold - 1) hidden, Zwolle's 3
 * (threshold) shown; one hidden cell beside a shown region would give it
 * away (5 - 3 - 0 ...), so the smallest other aggregate cell (Dalfsen's 0,
 * first in the catalog) is hidden too. Spending: Deventer's 1 youth
 * hidden, and Zwolle's (the only other with a value) with it. A Zwolle user sees its own row whole
 * and the same for the others; a Deventer user its own 2 youths whole. */
static void benchmark_hides_at_threshold_minus_one(void **state)
{
    fx *f = *state;
    jr_figures_benchmark *b = malloc(sizeof *b);
    assert_non_null(b);
    jr_ctx c = as(f, JR_ROLE_LEZER, NULL, NULL);
    assert_ok(figures_benchmark(&c, &f->q2, b, err));
    const jr_fb_cell *z = &row_of(b, ZWOLLE)->cells[JR_FB_YOUTHS_PER_1000];
    const jr_fb_cell *d = &row_of(b, DEVENTER)->cells[JR_FB_YOUTHS_PER_1000];
    assert_false(z->hidden);
    assert_i64_equal(z->value, 1);
    assert_int_equal(z->rank, 1);
    assert_true(d->hidden);
    assert_false(d->has);
    assert_i64_equal(d->value, 0);
    assert_true(row_of(b, "0148")->cells[JR_FB_YOUTHS_PER_1000].hidden);
    assert_false(row_of(b, "0160")->cells[JR_FB_YOUTHS_PER_1000].hidden);
    assert_false(b->region.cells[JR_FB_YOUTHS_PER_1000].hidden);
    assert_true(row_of(b, DEVENTER)->cells[JR_FB_SPEND_PER_YOUTH].hidden);
    /* Zwolle's 3 would be shown, but it is the only other municipality with
     * a value beside the region's: the region less Zwolle would be Deventer */
    assert_true(row_of(b, ZWOLLE)->cells[JR_FB_SPEND_PER_YOUTH].hidden);
    assert_false(b->region.cells[JR_FB_SPEND_PER_YOUTH].hidden);

    c = as(f, JR_ROLE_GEMEENTE, ZWOLLE, NULL);
    assert_ok(figures_benchmark(&c, &f->q2, b, err));
    assert_true(row_of(b, ZWOLLE)->own);
    assert_false(row_of(b, ZWOLLE)->aggregate);
    assert_true(row_of(b, DEVENTER)->cells[JR_FB_YOUTHS_PER_1000].hidden);

    c = as(f, JR_ROLE_GEMEENTE, DEVENTER, NULL);
    assert_ok(figures_benchmark(&c, &f->q2, b, err));
    d = &row_of(b, DEVENTER)->cells[JR_FB_YOUTHS_PER_1000];
    assert_false(d->hidden);
    assert_i64_equal(d->group, 2);
    /* no aggregate cell is hidden (Zwolle's 3 shown): none suppressed */
    assert_false(row_of(b, "0148")->cells[JR_FB_YOUTHS_PER_1000].hidden);
    free(b);
}

static int audit_count(void *ud, const void *row)
{
    const jr_audit_row *a = row;
    if (strcmp(a->action, "cijfers.duurste_jeugdigen") == 0) {
        int *n = ud;
        if (*n == 0) { /* the newest first */
            assert_string_equal(a->actor, "g.zwolle");
            assert_string_equal(a->entity_id, ZWOLLE);
            assert_non_null(strstr(a->detail, "2 jeugdigen getoond (hoogstens 2)"));
            assert_null(strstr(a->detail, Z1));
        }
        (*n)++;
    }
    return 0;
}

/* Zwolle's most expensive youths in 2025-Q2: Z1 81000 (a1), Z2 23264
 * (a2), Z3 11632 (a3); limit 2: Z1 and Z2. The gemeente user of Zwolle
 * sees them, and the request is audited; Deventer's user, a lezer and an
 * aanbieder are refused; a limit of 101 is refused. */
static void expensive_youths_are_audited_and_refused_to_others(void **state)
{
    fx *f = *state;
    jr_ctx c = as(f, JR_ROLE_GEMEENTE, ZWOLLE, NULL);
    c.actor = "g.zwolle";
    jr_figures_expensive e;
    assert_ok(figures_expensive(&c, &f->q2, NULL, NULL, 2, &e, err));
    assert_string_equal(e.gemeente, ZWOLLE);
    assert_int_equal(e.n, 2);
    assert_string_equal(e.youths[0].bsn, Z1);
    assert_i64_equal(e.youths[0].cents, 81000);
    assert_int_equal(e.youths[0].nassignments, 1);
    assert_string_equal(e.youths[0].assignments[0].number, f->a[1]);
    assert_string_equal(e.youths[0].assignments[0].product, "KB3");
    assert_i64_equal(e.youths[1].cents, 23264);
    figures_expensive_free(&e);
    int n = 0;
    jr_ctx sys = as(f, JR_ROLE_SYSTEM, NULL, NULL);
    assert_ok(audit_list(&sys, NULL, NULL, NULL, 50, audit_count, &n, err));
    assert_int_equal(n, 1);

    const jr_ctx refused[] = {as(f, JR_ROLE_GEMEENTE, DEVENTER, NULL),
                              as(f, JR_ROLE_LEZER, NULL, NULL),
                              as(f, JR_ROLE_AANBIEDER, NULL, AGB_A)};
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        jr_error er;
        jr_error_clear(&er);
        assert_int_equal(figures_expensive(&refused[i], &f->q2, ZWOLLE, NULL, 0, &e, &er),
                         JR_EFORBIDDEN);
        figures_expensive_free(&e);
    }
    jr_error er;
    jr_error_clear(&er);
    assert_int_equal(figures_expensive(&c, &f->q2, ZWOLLE, NULL, 101, &e, &er), JR_EINVAL);
    assert_err_code(&er, "limit_invalid");
    figures_expensive_free(&e);
    n = 0;
    assert_ok(audit_list(&sys, NULL, NULL, NULL, 50, audit_count, &n, err));
    assert_int_equal(n, 1); /* refusals read nothing and write nothing */
}

static int audit_provider(void *ud, const void *row)
{
    const jr_audit_row *a = row;
    if (strcmp(a->action, "cijfers.duurste_jeugdigen") == 0 && strstr(a->detail, AGB_B))
        (*(int *)ud)++;
    return 0;
}

/* The most expensive youths at one provider in 2025-Q2 (figures_expensive),
 * asked by rsj: B's lines are L4 only (V1, Deventer, 34896 on a4): one
 * youth in the region, none paid by Zwolle. A's region: Z1 81000 (L1, a1),
 * Z2 23264 (L2, a2), Z3 11632 (L3, a3); limit 2: Z1 and Z2. The audit row
 * names the provider; an unknown one is refused and writes nothing. */
static void expensive_youths_of_one_provider(void **state)
{
    fx *f = *state;
    jr_ctx c = as(f, JR_ROLE_RSJ, NULL, NULL);
    jr_figures_expensive e;
    assert_ok(figures_expensive(&c, &f->q2, NULL, AGB_B, 0, &e, err));
    assert_string_equal(e.agb, AGB_B);
    assert_int_equal(e.n, 1);
    assert_string_equal(e.youths[0].bsn, V1);
    assert_i64_equal(e.youths[0].cents, 34896);
    assert_int_equal(e.youths[0].nassignments, 1);
    assert_string_equal(e.youths[0].assignments[0].number, f->a[4]);
    assert_string_equal(e.youths[0].assignments[0].agb, AGB_B);
    figures_expensive_free(&e);
    assert_ok(figures_expensive(&c, &f->q2, ZWOLLE, AGB_B, 0, &e, err));
    assert_int_equal(e.n, 0);
    figures_expensive_free(&e);
    assert_ok(figures_expensive(&c, &f->q2, NULL, AGB_A, 2, &e, err));
    assert_int_equal(e.n, 2);
    assert_string_equal(e.youths[0].bsn, Z1);
    assert_i64_equal(e.youths[0].cents, 81000);
    assert_string_equal(e.youths[1].bsn, Z2);
    assert_i64_equal(e.youths[1].cents, 23264);
    figures_expensive_free(&e);
    int n = 0;
    jr_ctx sys = as(f, JR_ROLE_SYSTEM, NULL, NULL);
    assert_ok(audit_list(&sys, NULL, NULL, NULL, 50, audit_provider, &n, err));
    assert_int_equal(n, 2); /* the two asks of B */
    jr_error er;
    jr_error_clear(&er);
    assert_int_equal(figures_expensive(&c, &f->q2, NULL, "11111111", 0, &e, &er), JR_EINVAL);
    assert_err_code(&er, "aanbieder_unknown");
    figures_expensive_free(&e);
}

/* ---- ambulantisering ----
 *
 * Zwolle, 2025-Q2, as rsj: every assignment is a budget assignment (iJw
 * category 45: ambulant); a1 (Z1, March-August), a2 (Z2, April-September)
 * and a3 (Z3, January-June) run in each of April, May and June: 3 ambulant
 * youths a month, none in wonen/verblijf: a youth share of 100,0 %. Money by
 * the batch's month: April L1 10 h 45F02 = 81000; May L2 4 h + L3 2 h 45F01
 * = 6 x 5816 = 34896; June nothing (no money share). The quarter: 3 youths,
 * 115896. The same months of 2024: nothing. */
static void ambulantisering_per_month(void **state)
{
    fx *f = *state;
    jr_figures_ambulant a;
    assert_ok(figures_ambulant(&f->ctx, &f->q2, ZWOLLE, NULL, &a, err));
    assert_int_equal(a.nmonths, 3);
    const int64_t money[3] = {81000, 34896, 0};
    for (int m = 0; m < 3; m++) {
        assert_i64_equal(a.now[m].ambulant.n, 3);
        assert_false(a.now[m].ambulant.hidden);
        assert_i64_equal(a.now[m].verblijf.n, 0);
        assert_i64_equal(a.now[m].youth_share_x10, 1000);
        assert_i64_equal(a.now[m].ambulant_cents, money[m]);
        assert_i64_equal(a.now[m].verblijf_cents, 0);
        assert_i64_equal(a.now[m].money_share_x10, money[m] ? 1000 : -1);
        assert_i64_equal(a.prev[m].ambulant.n, 0);
        assert_i64_equal(a.prev[m].youth_share_x10, -1);
    }
    assert_i64_equal(a.total.ambulant.n, 3);
    assert_i64_equal(a.total.ambulant_cents, 115896);
    assert_i64_equal(a.total.money_share_x10, 1000);
    assert_i64_equal(a.total_prev.ambulant_cents, 0);
}

/* ---- quotes ----
 *
 * Zwolle, 2025-Q2: a GI (04) asks quotes for Z1 of A and B on 2 May; A
 * answers on 6 May (4 days), B on 12 May (10 days); the municipality
 * accepts A's (B's is rejected with it). The GI asks A for Z2 on 2 June:
 * not answered. Requested 3, accepted 1, rejected 1, open 1 (unanswered 1),
 * answered 2: median (4 + 10) / 2 = 7 (twice: 14), nearest-rank 90th
 * percentile of 2 days: the 2nd, 10. Per provider: A 2 requested, 1
 * accepted, 1 open, answered once in 4 days; B 1 requested, rejected,
 * answered in 10 days. */
static void quotes_requested_answered_and_decided(void **state)
{
    fx *f = *state;
    jr_referral_req gi = req_of("04", JR_ROUTE_QUOTE, "", "2025-05-02");
    int64_t r1 = refer(f, Z1, &gi);
    const char *both[] = {AGB_A, AGB_B};
    int64_t ids[2];
    f->ctx.today = D("2025-05-02");
    assert_ok(quote_request(&f->ctx, r1, both, 2, ids, err));
    jr_quote_line l;
    memset(&l, 0, sizeof l);
    snprintf(l.product, sizeof l.product, "45F02");
    l.centi_hours = 1000;
    jr_cents total = 0;
    f->ctx.today = D("2025-05-06");
    assert_ok(quote_answer(&f->ctx, ids[0], AGB_A, &l, 1, 6, "Plan A", &total, err));
    f->ctx.today = D("2025-05-12");
    assert_ok(quote_answer(&f->ctx, ids[1], AGB_B, &l, 1, 6, "Plan B", &total, err));
    char number[24];
    assert_ok(quote_accept(&f->ctx, ids[0], D("2025-06-01"), number, err));
    gi.date = D("2025-06-02");
    f->ctx.today = D("2025-06-02");
    int64_t r2 = refer(f, Z2, &gi);
    const char *one[] = {AGB_A};
    int64_t id3;
    assert_ok(quote_request(&f->ctx, r2, one, 1, &id3, err));
    f->ctx.today = D("2026-01-15");

    jr_figures_quotes q;
    assert_ok(figures_quotes(&f->ctx, &f->q2, ZWOLLE, NULL, &q, err));
    assert_i64_equal(q.total.requested, 3);
    assert_i64_equal(q.total.accepted, 1);
    assert_i64_equal(q.total.rejected, 1);
    assert_i64_equal(q.total.open, 1);
    assert_i64_equal(q.total.unanswered, 1);
    assert_i64_equal(q.total.answered, 2);
    assert_i64_equal(q.total.median_x2, 14);
    assert_i64_equal(q.total.p90, 10);
    assert_i64_equal(q.total.youths, 2);
    assert_int_equal(q.nreferrers, 1);
    assert_string_equal(q.by_referrer[0].code, "04");
    assert_i64_equal(q.by_referrer[0].requested, 3);
    assert_int_equal(q.nproviders, 2);
    assert_string_equal(q.by_provider[0].code, AGB_A);
    assert_i64_equal(q.by_provider[0].requested, 2);
    assert_i64_equal(q.by_provider[0].accepted, 1);
    assert_i64_equal(q.by_provider[0].open, 1);
    assert_i64_equal(q.by_provider[0].median_x2, 8);
    assert_string_equal(q.by_provider[1].code, AGB_B);
    assert_i64_equal(q.by_provider[1].rejected, 1);
    assert_i64_equal(q.by_provider[1].p90, 10);
    figures_quotes_free(&q);

    /* Deventer asked none */
    assert_ok(figures_quotes(&f->ctx, &f->q2, DEVENTER, NULL, &q, err));
    assert_i64_equal(q.total.requested, 0);
    assert_i64_equal(q.total.answered, 0);
    figures_quotes_free(&q);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(benchmark_whole_for_rsj, setup, teardown),
        cmocka_unit_test_setup_teardown(ambulantisering_per_month, setup, teardown),
        cmocka_unit_test_setup_teardown(quotes_requested_answered_and_decided, setup, teardown),
        cmocka_unit_test_setup_teardown(benchmark_hides_at_threshold_minus_one, setup, teardown),
        cmocka_unit_test_setup_teardown(expensive_youths_of_one_provider, setup, teardown),
        cmocka_unit_test_setup_teardown(expensive_youths_are_audited_and_refused_to_others, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

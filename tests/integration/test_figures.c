/*
 * test_figures.c: the monitor's first figures (service/figures.h) against
 * a small fixture built through the services, every figure computed BY
 * HAND in the comments below from the fixture's raw rows (not by running
 * the same SQL again), and the scope of each role.
 *
 * The fixture (today 2026-01-15; the reporting period 2025-Q2, 1 April to
 * 30 June 2025, and the year before 2024-Q2). Providers A (12345678) and B
 * (87654321), both contracted for lot P1 (the functiegroepen). Youths Z1,
 * Z2, Z3 in Zwolle (0193, 27,800 under-18s), V1, V2 in Deventer (0150).
 * The region's under-18s: the catalog's eleven municipalities, 118,400.
 *
 *   assignment  youth  prov  route  referral (type, date)  runs
 *   a1          Z1     A     KB3    01, 2025-03-01        2025-03-01..2025-08-31
 *   a2          Z1     B     KB2    01, 2025-05-01        2025-05-01..2025-10-31
 *   a3          Z2     A     KB1    01, 2025-01-01        2025-01-01..2025-06-30, care stop
 * 2025-05-15 a4          Z3     A     KB1    01, 2025-07-01        2025-07-01..2025-12-31 a5 V1 B
 * KB1    01, 2025-04-10        2025-04-10..2025-09-30 a6          Z3     A     KB1    01,
 * 2024-04-01        2024-04-01..2024-09-30 a7          V2     A     KB1    01, 2025-02-01
 * 2025-02-01..2025-07-31, ended 2025-05-31 a8          Z3     A     KB1    01, 2025-04-01
 * 2025-04-01..2025-06-30, withdrawn and two referrals without an assignment: Z3 by a huisarts (02),
 * KB1, 2025-04-20; V2 by a GI (04), offerte, 2025-06-15.
 *
 * Declaration lines (batch = provider, municipality, month), tariffs of
 * the catalog: 45F01 58,16, 45F02 81,00, 45F03 91,39 in 2025; 45F02 78,00
 * in 2024:
 *   L8  A Zwolle 2025-03 a1 45F02 10 h  81000   (outside the period)
 *   L1  A Zwolle 2025-04 a1 45F02 10 h  81000
 *   L2  A Zwolle 2025-05 a1 45F02 10 h  81000
 *   L3  A Zwolle 2025-05 a3 45F01  4 h  23264
 *   L4  B Zwolle 2025-05 a2 45F03  5 h  45695
 *   L7  B Deventer 2025-05 a5 45F01 6 h 34896
 *   C2  A Zwolle 2025-05 credit of L2  -81000 (a later batch, sent in June)
 *   L6  A Zwolle 2025-06 a1 45F02 10 h  81000
 *   L11 A Zwolle 2025-06 a3 45F01  2 h  rejected (after the stop of care)
 *   L9  A Zwolle 2025-07 a1 45F02 10 h  81000   (outside the period)
 *   L10 A Zwolle 2024-05 a6 45F02  8 h  62400   (last year)
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "../unit/unit_support.h"

#include "io/decl_csv.h"
#include "service/assignment.h"
#include "service/care.h"
#include "service/figures.h"
#include "service/provider.h"
#include "service/referrals.h"
#include "service/youth.h"
#include "store/embedded.h"
#include "store/store.h"

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
    char a[11][24]; /* a[1]..a[10]: the assignments' numbers */
    jr_period q2;   /* 2025-Q2 */
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
    assign(f, 2, Z1, AGB_B, "KB2", "2025-05-01", "2025-10-31", true);
    assign(f, 3, Z2, AGB_A, "KB1", "2025-01-01", "2025-06-30", true);
    assert_ok(care_stop(&f->ctx, f->a[3], AGB_A, D("2025-05-15"), "31", err));
    assign(f, 4, Z3, AGB_A, "KB1", "2025-07-01", "2025-12-31", true);
    assign(f, 5, V1, AGB_B, "KB1", "2025-04-10", "2025-09-30", true);
    assign(f, 6, Z3, AGB_A, "KB1", "2024-04-01", "2024-09-30", true);
    assign(f, 7, V2, AGB_A, "KB1", "2025-02-01", "2025-07-31", true);
    assert_ok(assignment_end(&f->ctx, f->a[7], D("2025-05-31"), "doel bereikt", err));
    assign(f, 8, Z3, AGB_A, "KB1", "2025-04-01", "2025-06-30", false);
    assert_ok(assignment_withdraw(&f->ctx, f->a[8], err));
    jr_referral_req gp = req_of("02", JR_ROUTE_BUDGET, "KB1", "2025-04-20");
    refer(f, Z3, &gp);
    jr_referral_req gi = req_of("04", JR_ROUTE_QUOTE, "", "2025-06-15");
    refer(f, V2, &gi);

    /* one file per month, in the order they were sent */
    static char csv[8192];
    const char *h = decl_csv_header();
    snprintf(csv, sizeof csv, "%s\n", h);
    line(csv, sizeof csv, "A2024-05", AGB_A, ZWOLLE, "2024-05", "L10", f->a[6], Z3, "45F02",
         "2024-05-01", "2024-05-31", 8, "D", NULL);
    import(f, csv);
    snprintf(csv, sizeof csv, "%s\n", h);
    line(csv, sizeof csv, "A2025-03", AGB_A, ZWOLLE, "2025-03", "L8", f->a[1], Z1, "45F02",
         "2025-03-01", "2025-03-31", 10, "D", NULL);
    import(f, csv);
    snprintf(csv, sizeof csv, "%s\n", h);
    line(csv, sizeof csv, "A2025-04", AGB_A, ZWOLLE, "2025-04", "L1", f->a[1], Z1, "45F02",
         "2025-04-01", "2025-04-30", 10, "D", NULL);
    import(f, csv);
    snprintf(csv, sizeof csv, "%s\n", h);
    line(csv, sizeof csv, "A2025-05", AGB_A, ZWOLLE, "2025-05", "L2", f->a[1], Z1, "45F02",
         "2025-05-01", "2025-05-31", 10, "D", NULL);
    line(csv, sizeof csv, "A2025-05", AGB_A, ZWOLLE, "2025-05", "L3", f->a[3], Z2, "45F01",
         "2025-05-01", "2025-05-15", 4, "D", NULL);
    line(csv, sizeof csv, "B2025-05Z", AGB_B, ZWOLLE, "2025-05", "L4", f->a[2], Z1, "45F03",
         "2025-05-01", "2025-05-31", 5, "D", NULL);
    line(csv, sizeof csv, "B2025-05D", AGB_B, DEVENTER, "2025-05", "L7", f->a[5], V1, "45F01",
         "2025-05-01", "2025-05-31", 6, "D", NULL);
    import(f, csv);
    snprintf(csv, sizeof csv, "%s\n", h);
    line(csv, sizeof csv, "A2025-05C", AGB_A, ZWOLLE, "2025-05", "C2", f->a[1], Z1, "45F02",
         "2025-05-01", "2025-05-31", 10, "C", "L2");
    line(csv, sizeof csv, "A2025-06", AGB_A, ZWOLLE, "2025-06", "L6", f->a[1], Z1, "45F02",
         "2025-06-01", "2025-06-30", 10, "D", NULL);
    line(csv, sizeof csv, "A2025-06", AGB_A, ZWOLLE, "2025-06", "L11", f->a[3], Z2, "45F01",
         "2025-06-01", "2025-06-10", 2, "D", NULL);
    import(f, csv);
    snprintf(csv, sizeof csv, "%s\n", h);
    line(csv, sizeof csv, "A2025-07", AGB_A, ZWOLLE, "2025-07", "L9", f->a[1], Z1, "45F02",
         "2025-07-01", "2025-07-31", 10, "D", NULL);
    import(f, csv);
}

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    if (unit_store_open(f->dir, "figures", &f->store) != 0) {
        free(f);
        return -1;
    }
    f->ctx.store = f->store;
    f->ctx.cat = unit_catalog();
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
    free(f);
    return 0;
}

/* as(f, role, gemeente, agb): the fixture's context acting as that principal */
static jr_ctx as(fx *f, jr_role role, const char *gemeente, const char *agb)
{
    jr_ctx c = f->ctx;
    memset(&c.who, 0, sizeof c.who);
    c.who.role = role;
    snprintf(c.who.gemeente, sizeof c.who.gemeente, "%s", gemeente ? gemeente : "");
    snprintf(c.who.agb, sizeof c.who.agb, "%s", agb ? agb : "");
    return c;
}

#define assert_count(c, expected)                                                                  \
    do {                                                                                           \
        assert_false((c).hidden);                                                                  \
        assert_i64_equal((c).n, (expected));                                                       \
    } while (0)
#define assert_hidden(c)                                                                           \
    do {                                                                                           \
        assert_true((c).hidden);                                                                   \
        assert_i64_equal((c).n, 0);                                                                \
    } while (0)

static void assert_volume(const jr_fig_volume_row *r, int64_t youths, int64_t active,
                          int64_t started, int64_t ended)
{
    assert_count(r->youths, youths);
    assert_i64_equal(r->active, active);
    assert_i64_equal(r->started, started);
    assert_i64_equal(r->ended, ended);
}

/* ---- volume ---- */

/* Zwolle in 2025-Q2: a1, a2, a3 run in the quarter (a4 starts after it,
 * a6 is last year's, a8 is withdrawn): 3 active; youths Z1 (a1 and a2,
 * counted once) and Z2: 2; started in the quarter: a2 (1 May); ended: a3,
 * whose care stopped on 15 May: 1. Per 1,000: 2 / 27,800 * 1,000 = 0.072
 * -> 0.1 (1 tenth); as % of under-18s 0.0072 % -> 0.0.
 * The region adds Deventer's a5 (V1, started 10 April) and a7 (V2, ended
 * 31 May): 5 active, youths Z1, Z2, V1, V2: 4, started 2, ended 2; per
 * 1,000: 4 / 118,400 * 1,000 = 0.034 -> 0.0.
 * 2024-Q2: a6 (Z3) only, started 1 April 2024: 1, 1, 1, 0 in both. */
static void volume_of_a_municipality_and_the_region(void **state)
{
    fx *f = *state;
    jr_figures_volume v;
    assert_ok(figures_volume(&f->ctx, &f->q2, ZWOLLE, NULL, &v, err));
    assert_string_equal(v.scope.gemeente, ZWOLLE);
    assert_string_equal(v.scope.name, "Zwolle");
    assert_i64_equal(v.before.first, D("2024-04-01"));
    assert_volume(&v.now, 2, 3, 1, 1);
    assert_i64_equal(v.now.population, 27800);
    assert_i64_equal(v.now.per_thousand_x10, 1);
    assert_i64_equal(v.now.share_x10, 0);
    assert_volume(&v.prev, 1, 1, 1, 0);
    assert_true(v.has_region);
    assert_string_equal(v.region.gemeente, "");
    assert_volume(&v.region_now, 4, 5, 2, 2);
    assert_i64_equal(v.region_now.population, 118400);
    assert_i64_equal(v.region_now.per_thousand_x10, 0);
    assert_volume(&v.region_prev, 1, 1, 1, 0);

    /* Deventer: a5 and a7, youths V1 and V2; 2 / 20,400 * 1,000 = 0.098
     * -> 0.1 */
    assert_ok(figures_volume(&f->ctx, &f->q2, DEVENTER, NULL, &v, err));
    assert_volume(&v.now, 2, 2, 1, 1);
    assert_i64_equal(v.now.per_thousand_x10, 1);
    assert_volume(&v.prev, 0, 0, 0, 0);

    /* the region alone: no second region beside it */
    assert_ok(figures_volume(&f->ctx, &f->q2, NULL, NULL, &v, err));
    assert_false(v.has_region);
    assert_volume(&v.now, 4, 5, 2, 2);

    /* a month: May 2025 in Zwolle: a1, a2, a3 run in it; a2 started; a3
     * ended (15 May) */
    jr_period may;
    assert_true(period_parse("2025-05", &may));
    assert_ok(figures_volume(&f->ctx, &may, ZWOLLE, NULL, &v, err));
    assert_volume(&v.now, 2, 3, 1, 1);
    /* July 2025: a1, a2 and a4 (started 1 July); a3 stopped in May */
    assert_true(period_parse("2025-07", &may));
    assert_ok(figures_volume(&f->ctx, &may, ZWOLLE, NULL, &v, err));
    assert_volume(&v.now, 2, 3, 1, 0);
}

/* ---- referrals ---- */

static int64_t by_code(const jr_fig_referral_group *g, int n, const char *code, bool *hidden)
{
    for (int i = 0; i < n; i++)
        if (strcmp(g[i].code, code) == 0) {
            *hidden = g[i].n.hidden;
            return g[i].n.n;
        }
    fail_msg("no group %s", code);
    return -1;
}

#define assert_group(groups, n, code, expected)                                                    \
    do {                                                                                           \
        bool h_;                                                                                   \
        assert_i64_equal(by_code((groups), (n), (code), &h_), (expected));                         \
        assert_false(h_);                                                                          \
    } while (0)

/* Referral dates in 2025-Q2: a8's 1 April (01, KB1, Zwolle), a5's 10 April
 * (01, KB1, Deventer), the huisarts's 20 April (02, KB1, Zwolle), a2's
 * 1 May (01, KB2, Zwolle), the GI's 15 June (04, offerte, Deventer). Not
 * in it: a1 (March), a3 (January), a4 (July), a7 (February), a6 (2024).
 * Zwolle: 3; 01: 2, 02: 1; KB1: 2, KB2: 1. Region: 5; 01: 3, 02: 1,
 * 04: 1; KB1: 3, KB2: 1, offerte: 1. 2024-Q2: a6's (01, KB1, Zwolle). */
static void referrals_by_referrer_and_route(void **state)
{
    fx *f = *state;
    jr_figures_referrals r;
    assert_ok(figures_referrals(&f->ctx, &f->q2, ZWOLLE, NULL, &r, err));
    const jr_fig_referral_row *z = &r.now, *g = &r.region_now;
    assert_count(z->total, 3);
    assert_group(z->by_referrer, JR_FIG_REFERRER_TYPES, "01", 2);
    assert_group(z->by_referrer, JR_FIG_REFERRER_TYPES, "02", 1);
    assert_group(z->by_referrer, JR_FIG_REFERRER_TYPES, "04", 0);
    assert_string_equal(z->by_referrer[1].name, "huisarts");
    assert_group(z->by_route, JR_FIG_ROUTES, "KB1", 2);
    assert_group(z->by_route, JR_FIG_ROUTES, "KB2", 1);
    assert_group(z->by_route, JR_FIG_ROUTES, "KB3", 0);
    assert_group(z->by_route, JR_FIG_ROUTES, "offerte", 0);
    assert_count(r.prev.total, 1);
    assert_group(r.prev.by_route, JR_FIG_ROUTES, "KB1", 1);
    assert_count(g->total, 5);
    assert_group(g->by_referrer, JR_FIG_REFERRER_TYPES, "01", 3);
    assert_group(g->by_referrer, JR_FIG_REFERRER_TYPES, "02", 1);
    assert_group(g->by_referrer, JR_FIG_REFERRER_TYPES, "04", 1);
    assert_group(g->by_route, JR_FIG_ROUTES, "KB1", 3);
    assert_group(g->by_route, JR_FIG_ROUTES, "KB2", 1);
    assert_group(g->by_route, JR_FIG_ROUTES, "offerte", 1);
    assert_group(g->by_route, JR_FIG_ROUTES, "verblijf", 0);
    assert_count(r.region_prev.total, 1);
}

/* ---- spending ---- */

static const jr_fig_spend_group *group(const jr_fig_spend_group *g, int n, const char *code)
{
    for (int i = 0; i < n; i++)
        if (strcmp(g[i].code, code) == 0)
            return &g[i];
    fail_msg("no group %s", code);
    return NULL;
}

/* Accepted lines of batches 2025-04..2025-06 paid by Zwolle: L1 81000,
 * L2 81000, C2 -81000, L3 23264, L6 81000 (A: 185264) and L4 45695 (B):
 * 230959 (L8 of March, L9 of July and the rejected L11 do not count).
 * Youths behind them Z1, Z2: 2, per youth 230959 / 2 = 115479.5 -> 115480;
 * assignments a1, a3, a2: 3, per assignment 76986.33 -> 76986.
 * 2024-Q2: L10 62400; growth (230959 - 62400) / 62400 = +270.13 % -> 2701.
 * Per product: 45F01 23264 (none last year: no growth), 45F02 81000 * 2 =
 * 162000 against 62400: +159.62 % -> 1596, 45F03 45695. Per provider: A
 * 185264 against 62400: +196.90 % -> 1969; B 45695, no growth. All is
 * ambulant (functiegroepen): 230959; wonen/verblijf, crisis, dyslexie 0.
 * Region: Deventer's L7 34896 (B) added: 265855; youths Z1, Z2, V1: 3, per
 * youth 88618.33 -> 88618; assignments 4, per assignment 66463.75 ->
 * 66464; growth against 62400: +326.05 % -> 3260; B 80591; 45F01 58160. */
static void spending_per_voorziening_product_and_provider(void **state)
{
    fx *f = *state;
    jr_figures_spending *s = calloc(1, sizeof *s);
    assert_non_null(s);
    assert_ok(figures_spending(&f->ctx, &f->q2, ZWOLLE, NULL, s, err));
    const jr_fig_spend_row *z = &s->spend;
    assert_i64_equal(z->total, 230959);
    assert_i64_equal(z->total_prev, 62400);
    assert_true(z->has_growth);
    assert_i64_equal(z->growth_x10, 2701);
    assert_count(z->youths, 2);
    assert_i64_equal(z->assignments, 3);
    assert_true(z->has_per_youth);
    assert_i64_equal(z->per_youth, 115480);
    assert_true(z->has_per_assignment);
    assert_i64_equal(z->per_assignment, 76986);

    assert_i64_equal(z->by_voorziening[JR_VZ_AMBULANT].now, 230959);
    assert_i64_equal(z->by_voorziening[JR_VZ_AMBULANT].prev, 62400);
    assert_i64_equal(z->by_voorziening[JR_VZ_AMBULANT].growth_x10, 2701);
    assert_i64_equal(z->by_voorziening[JR_VZ_VERBLIJF].now, 0);
    assert_false(z->by_voorziening[JR_VZ_VERBLIJF].has_growth);
    assert_i64_equal(z->by_voorziening[JR_VZ_CRISIS].now, 0);
    assert_i64_equal(z->by_voorziening[JR_VZ_DYSLEXIE].now, 0);

    assert_int_equal(z->nproducts, 3);
    assert_string_equal(z->by_product[0].code, "45F01"); /* ordered by code */
    assert_i64_equal(group(z->by_product, 3, "45F01")->now, 23264);
    assert_false(group(z->by_product, 3, "45F01")->has_growth);
    assert_i64_equal(group(z->by_product, 3, "45F02")->now, 162000);
    assert_i64_equal(group(z->by_product, 3, "45F02")->prev, 62400);
    assert_true(group(z->by_product, 3, "45F02")->has_growth);
    assert_i64_equal(group(z->by_product, 3, "45F02")->growth_x10, 1596);
    assert_i64_equal(group(z->by_product, 3, "45F03")->now, 45695);

    assert_int_equal(z->nproviders, 2);
    assert_string_equal(z->by_provider[0].code, AGB_A);
    assert_string_equal(z->by_provider[0].name, "Jeugdzorg De Linde");
    assert_i64_equal(z->by_provider[0].now, 185264);
    assert_i64_equal(z->by_provider[0].growth_x10, 1969);
    assert_i64_equal(group(z->by_provider, 2, AGB_B)->now, 45695);
    assert_false(group(z->by_provider, 2, AGB_B)->has_growth);

    assert_true(s->has_region);
    const jr_fig_spend_row *g = &s->region_spend;
    assert_i64_equal(g->total, 265855);
    assert_i64_equal(g->total_prev, 62400);
    assert_i64_equal(g->growth_x10, 3260);
    assert_count(g->youths, 3);
    assert_i64_equal(g->assignments, 4);
    assert_i64_equal(g->per_youth, 88618);
    assert_i64_equal(g->per_assignment, 66464);
    assert_i64_equal(group(g->by_provider, g->nproviders, AGB_B)->now, 80591);
    assert_i64_equal(group(g->by_product, g->nproducts, "45F01")->now, 58160);
    figures_spending_free(s);

    /* Deventer last year had nothing: no growth at all */
    assert_ok(figures_spending(&f->ctx, &f->q2, DEVENTER, NULL, s, err));
    assert_i64_equal(s->spend.total, 34896);
    assert_false(s->spend.has_growth);
    figures_spending_free(s);
    free(s);
}

/* ---- scope ---- */

/* A Zwolle controller sees Zwolle (also when asking nothing) with the
 * region beside it, whose youth counts (4 in volume, 5 referrals, 3 youths
 * in spending) are below 10 and hidden; Deventer is refused. */
static void gemeente_sees_its_own_and_the_region_hidden(void **state)
{
    fx *f = *state;
    jr_ctx c = as(f, JR_ROLE_GEMEENTE, ZWOLLE, NULL);
    jr_figures_volume v;
    assert_ok(figures_volume(&c, &f->q2, NULL, NULL, &v, err));
    assert_string_equal(v.scope.gemeente, ZWOLLE);
    assert_volume(&v.now, 2, 3, 1, 1); /* its own: shown */
    assert_true(v.has_region);
    assert_hidden(v.region_now.youths);
    assert_i64_equal(v.region_now.per_thousand_x10, -1);
    assert_i64_equal(v.region_now.share_x10, -1);
    assert_i64_equal(v.region_now.active, 5);

    jr_figures_referrals r;
    assert_ok(figures_referrals(&c, &f->q2, ZWOLLE, NULL, &r, err));
    assert_count(r.now.total, 3);
    assert_hidden(r.region_now.total);
    assert_hidden(r.region_now.by_route[0].n);                   /* KB1: 3 */
    assert_count(r.region_now.by_route[JR_FIG_ROUTES - 1].n, 0); /* none: 0 shows */

    jr_figures_spending *s = calloc(1, sizeof *s);
    assert_non_null(s);
    assert_ok(figures_spending(&c, &f->q2, ZWOLLE, NULL, s, err));
    assert_count(s->spend.youths, 2);
    assert_hidden(s->region_spend.youths);
    assert_false(s->region_spend.has_per_youth);
    assert_i64_equal(s->region_spend.total, 265855);
    figures_spending_free(s);

    /* another municipality, to compare with: exactly what a lezer sees of it
       (small groups hidden), never its own full counts */
    jr_ctx lez = as(f, JR_ROLE_LEZER, NULL, NULL);
    jr_figures_spending *ls = calloc(1, sizeof *ls);
    assert_non_null(ls);
    assert_ok(figures_spending(&c, &f->q2, DEVENTER, NULL, s, err));
    assert_ok(figures_spending(&lez, &f->q2, DEVENTER, NULL, ls, err));
    assert_string_equal(s->scope.gemeente, DEVENTER);
    assert_int_equal(s->spend.youths.hidden, ls->spend.youths.hidden);
    assert_i64_equal(s->spend.youths.n, ls->spend.youths.n);
    assert_i64_equal(s->spend.total, ls->spend.total);
    figures_spending_free(s);
    figures_spending_free(ls);
    free(s);
    free(ls);
    jr_figures_volume lv;
    assert_ok(figures_volume(&c, &f->q2, DEVENTER, NULL, &v, err));
    assert_ok(figures_volume(&lez, &f->q2, DEVENTER, NULL, &lv, err));
    assert_int_equal(v.now.youths.hidden, lv.now.youths.hidden);
    assert_i64_equal(v.now.youths.n, lv.now.youths.n);
    assert_i64_equal(v.now.per_thousand_x10, lv.now.per_thousand_x10);
    jr_figures_referrals lr;
    assert_ok(figures_referrals(&c, &f->q2, DEVENTER, NULL, &r, err));
    assert_ok(figures_referrals(&lez, &f->q2, DEVENTER, NULL, &lr, err));
    assert_int_equal(r.now.total.hidden, lr.now.total.hidden);
    assert_i64_equal(r.now.total.n, lr.now.total.n);

    /* a toegang worker alike; one bound to no municipality sees nothing */
    c = as(f, JR_ROLE_TOEGANG, ZWOLLE, NULL);
    assert_ok(figures_volume(&c, &f->q2, ZWOLLE, NULL, &v, err));
    assert_volume(&v.now, 2, 3, 1, 1);
    c = as(f, JR_ROLE_GEMEENTE, NULL, NULL);
    jr_error e;
    jr_error_clear(&e);
    assert_int_equal(figures_volume(&c, &f->q2, NULL, NULL, &v, &e), JR_EFORBIDDEN);
}

/* Provider A's own production: assignments a1, a3, a7 run in 2025-Q2
 * (youths Z1, Z2, V2: 3; none started; a3 and a7 ended: 2); its referrals:
 * a8's only (withdrawn, but the referral was in April); its lines: 185264
 * (Z1, Z2; a1, a3). Provider B: a2, a5; referrals of a2 and a5; 80591. */
static void aanbieder_sees_its_own_production(void **state)
{
    fx *f = *state;
    jr_ctx c = as(f, JR_ROLE_AANBIEDER, NULL, AGB_A);
    jr_figures_volume v;
    assert_ok(figures_volume(&c, &f->q2, NULL, NULL, &v, err));
    assert_string_equal(v.scope.agb, AGB_A);
    assert_volume(&v.now, 3, 3, 0, 2);
    jr_figures_referrals r;
    assert_ok(figures_referrals(&c, &f->q2, NULL, NULL, &r, err));
    assert_count(r.now.total, 1);
    assert_group(r.now.by_route, JR_FIG_ROUTES, "KB1", 1);
    jr_figures_spending *s = calloc(1, sizeof *s);
    assert_non_null(s);
    assert_ok(figures_spending(&c, &f->q2, NULL, NULL, s, err));
    assert_i64_equal(s->spend.total, 185264);
    assert_count(s->spend.youths, 2);
    assert_int_equal(s->spend.nproviders, 1);
    assert_string_equal(s->spend.by_provider[0].code, AGB_A);
    figures_spending_free(s);

    /* in one municipality: Zwolle's part of A's, with A's region beside */
    assert_ok(figures_spending(&c, &f->q2, ZWOLLE, NULL, s, err));
    assert_i64_equal(s->spend.total, 185264);
    assert_string_equal(s->region.agb, AGB_A);
    assert_i64_equal(s->region_spend.total, 185264);
    figures_spending_free(s);

    c = as(f, JR_ROLE_AANBIEDER, NULL, AGB_B);
    assert_ok(figures_volume(&c, &f->q2, NULL, NULL, &v, err));
    assert_volume(&v.now, 2, 2, 2, 0);
    assert_ok(figures_referrals(&c, &f->q2, NULL, NULL, &r, err));
    assert_count(r.now.total, 2);
    assert_ok(figures_spending(&c, &f->q2, NULL, NULL, s, err));
    assert_i64_equal(s->spend.total, 80591);
    figures_spending_free(s);
    free(s);
}

/* The provider filter (the figures' agb), asked by the system for Zwolle in
 * 2025-Q2; the region beside it is filtered alike.
 * Provider A in Zwolle: a1 (Z1) and a3 (Z2) run in the quarter (a4 starts
 * in July, a6 is last year's, a8 withdrawn): 2 active, youths 2, none
 * started (a1 in March, a3 in January), a3 ended (care stop 15 May): 1.
 * A's region adds Deventer's a7 (V2, ended 31 May): 3, 3, 0, 2. 2024-Q2:
 * a6 (Z3, Zwolle, started 1 April 2024): 1, 1, 1, 0 in both.
 * A's referrals in the quarter: the one of a8 (1 April, 01, KB1), in
 * Zwolle: 1 (the huisarts's of 20 April led to no assignment).
 * A's lines paid by Zwolle: L1 81000 + L2 81000 + C2 -81000 + L3 23264 +
 * L6 81000 = 185264 (none in Deventer: the region's is the same); youths
 * Z1, Z2 and assignments a1, a3: 2 each, so 92632 per youth and per
 * assignment; against L10 62400 a year before: +196.90 % -> 1969; per
 * product 45F01 23264, 45F02 162000; one provider, A.
 * Provider B in Zwolle: a2 (Z1, started 1 May): 1, 1, 1, 0; its referral
 * of 1 May (01, KB2): 1; L4 45695. B's region adds a5 (V1, started 10
 * April): 2, 2, 2, 0; referrals 2; 45695 + L7 34896 = 80591. */
static void a_provider_filter_narrows_to_its_production(void **state)
{
    fx *f = *state;
    jr_figures_volume v;
    assert_ok(figures_volume(&f->ctx, &f->q2, ZWOLLE, AGB_A, &v, err));
    assert_string_equal(v.scope.gemeente, ZWOLLE);
    assert_string_equal(v.scope.agb, AGB_A);
    assert_string_equal(v.region.agb, AGB_A);
    assert_volume(&v.now, 2, 2, 0, 1);
    assert_i64_equal(v.now.per_thousand_x10, 1); /* 2 / 27,800 * 1,000 = 0.072 */
    assert_volume(&v.prev, 1, 1, 1, 0);
    assert_volume(&v.region_now, 3, 3, 0, 2);
    assert_volume(&v.region_prev, 1, 1, 1, 0);
    /* the same as provider A itself sees of its own production */
    jr_ctx a = as(f, JR_ROLE_AANBIEDER, NULL, AGB_A);
    jr_figures_volume own;
    assert_ok(figures_volume(&a, &f->q2, ZWOLLE, NULL, &own, err));
    assert_volume(&own.now, 2, 2, 0, 1);
    assert_i64_equal(own.now.per_thousand_x10, v.now.per_thousand_x10);
    assert_volume(&own.region_now, 3, 3, 0, 2);
    assert_ok(figures_volume(&a, &f->q2, ZWOLLE, AGB_A, &own, err)); /* its own, asked */
    assert_volume(&own.now, 2, 2, 0, 1);
    assert_ok(figures_volume(&f->ctx, &f->q2, ZWOLLE, AGB_B, &v, err));
    assert_volume(&v.now, 1, 1, 1, 0);
    assert_volume(&v.region_now, 2, 2, 2, 0);
    /* no filter: every provider (the figures of the first test) */
    assert_ok(figures_volume(&f->ctx, &f->q2, ZWOLLE, NULL, &v, err));
    assert_string_equal(v.scope.agb, "");
    assert_volume(&v.now, 2, 3, 1, 1);

    jr_figures_referrals r;
    assert_ok(figures_referrals(&f->ctx, &f->q2, ZWOLLE, AGB_A, &r, err));
    assert_count(r.now.total, 1);
    assert_group(r.now.by_referrer, JR_FIG_REFERRER_TYPES, "01", 1);
    assert_group(r.now.by_referrer, JR_FIG_REFERRER_TYPES, "02", 0);
    assert_group(r.now.by_route, JR_FIG_ROUTES, "KB1", 1);
    assert_count(r.region_now.total, 1);
    assert_ok(figures_referrals(&f->ctx, &f->q2, ZWOLLE, AGB_B, &r, err));
    assert_count(r.now.total, 1);
    assert_group(r.now.by_route, JR_FIG_ROUTES, "KB2", 1);
    assert_count(r.region_now.total, 2);

    jr_figures_spending *s = calloc(1, sizeof *s);
    assert_non_null(s);
    assert_ok(figures_spending(&f->ctx, &f->q2, ZWOLLE, AGB_A, s, err));
    assert_string_equal(s->scope.agb, AGB_A);
    assert_i64_equal(s->spend.total, 185264);
    assert_i64_equal(s->spend.total_prev, 62400);
    assert_i64_equal(s->spend.growth_x10, 1969);
    assert_count(s->spend.youths, 2);
    assert_i64_equal(s->spend.assignments, 2);
    assert_i64_equal(s->spend.per_youth, 92632);
    assert_i64_equal(s->spend.per_assignment, 92632);
    assert_int_equal(s->spend.nproducts, 2);
    assert_i64_equal(group(s->spend.by_product, 2, "45F01")->now, 23264);
    assert_i64_equal(group(s->spend.by_product, 2, "45F02")->now, 162000);
    assert_int_equal(s->spend.nproviders, 1);
    assert_string_equal(s->spend.by_provider[0].code, AGB_A);
    assert_i64_equal(s->region_spend.total, 185264);
    figures_spending_free(s);
    assert_ok(figures_spending(&f->ctx, &f->q2, ZWOLLE, AGB_B, s, err));
    assert_i64_equal(s->spend.total, 45695);
    assert_false(s->spend.has_growth);
    assert_i64_equal(s->region_spend.total, 80591);
    figures_spending_free(s);

    /* a filter narrows, the hiding stays the viewer's: Zwolle's controller
       sees B's Zwolle whole (1 youth) and B's region hidden (Z1, V1) */
    jr_ctx g = as(f, JR_ROLE_GEMEENTE, ZWOLLE, NULL);
    assert_ok(figures_spending(&g, &f->q2, NULL, AGB_B, s, err));
    assert_string_equal(s->scope.gemeente, ZWOLLE);
    assert_count(s->spend.youths, 1);
    assert_hidden(s->region_spend.youths);
    assert_i64_equal(s->region_spend.total, 80591);
    figures_spending_free(s);
    free(s);
}

/* An unknown provider is refused (not 8 digits, or no provider of the
 * store), and so is an aanbieder asking another provider's production. */
static void an_unknown_or_foreign_provider_is_refused(void **state)
{
    fx *f = *state;
    jr_figures_volume v;
    static const char *const unknown[] = {"11111111", "1234", "1234567x", ""};
    for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
        jr_error e;
        jr_error_clear(&e);
        assert_int_equal(figures_volume(&f->ctx, &f->q2, NULL, unknown[i], &v, &e), JR_EINVAL);
        assert_string_equal(e.code, "aanbieder_unknown");
        assert_string_equal(e.field, "aanbieder");
    }
    jr_ctx a = as(f, JR_ROLE_AANBIEDER, NULL, AGB_A);
    jr_error e;
    jr_error_clear(&e);
    assert_int_equal(figures_volume(&a, &f->q2, NULL, AGB_B, &v, &e), JR_EFORBIDDEN);
    assert_string_equal(e.field, "aanbieder");
    /* an unknown one too, without saying whether it exists */
    jr_error_clear(&e);
    assert_int_equal(
        figures_referrals(&a, &f->q2, NULL, "11111111", &(jr_figures_referrals){0}, &e),
        JR_EFORBIDDEN);
}

/* A reader sees every municipality and the region, with each count of
 * youths from 1 to 9 hidden (and the rates and averages on it); amounts
 * and zero counts show. */
static void lezer_sees_aggregates_with_small_groups_hidden(void **state)
{
    fx *f = *state;
    jr_ctx c = as(f, JR_ROLE_LEZER, NULL, NULL);
    jr_figures_volume v;
    assert_ok(figures_volume(&c, &f->q2, ZWOLLE, NULL, &v, err));
    assert_hidden(v.now.youths);
    assert_i64_equal(v.now.per_thousand_x10, -1);
    assert_hidden(v.region_now.youths);
    assert_ok(figures_volume(&c, &f->q2, "0148", NULL, &v, err)); /* Dalfsen: nobody */
    assert_count(v.now.youths, 0);
    assert_i64_equal(v.now.per_thousand_x10, 0);
    jr_figures_referrals r;
    assert_ok(figures_referrals(&c, &f->q2, NULL, NULL, &r, err));
    assert_hidden(r.now.total);
    assert_hidden(r.now.by_referrer[0].n);
    assert_count(r.now.by_referrer[4].n, 0); /* 05: none */
    jr_figures_spending *s = calloc(1, sizeof *s);
    assert_non_null(s);
    assert_ok(figures_spending(&c, &f->q2, NULL, NULL, s, err));
    assert_i64_equal(s->spend.total, 265855);
    assert_hidden(s->spend.youths);
    assert_false(s->spend.has_per_youth);
    assert_true(s->spend.has_per_assignment);
    figures_spending_free(s);
    free(s);
}

static void unknown_municipality_and_early_period_are_refused(void **state)
{
    fx *f = *state;
    jr_figures_volume v;
    jr_error e;
    jr_error_clear(&e);
    assert_int_equal(figures_volume(&f->ctx, &f->q2, "9999", NULL, &v, &e), JR_EINVAL);
    assert_string_equal(e.code, "gemeente_unknown");
    assert_string_equal(e.field, "gemeente");
    jr_period p;
    assert_true(period_parse("1900-Q1", &p));
    jr_error_clear(&e);
    assert_int_equal(figures_volume(&f->ctx, &p, NULL, NULL, &v, &e), JR_EINVAL);
    assert_string_equal(e.field, "period");
}

/* ---- the summary kept current by the import (runs last: it adds lines) ----
 *
 * 2025-Q3 paid by Zwolle before: L9 of July, 81000, youth Z1, assignment
 * a1. A file then credits L9 (-81000, in a batch of July, as a credit is
 * declared in its debit's month), bills a1 in August (45F02, 10 hours:
 * 81000) and a3 (45F01 after its stop of care on 15 May: rejected).
 * After it: 81000 - 81000 + 81000 = 81000 again, but two more accepted
 * lines; youths and assignments unchanged (Z1, a1); 45F02's sum the same.
 * The same file sent again is a replay and adds nothing. A September
 * file for a2 (B, 45F03, 4 hours: 4 * 9139 = 36556) adds its amount,
 * its youth (Z1 again: still 1) and its assignment (2). */
static void a_monthly_import_keeps_the_figures_current(void **state)
{
    fx *f = *state;
    jr_period q3;
    assert_true(period_parse("2025-Q3", &q3));
    jr_figures_spending *s = calloc(1, sizeof *s);
    assert_non_null(s);
    assert_ok(figures_spending(&f->ctx, &q3, ZWOLLE, NULL, s, err));
    assert_i64_equal(s->spend.total, 81000);
    assert_count(s->spend.youths, 1);
    assert_i64_equal(s->spend.assignments, 1);
    figures_spending_free(s);

    static char csv[4096];
    snprintf(csv, sizeof csv, "%s\n", decl_csv_header());
    line(csv, sizeof csv, "A2025-07C", AGB_A, ZWOLLE, "2025-07", "C9", f->a[1], Z1, "45F02",
         "2025-07-01", "2025-07-31", 10, "C", "L9");
    line(csv, sizeof csv, "A2025-08", AGB_A, ZWOLLE, "2025-08", "L12", f->a[1], Z1, "45F02",
         "2025-08-01", "2025-08-31", 10, "D", NULL);
    line(csv, sizeof csv, "A2025-08", AGB_A, ZWOLLE, "2025-08", "L13", f->a[3], Z2, "45F01",
         "2025-08-01", "2025-08-31", 2, "D", NULL);
    for (int round = 0; round < 2; round++) { /* the second is a replay */
        import(f, csv);
        assert_ok(figures_spending(&f->ctx, &q3, ZWOLLE, NULL, s, err));
        assert_i64_equal(s->spend.total, 81000);
        assert_count(s->spend.youths, 1);
        assert_i64_equal(s->spend.assignments, 1);
        assert_int_equal(s->spend.nproducts, 1);
        assert_i64_equal(group(s->spend.by_product, 1, "45F02")->now, 81000);
        figures_spending_free(s);
    }

    snprintf(csv, sizeof csv, "%s\n", decl_csv_header());
    line(csv, sizeof csv, "B2025-09", AGB_B, ZWOLLE, "2025-09", "L14", f->a[2], Z1, "45F03",
         "2025-09-01", "2025-09-30", 4, "D", NULL);
    import(f, csv);
    assert_ok(figures_spending(&f->ctx, &q3, ZWOLLE, NULL, s, err));
    assert_i64_equal(s->spend.total, 81000 + 36556);
    assert_count(s->spend.youths, 1);
    assert_i64_equal(s->spend.assignments, 2);
    assert_i64_equal(group(s->spend.by_provider, s->spend.nproviders, AGB_B)->now, 36556);
    figures_spending_free(s);
    /* a month alone: September holds only the new line */
    jr_period sep;
    assert_true(period_parse("2025-09", &sep));
    assert_ok(figures_spending(&f->ctx, &sep, ZWOLLE, NULL, s, err));
    assert_i64_equal(s->spend.total, 36556);
    assert_i64_equal(s->spend.assignments, 1);
    figures_spending_free(s);
    free(s);
}

static int64_t one_int(jr_store *st, const char *sql)
{
    jr_error e;
    jr_error_clear(&e);
    jr_stmt *q = store_prepare(st, sql, &e);
    if (!q)
        fail_msg("%s: %s", sql, e.message);
    if (store_step(q, &e) != STORE_ROW)
        fail_msg("%s: no row (%s)", sql, e.message);
    int64_t v = store_col_int(q, 0);
    store_reset(q);
    return v;
}

/* The accepted lines summed per municipality ('' the region), batch month
 * and product, straight from the lines: what spend_product_month
 * (migration 022) must hold. */
#define FULL_PRODUCT_SUMS                                                                          \
    "SELECT b.gemeente, b.period, l.product,"                                                      \
    " SUM(CASE WHEN l.credit = 1 THEN -l.amount_cents ELSE l.amount_cents END), COUNT(*)"          \
    " FROM decl_batch b JOIN decl_line l ON l.id BETWEEN b.first_line AND b.last_line"             \
    " WHERE l.status = 'A' GROUP BY b.gemeente, b.period, l.product"                               \
    " UNION ALL SELECT '', b.period, l.product,"                                                   \
    " SUM(CASE WHEN l.credit = 1 THEN -l.amount_cents ELSE l.amount_cents END), COUNT(*)"          \
    " FROM decl_batch b JOIN decl_line l ON l.id BETWEEN b.first_line AND b.last_line"             \
    " WHERE l.status = 'A' GROUP BY b.period, l.product"
#define KEPT_PRODUCT_SUMS                                                                          \
    "SELECT gemeente, month, product, amount_cents, lines FROM spend_product_month"

/* after the fixture's imports, the monthly imports above (a credit, a new
 * month, a replay that adds nothing): the summary the import keeps equals
 * the sums over every accepted line, row for row, and the figures that
 * read it (budget control, benchmark, ambulantisering) read the same
 * amounts as they would from every provider's rows */
static void the_product_summary_equals_the_lines(void **state)
{
    fx *f = *state;
    int64_t full = one_int(f->store, "SELECT count(*) FROM (" FULL_PRODUCT_SUMS ")");
    assert_true(full >= 8); /* both municipalities and the region, several months */
    assert_i64_equal(one_int(f->store, "SELECT count(*) FROM spend_product_month"), full);
    assert_i64_equal(one_int(f->store, "SELECT count(*) FROM (" FULL_PRODUCT_SUMS
                                       " EXCEPT " KEPT_PRODUCT_SUMS ")"),
                     0);
    assert_i64_equal(one_int(f->store, "SELECT count(*) FROM (" KEPT_PRODUCT_SUMS
                                       " EXCEPT SELECT * FROM (" FULL_PRODUCT_SUMS "))"),
                     0);
    /* the region's row of a month is its municipalities' rows summed */
    assert_i64_equal(one_int(f->store, "SELECT count(*) FROM spend_product_month r WHERE"
                                       " r.gemeente = '' AND r.amount_cents <> (SELECT"
                                       " SUM(m.amount_cents) FROM spend_product_month m WHERE"
                                       " m.gemeente <> '' AND m.month = r.month AND"
                                       " m.product = r.product)"),
                     0);
}

/* The care summary (migration 026) as the writers keep it, row for row,
 * against the same summary built from scratch by the migration's SQL over
 * the assignment table: after the fixture (assignments made, care stopped,
 * one ended early, one withdrawn) and more writes of every kind (an end
 * changed, care stopped, a run across the turn of the year). Two
 * implementations, the store's C fold and the migration's SQL, agree. */
#define CARE_YOUTHS(t)                                                                             \
    "SELECT year, gemeente, months_any, months_ambulant, months_verblijf, months_started,"         \
    " youths FROM " t " WHERE youths <> 0"
#define CARE_RUNS(t) "SELECT gemeente, start_month, end_month, runs FROM " t " WHERE runs <> 0"

static void the_care_summary_equals_the_assignments(void **state)
{
    fx *f = *state;
    assert_ok(assignment_change(&f->ctx, f->a[4], -1, D("2025-10-31"), "01", err));
    assert_ok(care_stop(&f->ctx, f->a[1], AGB_A, D("2025-07-20"), "31", err));
    assign(f, 9, V1, AGB_A, "KB2", "2024-11-01", "2025-04-30", true);
    assign(f, 10, Z2, AGB_B, "KB1", "2025-09-01", "2026-02-28", false);
    int64_t kept = one_int(f->store, "SELECT count(*) FROM (" CARE_YOUTHS("care_youth_sum") ")");
    assert_true(kept >= 10);
    /* the region's 2025: Z1, Z2, Z3, V1, V2 had a run, each once */
    assert_i64_equal(one_int(f->store, "SELECT SUM(youths) FROM care_youth_sum"
                                       " WHERE year = 2025 AND gemeente = ''"),
                     5);

    jr_error e;
    jr_error_clear(&e);
    assert_int_equal(store_exec(f->store,
                                "ALTER TABLE care_youth_sum RENAME TO kept_youth_sum;"
                                " ALTER TABLE care_run_sum RENAME TO kept_run_sum",
                                &e),
                     JR_OK);
    const jr_embedded *m = jr_migrations;
    while (m->name && strncmp(m->name, "026", 3) != 0)
        m++;
    assert_non_null(m->name);
    assert_int_equal(store_exec(f->store, m->text, &e), JR_OK);

    assert_i64_equal(one_int(f->store, "SELECT count(*) FROM (" CARE_YOUTHS("care_youth_sum") ")"),
                     kept);
    assert_i64_equal(
        one_int(f->store, "SELECT count(*) FROM (" CARE_YOUTHS(
                              "care_youth_sum") " EXCEPT " CARE_YOUTHS("kept_youth_sum") ")"),
        0);
    assert_i64_equal(
        one_int(f->store, "SELECT count(*) FROM (" CARE_YOUTHS(
                              "kept_youth_sum") " EXCEPT " CARE_YOUTHS("care_youth_sum") ")"),
        0);
    int64_t runs = one_int(f->store, "SELECT count(*) FROM (" CARE_RUNS("care_run_sum") ")");
    assert_true(runs >= 8);
    assert_i64_equal(one_int(f->store, "SELECT count(*) FROM (" CARE_RUNS("kept_run_sum") ")"),
                     runs);
    assert_i64_equal(
        one_int(f->store, "SELECT count(*) FROM (" CARE_RUNS("care_run_sum") " EXCEPT " CARE_RUNS(
                              "kept_run_sum") ")"),
        0);
    assert_int_equal(store_exec(f->store, "DROP TABLE kept_youth_sum; DROP TABLE kept_run_sum", &e),
                     JR_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(volume_of_a_municipality_and_the_region),
        cmocka_unit_test(referrals_by_referrer_and_route),
        cmocka_unit_test(spending_per_voorziening_product_and_provider),
        cmocka_unit_test(gemeente_sees_its_own_and_the_region_hidden),
        cmocka_unit_test(aanbieder_sees_its_own_production),
        cmocka_unit_test(lezer_sees_aggregates_with_small_groups_hidden),
        cmocka_unit_test(a_provider_filter_narrows_to_its_production),
        cmocka_unit_test(an_unknown_or_foreign_provider_is_refused),
        cmocka_unit_test(unknown_municipality_and_early_period_are_refused),
        cmocka_unit_test(a_monthly_import_keeps_the_figures_current),
        cmocka_unit_test(the_product_summary_equals_the_lines),
        cmocka_unit_test(the_care_summary_equals_the_assignments),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

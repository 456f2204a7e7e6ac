/*
 * test_budgetctl.c: budget control (service/budgetctl.h) against a small
 * fixture built through the services, every figure computed BY HAND in
 * the comments below from the fixture's raw rows; the scope of each role;
 * the refusals (bad year, unknown voorziening, negative amount, wrong
 * taakveld, another municipality), with nothing changed; a replaced
 * begroting and its audit row.
 *
 * The fixture (year 2025). Provider A (12345678), contracted for lot P1
 * (the functiegroepen). Catalog 2025 (2024 x 1.0385, OVA 385): KB1
 * 1.038,50 (103850), KB3 5.192,50 (519250); 45F02 81,00, 45F01 58,16.
 *
 *   assignment  youth  gemeente  route  runs
 *   a1          Z1     Zwolle    KB3    2025-03-01..2026-02-28
 *   a2          Z2     Zwolle    KB1    2025-05-01..2025-10-31 (no line yet)
 *   a3          V1     Deventer  KB1    2025-04-01..2025-09-30
 * Lines (batch = provider, municipality, month), all accepted:
 *   Zwolle 2025-03, -04, -05: a1 45F02 10 h = 81000 each
 *   Deventer 2025-04:         a3 45F01  6 h = 34896
 * No lines in 2024: no last year, so no seasonal shape.
 *
 * Zwolle ambulant: L = 5 (May). Realised 3 x 81000 = 243000. Run-rate
 * months 3, 4, 5: S = 243000, R = 81000; June..December 7 x 81000 =
 * 567000. Commitments from 2025-06-01 to 2025-12-31:
 *   a1: 519250 - 243000 = 276250 unspent over 1 June 2025 .. 28 Feb 2026
 *       (30+31+31+30+31+30+31+31+28 = 273 days), 214 of them in 2025:
 *       276250 x 214 / 273 = 216547.62 -> 216548; a1 has lines in the
 *       run-rate months, so it is in the run-rate (not added);
 *   a2: 103850 unspent over 1 June .. 31 October, all in 2025: 103850;
 *       no line yet: not in the run-rate, added to the forecast.
 *   committed 216548 + 103850 = 320398, of it new 103850;
 *   forecast 243000 + 567000 + 103850 = 913850.
 *   Begroting 9.000,00 (900000): 913850 > 900000 overschrijding; share
 *   913850 / 900000 = 101.539 % -> 1015 tenths.
 * Zwolle verblijf: begroting 1.000,00, nothing realised or committed:
 *   forecast 0, op koers, share 0.
 * Deventer ambulant: L = 4. Realised 34896; run-rate month 4, R = 34896;
 *   May..December 8 x 34896 = 279168. a3: 103850 - 34896 = 68954 over 1
 *   May .. 30 September, all in 2025: committed 68954, in the run-rate
 *   (a line in April). Forecast 34896 + 279168 = 314064. Begroting
 *   3.200,00 (320000): 314064 / 320000 = 98.145 % -> 981: let op.
 * The region (the sum): ambulant begroting 900000 + 320000 = 1220000 (2
 *   set), realised 243000 + 34896 = 277896, committed 320398 + 68954 =
 *   389352, new 103850, forecast 913850 + 314064 = 1227914 > 1220000:
 *   overschrijding, share 100.649 % -> 1006; methods mixed (run-rate in
 *   Zwolle and Deventer, geen in the other nine). Total: begroting 1220000
 *   + 100000 = 1320000, forecast 1227914: 93.02 % -> 930, op koers. *
 * Task budgets (taakgericht), added to a copy of the catalog in
 * task_budgets_are_realised_and_committed: a task 43T01 (category 43:
 * wonen/verblijf) and a task 45T02 (category 45: ambulant).
 *   Zwolle 43T01 2025: 120.000,05 in 12 terms (10.000,00, December
 *     10.000,05). L = 5: January..May realised 5 x 1000000 = 5000000,
 *     June..December committed 6 x 1000000 + 1000005 = 7000005; forecast
 *     the whole 12000005. Verblijf begroting 100000: overschrijding, share
 *     12000005 / 100000 = 12000.005 % -> 120000 tenths.
 *   Zwolle 45T02 2025: 1.200,00 in 4 terms of 30000 (January, April,
 *     July, October). L = 5: 60000 realised (January 30000 in monthly[0],
 *     April in monthly[3] beside the 81000 of lines), 60000 committed.
 *     Ambulant: realised 243000 + 60000 = 303000, committed 320398 +
 *     60000 = 380398, new 103850 + 60000 = 163850, projected 567000 as
 *     before (no run-rate takes the terms), forecast 913850 + 120000 =
 *     1033850; share 1033850 / 900000 = 114.87 % -> 1149.
 *   Zwolle 43T01 2024: another year, not in 2025.
 *   Deventer 43T01 2025: 80.000,00 in 4 terms. L = 4: January and April
 *     realised 4000000, July and October committed 4000000.
 *   Kampen (0166) 43T01 2025: 10.000,00 in 1 term; no line, L = 0: all of
 *     it committed, none realised, forecast 1000000.
 *   The region's verblijf: realised 5000000 + 4000000 = 9000000,
 *     committed 7000005 + 4000000 + 1000000 = 12000005, forecast
 *     21000005; ambulant forecast 1033850 + 314064 = 1347914.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "../unit/unit_support.h"

#include "io/decl_csv.h"
#include "service/assignment.h"
#include "service/budgetctl.h"
#include "service/care.h"
#include "service/provider.h"
#include "service/referrals.h"
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
#define ZWOLLE "0193"
#define DEVENTER "0150"
#define Z1 "123456782"
#define Z2 "111111110"
#define V1 "111111134"

typedef struct {
    char dir[64];
    jr_store *store;
    jr_ctx ctx;
    char a[4][24];
} fx;

static void assign(fx *f, int i, const char *bsn, const char *kb, const char *start,
                   const char *end)
{
    jr_referral_req r;
    memset(&r, 0, sizeof r);
    snprintf(r.referrer_type, sizeof r.referrer_type, "01");
    r.route = JR_ROUTE_BUDGET;
    snprintf(r.budget, sizeof r.budget, "%s", kb);
    snprintf(r.result, sizeof r.result, "De jeugdige gaat weer naar school.");
    r.date = D(start);
    int64_t rid = 0;
    assert_ok(referral_create(&f->ctx, bsn, &r, "Dr. Jansen", &rid, err));
    assert_ok(assignment_create(&f->ctx, rid, AGB_A, D(start), D(end), f->a[i], err));
    assert_ok(care_start(&f->ctx, f->a[i], AGB_A, D(start), err));
}

/* every line of the fixture is accepted */
static int line_seen(void *ud, const void *row)
{
    const jr_decl_outcome *o = row;
    (void)ud;
    if (!o->accepted)
        fail_msg("line %s rejected: %s", o->ref, o->code);
    return 0;
}

/* one batch of one line: hours of product on assignment number in month */
static void declare(fx *f, const char *gemeente, const char *month, const char *ref,
                    const char *number, const char *bsn, const char *product, int hours)
{
    const jr_product *p = catalog_product(unit_catalog(), product);
    char begin[16], end[16], batch[24];
    snprintf(begin, sizeof begin, "%s-01", month);
    char last[JR_DATE_ISO_LEN];
    snprintf(end, sizeof end, "%s", date_format(month_last_day(M(month)), last));
    snprintf(batch, sizeof batch, "B%s%s", gemeente, month);
    jr_cents t = 0;
    if (!p || !product_tariff(p, D(begin), &t))
        fail_msg("no tariff for %s", product);
    char csv[1024], ts[JR_MONEY_BUF], am[JR_MONEY_BUF];
    snprintf(csv, sizeof csv, "%s\n%s,%s,%s,%s,%s-28,%s,%s,%s,45,%s,%s,%s,%d,04,%s,%s,D,\n",
             decl_csv_header(), batch, AGB_A, gemeente, month, month, ref, number, bsn, product,
             begin, end, hours, money_format_plain(t, ts), money_format_plain(t * hours, am));
    FILE *in = fmemopen(csv, strlen(csv), "rb");
    assert_non_null(in);
    decl_import_report rep = {NULL, line_seen, NULL};
    assert_ok(decl_csv_import(&f->ctx, in, "fixture.csv", "test:budgetctl", &rep, err));
    fclose(in);
}

static void build(fx *f)
{
    assert_ok(provider_add(&f->ctx, AGB_A, "Jeugdzorg De Linde", "instelling", NULL, err));
    assert_ok(contract_add(&f->ctx, AGB_A, "P1", "*", D("2024-01-01"), JR_DATE_NONE, NULL, err));
    assert_ok(youth_add(&f->ctx, Z1, D("2015-03-01"), ZWOLLE, NULL, err));
    assert_ok(youth_add(&f->ctx, Z2, D("2015-03-01"), ZWOLLE, NULL, err));
    assert_ok(youth_add(&f->ctx, V1, D("2014-06-01"), DEVENTER, NULL, err));
    assign(f, 1, Z1, "KB3", "2025-03-01", "2026-02-28");
    assign(f, 2, Z2, "KB1", "2025-05-01", "2025-10-31");
    assign(f, 3, V1, "KB1", "2025-04-01", "2025-09-30");
    declare(f, ZWOLLE, "2025-03", "L1", f->a[1], Z1, "45F02", 10);
    declare(f, ZWOLLE, "2025-04", "L2", f->a[1], Z1, "45F02", 10);
    declare(f, ZWOLLE, "2025-05", "L3", f->a[1], Z1, "45F02", 10);
    declare(f, DEVENTER, "2025-04", "L4", f->a[3], V1, "45F01", 6);
    assert_ok(budgetctl_set(&f->ctx, ZWOLLE, 2025, "ambulant", 900000, "6.72", NULL, err));
    assert_ok(budgetctl_set(&f->ctx, ZWOLLE, 2025, "verblijf", 100000, "6.73", NULL, err));
    assert_ok(budgetctl_set(&f->ctx, DEVENTER, 2025, "ambulant", 320000, NULL, NULL, err));
}

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    if (!f || unit_store_open(f->dir, "budgetctl", &f->store) != 0) {
        free(f);
        return -1;
    }
    f->ctx.store = f->store;
    f->ctx.cat = unit_catalog();
    f->ctx.actor = "test";
    f->ctx.today = D("2026-01-15");
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

static jr_ctx as(fx *f, jr_role role, const char *gemeente, const char *agb)
{
    jr_ctx c = f->ctx;
    memset(&c.who, 0, sizeof c.who);
    c.who.role = role;
    snprintf(c.who.gemeente, sizeof c.who.gemeente, "%s", gemeente ? gemeente : "");
    snprintf(c.who.agb, sizeof c.who.agb, "%s", agb ? agb : "");
    c.actor = role_name(role);
    return c;
}

static int count_row(void *ud, const void *row)
{
    (void)row;
    (*(int *)ud)++;
    return 0;
}

static int list_count(const jr_ctx *c, const char *gemeente)
{
    int n = 0;
    assert_ok(budgetctl_list(c, gemeente, 2025, count_row, &n, err));
    return n;
}

/* ---- the control figure ---- */

static void control_of_a_municipality(void **state)
{
    fx *f = *state;
    jr_budget_control c;
    assert_ok(budgetctl_control(&f->ctx, 2025, ZWOLLE, &c, err));
    assert_string_equal(c.scope.gemeente, ZWOLLE);
    assert_string_equal(c.scope.name, "Zwolle");
    assert_int_equal(c.last_month, 5);
    assert_int_equal(c.nmunicipalities, 1);
    const jr_bc_row *a = &c.rows[JR_VZ_AMBULANT];
    assert_string_equal(a->code, "ambulant");
    assert_true(a->has_budget);
    assert_i64_equal(a->budget, 900000);
    assert_string_equal(a->taakveld, "6.72");
    assert_i64_equal(a->realised, 243000);
    assert_i64_equal(a->committed, 320398);
    assert_i64_equal(a->committed_new, 103850);
    assert_int_equal(a->fc.method, JR_FC_RUN_RATE);
    assert_int_equal(a->fc.nbase, 3);
    assert_i64_equal(a->fc.run_rate, 81000);
    assert_i64_equal(a->fc.projected, 567000);
    assert_i64_equal(a->fc.forecast, 913850);
    assert_i64_equal(a->fc.monthly[2], 81000);
    assert_i64_equal(a->fc.monthly[11], 81000);
    assert_int_equal(a->level, JR_FC_OVER);
    assert_true(a->has_share);
    assert_i64_equal(a->share_x10, 1015);

    const jr_bc_row *v = &c.rows[JR_VZ_VERBLIJF];
    assert_i64_equal(v->budget, 100000);
    assert_string_equal(v->taakveld, "6.73");
    assert_i64_equal(v->fc.forecast, 0);
    assert_int_equal(v->fc.method, JR_FC_NONE);
    assert_int_equal(v->level, JR_FC_ON_TRACK);
    assert_i64_equal(v->share_x10, 0);
    assert_false(c.rows[JR_VZ_CRISIS].has_budget);
    assert_int_equal(c.rows[JR_VZ_CRISIS].level, JR_FC_NO_BUDGET);
    /* the total: 1.000.000 begroting, 913850 forecast: 91.4 % op koers */
    assert_i64_equal(c.total.budget, 1000000);
    assert_i64_equal(c.total.fc.forecast, 913850);
    assert_int_equal(c.total.level, JR_FC_ON_TRACK);
    assert_non_null(strstr(c.method, "Run-rate"));

    assert_ok(budgetctl_control(&f->ctx, 2025, DEVENTER, &c, err));
    a = &c.rows[JR_VZ_AMBULANT];
    assert_int_equal(c.last_month, 4);
    assert_i64_equal(a->realised, 34896);
    assert_i64_equal(a->committed, 68954);
    assert_i64_equal(a->committed_new, 0);
    assert_i64_equal(a->fc.projected, 279168);
    assert_i64_equal(a->fc.forecast, 314064);
    assert_int_equal(a->level, JR_FC_ATTENTION);
    assert_i64_equal(a->share_x10, 981);
}

static void task_budgets_are_realised_and_committed(void **state)
{
    fx *f = *state;
    jr_catalog *cat = unit_catalog_copy();
    assert_non_null(cat);
    const char *tasks[] = {"43T01", "45T02"};
    for (int i = 0; i < 2; i++) {
        jr_product *p = &cat->products[cat->nproducts++];
        memset(p, 0, sizeof *p);
        snprintf(p->code, sizeof p->code, "%s", tasks[i]);
        snprintf(p->category, sizeof p->category, "%.2s", tasks[i]);
        snprintf(p->short_code, sizeof p->short_code, "T%d", i);
        p->kind = JR_PK_PRODUCT;
        p->funding = JR_FUND_TAAK;
    }
    const jr_task_budget tb[] = {
        {AGB_A, "43T01", ZWOLLE, 2025, 12000005, 12}, {AGB_A, "45T02", ZWOLLE, 2025, 120000, 4},
        {AGB_A, "43T01", ZWOLLE, 2024, 5000000, 12},  {AGB_A, "43T01", DEVENTER, 2025, 8000000, 4},
        {AGB_A, "43T01", "0166", 2025, 1000000, 1},
    };
    for (size_t i = 0; i < sizeof tb / sizeof tb[0]; i++)
        cat->task_budgets[cat->ntask_budgets++] = tb[i];
    jr_ctx ctx = f->ctx;
    ctx.cat = cat;
    jr_budget_control *c = malloc(sizeof *c);
    assert_non_null(c);

    assert_ok(budgetctl_control(&ctx, 2025, ZWOLLE, c, err));
    assert_int_equal(c->last_month, 5);
    const jr_bc_row *v = &c->rows[JR_VZ_VERBLIJF];
    assert_i64_equal(v->realised, 5000000);
    assert_i64_equal(v->committed, 7000005);
    assert_i64_equal(v->committed_new, 7000005);
    assert_i64_equal(v->task_realised, 5000000);
    assert_i64_equal(v->task_committed, 7000005);
    assert_i64_equal(v->fc.projected, 0);
    assert_i64_equal(v->fc.forecast, 12000005);
    assert_int_equal(v->fc.method, JR_FC_NONE);
    assert_i64_equal(v->fc.monthly[0], 1000000);
    assert_i64_equal(v->fc.monthly[4], 1000000);
    assert_i64_equal(v->fc.monthly[5], 0); /* after L: committed, not in the months */
    assert_int_equal(v->level, JR_FC_OVER);
    assert_i64_equal(v->share_x10, 120000);
    const jr_bc_row *a = &c->rows[JR_VZ_AMBULANT];
    assert_i64_equal(a->realised, 303000);
    assert_i64_equal(a->committed, 380398);
    assert_i64_equal(a->committed_new, 163850);
    assert_i64_equal(a->task_realised, 60000);
    assert_i64_equal(a->task_committed, 60000);
    assert_i64_equal(a->fc.run_rate, 81000);
    assert_i64_equal(a->fc.projected, 567000);
    assert_i64_equal(a->fc.forecast, 1033850);
    assert_i64_equal(a->fc.monthly[0], 30000);
    assert_i64_equal(a->fc.monthly[3], 111000);
    assert_i64_equal(a->fc.monthly[6], 81000);
    assert_i64_equal(a->share_x10, 1149);
    assert_i64_equal(c->total.fc.forecast, 1033850 + 12000005);
    assert_i64_equal(c->total.task_committed, 7060005);

    assert_ok(budgetctl_control(&ctx, 2025, DEVENTER, c, err));
    v = &c->rows[JR_VZ_VERBLIJF];
    assert_i64_equal(v->realised, 4000000);
    assert_i64_equal(v->committed, 4000000);
    assert_i64_equal(v->fc.forecast, 8000000);
    assert_i64_equal(c->rows[JR_VZ_AMBULANT].fc.forecast, 314064);

    assert_ok(budgetctl_control(&ctx, 2025, "0166", c, err));
    assert_int_equal(c->last_month, 0);
    assert_i64_equal(c->rows[JR_VZ_VERBLIJF].realised, 0);
    assert_i64_equal(c->rows[JR_VZ_VERBLIJF].committed, 1000000);
    assert_i64_equal(c->rows[JR_VZ_VERBLIJF].fc.forecast, 1000000);

    assert_ok(budgetctl_control(&ctx, 2025, NULL, c, err));
    v = &c->rows[JR_VZ_VERBLIJF];
    assert_i64_equal(v->realised, 9000000);
    assert_i64_equal(v->committed, 12000005);
    assert_i64_equal(v->task_committed, 12000005);
    assert_i64_equal(v->fc.forecast, 21000005);
    assert_i64_equal(c->rows[JR_VZ_AMBULANT].fc.forecast, 1347914);

    /* 2024: only Zwolle's budget of that year, and no line: all committed */
    assert_ok(budgetctl_control(&ctx, 2024, ZWOLLE, c, err));
    assert_i64_equal(c->rows[JR_VZ_VERBLIJF].committed, 5000000);
    assert_i64_equal(c->rows[JR_VZ_AMBULANT].task_committed, 0);
    /* the catalog without task budgets: none of it (the figures above) */
    assert_ok(budgetctl_control(&f->ctx, 2025, ZWOLLE, c, err));
    assert_i64_equal(c->rows[JR_VZ_VERBLIJF].fc.forecast, 0);
    assert_i64_equal(c->rows[JR_VZ_AMBULANT].fc.forecast, 913850);
    free(c);
    free(cat);
}

static void control_of_the_region_is_the_sum(void **state)
{
    fx *f = *state;
    jr_budget_control c;
    assert_ok(budgetctl_control(&f->ctx, 2025, NULL, &c, err));
    assert_string_equal(c.scope.gemeente, "");
    assert_int_equal(c.nmunicipalities, 11);
    assert_int_equal(c.last_month, 5);
    const jr_bc_row *a = &c.rows[JR_VZ_AMBULANT];
    assert_i64_equal(a->budget, 1220000);
    assert_int_equal(a->nbudgets, 2);
    assert_i64_equal(a->realised, 277896);
    assert_i64_equal(a->committed, 389352);
    assert_i64_equal(a->committed_new, 103850);
    assert_i64_equal(a->fc.forecast, 1227914);
    assert_true(a->mixed);
    assert_int_equal(a->level, JR_FC_OVER);
    assert_i64_equal(a->share_x10, 1006);
    assert_i64_equal(c.total.budget, 1320000);
    assert_i64_equal(c.total.fc.forecast, 1227914);
    assert_i64_equal(c.total.share_x10, 930);
    assert_int_equal(c.total.level, JR_FC_ON_TRACK);

    /* a year without anything: every figure 0, no begroting */
    assert_ok(budgetctl_control(&f->ctx, 2023, NULL, &c, err));
    assert_int_equal(c.last_month, 0);
    assert_i64_equal(c.total.fc.forecast, 0);
    assert_false(c.total.has_budget);
}

/* ---- set, replace, audit ---- */

typedef struct {
    int n;
    char detail[384];
} audit_seen;

static int audit_row(void *ud, const void *row)
{
    audit_seen *s = ud;
    const jr_audit_row *r = row;
    if (s->n++ == 0)
        snprintf(s->detail, sizeof s->detail, "%s", r->detail);
    return 0;
}

static int find_amount(void *ud, const void *row)
{
    const jr_begroting *b = row;
    if (b->voorziening == JR_VZ_AMBULANT && strcmp(b->gemeente, ZWOLLE) == 0)
        *(jr_cents *)ud = b->amount;
    return 0;
}

static void setting_again_replaces_and_audits(void **state)
{
    fx *f = *state;
    jr_ctx g = as(f, JR_ROLE_GEMEENTE, ZWOLLE, NULL);
    jr_begroting old;
    assert_ok(budgetctl_set(&g, ZWOLLE, 2025, "ambulant", 950000, "6.72", &old, err));
    assert_int_equal(old.year, 2025);
    assert_i64_equal(old.amount, 900000);
    assert_int_equal(list_count(&f->ctx, ZWOLLE), 2); /* replaced, not added */
    jr_cents now = 0;
    assert_ok(budgetctl_list(&f->ctx, ZWOLLE, 2025, find_amount, &now, err));
    assert_i64_equal(now, 950000);
    audit_seen s = {0, ""};
    assert_ok(audit_list(&f->ctx, "begroting", "0193/2025/ambulant", NULL, 10, audit_row, &s, err));
    assert_int_equal(s.n, 2);
    assert_string_equal(s.detail,
                        "bedrag=9500.00 taakveld=6.72 (was bedrag=9000.00 taakveld=6.72)");
    /* 950000: forecast 913850 is 96.2 %: let op */
    jr_budget_control c;
    assert_ok(budgetctl_control(&g, 2025, NULL, &c, err));
    assert_string_equal(c.scope.gemeente, ZWOLLE);
    assert_int_equal(c.rows[JR_VZ_AMBULANT].level, JR_FC_ATTENTION);
}

/* ---- refusals ---- */

static void refusals_change_nothing(void **state)
{
    fx *f = *state;
    jr_error e;
    jr_invalid_list list;
    jr_error_collect(&e, &list);
    /* every field at once: bad year, unknown voorziening, negative amount,
     * wrong taakveld */
    assert_int_equal(budgetctl_set(&f->ctx, ZWOLLE, 1999, "jeugdzorg", -1, "6.71", NULL, &e),
                     JR_EINVAL);
    assert_int_equal(list.n, 4);
    assert_string_equal(list.item[0].code, "year_invalid");
    assert_string_equal(list.item[1].code, "voorziening_unknown");
    assert_string_equal(list.item[2].code, "amount_negative");
    assert_string_equal(list.item[3].code, "taakveld_invalid");
    assert_string_equal(e.code, "year_invalid");
    jr_error_clear(&e);
    assert_int_equal(budgetctl_set(&f->ctx, "9999", 2025, "ambulant", 1, NULL, NULL, &e),
                     JR_EINVAL);
    assert_string_equal(e.code, "gemeente_unknown");
    jr_error_clear(&e);
    assert_int_equal(
        budgetctl_set(&f->ctx, ZWOLLE, 2025, "ambulant", JR_BC_AMOUNT_MAX + 1, NULL, NULL, &e),
        JR_EINVAL);
    assert_string_equal(e.code, "amount_too_large");
    /* another municipality's begroting */
    jr_ctx g = as(f, JR_ROLE_GEMEENTE, ZWOLLE, NULL);
    jr_error_clear(&e);
    assert_int_equal(budgetctl_set(&g, DEVENTER, 2025, "ambulant", 1, NULL, NULL, &e),
                     JR_EFORBIDDEN);
    jr_error_clear(&e);
    jr_budget_control c;
    assert_int_equal(budgetctl_control(&f->ctx, 1999, NULL, &c, &e), JR_EINVAL);
    assert_string_equal(e.code, "year_invalid");
    /* nothing changed: the three rows of the fixture, Deventer's amount */
    assert_int_equal(list_count(&f->ctx, NULL), 3);
    jr_cents z = 0;
    assert_ok(budgetctl_list(&f->ctx, ZWOLLE, 2025, find_amount, &z, err));
    assert_i64_equal(z, 900000);
}

/* ---- scope per role ---- */

static void scope_per_role(void **state)
{
    fx *f = *state;
    jr_error e;
    jr_budget_control c;
    /* beheerder: sets any municipality */
    jr_ctx beh = as(f, JR_ROLE_BEHEERDER, NULL, NULL);
    assert_ok(budgetctl_set(&beh, DEVENTER, 2025, "crisis", 1000, NULL, NULL, err));
    /* rsj: reads everything, sets nothing */
    jr_ctx rsj = as(f, JR_ROLE_RSJ, NULL, NULL);
    jr_error_clear(&e);
    assert_int_equal(budgetctl_set(&rsj, ZWOLLE, 2025, "ambulant", 1, NULL, NULL, &e),
                     JR_EFORBIDDEN);
    assert_int_equal(list_count(&rsj, NULL), 4);
    assert_ok(budgetctl_control(&rsj, 2025, NULL, &c, err));
    assert_int_equal(c.nmunicipalities, 11);
    /* toegang: reads its own municipality's list, not another's; sets nothing */
    jr_ctx t = as(f, JR_ROLE_TOEGANG, ZWOLLE, NULL);
    assert_int_equal(list_count(&t, NULL), 2);
    jr_error_clear(&e);
    assert_int_equal(budgetctl_list(&t, DEVENTER, 2025, count_row, &(int){0}, &e), JR_EFORBIDDEN);
    jr_error_clear(&e);
    assert_int_equal(budgetctl_set(&t, ZWOLLE, 2025, "ambulant", 1, NULL, NULL, &e), JR_EFORBIDDEN);
    /* a municipal user compares itself with another municipality */
    assert_ok(budgetctl_control(&t, 2025, DEVENTER, &c, err));
    assert_i64_equal(c.rows[JR_VZ_AMBULANT].fc.forecast, 314064);
    assert_ok(budgetctl_control(&t, 2025, NULL, &c, err));
    assert_string_equal(c.scope.gemeente, ZWOLLE);
    /* lezer: the aggregates of the control figure, not the list */
    jr_ctx lez = as(f, JR_ROLE_LEZER, NULL, NULL);
    assert_ok(budgetctl_control(&lez, 2025, NULL, &c, err));
    assert_i64_equal(c.rows[JR_VZ_AMBULANT].fc.forecast, 1227914);
    jr_error_clear(&e);
    assert_int_equal(budgetctl_list(&lez, NULL, 2025, count_row, &(int){0}, &e), JR_EFORBIDDEN);
    jr_error_clear(&e);
    assert_int_equal(budgetctl_set(&lez, ZWOLLE, 2025, "ambulant", 1, NULL, NULL, &e),
                     JR_EFORBIDDEN);
    /* aanbieder: nothing */
    jr_ctx a = as(f, JR_ROLE_AANBIEDER, NULL, AGB_A);
    jr_error_clear(&e);
    assert_int_equal(budgetctl_control(&a, 2025, NULL, &c, &e), JR_EFORBIDDEN);
    jr_error_clear(&e);
    assert_int_equal(budgetctl_list(&a, NULL, 2025, count_row, &(int){0}, &e), JR_EFORBIDDEN);
    jr_error_clear(&e);
    assert_int_equal(budgetctl_set(&a, ZWOLLE, 2025, "ambulant", 1, NULL, NULL, &e), JR_EFORBIDDEN);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(control_of_a_municipality, setup, teardown),
        cmocka_unit_test_setup_teardown(control_of_the_region_is_the_sum, setup, teardown),
        cmocka_unit_test_setup_teardown(task_budgets_are_realised_and_committed, setup, teardown),
        cmocka_unit_test_setup_teardown(setting_again_replaces_and_audits, setup, teardown),
        cmocka_unit_test_setup_teardown(refusals_change_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(scope_per_role, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

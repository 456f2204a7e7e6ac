/*
 * test_continuity.c: provider continuity (service/continuity.h) over a
 * real store: the import of a file, every figure of the summary computed
 * BY HAND below from the fixture's rows; a bad row refused with its line
 * number and nothing stored; the same AGB and year twice in a file; a
 * re-import of a year replacing one provider's figures (the others kept)
 * with its audit rows; the scope of each role.
 *
 * The fixture (amounts in eurocents; "" missing):
 *   line agb       year total       youth       net       equity      assets      ca        cl
 *   2    11111111  2024 1000000000  300000000   20000000  500000000   1000000000  300000000
 * 200000000 3    22222222  2024 1000000000  200000001   -100      100000000   1000000000  100000000
 * 200000000 4    33333333  2024 100000000   100000000   1500000   20000000    100000000   5000000
 * 5000000 5    44444444  2024 300000000   200000000   4500001   20000001    100000000   5000001
 * 5000000 6    55555555  2024 100000000   ""          0         ""          ""          "" "" 7
 * 66666666  2024 50000000    50000000    0         ""          0           10        0 8 11111111
 * 2023 1000000000  300000000   -1        500000000   1000000000  300000000 200000000 9    77777777
 * 2023 100000000   100000000   2000000   50000000    100000000   2         1 Verdicts (+ met, -
 * failed, ? neither: missing or a denominator <= 0): 11111111/2024 gt2m ++++ (2 %, 50 %, 1.5) fails
 * 0 22222222/2024 gt2m ---- (youth a cent above 2 M)    fails 4: at risk 33333333/2024 le2m +---
 * (exactly 1.5 %, 20 %, 1)    fails 3: at risk 44444444/2024 le2m ++++ (youth exactly 2 M: le2m;
 *                 4500001 x 1000 > 15 x 300000000)      fails 0
 *   55555555/2024 unknown --?? (youth missing)          fails 2: at risk
 *   66666666/2024 le2m --?? (assets 0, cl 0: undefined) fails 2: at risk
 *   11111111/2023 gt2m --++                             fails 2: at risk
 *   77777777/2023 le2m ++++                             fails 0
 * 2024 gt2m: 2 providers; every signal 1 of 2: 50.0 %; at risk 22222222.
 * 2024 le2m: 3 providers (33, 44, 66); positive result 2 of 3 = 66.67 ->
 *   66.7 %; rentabiliteit 1 of 3 = 33.33 -> 33.3 %; solvabiliteit 1 of 2
 *   (66 missing) = 50.0 %; current ratio 1 of 2 = 50.0 %; at risk 33333333,
 *   66666666.
 * 2024 unknown: 1 provider; positive result 0 of 1, rentabiliteit 0 of 1:
 *   0.0 %; solvabiliteit and current ratio none (no share); at risk
 *   55555555.
 * 2023 gt2m: 1; 0.0, 0.0, 100.0, 100.0 %; at risk 11111111. le2m: 1; 100.0
 *   % each; none at risk.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "../unit/unit_support.h"

#include "service/continuity.h"

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

#define HEADER                                                                                     \
    "agb,name,year,total_revenue_cents,youth_revenue_cents,net_result_cents,equity_cents,"         \
    "total_assets_cents,current_assets_cents,current_liabilities_cents\n"

static const char *const FIXTURE =
    HEADER "11111111,Groot en gezond,2024,1000000000,300000000,20000000,500000000,1000000000,"
           "300000000,200000000\n"
           "22222222,Groot en zwak,2024,1000000000,200000001,-100,100000000,1000000000,100000000,"
           "200000000\n"
           "33333333,Precies op de grens,2024,100000000,100000000,1500000,20000000,100000000,"
           "5000000,5000000\n"
           "44444444,Net erboven,2024,300000000,200000000,4500001,20000001,100000000,5000001,"
           "5000000\n"
           "55555555,Onbekende omzet,2024,100000000,,0,,,,\n"
           "66666666,Geen balans,2024,50000000,50000000,0,,0,10,0\n"
           "11111111,Groot en gezond,2023,1000000000,300000000,-1,500000000,1000000000,300000000,"
           "200000000\n"
           "77777777,Klein en gezond,2023,100000000,100000000,2000000,50000000,100000000,2,1\n";

typedef struct {
    char dir[64];
    jr_store *store;
    jr_ctx ctx;
} fx;

static jr_status import_text(const jr_ctx *ctx, const char *csv, jr_cont_import *res, jr_error *err)
{
    FILE *in = fmemopen((void *)csv, strlen(csv), "rb");
    assert_non_null(in);
    jr_status rc = continuity_import(ctx, in, "test.csv", res, err);
    fclose(in);
    return rc;
}

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    if (!f || unit_store_open(f->dir, "continuity", &f->store) != 0) {
        free(f);
        return -1;
    }
    f->ctx.store = f->store;
    f->ctx.cat = unit_catalog();
    f->ctx.actor = "test";
    f->ctx.today = D("2026-01-15");
    *state = f;
    jr_cont_import res;
    assert_ok(import_text(&f->ctx, FIXTURE, &res, err));
    assert_i64_equal(res.rows, 8);
    assert_i64_equal(res.added, 8);
    assert_i64_equal(res.replaced, 0);
    assert_int_equal(res.year_min, 2023);
    assert_int_equal(res.year_max, 2024);
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

static void assert_class(const jr_cont_class_sum *c, int64_t providers, int64_t p0, int64_t p1,
                         int64_t p2, int64_t p3, const char *risk)
{
    assert_i64_equal(c->t.providers, providers);
    assert_i64_equal(c->share_x10[JR_CS_POSITIVE_RESULT], p0);
    assert_i64_equal(c->share_x10[JR_CS_RENTABILITEIT], p1);
    assert_i64_equal(c->share_x10[JR_CS_SOLVABILITEIT], p2);
    assert_i64_equal(c->share_x10[JR_CS_CURRENT_RATIO], p3);
    char got[256] = "";
    for (int64_t i = 0; c->at_risk && i < c->t.at_risk; i++) {
        if (i)
            strcat(got, ",");
        strcat(got, c->at_risk[i]);
    }
    assert_string_equal(got, risk);
}

static void summary_by_hand(void **state)
{
    fx *f = *state;
    jr_cont_summary s;
    assert_ok(continuity_summary(&f->ctx, 2024, &s, err));
    assert_false(s.aggregate_only);
    assert_i64_equal(s.providers, 6);
    assert_class(&s.classes[JR_CC_GT2M], 2, 500, 500, 500, 500, "22222222");
    assert_class(&s.classes[JR_CC_LE2M], 3, 667, 333, 500, 500, "33333333,66666666");
    assert_class(&s.classes[JR_CC_UNKNOWN], 1, 0, 0, -1, -1, "55555555");
    assert_i64_equal(s.classes[JR_CC_LE2M].t.none[JR_CS_SOLVABILITEIT], 1);
    continuity_summary_free(&s);
    assert_ok(continuity_summary(&f->ctx, 2023, &s, err));
    assert_class(&s.classes[JR_CC_GT2M], 1, 0, 0, 1000, 1000, "11111111");
    assert_class(&s.classes[JR_CC_LE2M], 1, 1000, 1000, 1000, 1000, "");
    assert_class(&s.classes[JR_CC_UNKNOWN], 0, -1, -1, -1, -1, "");
    continuity_summary_free(&s);
    /* a year without figures: every class empty, no refusal */
    assert_ok(continuity_summary(&f->ctx, 2022, &s, err));
    assert_i64_equal(s.providers, 0);
    assert_class(&s.classes[JR_CC_GT2M], 0, -1, -1, -1, -1, "");
    continuity_summary_free(&s);
    jr_error e;
    jr_error_clear(&e);
    assert_int_equal(continuity_summary(&f->ctx, 1999, &s, &e), JR_EINVAL);
    assert_string_equal(e.code, "year_invalid");
    continuity_summary_free(&s);
    /* the trend: both years, oldest first, without AGB codes */
    jr_cont_trend t;
    assert_ok(continuity_trend(&f->ctx, &t, err));
    assert_int_equal(t.n, 2);
    assert_int_equal(t.years[0].year, 2023);
    assert_int_equal(t.years[1].year, 2024);
    assert_true(t.years[1].aggregate_only);
    assert_i64_equal(t.years[1].classes[JR_CC_LE2M].share_x10[JR_CS_POSITIVE_RESULT], 667);
    assert_i64_equal(t.years[1].classes[JR_CC_LE2M].t.at_risk, 2);
    assert_null(t.years[1].classes[JR_CC_LE2M].at_risk);
    continuity_trend_free(&t);
}

typedef struct {
    int n;
    jr_cont_row last;
    char agbs[256];
} rows_seen;

static int row_seen(void *ud, const void *row)
{
    rows_seen *s = ud;
    s->last = *(const jr_cont_row *)row;
    size_t len = strlen(s->agbs);
    snprintf(s->agbs + len, sizeof s->agbs - len, "%s%s", s->n++ ? "," : "", s->last.a.agb);
    return 0;
}

static void list_with_verdicts(void **state)
{
    fx *f = *state;
    rows_seen s = {0};
    assert_ok(continuity_list(&f->ctx, 2024, "66666666", row_seen, &s, err));
    assert_int_equal(s.n, 1);
    const jr_cont_row *r = &s.last;
    assert_string_equal(r->a.name, "Geen balans");
    assert_int_equal(r->cls, JR_CC_LE2M);
    assert_false(r->a.has[JR_CF_EQUITY]); /* missing stays missing */
    assert_true(r->a.has[JR_CF_TOTAL_ASSETS]);
    assert_i64_equal(r->a.v[JR_CF_TOTAL_ASSETS], 0);
    assert_int_equal(r->verdict[JR_CS_POSITIVE_RESULT], JR_CV_FAILED);
    assert_int_equal(r->verdict[JR_CS_RENTABILITEIT], JR_CV_FAILED);
    assert_int_equal(r->verdict[JR_CS_SOLVABILITEIT], JR_CV_NONE);
    assert_int_equal(r->verdict[JR_CS_CURRENT_RATIO], JR_CV_NONE);
    assert_int_equal(r->failed, 2);
    assert_true(r->at_risk);
    assert_string_equal(r->imported_by, "test");
    assert_string_equal(r->source, "test.csv");
    /* every year of one provider, by year */
    memset(&s, 0, sizeof s);
    assert_ok(continuity_list(&f->ctx, 0, "11111111", row_seen, &s, err));
    assert_int_equal(s.n, 2);
    assert_int_equal(s.last.a.year, 2024);
    memset(&s, 0, sizeof s);
    assert_ok(continuity_list(&f->ctx, 0, NULL, row_seen, &s, err));
    assert_string_equal(s.agbs, "11111111,77777777,11111111,22222222,33333333,44444444,"
                                "55555555,66666666");
}

static int count_audit(void *ud, const void *row)
{
    (void)row;
    (*(int *)ud)++;
    return 0;
}

static void bad_rows_store_nothing(void **state)
{
    fx *f = *state;
    const char *bad = HEADER "88888888,Nieuw,2024,100,50,1,1,1,1,1\n"
                             "1234,Kort,2024,100,50,1,1,1,1,1\n"
                             "99999999,Geen getal,2024,100,50,abc,1,1,1,1\n"
                             "22222222,Vervangen,2024,100,50,1,1,1,1,1\n";
    jr_error err;
    jr_invalid_list list;
    jr_error_collect(&err, &list);
    int audits = 0;
    assert_ok(audit_list(&f->ctx, "continuiteit", NULL, NULL, 1000, count_audit, &audits, err));
    jr_cont_import res;
    assert_int_equal(import_text(&f->ctx, bad, &res, &err), JR_EINVAL);
    assert_string_equal(err.code, "csv_invalid");
    assert_string_equal(err.field, "agb");
    assert_non_null(strstr(err.message, "regel 3"));
    assert_int_equal(list.n, 2);
    assert_non_null(strstr(list.item[1].message, "regel 4"));
    assert_string_equal(list.item[1].field, "net_result_cents");
    assert_i64_equal(res.rows, 0);
    /* nothing stored: not the good row before it, not the replacement after */
    rows_seen s = {0};
    assert_ok(continuity_list(&f->ctx, 2024, "88888888", row_seen, &s, err));
    assert_int_equal(s.n, 0);
    assert_ok(continuity_list(&f->ctx, 2024, "22222222", row_seen, &s, err));
    assert_string_equal(s.last.a.name, "Groot en zwak");
    int after = 0;
    assert_ok(audit_list(&f->ctx, "continuiteit", NULL, NULL, 1000, count_audit, &after, err));
    assert_int_equal(after, audits);

    /* the same AGB and year twice */
    const char *dup = HEADER "88888888,Nieuw,2024,100,50,1,1,1,1,1\n"
                             "88888888,Nieuw,2023,100,50,1,1,1,1,1\n"
                             "88888888,Nieuw,2024,100,50,2,1,1,1,1\n";
    jr_error_collect(&err, &list);
    assert_int_equal(import_text(&f->ctx, dup, &res, &err), JR_EINVAL);
    assert_string_equal(err.code, "csv_duplicate");
    assert_non_null(strstr(err.message, "regel 4"));
    assert_non_null(strstr(err.message, "regel 2"));
    /* a wrong header, an empty file, a header only */
    jr_error_collect(&err, &list);
    assert_int_equal(import_text(&f->ctx, "agb;naam\n1;2\n", &res, &err), JR_EINVAL);
    assert_string_equal(err.code, "csv_header");
    jr_error_clear(&err);
    assert_int_equal(import_text(&f->ctx, "", &res, &err), JR_EINVAL);
    assert_string_equal(err.code, "csv_empty");
    jr_error_clear(&err);
    assert_int_equal(import_text(&f->ctx, HEADER, &res, &err), JR_EINVAL);
    assert_string_equal(err.code, "csv_empty");
    jr_error_clear(&err);
    assert_int_equal(import_text(&f->ctx, HEADER "\"88888888,x\n", &res, &err), JR_EINVAL);
    assert_string_equal(err.code, "csv_malformed");
    memset(&s, 0, sizeof s);
    assert_ok(continuity_list(&f->ctx, 0, "88888888", row_seen, &s, err));
    assert_int_equal(s.n, 0);
}

typedef struct {
    int n;
    char action[48], detail[384];
} audit_seen;

static int audit_row(void *ud, const void *row)
{
    audit_seen *s = ud;
    const jr_audit_row *r = row;
    if (s->n++ == 0) {
        snprintf(s->action, sizeof s->action, "%s", r->action);
        snprintf(s->detail, sizeof s->detail, "%s", r->detail);
    }
    return 0;
}

static void reimport_replaces(void **state)
{
    fx *f = *state;
    /* 22222222's 2024 figures again, now healthy, with a separator ';' */
    const char *again = "agb;name;year;total_revenue_cents;youth_revenue_cents;net_result_cents;"
                        "equity_cents;total_assets_cents;current_assets_cents;"
                        "current_liabilities_cents\n"
                        "22222222;Groot en hersteld;2024;1000000000;250000000;30000000;"
                        "400000000;1000000000;300000000;100000000\n";
    jr_cont_import res;
    jr_ctx rsj = as(f, JR_ROLE_RSJ, NULL, NULL);
    assert_ok(import_text(&rsj, again, &res, err));
    assert_i64_equal(res.rows, 1);
    assert_i64_equal(res.added, 0);
    assert_i64_equal(res.replaced, 1);
    rows_seen s = {0};
    assert_ok(continuity_list(&f->ctx, 2024, "22222222", row_seen, &s, err));
    assert_int_equal(s.n, 1);
    assert_string_equal(s.last.a.name, "Groot en hersteld");
    assert_int_equal(s.last.failed, 0);
    assert_string_equal(s.last.imported_by, "rsj");
    /* the others of 2024 are kept; gt2m now meets every signal */
    jr_cont_summary sum;
    assert_ok(continuity_summary(&f->ctx, 2024, &sum, err));
    assert_i64_equal(sum.providers, 6);
    assert_class(&sum.classes[JR_CC_GT2M], 2, 1000, 1000, 1000, 1000, "");
    assert_class(&sum.classes[JR_CC_LE2M], 3, 667, 333, 500, 500, "33333333,66666666");
    continuity_summary_free(&sum);
    /* the audit: the replaced row with what it was, and the import */
    audit_seen a = {0};
    assert_ok(audit_list(&f->ctx, "continuiteit", "22222222/2024", NULL, 10, audit_row, &a, err));
    assert_int_equal(a.n, 2); /* read in, then replaced */
    assert_string_equal(a.action, "continuiteit.vervangen");
    assert_non_null(strstr(a.detail, "resultaat=30000000"));
    assert_non_null(strstr(a.detail, "was "));
    assert_non_null(strstr(a.detail, "resultaat=-100"));
    memset(&a, 0, sizeof a);
    assert_ok(audit_list(&f->ctx, "continuiteit", "test.csv", NULL, 10, audit_row, &a, err));
    assert_int_equal(a.n, 2); /* the fixture's import and this one */
    assert_string_equal(a.action, "continuiteit.import");
    assert_non_null(strstr(a.detail, "1 rijen: 0 nieuw, 1 vervangen"));
}

static void scope_of_each_role(void **state)
{
    fx *f = *state;
    jr_error e;
    jr_cont_import res;
    jr_cont_summary s;
    /* import: rsj and beheerder (and the system) only */
    const jr_role refused[] = {JR_ROLE_LEZER, JR_ROLE_GEMEENTE, JR_ROLE_TOEGANG, JR_ROLE_AANBIEDER};
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        jr_ctx c = as(f, refused[i], "0193", "11111111");
        jr_error_clear(&e);
        assert_int_equal(import_text(&c, FIXTURE, &res, &e), JR_EFORBIDDEN);
    }
    jr_ctx beh = as(f, JR_ROLE_BEHEERDER, NULL, NULL);
    assert_ok(import_text(&beh, FIXTURE, &res, err));
    assert_i64_equal(res.replaced, 8);
    /* the summary: lezer, gemeente, toegang aggregates only */
    const jr_role agg[] = {JR_ROLE_LEZER, JR_ROLE_GEMEENTE, JR_ROLE_TOEGANG};
    for (size_t i = 0; i < sizeof agg / sizeof agg[0]; i++) {
        jr_ctx c = as(f, agg[i], "0193", NULL);
        assert_ok(continuity_summary(&c, 2024, &s, err));
        assert_true(s.aggregate_only);
        assert_i64_equal(s.classes[JR_CC_LE2M].t.at_risk, 2);
        assert_null(s.classes[JR_CC_LE2M].at_risk);
        assert_i64_equal(s.classes[JR_CC_LE2M].share_x10[JR_CS_POSITIVE_RESULT], 667);
        continuity_summary_free(&s);
        jr_error_clear(&e);
        rows_seen rs = {0};
        assert_int_equal(continuity_list(&c, 2024, NULL, row_seen, &rs, &e), JR_EFORBIDDEN);
    }
    jr_ctx rsj = as(f, JR_ROLE_RSJ, NULL, NULL);
    assert_ok(continuity_summary(&rsj, 2024, &s, err));
    assert_false(s.aggregate_only);
    continuity_summary_free(&s);
    /* an aanbieder: no summary, its own figures only */
    jr_ctx a = as(f, JR_ROLE_AANBIEDER, NULL, "11111111");
    jr_error_clear(&e);
    assert_int_equal(continuity_summary(&a, 2024, &s, &e), JR_EFORBIDDEN);
    continuity_summary_free(&s);
    jr_cont_trend t;
    jr_error_clear(&e);
    assert_int_equal(continuity_trend(&a, &t, &e), JR_EFORBIDDEN);
    continuity_trend_free(&t);
    rows_seen rs = {0};
    assert_ok(continuity_list(&a, 0, NULL, row_seen, &rs, err));
    assert_string_equal(rs.agbs, "11111111,11111111");
    memset(&rs, 0, sizeof rs);
    assert_ok(continuity_list(&a, 2024, "22222222", row_seen, &rs, err));
    assert_int_equal(rs.n, 0);
    /* refused filters */
    jr_invalid_list list;
    jr_error_collect(&e, &list);
    assert_int_equal(continuity_list(&f->ctx, 1800, "12", row_seen, &rs, &e), JR_EINVAL);
    assert_int_equal(list.n, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(summary_by_hand, setup, teardown),
        cmocka_unit_test_setup_teardown(list_with_verdicts, setup, teardown),
        cmocka_unit_test_setup_teardown(bad_rows_store_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(reimport_replaces, setup, teardown),
        cmocka_unit_test_setup_teardown(scope_of_each_role, setup, teardown),
    };
    return cmocka_run_group_tests_name("continuity", tests, NULL, NULL);
}

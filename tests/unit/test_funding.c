/*
 * test_funding.c: the three iJw funding variants as data (issue 13).
 *
 * A third region (tests/fixtures/region-output.json) is made of data alone:
 * outputgericht support profiles per month and per trajectory, a price per
 * provider for a top-segment profile, a taakgericht task with task budgets,
 * and an inspanningsgericht product of another unit (dagdeel). The shipped
 * second region (config/zuid-kennemerland-ijmond.json) has no keuzebudgetten
 * and funds by task. Each rule is asserted at its edge.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "config/region.h"
#include "domain/assignment.h"
#include "domain/decl.h"
#include "domain/referral.h"
#include "unit_support.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define COPY(dst, src) snprintf((dst), sizeof(dst), "%s", (src))

static jr_catalog *load(const char *rel)
{
    const char *root = getenv("JR_SOURCE_ROOT");
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", root && *root ? root : ".", rel);
    jr_catalog *cat = malloc(sizeof *cat);
    assert_non_null(cat);
    jr_error err;
    memset(&err, 0, sizeof err);
    if (region_load(path, cat, &err) != JR_OK)
        fail_msg("%s does not load: %s", path, err.message);
    return cat;
}

static void test_third_region_loads(void **state)
{
    (void)state;
    jr_catalog *cat = load("tests/fixtures/region-output.json");
    assert_int_equal(cat->nbudgets, 0);
    const jr_product *p = catalog_product(cat, "45P10");
    assert_non_null(p);
    assert_int_equal(p->kind, JR_PK_PRODUCT);
    assert_int_equal(p->funding, JR_FUND_OUTPUT); /* the region's variant as default */
    assert_int_equal(p->period, JR_OUT_MONTH);
    assert_int_equal(catalog_product(cat, "45P12")->period, JR_OUT_TRAJECT);
    assert_int_equal(catalog_product(cat, "43T01")->funding, JR_FUND_TAAK);
    assert_false(product_billable(catalog_product(cat, "43T01")));
    assert_int_equal(catalog_product(cat, "41D01")->funding, JR_FUND_INSPANNING);
    /* the provider's own price, and the product's for everyone else */
    jr_cents c;
    assert_true(product_tariff_for(cat, p, "12345678", D("2024-03-01"), &c));
    assert_int_equal(c, 345000);
    assert_true(product_tariff_for(cat, p, "87654321", D("2024-03-01"), &c));
    assert_int_equal(c, 310000);
    assert_true(product_tariff_for(cat, p, NULL, D("2024-03-01"), &c));
    assert_int_equal(c, 310000);
    assert_int_equal(cat->ntask_budgets, 2);
    assert_true(cat->contract.set);
    assert_int_equal(cat->contract.length_years, 4);
    free(cat);
}

static void test_second_region_loads(void **state)
{
    (void)state;
    jr_catalog *cat = load("config/zuid-kennemerland-ijmond.json");
    assert_int_equal(cat->nmunicipalities, 7);
    static const char *const cbs[] = {"0377", "0392", "0397", "0473", "0375", "0396", "0453"};
    for (int i = 0; i < 7; i++)
        assert_non_null(catalog_municipality(cat, cbs[i]));
    assert_int_equal(cat->nbudgets, 0);
    assert_string_equal(cat->variant, "taakgericht");
    assert_int_equal(cat->contract.length_years, 9);
    assert_int_equal(cat->contract.nevaluations, 2);
    assert_int_equal(cat->contract.evaluation_years[0], 3);
    assert_int_equal(cat->contract.evaluation_years[1], 6);
    assert_true(cat->npartners >= 2);
    assert_true(cat->partners[0].nsubs > 0);
    assert_true(cat->nkpis > 0);
    /* dyslexie is p*q beside the task-funded integral lot */
    assert_int_equal(catalog_product(cat, "45D01")->funding, JR_FUND_INSPANNING);
    assert_int_equal(catalog_product(cat, "45A01")->funding, JR_FUND_TAAK);
    /* every municipality has a task budget for each task in 2025 */
    for (int i = 0; i < 7; i++) {
        int n = 0;
        for (int k = 0; k < cat->ntask_budgets; k++)
            n += strcmp(cat->task_budgets[k].gemeente, cbs[i]) == 0 &&
                 cat->task_budgets[k].year == 2025;
        assert_int_equal(n, 3);
    }
    free(cat);
}

/* the terms add up to the budget to the cent; the remainder is in the last */
static void test_task_budget_terms(void **state)
{
    (void)state;
    jr_task_budget t = {"12345678", "43T01", "0193", 2024, 12000005, 12};
    jr_cents a, sum = 0;
    jr_date from, to;
    for (int k = 1; k <= 12; k++) {
        assert_true(task_budget_term(&t, k, &a, &from, &to));
        assert_int_equal(a, k < 12 ? 1000000 : 1000005);
        sum += a;
    }
    assert_int_equal(sum, t.amount);
    assert_false(task_budget_term(&t, 0, &a, &from, &to));
    assert_false(task_budget_term(&t, 13, &a, &from, &to));
    assert_true(task_budget_term(&t, 2, &a, &from, &to));
    assert_int_equal(from, D("2024-02-01"));
    assert_int_equal(to, D("2024-02-29"));
    jr_cents paid;
    assert_int_equal(task_budget_paid(&t, M("2024-03"), &paid), 3);
    assert_int_equal(paid, 3000000);
    assert_int_equal(task_budget_paid(&t, M("2023-12"), &paid), 0);
    assert_int_equal(paid, 0);
    assert_int_equal(task_budget_paid(&t, M("2024-12"), &paid), 12);
    assert_int_equal(paid, t.amount);
    jr_task_status ts = task_budget_status(&t, M("2024-03"));
    assert_int_equal(ts.terms_paid, 3);
    assert_int_equal(ts.this_period, 1000000);
    assert_int_equal(ts.remaining, 9000005);
    ts = task_budget_status(&t, M("2024-12"));
    assert_int_equal(ts.this_period, 1000005);
    assert_int_equal(ts.remaining, 0);
    /* quarterly: the second term is due from April */
    t.terms = 4;
    assert_int_equal(task_budget_paid(&t, M("2024-03"), &paid), 1);
    assert_int_equal(task_budget_paid(&t, M("2024-04"), &paid), 2);
    assert_true(task_budget_term(&t, 4, &a, &from, &to));
    assert_int_equal(from, D("2024-10-01"));
    assert_int_equal(to, D("2024-12-31"));
    assert_int_equal(a, 12000005 - 3 * 3000001);
    ts = task_budget_status(&t, M("2024-05"));
    assert_int_equal(ts.terms_paid, 2);
    assert_int_equal(ts.this_period, 0); /* the term of April..June began in April */
}

static jr_referral_req product_req(const char *type, const char *product, int64_t volume)
{
    jr_referral_req r;
    memset(&r, 0, sizeof r);
    COPY(r.referrer_type, type);
    r.route = JR_ROUTE_PRODUCT;
    COPY(r.product, product);
    r.volume = volume;
    COPY(r.result, "De jeugdige functioneert weer thuis en op school.");
    r.date = D("2024-01-10");
    return r;
}

static void test_route_product(void **state)
{
    (void)state;
    jr_catalog *cat = load("tests/fixtures/region-output.json");
    jr_error err;
    memset(&err, 0, sizeof err);
    jr_referral_req r = product_req("01", "OP10", 0);
    assert_int_equal(referral_check(cat, &r, &err), JR_OK);
    r = product_req("02", "45P02", 0); /* the GP's list */
    assert_int_equal(referral_check(cat, &r, &err), JR_OK);
    r = product_req("02", "45P10", 0);
    memset(&err, 0, sizeof err);
    assert_int_equal(referral_check(cat, &r, &err), JR_EINVAL);
    assert_err_code(&err, "route_not_allowed");
    r = product_req("01", "DAG", 0); /* inspanningsgericht: a volume */
    memset(&err, 0, sizeof err);
    assert_int_equal(referral_check(cat, &r, &err), JR_EINVAL);
    assert_err_code(&err, "volume_invalid");
    r = product_req("01", "NOPE", 0);
    memset(&err, 0, sizeof err);
    assert_int_equal(referral_check(cat, &r, &err), JR_EINVAL);
    assert_err_code(&err, "product_unknown");

    /* grants: output per month counts the months touched, per trajectory
       one stuk, a task nothing */
    jr_grant g;
    r = product_req("01", "OP01", 0);
    assert_int_equal(assignment_plan(cat, &r, D("2024-01-15"), D("2024-06-10"), 0, 0, &g, &err),
                     JR_OK);
    assert_int_equal(g.volume, 6);
    assert_string_equal(g.unit, "82");
    assert_false(g.is_budget);
    r = product_req("01", "OP12", 0);
    assert_int_equal(assignment_plan(cat, &r, D("2024-01-15"), JR_DATE_NONE, 0, 0, &g, &err),
                     JR_OK);
    assert_int_equal(g.volume, 1);
    assert_int_equal(g.end, D("2026-01-14")); /* max_months 24 */
    r = product_req("01", "HSWV", 0);
    assert_int_equal(assignment_plan(cat, &r, D("2024-01-15"), JR_DATE_NONE, 0, 0, &g, &err),
                     JR_OK);
    assert_int_equal(g.volume, 0);
    assert_string_equal(g.product, "43T01");
    r = product_req("01", "OP01", 0);
    memset(&err, 0, sizeof err);
    assert_int_equal(assignment_plan(cat, &r, D("2024-01-15"), D("2025-01-15"), 0, 0, &g, &err),
                     JR_EINVAL);
    assert_err_code(&err, "duration_exceeds_max");
    free(cat);
}

typedef struct {
    jr_decl_batch batch;
    jr_decl_line line;
    jr_decl_assignment asg;
    jr_decl_facts facts;
} decl_fx;

/* profile 10 for provider 12345678 in March 2024: one stuk at its own price */
static decl_fx output_line(void)
{
    decl_fx f;
    memset(&f, 0, sizeof f);
    COPY(f.batch.number, "D2024-03-001");
    COPY(f.batch.agb, "12345678");
    COPY(f.batch.gemeente, "0193");
    f.batch.period = M("2024-03");
    f.batch.dagtekening = D("2024-04-05");
    COPY(f.line.ref, "R-1");
    COPY(f.line.assignment, "T-1");
    COPY(f.line.bsn, "111222333");
    COPY(f.line.category, "45");
    COPY(f.line.product, "45P10");
    f.line.begin = D("2024-03-01");
    f.line.end = D("2024-03-31");
    f.line.volume = 1;
    COPY(f.line.unit, "82");
    f.line.tariff = 345000;
    f.line.amount = 345000;
    f.asg.found = true;
    COPY(f.asg.gemeente, "0193");
    COPY(f.asg.bsn, "111222333");
    COPY(f.asg.category, "45");
    COPY(f.asg.product, "45P10");
    f.asg.volume = 12;
    COPY(f.asg.unit, "82");
    f.asg.start = D("2024-01-01");
    f.asg.end = D("2024-12-31");
    f.asg.care_start = D("2024-01-01");
    f.asg.care_stop = JR_DATE_NONE;
    f.facts.contracted = true;
    return f;
}

static const char *code_of(const jr_catalog *cat, const decl_fx *f)
{
    jr_decl_result out;
    memset(&out, 0, sizeof out);
    decl_check_line(cat, &f->batch, &f->line, &f->asg, &f->facts, D("2024-06-01"), &out);
    return out.code ? out.code : "(none)";
}

static void test_declare_output_and_task(void **state)
{
    (void)state;
    jr_catalog *cat = load("tests/fixtures/region-output.json");
    decl_fx f = output_line();
    assert_string_equal(code_of(cat, &f), "8001");
    /* the product's price is not this provider's */
    f.line.tariff = f.line.amount = 310000;
    assert_string_equal(code_of(cat, &f), "0611");
    /* another provider is paid the product's price */
    COPY(f.batch.agb, "87654321");
    assert_string_equal(code_of(cat, &f), "8001");
    /* one stuk per month */
    f = output_line();
    f.line.volume = 2;
    f.line.amount = 690000;
    assert_string_equal(code_of(cat, &f), "JR12");
    /* the twelfth month is the last the assignment holds */
    f = output_line();
    f.asg.used_base = 12;
    assert_string_equal(code_of(cat, &f), "9322");
    f.asg.used_base = 11;
    assert_string_equal(code_of(cat, &f), "8001");
    /* a taakgericht product: refused per youth, whatever else the line says */
    f = output_line();
    COPY(f.line.category, "43");
    COPY(f.line.product, "43T01");
    COPY(f.asg.category, "43");
    COPY(f.asg.product, "43T01");
    assert_string_equal(code_of(cat, &f), "JR11");
    f.asg.found = false;
    assert_string_equal(code_of(cat, &f), "JR11");
    assert_true(strstr(decl_code_message("JR11"), "aakgericht") != NULL);
    free(cat);
}

/* the fixture with one change; loading fails on field, saying what */
static void expect_refused(void (*change)(json_t *), const char *field, const char *what)
{
    const char *root = getenv("JR_SOURCE_ROOT");
    char src[1024], path[1024];
    snprintf(src, sizeof src, "%s/tests/fixtures/region-output.json", root && *root ? root : ".");
    json_error_t je;
    json_t *j = json_load_file(src, 0, &je);
    assert_non_null(j);
    change(j);
    const char *dir = getenv("TMPDIR");
    snprintf(path, sizeof path, "%s/jr_funding_XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(json_dump_file(j, path, 0), 0);
    json_decref(j);
    jr_catalog *cat = malloc(sizeof *cat);
    jr_error err;
    memset(&err, 0, sizeof err);
    jr_status st = region_load(path, cat, &err);
    unlink(path);
    free(cat);
    if (st != JR_EINVAL)
        fail_msg("expected a refusal on %s", field);
    assert_string_equal(err.field, field);
    if (strstr(err.message, what) == NULL)
        fail_msg("message does not say '%s': %s", what, err.message);
}

static json_t *product_at(json_t *j, size_t i)
{
    return json_array_get(json_object_get(j, "products"), i);
}
static void task_with_tariff(json_t *j)
{
    json_object_set(product_at(j, 4), "tariffs", json_object_get(product_at(j, 0), "tariffs"));
}
static void output_without_period(json_t *j)
{
    json_object_del(product_at(j, 0), "period");
}
static void output_wrong_unit(json_t *j)
{
    json_object_set_new(product_at(j, 0), "unit", json_string("04"));
}
static void budget_unknown_partner(json_t *j)
{
    json_object_set_new(json_array_get(json_object_get(j, "task_budgets"), 0), "partner",
                        json_string("11111111"));
}
static void budget_for_billable(json_t *j)
{
    json_object_set_new(json_array_get(json_object_get(j, "task_budgets"), 0), "product",
                        json_string("45P01"));
}
static void budget_odd_terms(json_t *j)
{
    json_object_set_new(json_array_get(json_object_get(j, "task_budgets"), 0), "terms",
                        json_integer(5));
}
static void budgets_without_keuzebudgetten(json_t *j)
{
    json_object_set_new(json_array_get(json_object_get(j, "referrers"), 0), "budgets",
                        json_string("all"));
}
static void provider_price_inspanning(json_t *j)
{
    json_object_set(product_at(j, 5), "provider_tariffs",
                    json_object_get(product_at(j, 2), "provider_tariffs"));
}
static void gi_category(json_t *j)
{
    json_object_set_new(product_at(j, 0), "category", json_string("48"));
}

static void test_region_refusals(void **state)
{
    (void)state;
    expect_refused(task_with_tariff, "products[4].tariffs", "taakbudget");
    expect_refused(output_without_period, "products[0].period", "ontbreekt");
    expect_refused(output_wrong_unit, "products[0].unit", "82");
    expect_refused(budget_unknown_partner, "task_budgets[0].partner", "partner");
    expect_refused(budget_for_billable, "task_budgets[0].product", "taakgericht");
    expect_refused(budget_odd_terms, "task_budgets[0].terms", "termijnen");
    expect_refused(budgets_without_keuzebudgetten, "referrers[0].budgets", "keuzebudgetten");
    expect_refused(provider_price_inspanning, "products[5].provider_tariffs", "outputgericht");
    expect_refused(gi_category, "products[0].category", "productcategorie");
}

/* part-time is a rule: every intensity but a crisis bed and gesloten jeugdzorg */
static void test_parttime_rule(void **state)
{
    (void)state;
    const jr_catalog *cat = unit_catalog();
    assert_true(product_parttime_possible(catalog_product(cat, "44W01")));
    assert_true(product_parttime_possible(catalog_product(cat, "43V01")));
    assert_false(product_parttime_possible(catalog_product(cat, "43V02")));
    assert_false(product_parttime_possible(catalog_product(cat, "43V04")));
    assert_true(product_parttime_possible(catalog_product(cat, "43V03")));
    assert_false(product_parttime_possible(catalog_product(cat, "45F01")));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_third_region_loads),      cmocka_unit_test(test_second_region_loads),
        cmocka_unit_test(test_task_budget_terms),       cmocka_unit_test(test_route_product),
        cmocka_unit_test(test_declare_output_and_task), cmocka_unit_test(test_region_refusals),
        cmocka_unit_test(test_parttime_rule),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

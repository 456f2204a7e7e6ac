/*
 * test_request.c: the pure rules of a provider's request (domain/request.h)
 * at their edges: the refusal reasons (the same nine the iJw code list
 * has, nothing else), the RedenAfwijzingVerzoek a refusal by the region's
 * rules carries, and the translation of a requested product to a route:
 * each way a product is refused, the keuzebudget of an amount, the quote
 * for another amount, a volume multiplied out over the period.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "core/sbuf.h"
#include "domain/request.h"
#include "ijw/schema.h"
#include "unit_support.h"

#include <stdio.h>
#include <string.h>

static void refusal_names_are_the_ijw_code_list(void **state)
{
    (void)state;
    const ijw_stype *t = ijw_stype_find("LDT_RedenAfwijzingVerzoek");
    assert_non_null(t);
    for (char c = '1'; c <= '9'; c++) {
        char code[2] = {c, '\0'};
        assert_true(ijw_code_valid(t, code));
        assert_non_null(request_refusal_name(code));
        assert_string_equal(request_refusal_name(code), ijw_code_doc(t, code));
    }
    assert_string_equal(request_refusal_name("8"), "Woonplaatsbeginsel");
    static const char *const not_codes[] = {"0", "10", "", "1 ", "01", "a"};
    for (size_t i = 0; i < sizeof not_codes / sizeof not_codes[0]; i++) {
        assert_false(ijw_code_valid(t, not_codes[i]));
        assert_null(request_refusal_name(not_codes[i]));
    }
    assert_null(request_refusal_name(NULL));
}

static void refused_by(const char *code, bool budget, const char *want)
{
    jr_req_decision d;
    memset(&d, 0, sizeof d);
    d.nassignments = 2;
    jr_error e;
    jr_error_clear(&e);
    jr_fail(&e, JR_EINVAL, code, "", "regel %s", code);
    request_refuse_by(&d, &e, budget);
    assert_int_equal(d.outcome, JR_REQ_REFUSED);
    assert_string_equal(d.reden, want);
    char msg[64];
    snprintf(msg, sizeof msg, "regel %s", code);
    assert_string_equal(d.message, msg);
    assert_int_equal(d.nassignments, 0);
}

static void refuse_by_maps_each_rule_to_its_reason(void **state)
{
    (void)state;
    refused_by("route_not_allowed", true, "2");
    refused_by("route_not_allowed", false, "4");
    refused_by("budget_unknown", true, "2");
    refused_by("below_used", true, "2");
    refused_by("below_used", false, "4");
    refused_by("provider_not_contracted", true, "3");
    refused_by("provider_not_contracted", false, "3");
    refused_by("too_old", false, "9");
    refused_by("gemeente_unknown", false, "5");
    refused_by("anything_else", true, "4");
}

/* a budget request (aspecific, category 45) of cents on 2024-03-01 */
static jr_req_product budget_product(jr_cents cents)
{
    jr_req_product p;
    memset(&p, 0, sizeof p);
    str_copy(p.category, sizeof p.category, "45");
    p.start = D("2024-03-01");
    p.end = JR_DATE_NONE;
    p.has_budget = true;
    p.budget = cents;
    return p;
}

static jr_route_result translate(const jr_req_product *p, const char *type, jr_referral_req *req,
                                 jr_req_decision *d)
{
    memset(req, 0, sizeof *req);
    memset(d, 0, sizeof *d);
    return request_translate(unit_catalog(), p, type, req, d);
}

static void a_budget_is_the_keuzebudget_of_its_amount(void **state)
{
    (void)state;
    jr_referral_req req;
    jr_req_decision d;
    jr_req_product p = budget_product(250000); /* KB2 in 2024 */
    assert_int_equal(translate(&p, "02", &req, &d), JR_ROUTE_OK);
    assert_int_equal(req.route, JR_ROUTE_BUDGET);
    assert_string_equal(req.budget, "KB2");
    assert_string_equal(req.referrer_type, "02");
    assert_int_equal(d.outcome, JR_REQ_GRANTED);
    assert_non_null(request_budget_of_amount(unit_catalog(), 100000, D("2024-03-01")));
    assert_null(request_budget_of_amount(unit_catalog(), 100001, D("2024-03-01")));
}

static void another_amount_is_a_quote_or_a_refusal_by_referrer(void **state)
{
    (void)state;
    jr_referral_req req;
    jr_req_decision d;
    jr_req_product p = budget_product(123456);
    /* the municipality's own access team: quotes */
    assert_int_equal(translate(&p, "01", &req, &d), JR_ROUTE_TO_QUOTE);
    assert_int_equal(req.route, JR_ROUTE_QUOTE);
    assert_int_equal(d.outcome, JR_REQ_GRANTED);
    assert_non_null(strstr(d.message, "offertes"));
    /* a GP: only KB1 or KB2, named */
    assert_int_equal(translate(&p, "02", &req, &d), JR_ROUTE_REFUSED);
    assert_string_equal(d.reden, "2");
    assert_non_null(strstr(d.message, "KB1"));
    assert_non_null(strstr(d.message, "KB2"));
    /* a GI: no keuzebudget at all */
    assert_int_equal(translate(&p, "04", &req, &d), JR_ROUTE_REFUSED);
    assert_string_equal(d.reden, "2");
    assert_non_null(strstr(d.message, "offerte"));
}

static void an_aspecific_product_needs_category_45_and_a_budget(void **state)
{
    (void)state;
    jr_referral_req req;
    jr_req_decision d;
    jr_req_product p = budget_product(250000);
    str_copy(p.category, sizeof p.category, "44");
    assert_int_equal(translate(&p, "01", &req, &d), JR_ROUTE_REFUSED);
    assert_string_equal(d.reden, "4");
    p = budget_product(250000);
    p.has_volume = true;
    p.volume = 10;
    assert_int_equal(translate(&p, "01", &req, &d), JR_ROUTE_REFUSED);
    assert_string_equal(d.reden, "4");
    p = budget_product(0);
    p.has_budget = false;
    assert_int_equal(translate(&p, "01", &req, &d), JR_ROUTE_REFUSED);
    assert_string_equal(d.reden, "4");
}

/* a request for product code with volume in unit and frequency */
static jr_req_product coded(const char *code, int64_t volume, const char *unit, const char *freq)
{
    const jr_product *pr = catalog_product(unit_catalog(), code);
    assert_non_null(pr);
    jr_req_product p;
    memset(&p, 0, sizeof p);
    str_copy(p.category, sizeof p.category, pr->category);
    str_copy(p.product, sizeof p.product, code);
    p.start = D("2024-03-01");
    p.end = D("2024-05-31");
    p.has_volume = true;
    p.volume = volume;
    str_copy(p.unit, sizeof p.unit, unit);
    str_copy(p.frequency, sizeof p.frequency, freq);
    return p;
}

static void a_product_code_is_refused_unless_it_fits_the_catalog(void **state)
{
    (void)state;
    jr_referral_req req;
    jr_req_decision d;
    jr_req_product p = coded("44W01", 10, "14", "6");
    str_copy(p.product, sizeof p.product, "44W99");
    assert_int_equal(translate(&p, "01", &req, &d), JR_ROUTE_REFUSED);
    assert_string_equal(d.reden, "4");
    p = coded("44W01", 10, "14", "6");
    str_copy(p.category, sizeof p.category, "45"); /* not its category */
    assert_int_equal(translate(&p, "01", &req, &d), JR_ROUTE_REFUSED);
    p = coded("45F01", 10, "04", "6"); /* a functiegroep: hours within a budget */
    assert_int_equal(translate(&p, "01", &req, &d), JR_ROUTE_REFUSED);
    assert_non_null(strstr(d.message, "functiegroep"));
    p = coded("44W01", 10, "14", "6");
    p.has_budget = true;
    p.budget = 1000;
    assert_int_equal(translate(&p, "01", &req, &d), JR_ROUTE_REFUSED);
    p = coded("44W01", 10, "14", "6");
    p.has_volume = false;
    assert_int_equal(translate(&p, "01", &req, &d), JR_ROUTE_REFUSED);
    p = coded("44W01", 10, "04", "6"); /* hours for a product of etmalen */
    assert_int_equal(translate(&p, "01", &req, &d), JR_ROUTE_REFUSED);
    assert_string_equal(d.reden, "4");
}

static void a_volume_is_the_total_over_the_period(void **state)
{
    (void)state;
    jr_referral_req req;
    jr_req_decision d;
    jr_req_product p = coded("44W01", 40, "14", "6"); /* total */
    assert_int_equal(translate(&p, "01", &req, &d), JR_ROUTE_OK);
    assert_int_equal(req.route, JR_ROUTE_VERBLIJF);
    assert_string_equal(req.product, "44W01");
    assert_i64_equal(req.volume, 40);
    p = coded("44W01", 3, "14", "2"); /* per week */
    assert_int_equal(translate(&p, "01", &req, &d), JR_ROUTE_OK);
    assert_i64_equal(req.volume, frequency_volume_total(3, "2", p.start, p.end));
    assert_true(req.volume > 3);
    p = coded("46C01", 5, "04", "6");
    assert_int_equal(translate(&p, "01", &req, &d), JR_ROUTE_OK);
    assert_int_equal(req.route, JR_ROUTE_CRISIS);
    p = coded("45D01", 20, "04", "6");
    assert_int_equal(translate(&p, "01", &req, &d), JR_ROUTE_OK);
    assert_int_equal(req.route, JR_ROUTE_DYSLEXIE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(refusal_names_are_the_ijw_code_list),
        cmocka_unit_test(refuse_by_maps_each_rule_to_its_reason),
        cmocka_unit_test(a_budget_is_the_keuzebudget_of_its_amount),
        cmocka_unit_test(another_amount_is_a_quote_or_a_refusal_by_referrer),
        cmocka_unit_test(an_aspecific_product_needs_category_45_and_a_budget),
        cmocka_unit_test(a_product_code_is_refused_unless_it_fits_the_catalog),
        cmocka_unit_test(a_volume_is_the_total_over_the_period),
    };
    return cmocka_run_group_tests(tests, unit_catalog_setup, NULL);
}

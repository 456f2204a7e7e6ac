/*
 * test_catalog.c: the shipped IJsselland catalog (config/ijsselland.json, via
 * region_load) and the look-ups on it: municipalities, keuzebudgetten,
 * functiegroep tariffs, OVA indexation, price periods, referrer rules, lots.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "domain/catalog.h"
#include "unit_support.h"

#include <string.h>

static const jr_product *product(const char *code)
{
    const jr_product *p = catalog_product(unit_catalog(), code);
    if (p == NULL)
        fail_msg("product %s is not in the catalog", code);
    return p;
}

static const jr_budget *budget(const char *code)
{
    const jr_budget *b = catalog_budget(unit_catalog(), code);
    if (b == NULL)
        fail_msg("keuzebudget %s is not in the catalog", code);
    return b;
}

static jr_cents tariff_on(const char *code, const char *iso)
{
    jr_cents c = -1;
    if (!product_tariff(product(code), D(iso), &c))
        fail_msg("product %s has no tariff on %s", code, iso);
    return c;
}

/* the price entry of a product valid on date */
static const jr_price *price_entry(const jr_product *p, jr_date date)
{
    for (int i = 0; i < p->nprices; i++)
        if (p->prices[i].from <= date &&
            (p->prices[i].to == JR_DATE_NONE || date <= p->prices[i].to))
            return &p->prices[i];
    fail_msg("product %s has no price on that date", p->code);
    return NULL;
}

static void test_region_identity(void **state)
{
    (void)state;
    const jr_catalog *cat = unit_catalog();
    assert_string_equal(cat->region, "IJsselland");
    assert_string_equal(cat->variant, "inspanningsgericht");
    assert_true(cat->organisation[0] != '\0');
    assert_true(cat->source[0] != '\0');
}

static void test_eleven_municipalities_with_cbs_codes(void **state)
{
    (void)state;
    static const struct {
        const char *cbs, *name;
    } want[] = {{"0148", "Dalfsen"},         {"0150", "Deventer"},   {"0160", "Hardenberg"},
                {"0166", "Kampen"},          {"1773", "Olst-Wijhe"}, {"0175", "Ommen"},
                {"0177", "Raalte"},          {"0180", "Staphorst"},  {"1708", "Steenwijkerland"},
                {"1896", "Zwartewaterland"}, {"0193", "Zwolle"}};
    const jr_catalog *cat = unit_catalog();
    assert_int_equal(cat->nmunicipalities, 11);
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const jr_municipality *m = catalog_municipality(cat, want[i].cbs);
        if (m == NULL)
            fail_msg("municipality %s (%s) missing", want[i].cbs, want[i].name);
        assert_string_equal(m->name, want[i].name);
        assert_true(m->youth_population > 0);
    }
}

static void test_unknown_municipality(void **state)
{
    (void)state;
    const jr_catalog *cat = unit_catalog();
    assert_null(catalog_municipality(cat, "0363")); /* Amsterdam: not in the region */
    assert_null(catalog_municipality(cat, "193"));
    assert_null(catalog_municipality(cat, NULL));
}

static void test_seven_keuzebudgetten(void **state)
{
    (void)state;
    static const struct {
        const char *code;
        jr_cents cents;
        int months;
    } want[] = {{"KB1", 100000, 6},  {"KB2", 250000, 6},   {"KB3", 500000, 12},
                {"KB4", 750000, 12}, {"KB5", 1000000, 12}, {"KB6", 1500000, 12},
                {"KB7", 2000000, 12}};
    assert_int_equal(unit_catalog()->nbudgets, 7);
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const jr_budget *b = budget(want[i].code);
        jr_cents c = -1;
        assert_true(budget_amount(b, D("2024-06-15"), &c));
        assert_i64_equal(c, want[i].cents);
        assert_int_equal(b->max_months, want[i].months);
        assert_true(b->result[0] != '\0');
    }
    assert_null(catalog_budget(unit_catalog(), "KB8"));
}

static void test_seven_functiegroepen_2024_tariffs(void **state)
{
    (void)state;
    static const struct {
        const char *code, *short_code;
        jr_cents cents;
    } want[] = {{"45F01", "FG1", 5600},  {"45F02", "FG2", 7800},  {"45F03", "FG3", 8800},
                {"45F04", "FG4", 10400}, {"45F05", "FG5", 11800}, {"45F06", "FG6", 13800},
                {"45F07", "FG7", 20200}};
    int nfg = 0;
    for (int i = 0; i < unit_catalog()->nproducts; i++)
        nfg += unit_catalog()->products[i].kind == JR_PK_FUNCTIEGROEP;
    assert_int_equal(nfg, 7);
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const jr_product *p = product(want[i].code);
        assert_int_equal(p->kind, JR_PK_FUNCTIEGROEP);
        assert_string_equal(p->category, "45");
        assert_string_equal(p->unit, "04");
        assert_string_equal(p->short_code, want[i].short_code);
        assert_i64_equal(tariff_on(want[i].code, "2024-01-01"), want[i].cents);
        assert_i64_equal(tariff_on(want[i].code, "2024-12-31"), want[i].cents);
        assert_false(price_entry(p, D("2024-07-01"))->derived);
    }
}

static void test_other_products(void **state)
{
    (void)state;
    assert_int_equal(product("44W01")->kind, JR_PK_INTENSITY);
    assert_string_equal(product("44W01")->unit, "14");
    assert_i64_equal(tariff_on("44W01", "2024-05-01"), 6200);  /* pleegzorg */
    assert_i64_equal(tariff_on("43V01", "2024-05-01"), 45000); /* verblijf met behandeling */
    assert_string_equal(product("43V01")->category, "43");
    assert_int_equal(product("46C01")->kind, JR_PK_CRISIS);
    assert_int_equal(product("46C01")->max_days, 28);
    assert_i64_equal(tariff_on("46C01", "2024-05-01"), 12000);
    assert_int_equal(product("45D01")->kind, JR_PK_DYSLEXIE);
    assert_i64_equal(tariff_on("45D01", "2024-05-01"), 6840);
}

static void test_product_by_short_code(void **state)
{
    (void)state;
    const jr_catalog *cat = unit_catalog();
    assert_ptr_equal(catalog_product_by_short(cat, "FG2"), catalog_product(cat, "45F02"));
    assert_ptr_equal(catalog_product_by_short(cat, "45F02"), catalog_product(cat, "45F02"));
    assert_ptr_equal(catalog_product_by_short(cat, "WMIDDEN"), catalog_product(cat, "44W04"));
    assert_null(catalog_product_by_short(cat, "FG9"));
    assert_null(catalog_product(cat, "FG2")); /* the iJw look-up takes iJw codes only */
}

static void test_2025_tariff_derived_by_ova(void **state)
{
    (void)state;
    /* 56.00 x 1.0385 = 58.156 -> 58.16 */
    assert_i64_equal(tariff_on("45F01", "2025-01-01"), 5816);
    assert_i64_equal(tariff_on("45F01", "2025-12-31"), 5816);
    const jr_price *pr = price_entry(product("45F01"), D("2025-06-01"));
    assert_true(pr->derived);
    assert_i64_equal(pr->from, D("2025-01-01"));
    assert_i64_equal(pr->to, D("2025-12-31"));
    /* 78.00 x 1.0385 = 81.003 -> 81.00 */
    assert_i64_equal(tariff_on("45F02", "2025-03-01"), 8100);
}

static void test_2026_derived_from_derived_2025(void **state)
{
    (void)state;
    /* 58.16 x 1.0320 = 60.021 -> 60.02 */
    assert_i64_equal(tariff_on("45F01", "2026-01-01"), 6002);
    assert_true(price_entry(product("45F01"), D("2026-01-01"))->derived);
}

static void test_no_tariff_beyond_indexed_years(void **state)
{
    (void)state;
    jr_cents c;
    assert_false(product_tariff(product("45F01"), D("2027-01-01"), &c));
    assert_false(product_tariff(product("45F01"), D("2023-12-31"), &c));
}

static void test_crisis_2025_explicit_not_derived(void **state)
{
    (void)state;
    assert_i64_equal(tariff_on("46C01", "2025-01-01"), 12500); /* not 120 x 1.0385 = 124.62 */
    assert_false(price_entry(product("46C01"), D("2025-01-01"))->derived);
    /* the year after an explicit figure is derived from it: 125 x 1.032 = 129.00 */
    assert_i64_equal(tariff_on("46C01", "2026-01-01"), 12900);
    assert_true(price_entry(product("46C01"), D("2026-01-01"))->derived);
}

static void test_budget_amounts_indexed(void **state)
{
    (void)state;
    jr_cents c = -1;
    assert_true(budget_amount(budget("KB3"), D("2025-01-01"), &c));
    assert_i64_equal(c, 519250);
    assert_true(budget_amount(budget("KB1"), D("2025-07-01"), &c));
    assert_i64_equal(c, 103850);
}

static void test_price_at_bounds_inclusive(void **state)
{
    (void)state;
    const jr_price prices[] = {{D("2024-01-01"), D("2024-06-30"), 100, false},
                               {D("2024-07-01"), JR_DATE_NONE, 200, false}};
    jr_cents c = 0;
    assert_true(price_at(prices, 2, D("2024-06-30"), &c));
    assert_i64_equal(c, 100);
    assert_true(price_at(prices, 2, D("2024-07-01"), &c));
    assert_i64_equal(c, 200);
    assert_true(price_at(prices, 2, D("2199-12-31"), &c)); /* open end */
    assert_i64_equal(c, 200);
    assert_false(price_at(prices, 2, D("2023-12-31"), &c));
    assert_false(price_at(prices, 0, D("2024-03-01"), &c));
}

static void test_price_single_period(void **state)
{
    (void)state;
    const jr_product *fg1 = product("45F01");
    assert_true(price_single_period(fg1->prices, fg1->nprices, D("2024-01-01"), D("2024-12-31")));
    assert_true(price_single_period(fg1->prices, fg1->nprices, D("2024-03-01"), D("2024-03-31")));
    assert_false(price_single_period(fg1->prices, fg1->nprices, D("2024-12-31"), D("2025-01-01")));
    assert_false(price_single_period(fg1->prices, fg1->nprices, D("2023-12-31"), D("2024-01-01")));
}

static void test_price_single_period_open_end(void **state)
{
    (void)state;
    const jr_price prices[] = {{D("2024-01-01"), JR_DATE_NONE, 100, false}};
    assert_true(price_single_period(prices, 1, D("2024-01-01"), D("2030-12-31")));
    assert_false(price_single_period(prices, 1, D("2023-12-01"), D("2024-01-31")));
}

static void assert_no_overlap(const char *what, const jr_price *prices, int n)
{
    for (int i = 0; i < n; i++)
        for (int j = 0; j < i; j++)
            if (prices[i].from <= prices[j].to && prices[j].from <= prices[i].to) {
                char a[JR_DATE_ISO_LEN], b[JR_DATE_ISO_LEN];
                fail_msg("%s: price periods from %s and from %s overlap", what,
                         date_format(prices[j].from, a), date_format(prices[i].from, b));
            }
}

static void test_price_periods_never_overlap(void **state)
{
    (void)state;
    /* after indexation too: one date, one tariff */
    const jr_catalog *cat = unit_catalog();
    for (int i = 0; i < cat->nproducts; i++)
        assert_no_overlap(cat->products[i].code, cat->products[i].prices, cat->products[i].nprices);
    for (int i = 0; i < cat->nbudgets; i++)
        assert_no_overlap(cat->budgets[i].code, cat->budgets[i].amounts, cat->budgets[i].namounts);
}

static void test_referrer_gp_kb1_kb2_and_quote(void **state)
{
    (void)state;
    const jr_referrer_rule *gp = catalog_referrer(unit_catalog(), "02");
    assert_string_equal(gp->type, "02");
    assert_false(gp->all_budgets);
    assert_int_equal(gp->nbudgets, 2);
    assert_string_equal(gp->budgets[0], "KB1");
    assert_string_equal(gp->budgets[1], "KB2");
    assert_true(gp->quote);
    assert_false(gp->verblijf);
    assert_false(gp->crisis);
}

/* a GI asks a quote for ambulant care, and refers to crisis and to
 * wonen/verblijf as the access team does (issue 13) */
static void test_referrer_gi_quote_only(void **state)
{
    (void)state;
    const jr_referrer_rule *gi = catalog_referrer(unit_catalog(), "04");
    assert_string_equal(gi->type, "04");
    assert_false(gi->all_budgets);
    assert_int_equal(gi->nbudgets, 0);
    assert_true(gi->quote);
    assert_true(gi->verblijf);
    assert_true(gi->crisis);
    assert_false(gi->dyslexie);
}

static void test_referrer_toegang_everything(void **state)
{
    (void)state;
    const jr_referrer_rule *t = catalog_referrer(unit_catalog(), "01");
    assert_true(t->all_budgets);
    assert_true(t->quote);
    assert_true(t->verblijf);
    assert_true(t->crisis);
    assert_true(t->dyslexie);
}

static void test_referrer_unlisted_falls_back_to_default(void **state)
{
    (void)state;
    const jr_catalog *cat = unit_catalog();
    const jr_referrer_rule *jeugdarts = catalog_referrer(cat, "03");
    assert_ptr_equal(jeugdarts, &cat->default_referrer);
    /* the default is as the GP */
    assert_false(jeugdarts->all_budgets);
    assert_int_equal(jeugdarts->nbudgets, 2);
    assert_string_equal(jeugdarts->budgets[0], "KB1");
    assert_string_equal(jeugdarts->budgets[1], "KB2");
    assert_true(jeugdarts->quote);
    assert_false(jeugdarts->verblijf);
}

static void test_every_product_in_a_lot(void **state)
{
    (void)state;
    const jr_catalog *cat = unit_catalog();
    for (int i = 0; i < cat->nproducts; i++)
        if (catalog_lot_of(cat, cat->products[i].code) == NULL)
            fail_msg("product %s is in no lot", cat->products[i].code);
    const jr_lot *lot = catalog_lot_of(cat, "45F03");
    assert_non_null(lot);
    assert_string_equal(lot->code, "P1");
    assert_true(catalog_lot_has(lot, "45F07"));
    assert_false(catalog_lot_has(lot, "44W01"));
    assert_null(catalog_lot_of(cat, "99X99"));
}

static void test_unit_names(void **state)
{
    (void)state;
    assert_string_equal(unit_name("04"), "uur");
    assert_string_equal(unit_name("01"), "minuut");
    assert_string_equal(unit_name("14"), "etmaal");
    assert_string_equal(unit_name("99"), "");
    assert_string_equal(unit_name(NULL), "");
    assert_string_equal(product_kind_name(JR_PK_INTENSITY), "intensiteit");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_region_identity),
        cmocka_unit_test(test_eleven_municipalities_with_cbs_codes),
        cmocka_unit_test(test_unknown_municipality),
        cmocka_unit_test(test_seven_keuzebudgetten),
        cmocka_unit_test(test_seven_functiegroepen_2024_tariffs),
        cmocka_unit_test(test_other_products),
        cmocka_unit_test(test_product_by_short_code),
        cmocka_unit_test(test_2025_tariff_derived_by_ova),
        cmocka_unit_test(test_2026_derived_from_derived_2025),
        cmocka_unit_test(test_no_tariff_beyond_indexed_years),
        cmocka_unit_test(test_crisis_2025_explicit_not_derived),
        cmocka_unit_test(test_budget_amounts_indexed),
        cmocka_unit_test(test_price_at_bounds_inclusive),
        cmocka_unit_test(test_price_single_period),
        cmocka_unit_test(test_price_single_period_open_end),
        cmocka_unit_test(test_price_periods_never_overlap),
        cmocka_unit_test(test_referrer_gp_kb1_kb2_and_quote),
        cmocka_unit_test(test_referrer_gi_quote_only),
        cmocka_unit_test(test_referrer_toegang_everything),
        cmocka_unit_test(test_referrer_unlisted_falls_back_to_default),
        cmocka_unit_test(test_every_product_in_a_lot),
        cmocka_unit_test(test_unit_names),
    };
    return cmocka_run_group_tests(tests, unit_catalog_setup, NULL);
}

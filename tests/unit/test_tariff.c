/*
 * test_tariff.c: the tariff model (domain/tariff.h) recomputed by hand,
 * step by step: an hourly tariff of a functiegroep (with the overhead
 * landing on exactly half a cent), the half cent of holiday pay and of the
 * division by the client hours on either side, a tariff per etmaal of an
 * intensity (its staff cost on exactly half a cent), and the indexation by
 * OVA and by the VNG mix of OVA and PCC (each at its half cent), the per
 * mille of a difference (half away from zero), and the field tables'
 * bounds.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "domain/tariff.h"
#include "unit_support.h"

#include <string.h>

static jr_tariff_fg_norm fg1(void)
{
    jr_tariff_fg_norm n;
    memset(&n, 0, sizeof n);
    strcpy(n.code, "FG1");
    n.scale = 7;
    n.step = 6;
    n.monthly_salary = 329100; /* EUR 3,291.00 */
    n.holiday_bp = 800;
    n.year_end_bp = 833;
    n.employer_bp = 3000;
    n.hours_per_fte = 1300;
    n.overhead_bp = 2500;
    n.other_costs = 250;
    return n;
}

static void expect_step(const jr_tariff_build *b, int i, const char *key, int64_t value,
                        int64_t result, bool rounded)
{
    assert_true(i < b->n);
    assert_string_equal(b->s[i].key, key);
    assert_i64_equal(b->s[i].value, value);
    assert_i64_equal(b->s[i].result, result);
    assert_int_equal(b->s[i].rounded, rounded);
}

/* FG1 by hand: 3,291.00 x 12 = 39,492.00; 8 % = 3,159.36; 8.33 % = 3,289.6836 ->
 * 3,289.68; gross 45,941.04; 30 % = 13,782.312 -> 13,782.31; cost 59,723.35;
 * / 1300 h = 45.9410 -> 45.94; 25 % overhead = 11.485 -> 11.49 (half a cent, up);
 * + 2.50 = 59.93 */
static void test_fg_build_by_hand(void **state)
{
    (void)state;
    jr_tariff_fg_norm n = fg1();
    jr_tariff_build b;
    tariff_build_fg(&n, &b);
    assert_int_equal(b.n, 10);
    expect_step(&b, 0, "salaris_jaar", 3949200, 3949200, false);
    assert_i64_equal(b.s[0].norm, 329100);
    expect_step(&b, 1, "vakantietoeslag", 315936, 4265136, true);
    assert_i64_equal(b.s[1].norm, 800);
    expect_step(&b, 2, "eindejaarsuitkering", 328968, 4594104, true);
    expect_step(&b, 3, "brutoloon", 4594104, 4594104, false);
    expect_step(&b, 4, "werkgeverslasten", 1378231, 5972335, true);
    expect_step(&b, 5, "loonkosten_fte", 5972335, 5972335, false);
    expect_step(&b, 6, "personeel_uur", 4594, 4594, true);
    expect_step(&b, 7, "overhead", 1149, 5743, true);
    expect_step(&b, 8, "clientkosten", 250, 5993, false);
    expect_step(&b, 9, "tarief_uur", 5993, 5993, false);
    assert_i64_equal(b.tariff, 5993);
    assert_i64_equal(tariff_fg_cost_per_fte(&n), 5972335);
    /* one basis point less overhead: 4594 x 2499 / 10000 = 1148.04 -> 1148 */
    n.overhead_bp = 2499;
    tariff_build_fg(&n, &b);
    assert_i64_equal(b.s[7].value, 1148);
    assert_i64_equal(b.tariff, 5992);
}

/* the half cent of holiday pay: 1,000.50 x 12 = 12,006.00; 8.25 % = 990.495 -> 990.50;
 * a cent less salary: 12,005.88 x 8.25 % = 990.4851 -> 990.49 */
static void test_holiday_half_cent(void **state)
{
    (void)state;
    jr_tariff_fg_norm n = fg1();
    n.monthly_salary = 100050;
    n.holiday_bp = 825;
    jr_tariff_build b;
    tariff_build_fg(&n, &b);
    assert_i64_equal(b.s[1].value, 99050);
    n.monthly_salary = 100049;
    tariff_build_fg(&n, &b);
    assert_i64_equal(b.s[1].value, 99049);
}

/* the half cent of the division by the client hours: 1,002.00 x 12 = 12,024.00
 * without allowances / 1600 h = 7.515 -> 7.52; 1,001.99: 12,023.88 / 1600 = 7.5149 ->
 * 7.51 */
static void test_hours_half_cent(void **state)
{
    (void)state;
    jr_tariff_fg_norm n = fg1();
    n.monthly_salary = 100200;
    n.holiday_bp = n.year_end_bp = n.employer_bp = n.overhead_bp = 0;
    n.other_costs = 0;
    n.hours_per_fte = 1600;
    jr_tariff_build b;
    tariff_build_fg(&n, &b);
    assert_i64_equal(b.s[5].value, 1202400);
    assert_i64_equal(b.s[6].value, 752);
    assert_i64_equal(b.tariff, 752);
    n.monthly_salary = 100199;
    tariff_build_fg(&n, &b);
    assert_i64_equal(b.s[6].value, 751);
}

/* wonen midden by hand, staff of FG1 (59,723.35 per FTE): x 7.50 FTE = 447,925.125 ->
 * 447,925.13 (half a cent, up); 22 % overhead = 98,543.5286 -> 98,543.53; together
 * 546,468.66 / 8 places = 68,308.5825 -> 68,308.58; + 8,000.00 other + 11,000.00
 * accommodation = 87,308.58 per place; 365 x 90 % = 328.50 etmalen; 87,308.58 / 328.5 =
 * 265.7795 -> 265.78 */
static void test_intensity_build_by_hand(void **state)
{
    (void)state;
    jr_tariff_fg_norm staff = fg1();
    jr_tariff_int_norm n;
    memset(&n, 0, sizeof n);
    strcpy(n.code, "WMIDDEN");
    strcpy(n.staff_fg, "FG1");
    n.fte_x100 = 750;
    n.group_size = 8;
    n.overhead_bp = 2200;
    n.other_costs = 800000;
    n.accommodation = 1100000;
    n.occupancy_bp = 9000;
    jr_tariff_build b;
    tariff_build_int(&n, &staff, &b);
    assert_int_equal(b.n, 9);
    expect_step(&b, 0, "loonkosten_fte", 5972335, 5972335, false);
    expect_step(&b, 1, "personeel_groep", 44792513, 44792513, true);
    expect_step(&b, 2, "overhead", 9854353, 54646866, true);
    expect_step(&b, 3, "personeel_plaats", 6830858, 6830858, true);
    expect_step(&b, 4, "clientkosten", 800000, 7630858, false);
    expect_step(&b, 5, "huisvesting", 1100000, 8730858, false);
    expect_step(&b, 6, "kosten_plaats", 8730858, 8730858, false);
    assert_string_equal(b.s[7].key, "etmalen_plaats");
    assert_i64_equal(b.s[7].value, 32850);
    assert_int_equal(b.s[7].value_unit, JR_TU_DAYS100);
    expect_step(&b, 8, "tarief_etmaal", 26578, 26578, true);
    /* full occupancy: 87,308.58 / 365 = 239.2016 -> 239.20 */
    n.occupancy_bp = 10000;
    tariff_build_int(&n, &staff, &b);
    assert_i64_equal(b.tariff, 23920);
}

static jr_tariff_norms index_norms(jr_tariff_index_method m, int64_t ova, int64_t pcc,
                                   int64_t weight)
{
    jr_tariff_norms n;
    memset(&n, 0, sizeof n);
    n.method = m;
    n.ova_bp = ova;
    n.pcc_bp = pcc;
    n.wage_weight_bp = weight;
    return n;
}

/* OVA 3.85 %: 10.00 -> 10.385 -> 10.39 (half a cent, up), 9.99 -> 10.3746 -> 10.37;
 * the same as the region loader's money_index for every amount tried */
static void test_index_ova(void **state)
{
    (void)state;
    jr_tariff_norms n = index_norms(JR_TI_OVA, 385, 290, 8000);
    assert_i64_equal(tariff_index_e8(&n), 103850000);
    assert_i64_equal(tariff_index_apply(1000, &n), 1039);
    assert_i64_equal(tariff_index_apply(999, &n), 1037);
    assert_i64_equal(tariff_index_apply(5600, &n), 5816); /* 58.156 */
    for (jr_cents c = 1; c < 200000; c += 37)
        assert_i64_equal(tariff_index_apply(c, &n), money_index(c, 385));
    /* a negative OVA lowers the tariff */
    n.ova_bp = -100;
    assert_i64_equal(tariff_index_apply(10000, &n), 9900);
}

/* the VNG mix 80 % OVA 3.20 % + 20 % PCC 2.50 % = 3.06 %: 25.00 -> 25.765 -> 25.77 (half
 * a cent, up); 58.16 -> 59.9397 -> 59.94; all OVA (weight 100 %) is OVA alone; all PCC
 * (weight 0) is PCC alone */
static void test_index_vng_mix(void **state)
{
    (void)state;
    jr_tariff_norms n = index_norms(JR_TI_VNG, 320, 250, 8000);
    assert_i64_equal(tariff_index_e8(&n), 103060000);
    assert_i64_equal(tariff_index_apply(2500, &n), 2577);
    assert_i64_equal(tariff_index_apply(2499, &n), 2575); /* 25.7547 */
    assert_i64_equal(tariff_index_apply(5816, &n), 5994);
    n.wage_weight_bp = 10000;
    jr_tariff_norms ova = index_norms(JR_TI_OVA, 320, 250, 0);
    assert_i64_equal(tariff_index_e8(&n), tariff_index_e8(&ova));
    n.wage_weight_bp = 0;
    assert_i64_equal(tariff_index_apply(10000, &n), 10250);
}

static void test_per_mille(void **state)
{
    (void)state;
    assert_i64_equal(tariff_per_mille(178, 5816), 31); /* 30.6 */
    assert_i64_equal(tariff_per_mille(-178, 5816), -31);
    assert_i64_equal(tariff_per_mille(1, 2000), 1); /* 0.5: away from zero */
    assert_i64_equal(tariff_per_mille(-1, 2000), -1);
    assert_i64_equal(tariff_per_mille(1, 2001), 0);
    assert_i64_equal(tariff_per_mille(5, 0), 0);
}

static void test_fields(void **state)
{
    (void)state;
    int n;
    const jr_tariff_field *f = tariff_fg_fields(&n);
    const jr_tariff_field *h = tariff_field_find(f, n, "holiday_bp");
    assert_non_null(h);
    assert_int_equal(h->unit, JR_TU_BP);
    jr_tariff_fg_norm g = fg1();
    assert_i64_equal(*(const int64_t *)((const char *)&g + h->offset), 800);
    assert_null(tariff_field_find(f, n, "code"));
    const jr_tariff_field *o = tariff_field_find(tariff_int_fields(&n), n, "occupancy_bp");
    assert_non_null(o);
    assert_i64_equal(o->hi, 10000);
    jr_tariff_index_method m;
    assert_true(tariff_index_method_parse("vng", &m));
    assert_int_equal(m, JR_TI_VNG);
    assert_false(tariff_index_method_parse("VNG", &m));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fg_build_by_hand), cmocka_unit_test(test_holiday_half_cent),
        cmocka_unit_test(test_hours_half_cent),  cmocka_unit_test(test_intensity_build_by_hand),
        cmocka_unit_test(test_index_ova),        cmocka_unit_test(test_index_vng_mix),
        cmocka_unit_test(test_per_mille),        cmocka_unit_test(test_fields),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

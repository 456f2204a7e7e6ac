/*
 * test_continuity.c: the continuity rules (domain/continuity.h) exactly at
 * each boundary: a net result of 0 (fails) and 1 cent (meets);
 * rentabiliteit of exactly 1.5 % (fails) and a cent above (meets);
 * solvabiliteit of exactly 20 % and a cent above; a current ratio of
 * exactly 1 and a cent above; zero and negative denominators (undefined:
 * neither met nor failed); missing figures (never zero); youth-care
 * revenue of exactly EUR 2,000,000.00 (le2m), a cent more (gt2m), missing
 * (unknown); the at-risk count; the shares rounded half up; amounts at the
 * int64 edge of the products; and the import file's header and rows.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "domain/continuity.h"
#include "unit_support.h"

#include <string.h>

/* a provider meeting every signal; tests change one figure at a time */
static jr_cont_accounts good(void)
{
    jr_cont_accounts a;
    memset(&a, 0, sizeof a);
    strcpy(a.agb, "12345678");
    strcpy(a.name, "De Linde");
    a.year = 2024;
    const jr_cents v[JR_CF_COUNT] = {
        100000000, /* total revenue: EUR 1,000,000 */
        80000000,  /* youth-care revenue */
        5000000,   /* net result: 5 % */
        30000000,  /* equity */
        100000000, /* total assets: solvabiliteit 30 % */
        20000000,  /* current assets */
        10000000,  /* current liabilities: ratio 2 */
    };
    for (int f = 0; f < JR_CF_COUNT; f++) {
        a.has[f] = true;
        a.v[f] = v[f];
    }
    return a;
}

static jr_cont_verdict sig(const jr_cont_accounts *a, jr_cont_signal s)
{
    return continuity_signal(a, s);
}

static void test_good_meets_all(void **state)
{
    (void)state;
    jr_cont_accounts a = good();
    for (int s = 0; s < JR_CS_COUNT; s++)
        assert_int_equal(sig(&a, (jr_cont_signal)s), JR_CV_MET);
    assert_int_equal(continuity_failed(&a), 0);
    assert_false(continuity_at_risk(&a));
    assert_string_equal(continuity_signal_code(JR_CS_CURRENT_RATIO), "current_ratio");
    assert_string_equal(continuity_class_code(JR_CC_LE2M), "le2m");
    assert_string_equal(continuity_field_column(JR_CF_CURRENT_LIABILITIES),
                        "current_liabilities_cents");
}

static void test_positive_result_boundary(void **state)
{
    (void)state;
    jr_cont_accounts a = good();
    a.v[JR_CF_NET_RESULT] = 0;
    assert_int_equal(sig(&a, JR_CS_POSITIVE_RESULT), JR_CV_FAILED);
    a.v[JR_CF_NET_RESULT] = 1;
    assert_int_equal(sig(&a, JR_CS_POSITIVE_RESULT), JR_CV_MET);
    a.v[JR_CF_NET_RESULT] = -1;
    assert_int_equal(sig(&a, JR_CS_POSITIVE_RESULT), JR_CV_FAILED);
    a.has[JR_CF_NET_RESULT] = false;
    assert_int_equal(sig(&a, JR_CS_POSITIVE_RESULT), JR_CV_NONE);
}

static void test_rentabiliteit_boundary(void **state)
{
    (void)state;
    jr_cont_accounts a = good();
    /* 1.5 % of EUR 1,000,000 is EUR 15,000.00 = 1500000 cents */
    a.v[JR_CF_NET_RESULT] = 1500000;
    assert_int_equal(sig(&a, JR_CS_RENTABILITEIT), JR_CV_FAILED);
    a.v[JR_CF_NET_RESULT] = 1500001;
    assert_int_equal(sig(&a, JR_CS_RENTABILITEIT), JR_CV_MET);
    /* a total that 1.5 % does not divide: 1.5 % of 333 cents is 4.995 */
    a.v[JR_CF_TOTAL_REVENUE] = 333;
    a.v[JR_CF_YOUTH_REVENUE] = 333;
    a.v[JR_CF_NET_RESULT] = 4;
    assert_int_equal(sig(&a, JR_CS_RENTABILITEIT), JR_CV_FAILED);
    a.v[JR_CF_NET_RESULT] = 5;
    assert_int_equal(sig(&a, JR_CS_RENTABILITEIT), JR_CV_MET);
    /* no revenue: the ratio is undefined, neither met nor failed */
    a.v[JR_CF_TOTAL_REVENUE] = 0;
    assert_int_equal(sig(&a, JR_CS_RENTABILITEIT), JR_CV_NONE);
    a.v[JR_CF_TOTAL_REVENUE] = -100;
    assert_int_equal(sig(&a, JR_CS_RENTABILITEIT), JR_CV_NONE);
    a = good();
    a.has[JR_CF_TOTAL_REVENUE] = false;
    assert_int_equal(sig(&a, JR_CS_RENTABILITEIT), JR_CV_NONE);
    a = good();
    a.has[JR_CF_NET_RESULT] = false;
    assert_int_equal(sig(&a, JR_CS_RENTABILITEIT), JR_CV_NONE);
    /* a loss fails */
    a = good();
    a.v[JR_CF_NET_RESULT] = -1;
    assert_int_equal(sig(&a, JR_CS_RENTABILITEIT), JR_CV_FAILED);
}

static void test_solvabiliteit_boundary(void **state)
{
    (void)state;
    jr_cont_accounts a = good();
    a.v[JR_CF_EQUITY] = 20000000; /* exactly 20 % of 100000000 */
    assert_int_equal(sig(&a, JR_CS_SOLVABILITEIT), JR_CV_FAILED);
    a.v[JR_CF_EQUITY] = 20000001;
    assert_int_equal(sig(&a, JR_CS_SOLVABILITEIT), JR_CV_MET);
    a.v[JR_CF_EQUITY] = -5;
    assert_int_equal(sig(&a, JR_CS_SOLVABILITEIT), JR_CV_FAILED);
    a.v[JR_CF_TOTAL_ASSETS] = 0;
    assert_int_equal(sig(&a, JR_CS_SOLVABILITEIT), JR_CV_NONE);
    a.v[JR_CF_TOTAL_ASSETS] = -1;
    assert_int_equal(sig(&a, JR_CS_SOLVABILITEIT), JR_CV_NONE);
    a = good();
    a.has[JR_CF_EQUITY] = false;
    assert_int_equal(sig(&a, JR_CS_SOLVABILITEIT), JR_CV_NONE);
    /* a missing equity is not an equity of 0 (which would fail) */
    a.has[JR_CF_EQUITY] = true;
    a.v[JR_CF_EQUITY] = 0;
    assert_int_equal(sig(&a, JR_CS_SOLVABILITEIT), JR_CV_FAILED);
}

static void test_current_ratio_boundary(void **state)
{
    (void)state;
    jr_cont_accounts a = good();
    a.v[JR_CF_CURRENT_ASSETS] = 10000000; /* exactly 1 */
    assert_int_equal(sig(&a, JR_CS_CURRENT_RATIO), JR_CV_FAILED);
    a.v[JR_CF_CURRENT_ASSETS] = 10000001;
    assert_int_equal(sig(&a, JR_CS_CURRENT_RATIO), JR_CV_MET);
    a.v[JR_CF_CURRENT_LIABILITIES] = 0;
    assert_int_equal(sig(&a, JR_CS_CURRENT_RATIO), JR_CV_NONE);
    a.v[JR_CF_CURRENT_LIABILITIES] = -3;
    assert_int_equal(sig(&a, JR_CS_CURRENT_RATIO), JR_CV_NONE);
    a = good();
    a.has[JR_CF_CURRENT_LIABILITIES] = false;
    assert_int_equal(sig(&a, JR_CS_CURRENT_RATIO), JR_CV_NONE);
}

static void test_large_amounts(void **state)
{
    (void)state;
    /* products beyond int64: net x 1000 of a net near 2^62 */
    jr_cont_accounts a = good();
    a.v[JR_CF_TOTAL_REVENUE] = INT64_MAX / 2;
    a.v[JR_CF_NET_RESULT] = INT64_MAX / 2;
    assert_int_equal(sig(&a, JR_CS_RENTABILITEIT), JR_CV_MET);
    a.v[JR_CF_NET_RESULT] = -(INT64_MAX / 2);
    assert_int_equal(sig(&a, JR_CS_RENTABILITEIT), JR_CV_FAILED);
    a.v[JR_CF_EQUITY] = INT64_MAX;
    a.v[JR_CF_TOTAL_ASSETS] = INT64_MAX;
    assert_int_equal(sig(&a, JR_CS_SOLVABILITEIT), JR_CV_MET);
}

static void test_class_boundary(void **state)
{
    (void)state;
    jr_cont_accounts a = good();
    a.v[JR_CF_YOUTH_REVENUE] = 200000000; /* exactly EUR 2,000,000.00 */
    assert_int_equal(continuity_class(&a), JR_CC_LE2M);
    a.v[JR_CF_YOUTH_REVENUE] = 200000001;
    assert_int_equal(continuity_class(&a), JR_CC_GT2M);
    a.v[JR_CF_YOUTH_REVENUE] = 0;
    assert_int_equal(continuity_class(&a), JR_CC_LE2M);
    a.has[JR_CF_YOUTH_REVENUE] = false;
    assert_int_equal(continuity_class(&a), JR_CC_UNKNOWN);
}

static void test_at_risk(void **state)
{
    (void)state;
    jr_cont_accounts a = good();
    a.v[JR_CF_NET_RESULT] = 0; /* fails positive result and rentabiliteit */
    assert_int_equal(continuity_failed(&a), 2);
    assert_true(continuity_at_risk(&a));
    a.v[JR_CF_NET_RESULT] = 1; /* fails rentabiliteit only */
    assert_int_equal(continuity_failed(&a), 1);
    assert_false(continuity_at_risk(&a));
    /* missing figures are not failures */
    a = good();
    for (int f = 0; f < JR_CF_COUNT; f++)
        a.has[f] = false;
    assert_int_equal(continuity_failed(&a), 0);
    assert_false(continuity_at_risk(&a));
}

static void test_shares(void **state)
{
    (void)state;
    assert_i64_equal(continuity_share_x10(2, 3), 667);  /* 666.67 */
    assert_i64_equal(continuity_share_x10(1, 3), 333);  /* 333.33 */
    assert_i64_equal(continuity_share_x10(1, 8), 125);  /* 125.0 */
    assert_i64_equal(continuity_share_x10(1, 16), 63);  /* 62.5: half up */
    assert_i64_equal(continuity_share_x10(1, 2000), 1); /* 0.5: half up */
    assert_i64_equal(continuity_share_x10(1, 2001), 0); /* 0.49975 */
    assert_i64_equal(continuity_share_x10(5, 7), 714);  /* 714.29 */
    assert_i64_equal(continuity_share_x10(3, 16), 188); /* 187.5: half up */
    assert_i64_equal(continuity_share_x10(0, 5), 0);
    assert_i64_equal(continuity_share_x10(5, 5), 1000);
    assert_i64_equal(continuity_share_x10(0, 0), -1);
    assert_i64_equal(continuity_share_x10(6, 5), -1);

    /* a tally: the share's denominator is the providers with a verdict */
    jr_cont_tally t;
    memset(&t, 0, sizeof t);
    jr_cont_accounts a = good(), b = good(), c = good();
    b.v[JR_CF_NET_RESULT] = -10;     /* fails 2: at risk */
    c.has[JR_CF_NET_RESULT] = false; /* positive result and rentabiliteit missing */
    c.v[JR_CF_CURRENT_ASSETS] = 100; /* fails the current ratio */
    continuity_tally_add(&t, &a);
    continuity_tally_add(&t, &b);
    continuity_tally_add(&t, &c);
    assert_i64_equal(t.providers, 3);
    assert_i64_equal(t.met[JR_CS_POSITIVE_RESULT], 1);
    assert_i64_equal(t.failed[JR_CS_POSITIVE_RESULT], 1);
    assert_i64_equal(t.none[JR_CS_POSITIVE_RESULT], 1);
    assert_i64_equal(continuity_tally_share_x10(&t, JR_CS_POSITIVE_RESULT), 500);
    assert_i64_equal(continuity_tally_share_x10(&t, JR_CS_SOLVABILITEIT), 1000);
    assert_i64_equal(continuity_tally_share_x10(&t, JR_CS_CURRENT_RATIO), 667);
    assert_i64_equal(t.at_risk, 1);
}

/* ---- the import file ---- */

static int split(char *line, char *f[16])
{
    int n = 0;
    f[n++] = line;
    for (char *p = line; *p; p++)
        if (*p == ',') {
            *p = '\0';
            f[n++] = p + 1;
        }
    return n;
}

static void test_csv_header(void **state)
{
    (void)state;
    char h[512];
    char *f[16];
    int map[JR_CCOL_COUNT];
    jr_error err;
    jr_error_clear(&err);
    strcpy(h, continuity_csv_header());
    int n = split(h, f);
    assert_int_equal(n, JR_CCOL_COUNT);
    assert_int_equal(continuity_csv_map(f, n, 1, map, &err), JR_OK);
    for (int c = 0; c < JR_CCOL_COUNT; c++)
        assert_int_equal(map[c], c);
    /* another order */
    strcpy(h, "name,agb,year,current_liabilities_cents,total_revenue_cents,youth_revenue_cents,"
              "net_result_cents,equity_cents,total_assets_cents,current_assets_cents");
    n = split(h, f);
    assert_int_equal(continuity_csv_map(f, n, 1, map, &err), JR_OK);
    assert_int_equal(map[JR_CCOL_AGB], 1);
    assert_int_equal(map[JR_CCOL_FIRST_FIGURE + JR_CF_CURRENT_LIABILITIES], 3);
    /* a column missing, an unknown one */
    jr_invalid_list list;
    jr_error_collect(&err, &list);
    strcpy(h, "agb,name,year,omzet");
    n = split(h, f);
    assert_int_equal(continuity_csv_map(f, n, 1, map, &err), JR_EINVAL);
    assert_err_code(&err, "csv_header");
    assert_int_equal(list.n, 1 + JR_CF_COUNT);
    assert_non_null(strstr(err.message, "regel 1"));
    assert_non_null(strstr(err.message, "omzet"));
}

static jr_status row(const char *text, jr_cont_accounts *a, jr_error *err)
{
    char h[512], buf[512];
    char *hf[16], *f[16];
    int map[JR_CCOL_COUNT];
    strcpy(h, continuity_csv_header());
    int hn = split(h, hf);
    jr_error e;
    jr_error_clear(&e);
    if (continuity_csv_map(hf, hn, 1, map, &e) != JR_OK)
        fail_msg("header: %s", e.message);
    strcpy(buf, text);
    int n = split(buf, f);
    return continuity_csv_row(f, n, map, 7, a, err);
}

static void test_csv_row(void **state)
{
    (void)state;
    jr_cont_accounts a;
    jr_error err;
    jr_error_clear(&err);
    assert_int_equal(row("12345678,De Linde,2024,100,50,-7,-3,80, 10 ,", &a, &err), JR_OK);
    assert_string_equal(a.agb, "12345678");
    assert_string_equal(a.name, "De Linde");
    assert_int_equal(a.year, 2024);
    assert_true(a.has[JR_CF_TOTAL_REVENUE]);
    assert_i64_equal(a.v[JR_CF_NET_RESULT], -7);
    assert_i64_equal(a.v[JR_CF_EQUITY], -3);
    assert_i64_equal(a.v[JR_CF_CURRENT_ASSETS], 10);
    /* an empty field is missing, not zero */
    assert_false(a.has[JR_CF_CURRENT_LIABILITIES]);
    assert_int_equal(row("12345678,De Linde,2024,,,,,,,", &a, &err), JR_OK);
    for (int f = 0; f < JR_CF_COUNT; f++)
        assert_false(a.has[f]);
    assert_int_equal(row("12345678,De Linde,2024,0,0,0,0,0,0,0", &a, &err), JR_OK);
    for (int f = 0; f < JR_CF_COUNT; f++)
        assert_true(a.has[f]);

    /* refusals name the line and the column; every fault of the row is listed */
    jr_invalid_list list;
    jr_error_collect(&err, &list);
    assert_int_equal(row("1234567,,1999,12.50,-1,x,,-4,,", &a, &err), JR_EINVAL);
    assert_err_code(&err, "csv_invalid");
    assert_string_equal(err.field, "agb");
    assert_non_null(strstr(err.message, "regel 7"));
    assert_int_equal(list.n, 7); /* agb name year total youth net total_assets */
    assert_string_equal(list.item[1].field, "name");
    assert_string_equal(list.item[2].field, "year");
    assert_string_equal(list.item[3].field, "total_revenue_cents");
    assert_string_equal(list.item[4].field, "youth_revenue_cents");
    assert_string_equal(list.item[5].field, "net_result_cents");
    assert_string_equal(list.item[6].field, "total_assets_cents");
    /* youth-care revenue above the total */
    jr_error_collect(&err, &list);
    assert_int_equal(row("12345678,X,2024,100,101,1,1,1,1,1", &a, &err), JR_EINVAL);
    assert_string_equal(err.field, "youth_revenue_cents");
    /* too few or too many columns */
    assert_int_equal(row("12345678,X,2024,1,1,1,1,1,1", &a, &err), JR_EINVAL);
    assert_non_null(strstr(err.message, "9 kolommen"));
    jr_error_clear(&err);
    assert_int_equal(row("12345678,X,2024,1,1,1,1,1,1,1,1", &a, &err), JR_EINVAL);
    /* the largest amount and one more; a year at the edges */
    jr_error_clear(&err);
    assert_int_equal(row("12345678,X,2000,100000000000000,1,1,1,1,1,1", &a, &err), JR_OK);
    assert_int_equal(row("12345678,X,2199,100000000000001,1,1,1,1,1,1", &a, &err), JR_EINVAL);
    assert_string_equal(err.field, "total_revenue_cents");
    jr_error_clear(&err);
    assert_int_equal(row("12345678,X,2200,1,1,1,1,1,1,1", &a, &err), JR_EINVAL);
    assert_string_equal(err.field, "year");
    jr_error_clear(&err);
    assert_int_equal(row("12345678,X,-2024,1,1,1,1,1,1,1", &a, &err), JR_EINVAL);
    jr_error_clear(&err);
    assert_int_equal(row("12345678,X,2024,-,1,1,1,1,1,1", &a, &err), JR_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_meets_all),
        cmocka_unit_test(test_positive_result_boundary),
        cmocka_unit_test(test_rentabiliteit_boundary),
        cmocka_unit_test(test_solvabiliteit_boundary),
        cmocka_unit_test(test_current_ratio_boundary),
        cmocka_unit_test(test_large_amounts),
        cmocka_unit_test(test_class_boundary),
        cmocka_unit_test(test_at_risk),
        cmocka_unit_test(test_shares),
        cmocka_unit_test(test_csv_header),
        cmocka_unit_test(test_csv_row),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

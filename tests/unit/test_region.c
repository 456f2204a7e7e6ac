/*
 * test_region.c: the region file loader refuses broken files.
 *
 * Each test takes the shipped config/ijsselland.json, breaks exactly one
 * thing in it (with jansson, so the tests do not depend on the file's
 * layout), writes the result to a temporary file and asserts that loading
 * fails with JR_EINVAL, that err.field names the field at fault, that the
 * message names the file and the field, and that no half-filled catalog is
 * left behind.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "config/region.h"
#include "domain/stats.h"
#include "unit_support.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static json_t *shipped(void)
{
    const char *path = getenv("JEUGDREGIO_CONFIG");
    if (path == NULL || *path == '\0')
        fail_msg("JEUGDREGIO_CONFIG is not set (run the tests through meson test)");
    json_error_t jerr;
    json_t *root = json_load_file(path, 0, &jerr);
    if (root == NULL)
        fail_msg("%s:%d:%d: %s", path, jerr.line, jerr.column, jerr.text);
    return root;
}

static void temp_path(char *path, size_t cap, int *fd)
{
    const char *dir = getenv("TMPDIR");
    snprintf(path, cap, "%s/jr_region_XXXXXX", dir && *dir ? dir : "/tmp");
    *fd = mkstemp(path);
    if (*fd < 0)
        fail_msg("mkstemp(%s) failed", path);
}

/* write_config: root (stolen) to a fresh temporary file; path receives its name */
static void write_config(json_t *root, char *path, size_t cap)
{
    int fd;
    temp_path(path, cap, &fd);
    close(fd);
    int rc = json_dump_file(root, path, JSON_INDENT(2));
    json_decref(root);
    if (rc != 0)
        fail_msg("cannot write %s", path);
}

static void write_text(const char *text, char *path, size_t cap)
{
    int fd;
    temp_path(path, cap, &fd);
    size_t n = strlen(text);
    if (write(fd, text, n) != (ssize_t)n)
        fail_msg("cannot write %s", path);
    close(fd);
}

static bool all_zero(const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        if (b[i] != 0)
            return false;
    return true;
}

/* load_file: region_load on path into a catalog pre-filled with garbage;
 * returns the status, err filled, and whether the catalog came back zeroed. */
static jr_status load_file(const char *path, jr_error *err, bool *zeroed)
{
    jr_catalog *cat = malloc(sizeof *cat);
    assert_non_null(cat);
    memset(cat, 0xA5, sizeof *cat);
    memset(err, 0, sizeof *err);
    jr_status st = region_load(path, cat, err);
    *zeroed = all_zero(cat, sizeof *cat);
    free(cat);
    return st;
}

/* expect_invalid: loading root (stolen) fails on field with a message holding what */
static void expect_invalid(json_t *root, const char *field, const char *what)
{
    char path[512];
    write_config(root, path, sizeof path);
    jr_error err;
    bool zeroed;
    jr_status st = load_file(path, &err, &zeroed);
    unlink(path);
    if (st != JR_EINVAL)
        fail_msg("expected JR_EINVAL on field %s, got status %d (%s: %s)", field, (int)st,
                 err.field, err.message);
    assert_err_code(&err, "config_invalid");
    assert_string_equal(err.field, field);
    if (strstr(err.message, path) == NULL || strstr(err.message, field) == NULL)
        fail_msg("message does not name file and field: %s", err.message);
    if (what && strstr(err.message, what) == NULL)
        fail_msg("message does not say '%s': %s", what, err.message);
    assert_true(zeroed);
}

/* member, item: a part of the shipped config; fail when the config lacks it */
static json_t *member(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    if (v == NULL)
        fail_msg("the shipped config has no '%s'", key);
    return v;
}

static json_t *item(json_t *arr, size_t i)
{
    json_t *v = json_array_get(arr, i);
    if (v == NULL)
        fail_msg("the shipped config has no element %zu", i);
    return v;
}

static void set_str(json_t *obj, const char *key, const char *value)
{
    assert_int_equal(json_object_set_new(obj, key, json_string(value)), 0);
}

static json_t *price(const char *from, const char *to, const char *amount)
{
    return json_pack("{s:s, s:s, s:s}", "from", from, "to", to, "amount", amount);
}

static void test_shipped_config_loads(void **state)
{
    (void)state;
    jr_error err;
    bool zeroed;
    jr_status st = load_file(getenv("JEUGDREGIO_CONFIG"), &err, &zeroed);
    if (st != JR_OK)
        fail_msg("%s", err.message);
    assert_false(zeroed);
}

static void test_rewritten_copy_loads(void **state)
{
    (void)state;
    /* the harness itself: an unchanged copy loads, so each failure below is the break */
    char path[512];
    write_config(shipped(), path, sizeof path);
    jr_error err;
    bool zeroed;
    jr_status st = load_file(path, &err, &zeroed);
    unlink(path);
    if (st != JR_OK)
        fail_msg("%s", err.message);
}

static void test_missing_file_is_io_error(void **state)
{
    (void)state;
    jr_error err;
    bool zeroed;
    assert_int_equal(load_file("/nonexistent/jr/region.json", &err, &zeroed), JR_EIO);
    assert_err_code(&err, "config_unreadable");
    assert_non_null(strstr(err.message, "/nonexistent/jr/region.json"));
    assert_true(zeroed);
}

static void test_json_syntax_error_names_line_and_column(void **state)
{
    (void)state;
    char path[512];
    write_text("{\n  \"format\": \"jeugdregio-region/1\",\n  \"region\" \"IJsselland\"\n}\n", path,
               sizeof path);
    jr_error err;
    bool zeroed;
    jr_status st = load_file(path, &err, &zeroed);
    unlink(path);
    assert_int_equal(st, JR_EINVAL);
    assert_err_code(&err, "config_syntax");
    char where[600];
    snprintf(where, sizeof where, "%s:3:", path); /* the missing ':' is on line 3 */
    if (strncmp(err.message, where, strlen(where)) != 0)
        fail_msg("message does not start with file:line:col (%s): %s", where, err.message);
    const char *col = err.message + strlen(where);
    assert_true(*col >= '1' && *col <= '9');
    assert_true(zeroed);
}

static void test_duplicate_json_key_refused(void **state)
{
    (void)state;
    char path[512];
    write_text("{\"format\": \"jeugdregio-region/1\", \"format\": \"jeugdregio-region/1\"}", path,
               sizeof path);
    jr_error err;
    bool zeroed;
    jr_status st = load_file(path, &err, &zeroed);
    unlink(path);
    assert_int_equal(st, JR_EINVAL);
    assert_err_code(&err, "config_syntax");
    assert_true(zeroed);
}

/* small_group_threshold: the shipped 10; absent, the default (10); 3 when
 * set so; 0 and 1001 refused, naming the field */
static void test_small_group_threshold(void **state)
{
    (void)state;
    assert_int_equal(unit_catalog()->small_group_threshold, 10);
    assert_int_equal(catalog_small_group_threshold(unit_catalog()), 10);
    for (int k = 0; k < 2; k++) {
        json_t *root = shipped();
        if (k == 0)
            json_object_del(root, "small_group_threshold");
        else
            json_object_set_new(root, "small_group_threshold", json_integer(3));
        char path[512];
        write_config(root, path, sizeof path);
        jr_catalog *cat = malloc(sizeof *cat);
        assert_non_null(cat);
        jr_error err;
        memset(&err, 0, sizeof err);
        jr_status st = region_load(path, cat, &err);
        unlink(path);
        if (st != JR_OK)
            fail_msg("%s", err.message);
        assert_int_equal(catalog_small_group_threshold(cat), k == 0 ? JR_SMALL_GROUP_DEFAULT : 3);
        free(cat);
    }
    json_t *root = shipped();
    json_object_set_new(root, "small_group_threshold", json_integer(0));
    expect_invalid(root, "small_group_threshold", NULL);
    root = shipped();
    json_object_set_new(root, "small_group_threshold", json_integer(1001));
    expect_invalid(root, "small_group_threshold", NULL);
    /* a catalog not loaded from a file (zeroed) falls back on the default */
    jr_catalog *zero = calloc(1, sizeof *zero);
    assert_non_null(zero);
    assert_int_equal(catalog_small_group_threshold(zero), JR_SMALL_GROUP_DEFAULT);
    free(zero);
}

static void test_unknown_top_level_key(void **state)
{
    (void)state;
    json_t *root = shipped();
    json_object_set_new(root, "municipalites", json_array());
    expect_invalid(root, "municipalites", "onbekend veld");
}

static void test_unknown_nested_key(void **state)
{
    (void)state;
    json_t *root = shipped();
    json_t *fg2 = item(member(root, "functiegroepen"), 1);
    json_object_set(fg2, "tarifs", member(fg2, "tariffs"));
    expect_invalid(root, "functiegroepen[1].tarifs", "onbekend veld");
}

static void test_unknown_key_in_price(void **state)
{
    (void)state;
    json_t *root = shipped();
    json_t *p = item(member(item(member(root, "keuzebudgetten"), 2), "amounts"), 0);
    set_str(p, "ammount", "5000.00");
    expect_invalid(root, "keuzebudgetten[2].amounts[0].ammount", "onbekend veld");
}

static void test_wrong_format(void **state)
{
    (void)state;
    json_t *root = shipped();
    set_str(root, "format", "jeugdregio-region/2");
    expect_invalid(root, "format", NULL);
}

static void test_missing_municipalities(void **state)
{
    (void)state;
    json_t *root = shipped();
    json_object_del(root, "municipalities");
    expect_invalid(root, "municipalities", "ontbreekt");
}

static void test_empty_municipalities(void **state)
{
    (void)state;
    json_t *root = shipped();
    json_object_set_new(root, "municipalities", json_array());
    expect_invalid(root, "municipalities", "leeg");
}

static void test_bad_cbs_code(void **state)
{
    (void)state;
    json_t *root = shipped();
    set_str(item(member(root, "municipalities"), 4), "cbs", "177");
    expect_invalid(root, "municipalities[4].cbs", "4 cijfers");
}

static void test_duplicate_cbs_code(void **state)
{
    (void)state;
    json_t *root = shipped();
    set_str(item(member(root, "municipalities"), 1), "cbs", "0148");
    expect_invalid(root, "municipalities[1].cbs", "twee keer");
}

static void test_tariff_amount_not_a_number(void **state)
{
    (void)state;
    json_t *root = shipped();
    set_str(item(member(item(member(root, "functiegroepen"), 1), "tariffs"), 0), "amount", "abc");
    expect_invalid(root, "functiegroepen[1].tariffs[0].amount", NULL);
}

static void test_tariff_amount_not_positive(void **state)
{
    (void)state;
    json_t *root = shipped();
    set_str(item(member(item(member(root, "functiegroepen"), 1), "tariffs"), 0), "amount", "0");
    expect_invalid(root, "functiegroepen[1].tariffs[0].amount", "positief");
    root = shipped();
    set_str(item(member(item(member(root, "intensities"), 0), "tariffs"), 0), "amount", "-62.00");
    expect_invalid(root, "intensities[0].tariffs[0].amount", "positief");
}

static void test_tariff_amount_with_comma(void **state)
{
    (void)state;
    json_t *root = shipped();
    set_str(item(member(item(member(root, "functiegroepen"), 0), "tariffs"), 0), "amount", "56,00");
    expect_invalid(root, "functiegroepen[0].tariffs[0].amount", NULL);
}

static void test_price_date_not_a_date(void **state)
{
    (void)state;
    json_t *root = shipped();
    set_str(item(member(item(member(root, "functiegroepen"), 0), "tariffs"), 0), "from",
            "2024-02-30");
    expect_invalid(root, "functiegroepen[0].tariffs[0].from", "datum");
}

static void test_overlapping_tariff_periods(void **state)
{
    (void)state;
    json_t *root = shipped();
    json_t *tariffs = member(item(member(root, "functiegroepen"), 0), "tariffs");
    json_array_append_new(tariffs, price("2024-06-01", "2025-05-31", "60.00"));
    expect_invalid(root, "functiegroepen[0].tariffs[1]", "overlapt");
}

static void test_open_ended_period_overlaps_later_one(void **state)
{
    (void)state;
    json_t *root = shipped();
    json_t *p = item(member(item(member(root, "functiegroepen"), 0), "tariffs"), 0);
    json_object_del(p, "to"); /* 2024-01-01 onwards, open-ended */
    json_array_append_new(member(item(member(root, "functiegroepen"), 0), "tariffs"),
                          price("2025-01-01", "2025-12-31", "60.00"));
    expect_invalid(root, "functiegroepen[0].tariffs[1]", "overlapt");
}

static void test_adjacent_tariff_periods_load(void **state)
{
    (void)state;
    /* the counterpart of the overlap test: periods that touch are fine */
    json_t *root = shipped();
    json_array_append_new(member(item(member(root, "functiegroepen"), 0), "tariffs"),
                          price("2025-01-01", "2025-12-31", "60.00"));
    char path[512];
    write_config(root, path, sizeof path);
    jr_catalog *cat = malloc(sizeof *cat);
    assert_non_null(cat);
    jr_error err;
    jr_status st = region_load(path, cat, &err);
    unlink(path);
    if (st != JR_OK)
        fail_msg("%s", err.message);
    jr_cents c = 0;
    assert_true(product_tariff(catalog_product(cat, "45F01"), D("2025-01-01"), &c));
    assert_i64_equal(c, 6000); /* the region's own figure wins over the OVA index */
    free(cat);
}

/* load_root_ok: root (stolen) loads; the catalog's signal limits into *l */
static void load_root_ok(json_t *root, jr_signal_limits *l)
{
    char path[512];
    write_config(root, path, sizeof path);
    jr_catalog *cat = malloc(sizeof *cat);
    assert_non_null(cat);
    jr_error err;
    jr_status st = region_load(path, cat, &err);
    unlink(path);
    if (st != JR_OK)
        fail_msg("%s", err.message);
    *l = cat->signals;
    free(cat);
}

static void test_signals_defaults_and_override(void **state)
{
    (void)state;
    jr_signal_limits l;
    /* no "signals" object: the defaults of domain/signals.h */
    json_t *root = shipped();
    json_object_del(root, "signals");
    load_root_ok(root, &l);
    assert_int_equal(l.hours_per_week, 40);
    assert_int_equal(l.budget_min_assignments, 4);
    assert_i64_equal(l.jump_min_cents, 1000000);
    /* one field set: that one changes, the others keep their default */
    root = shipped();
    json_object_set_new(
        root, "signals",
        json_pack("{s:i, s:s}", "hours_per_week", 36, "jump_min_amount", "2500.50"));
    load_root_ok(root, &l);
    assert_int_equal(l.hours_per_week, 36);
    assert_i64_equal(l.jump_min_cents, 250050);
    assert_int_equal(l.credit_share_pct, 10);
    assert_int_equal(l.jump_factor_pct, 150);
}

static void test_signals_refused(void **state)
{
    (void)state;
    json_t *root = shipped();
    json_object_set_new(root, "signals", json_pack("{s:i}", "hours_per_week", 0));
    expect_invalid(root, "signals.hours_per_week", "tussen 1 en 168");
    root = shipped();
    json_object_set_new(root, "signals", json_pack("{s:i}", "jump_factor_pct", 99));
    expect_invalid(root, "signals.jump_factor_pct", NULL);
    root = shipped();
    json_object_set_new(root, "signals", json_pack("{s:s}", "jump_min_amount", "veel"));
    expect_invalid(root, "signals.jump_min_amount", "bedrag");
    root = shipped();
    json_object_set_new(root, "signals", json_pack("{s:i}", "hours_per_wek", 40));
    expect_invalid(root, "signals.hours_per_wek", "onbekend veld");
    root = shipped();
    json_object_set_new(root, "signals", json_string("40"));
    expect_invalid(root, "signals", "object");
}

static void test_to_before_from(void **state)
{
    (void)state;
    json_t *root = shipped();
    set_str(item(member(item(member(root, "functiegroepen"), 0), "tariffs"), 0), "to",
            "2023-12-31");
    expect_invalid(root, "functiegroepen[0].tariffs[0].to", "from");
}

static void test_no_tariffs(void **state)
{
    (void)state;
    json_t *root = shipped();
    json_object_set_new(item(member(root, "functiegroepen"), 2), "tariffs", json_array());
    expect_invalid(root, "functiegroepen[2].tariffs", NULL);
}

static void test_lot_names_unknown_product(void **state)
{
    (void)state;
    json_t *root = shipped();
    json_array_append_new(member(item(member(root, "lots"), 0), "products"), json_string("45F99"));
    size_t n = json_array_size(member(item(member(root, "lots"), 0), "products"));
    char field[64];
    snprintf(field, sizeof field, "lots[0].products[%zu]", n - 1);
    expect_invalid(root, field, "niet in de catalogus");
}

static void test_product_in_no_lot(void **state)
{
    (void)state;
    json_t *root = shipped();
    json_object_set_new(item(member(root, "lots"), 3), "products", json_array()); /* ED */
    expect_invalid(root, "lots", "45D01");
}

static void test_referrer_names_unknown_budget(void **state)
{
    (void)state;
    json_t *root = shipped();
    json_array_append_new(member(item(member(root, "referrers"), 1), "budgets"),
                          json_string("KB9"));
    expect_invalid(root, "referrers[1].budgets", "niet bestaat");
}

static void test_referrer_type_invalid(void **state)
{
    (void)state;
    json_t *root = shipped();
    set_str(item(member(root, "referrers"), 1), "type", "07");
    expect_invalid(root, "referrers[1].type", NULL);
}

static void test_referrer_type_twice(void **state)
{
    (void)state;
    json_t *root = shipped();
    set_str(item(member(root, "referrers"), 2), "type", "02");
    expect_invalid(root, "referrers[2]", "twee keer");
}

static void test_default_referrer_missing(void **state)
{
    (void)state;
    json_t *root = shipped();
    json_object_del(root, "default_referrer");
    expect_invalid(root, "default_referrer", "ontbreekt");
}

static void test_duplicate_product_code(void **state)
{
    (void)state;
    json_t *root = shipped();
    set_str(item(member(root, "functiegroepen"), 1), "product", "45F01");
    expect_invalid(root, "functiegroepen[1].product", "twee keer");
}

static void test_duplicate_short_code(void **state)
{
    (void)state;
    json_t *root = shipped();
    set_str(item(member(root, "intensities"), 1), "code", "PLEEG");
    expect_invalid(root, "intensities[1].product", "twee keer");
}

static void test_duplicate_budget_code(void **state)
{
    (void)state;
    json_t *root = shipped();
    set_str(item(member(root, "keuzebudgetten"), 1), "code", "KB1");
    expect_invalid(root, "keuzebudgetten[1].code", "twee keer");
}

static void test_intensity_with_hour_unit(void **state)
{
    (void)state;
    json_t *root = shipped();
    set_str(item(member(root, "intensities"), 0), "unit", "04");
    expect_invalid(root, "intensities[0].unit", "14");
}

static void test_functiegroep_with_etmaal_unit(void **state)
{
    (void)state;
    json_t *root = shipped();
    set_str(item(member(root, "functiegroepen"), 0), "unit", "14");
    expect_invalid(root, "functiegroepen[0].unit", "04");
}

static void test_product_code_category_mismatch(void **state)
{
    (void)state;
    json_t *root = shipped();
    set_str(item(member(root, "intensities"), 0), "product", "45W01");
    expect_invalid(root, "intensities[0].product", "productcategorie");
}

static void test_intensity_setting_invalid(void **state)
{
    (void)state;
    json_t *root = shipped();
    set_str(item(member(root, "intensities"), 0), "setting", "logeren");
    expect_invalid(root, "intensities[0].setting", NULL);
}

static void test_crisis_max_days_missing(void **state)
{
    (void)state;
    json_t *root = shipped();
    json_object_del(member(root, "crisis"), "max_days");
    expect_invalid(root, "crisis.max_days", "ontbreekt");
}

static void test_max_months_out_of_range(void **state)
{
    (void)state;
    json_t *root = shipped();
    json_object_set_new(item(member(root, "keuzebudgetten"), 0), "max_months", json_integer(0));
    expect_invalid(root, "keuzebudgetten[0].max_months", NULL);
}

static void test_index_years_must_ascend(void **state)
{
    (void)state;
    json_t *root = shipped();
    json_object_set_new(item(member(root, "index"), 1), "year", json_integer(2025));
    expect_invalid(root, "index[1]", "oplopen");
}

static void test_string_where_number_expected(void **state)
{
    (void)state;
    json_t *root = shipped();
    set_str(item(member(root, "municipalities"), 0), "youth_population", "6700");
    expect_invalid(root, "municipalities[0].youth_population", "geheel getal");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shipped_config_loads),
        cmocka_unit_test(test_rewritten_copy_loads),
        cmocka_unit_test(test_missing_file_is_io_error),
        cmocka_unit_test(test_json_syntax_error_names_line_and_column),
        cmocka_unit_test(test_duplicate_json_key_refused),
        cmocka_unit_test(test_small_group_threshold),
        cmocka_unit_test(test_unknown_top_level_key),
        cmocka_unit_test(test_unknown_nested_key),
        cmocka_unit_test(test_unknown_key_in_price),
        cmocka_unit_test(test_wrong_format),
        cmocka_unit_test(test_missing_municipalities),
        cmocka_unit_test(test_empty_municipalities),
        cmocka_unit_test(test_bad_cbs_code),
        cmocka_unit_test(test_duplicate_cbs_code),
        cmocka_unit_test(test_tariff_amount_not_a_number),
        cmocka_unit_test(test_tariff_amount_not_positive),
        cmocka_unit_test(test_tariff_amount_with_comma),
        cmocka_unit_test(test_price_date_not_a_date),
        cmocka_unit_test(test_overlapping_tariff_periods),
        cmocka_unit_test(test_open_ended_period_overlaps_later_one),
        cmocka_unit_test(test_adjacent_tariff_periods_load),
        cmocka_unit_test(test_to_before_from),
        cmocka_unit_test(test_no_tariffs),
        cmocka_unit_test(test_lot_names_unknown_product),
        cmocka_unit_test(test_product_in_no_lot),
        cmocka_unit_test(test_referrer_names_unknown_budget),
        cmocka_unit_test(test_referrer_type_invalid),
        cmocka_unit_test(test_referrer_type_twice),
        cmocka_unit_test(test_default_referrer_missing),
        cmocka_unit_test(test_duplicate_product_code),
        cmocka_unit_test(test_duplicate_short_code),
        cmocka_unit_test(test_duplicate_budget_code),
        cmocka_unit_test(test_intensity_with_hour_unit),
        cmocka_unit_test(test_functiegroep_with_etmaal_unit),
        cmocka_unit_test(test_product_code_category_mismatch),
        cmocka_unit_test(test_intensity_setting_invalid),
        cmocka_unit_test(test_crisis_max_days_missing),
        cmocka_unit_test(test_max_months_out_of_range),
        cmocka_unit_test(test_index_years_must_ascend),
        cmocka_unit_test(test_string_where_number_expected),
        cmocka_unit_test(test_signals_defaults_and_override),
        cmocka_unit_test(test_signals_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

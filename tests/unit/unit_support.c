/*
 * unit_support.c: helpers shared by the unit tests.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "unit_support.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

jr_date D(const char *iso)
{
    jr_date d = 0;
    if (!date_parse(iso, &d))
        fail_msg("test data: '%s' is no date", iso);
    return d;
}

jr_month M(const char *ym)
{
    jr_month m = 0;
    if (!month_parse(ym, &m))
        fail_msg("test data: '%s' is no month", ym);
    return m;
}

void unit_assert_err_code(const char *actual, size_t cap, const char *expected)
{
    size_t n = strlen(expected);
    if (n >= cap)
        n = cap - 1;
    if (strncmp(actual, expected, n) != 0 || actual[n] != '\0')
        fail_msg("error code \"%s\", expected \"%s\"", actual, expected);
}

static jr_catalog *loaded;

static const char *load(jr_error *err)
{
    if (loaded)
        return NULL;
    const char *path = getenv("JEUGDREGIO_CONFIG");
    if (path == NULL || *path == '\0')
        return "JEUGDREGIO_CONFIG is not set (run the tests through meson test)";
    jr_catalog *cat = calloc(1, sizeof *cat);
    if (cat == NULL)
        return "out of memory";
    if (region_load(path, cat, err) != JR_OK) {
        free(cat);
        return err->message;
    }
    loaded = cat;
    return NULL;
}

const jr_catalog *unit_catalog(void)
{
    jr_error err;
    memset(&err, 0, sizeof err);
    const char *why = load(&err);
    if (why)
        fail_msg("the shipped catalog does not load: %s", why);
    return loaded;
}

int unit_catalog_setup(void **state)
{
    (void)state;
    jr_error err;
    memset(&err, 0, sizeof err);
    const char *why = load(&err);
    if (why) {
        fprintf(stderr, "the shipped catalog does not load: %s\n", why);
        return -1;
    }
    return 0;
}

jr_catalog *unit_catalog_copy(void)
{
    const jr_catalog *cat = unit_catalog();
    jr_catalog *copy = malloc(sizeof *copy);
    assert_non_null(copy);
    memcpy(copy, cat, sizeof *copy);
    return copy;
}

jr_referral_req unit_referral_budget(const char *type, const char *budget)
{
    jr_referral_req r;
    memset(&r, 0, sizeof r);
    snprintf(r.referrer_type, sizeof r.referrer_type, "%s", type);
    r.route = JR_ROUTE_BUDGET;
    snprintf(r.budget, sizeof r.budget, "%s", budget);
    snprintf(r.result, sizeof r.result, "De jeugdige gaat weer naar school");
    r.date = D("2024-03-01");
    return r;
}

jr_referral_req unit_referral_route(const char *type, jr_route route, const char *product,
                                    int64_t volume)
{
    jr_referral_req r = unit_referral_budget(type, "");
    r.route = route;
    snprintf(r.product, sizeof r.product, "%s", product);
    r.volume = volume;
    return r;
}

int unit_store_open(char dir[64], const char *name, jr_store **st)
{
    snprintf(dir, 64, "/tmp/jr-%s-XXXXXX", name);
    if (!mkdtemp(dir)) {
        perror(dir);
        return -1;
    }
    char db[128];
    snprintf(db, sizeof db, "%s/jr.db", dir);
    jr_error err;
    jr_error_clear(&err);
    if (store_open(db, st, &err) != JR_OK) {
        fprintf(stderr, "store_open %s: %s\n", db, err.message);
        rmdir(dir);
        return -1;
    }
    return 0;
}

static int remove_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(path);
}

void unit_store_remove(const char *dir, jr_store *st)
{
    store_close(st);
    nftw(dir, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
}

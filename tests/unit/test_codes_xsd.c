/*
 * test_codes_xsd.c: the declaration reason codes against the iJw 3.2 XSD.
 *
 * Every code decl_codes marks as iJw must be a value of LDT_RetourCode in
 * basisschema.xsd, and no own JRnn code may be. The XSDs are found in
 * $JR_IJW_XSD_DIR, else in $JR_SOURCE_ROOT/../shared/ijw/xsd. Where they are
 * absent (a user's own clone) the tests are skipped, never passed: cmocka
 * reports them as SKIPPED and the program exits 77, which meson shows as SKIP.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "domain/decl.h"
#include "unit_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *retour_codes; /* the text of the LDT_RetourCode simpleType, or NULL */
static bool xsd_absent;

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    char *buf = NULL;
    size_t len = 0, cap = 0, n;
    char chunk[65536];
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (len + n + 1 > cap) {
            cap = (len + n + 1) * 2;
            char *nb = realloc(buf, cap);
            if (nb == NULL) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = nb;
        }
        memcpy(buf + len, chunk, n);
        len += n;
    }
    fclose(f);
    if (buf)
        buf[len] = '\0';
    return buf;
}

static int setup(void **state)
{
    (void)state;
    char path[1024];
    const char *dir = getenv("JR_IJW_XSD_DIR");
    const char *root = getenv("JR_SOURCE_ROOT");
    if (dir && *dir)
        snprintf(path, sizeof path, "%s/basisschema.xsd", dir);
    else
        snprintf(path, sizeof path, "%s/../shared/ijw/xsd/basisschema.xsd",
                 root && *root ? root : ".");
    char *xsd = read_file(path);
    if (xsd == NULL) {
        fprintf(stdout, "iJw XSD not readable at %s: skipping\n", path);
        xsd_absent = true;
        return 0;
    }
    char *start = strstr(xsd, "name=\"LDT_RetourCode\"");
    char *end = start ? strstr(start, "</xs:simpleType>") : NULL;
    if (end == NULL) {
        fprintf(stderr, "%s has no simpleType LDT_RetourCode\n", path);
        free(xsd);
        return -1;
    }
    *end = '\0';
    retour_codes = strdup(start);
    free(xsd);
    return retour_codes ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    free(retour_codes);
    return 0;
}

static bool in_retour_codes(const char *code)
{
    char needle[32];
    snprintf(needle, sizeof needle, "value=\"%s\"", code);
    return strstr(retour_codes, needle) != NULL;
}

static void test_sanity_of_extract(void **state)
{
    (void)state;
    if (xsd_absent)
        skip();
    assert_true(in_retour_codes("0200")); /* geen opmerking */
    assert_false(in_retour_codes("XXXX"));
}

static void test_ijw_codes_are_retourcodes(void **state)
{
    (void)state;
    if (xsd_absent)
        skip();
    int n = 0;
    const jr_decl_code *codes = decl_codes(&n);
    int nijw = 0;
    for (int i = 0; i < n; i++) {
        if (!codes[i].ijw)
            continue;
        nijw++;
        if (!in_retour_codes(codes[i].code))
            fail_msg("iJw code %s is not in LDT_RetourCode", codes[i].code);
    }
    assert_true(nijw >= 25);
}

static void test_own_codes_are_not_retourcodes(void **state)
{
    (void)state;
    if (xsd_absent)
        skip();
    int n = 0;
    const jr_decl_code *codes = decl_codes(&n);
    for (int i = 0; i < n; i++)
        if (!codes[i].ijw && in_retour_codes(codes[i].code))
            fail_msg("own code %s clashes with an iJw retourcode", codes[i].code);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sanity_of_extract),
        cmocka_unit_test(test_ijw_codes_are_retourcodes),
        cmocka_unit_test(test_own_codes_are_not_retourcodes),
    };
    int failed = cmocka_run_group_tests(tests, setup, teardown);
    return failed == 0 && xsd_absent ? 77 : failed;
}

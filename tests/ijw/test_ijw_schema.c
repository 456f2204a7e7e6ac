/*
 * test_ijw_schema.c: the project's own validator against the official XSDs.
 *
 * Every sample message in tests/ijw/samples is checked by both libxml2's
 * xmlSchemaValidateDoc (with the XSDs of release 3.2) and the project's
 * validator (ijw_validate_buffer): they must agree, and a sample named
 * *_invalid_* must be refused by both. Then each valid sample is mutated
 * the ways a real sender gets it wrong (every leaf given a list of wrong
 * and borderline values, every element removed, doubled, renamed, moved to
 * the other namespace, given an attribute or text) and both verdicts must
 * agree on every mutant: what the XSD refuses the project refuses, and what
 * the XSD accepts the project accepts, apart from the documented stricter
 * cases (a DOCTYPE, attributes other than xsi:schemaLocation).
 *
 * Without the XSDs (a user's clone) the test exits 77: skipped.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "ijw_test.h"

#include "domain/decl.h"

#include <dirent.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int nchecked, nmismatch, nrefused;

/* checks one document text with both validators; returns the XSD's verdict */
static int compare(const char *buf, size_t len, const char *label)
{
    char why[512];
    int xsd = ijwt_xsd_check(buf, len, why, sizeof why);
    jr_error err;
    jr_error_clear(&err);
    ijw_msg m;
    bool mine = ijw_validate_buffer(buf, len, label, &m, &err) == JR_OK;
    nchecked++;
    nrefused += xsd == 0;
    if (xsd >= 0 && (xsd == 1) != mine) {
        nmismatch++;
        if (nmismatch <= 40)
            fprintf(stdout, "MISMATCH %s: xsd %s (%s), own %s (%s)\n", label,
                    xsd ? "valid" : "invalid", why, mine ? "valid" : "invalid", err.message);
    }
    return xsd;
}

static void compare_doc(xmlDocPtr doc, const char *label)
{
    xmlChar *buf = NULL;
    int len = 0;
    xmlDocDumpMemoryEnc(doc, &buf, &len, "UTF-8");
    compare((const char *)buf, (size_t)len, label);
    xmlFree(buf);
}

static const char *const values[] = {
    "",
    " ",
    "0",
    "00",
    "1",
    "01",
    "+1",
    "-1",
    " 1 ",
    "\n1\n",
    "2",
    "3",
    "03",
    " 3",
    "9",
    "99",
    "100",
    "436",
    "490",
    "0436",
    "99999999",
    "100000000",
    "999999999",
    "1000000000",
    "999999999999",
    "1000000000000",
    "0000000000000000000000000000012",
    "99999999999999999999999",
    "1.5",
    "1e3",
    "A",
    "a",
    "AB",
    "abc123",
    "abc-123",
    "a b",
    "x\ny",
    "\t",
    "   x   ",
    "ÀÉÎõü",
    "Ŗỳ",
    "a\xc3\x97",
    "abcdef",
    "abcdefg",
    "123456789012",
    "1234567890123",
    "12345678901234567890",
    "123456789012345678901",
    "1234",
    "12345",
    "123456789",
    "1234567890",
    "12345678",
    "111222333",
    "0.1.0",
    "00.1.0",
    "1.02.3",
    "1.2",
    "10.20.30",
    "2025-03-01",
    " 2025-03-01 ",
    "2025-03-1",
    "2025-02-29",
    "2024-02-29",
    "2100-02-29",
    "2000-02-29",
    "2025-04-31",
    "2025-13-01",
    "2025-00-10",
    "0000-01-01",
    "0001-01-01",
    "-2025-03-01",
    "12025-03-01",
    "02025-03-01",
    "2025-03-01Z",
    "2025-03-01+01:00",
    "2025-03-01T10:00:00",
    "12:00:00",
    "12:00:00.5",
    "24:00:00",
    "23:59:60",
    "12:60:00",
    "12:00",
    "12:00:00Z",
    "1:00:00",
    "C",
    "D",
    "E",
    "d",
    "04",
    "4",
    "14",
    "83",
    "13",
    "45",
    "46",
    "99",
    "0200",
    "8001",
    "9999",
    "S300",
    NULL,
};

static void set_text(xmlNodePtr n, const char *v)
{
    xmlNodePtr c = n->children;
    while (c) {
        xmlNodePtr next = c->next;
        xmlUnlinkNode(c);
        xmlFreeNode(c);
        c = next;
    }
    if (*v)
        xmlAddChild(n, xmlNewText(BAD_CAST v));
}

static bool is_leaf(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            return false;
    return true;
}

static void mutate_node(xmlDocPtr doc, xmlNodePtr n, const char *sample)
{
    char label[300];
    snprintf(label, sizeof label, "%s:%s", sample, (const char *)n->name);
    if (is_leaf(n)) {
        xmlChar *orig = xmlNodeGetContent(n);
        for (int i = 0; values[i]; i++) {
            set_text(n, values[i]);
            compare_doc(doc, label);
        }
        /* the own value with blanks around, and split by a comment */
        char buf[600];
        snprintf(buf, sizeof buf, " %s ", (const char *)orig);
        set_text(n, buf);
        compare_doc(doc, label);
        set_text(n, (const char *)orig);
        if (xmlStrlen(orig) > 1) {
            set_text(n, "");
            char half[300];
            int h = xmlStrlen(orig) / 2;
            snprintf(half, sizeof half, "%.*s", h, (const char *)orig);
            xmlAddChild(n, xmlNewText(BAD_CAST half));
            xmlAddChild(n, xmlNewComment(BAD_CAST "x"));
            xmlAddChild(n, xmlNewText(orig + h));
            compare_doc(doc, label);
        }
        set_text(n, (const char *)orig);
        xmlFree(orig);
    } else {
        xmlNodePtr t = xmlNewCDataBlock(doc, BAD_CAST "tekst", 5);
        xmlAddChild(n, t);
        compare_doc(doc, label);
        xmlUnlinkNode(t);
        xmlFreeNode(t);
    }
    if (n->parent && n->parent->type == XML_ELEMENT_NODE) {
        /* removed */
        xmlNodePtr prev = n->prev, parent = n->parent;
        xmlUnlinkNode(n);
        compare_doc(doc, label);
        if (prev)
            xmlAddNextSibling(prev, n);
        else if (parent->children)
            xmlAddPrevSibling(parent->children, n);
        else
            xmlAddChild(parent, n);
        /* doubled */
        xmlNodePtr copy = xmlCopyNode(n, 1);
        xmlAddNextSibling(n, copy);
        compare_doc(doc, label);
        xmlUnlinkNode(copy);
        xmlFreeNode(copy);
        /* moved before its previous sibling element */
        xmlNodePtr pe = n->prev;
        while (pe && pe->type != XML_ELEMENT_NODE)
            pe = pe->prev;
        if (pe) {
            xmlUnlinkNode(n);
            xmlAddPrevSibling(pe, n);
            compare_doc(doc, label);
            xmlUnlinkNode(n);
            xmlAddNextSibling(pe, n);
        }
    }
    /* renamed */
    xmlChar *name = xmlStrdup(n->name);
    xmlNodeSetName(n, BAD_CAST "Onbekend");
    compare_doc(doc, label);
    xmlNodeSetName(n, name);
    xmlFree(name);
    /* the other namespace */
    xmlNsPtr ns = n->ns;
    xmlNsPtr other = NULL;
    for (xmlNsPtr d = xmlDocGetRootElement(doc)->nsDef; d; d = d->next)
        if (d != ns && !(ns && xmlStrEqual(d->href, ns->href)))
            other = d;
    if (other) {
        n->ns = other;
        compare_doc(doc, label);
        n->ns = ns;
    }
    /* attributes */
    xmlAttrPtr a = xmlSetProp(n, BAD_CAST "soort", BAD_CAST "x");
    compare_doc(doc, label);
    xmlRemoveProp(a);
    xmlNsPtr xsi =
        xmlNewNs(n, BAD_CAST "http://www.w3.org/2001/XMLSchema-instance", BAD_CAST "xsi");
    a = xmlSetNsProp(n, xsi, BAD_CAST "schemaLocation",
                     BAD_CAST "http://www.istandaarden.nl/ijw/3_2/jw323/schema jw323.xsd");
    compare_doc(doc, label);
    xmlRemoveProp(a);
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            mutate_node(doc, c, sample);
}

static bool valid_sample(const char *name)
{
    return strstr(name, "_invalid") == NULL;
}

static void test_samples(void **state)
{
    (void)state;
    if (!ijwt_xsd_dir())
        skip();
    char dir[600];
    ijwt_sample("", dir, sizeof dir);
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *e;
    int n = 0;
    nmismatch = 0;
    while ((e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 4, ".xml") != 0)
            continue;
        char path[1200];
        snprintf(path, sizeof path, "%s%s", dir, e->d_name);
        size_t len;
        char *buf = ijwt_read_file(path, &len);
        assert_non_null(buf);
        int xsd = compare(buf, len, e->d_name);
        if (valid_sample(e->d_name) && xsd != 1)
            fail_msg("sample %s should be valid", e->d_name);
        if (!valid_sample(e->d_name) && xsd != 0 && strstr(e->d_name, "_invalid_rule") == NULL)
            fail_msg("sample %s should be invalid by the schema", e->d_name);
        free(buf);
        n++;
    }
    closedir(d);
    assert_true(n >= 14);
    assert_int_equal(nmismatch, 0);
}

static void test_mutations(void **state)
{
    (void)state;
    if (!ijwt_xsd_dir())
        skip();
    char dir[600];
    ijwt_sample("", dir, sizeof dir);
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *e;
    nmismatch = 0;
    nchecked = 0;
    nrefused = 0;
    while ((e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 4, ".xml") != 0 || !valid_sample(e->d_name) ||
            strncmp(e->d_name, "jw", 2) != 0 || strstr(e->d_name, "_valid") == NULL)
            continue;
        char path[1200];
        snprintf(path, sizeof path, "%s%s", dir, e->d_name);
        xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
        assert_non_null(doc);
        mutate_node(doc, xmlDocGetRootElement(doc), e->d_name);
        xmlFreeDoc(doc);
    }
    closedir(d);
    fprintf(stdout, "%d mutants checked (%d refused by the XSDs), %d mismatches\n", nchecked,
            nrefused, nmismatch);
    assert_true(nchecked > 1000);
    assert_true(nrefused > nchecked / 4);
    assert_int_equal(nmismatch, 0);
}

/* the documented stricter cases: the XSD accepts them, the project refuses */
static void test_stricter(void **state)
{
    (void)state;
    char path[600];
    size_t len;
    char *buf = ijwt_read_file(ijwt_sample("jw323_valid.xml", path, sizeof path), &len);
    assert_non_null(buf);
    const char *decl = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    const char *body = strstr(buf, "<Bericht");
    assert_non_null(body);
    char *doc = malloc(len + 200);
    snprintf(doc, len + 200, "%s<!DOCTYPE Bericht [<!ENTITY x \"y\">]>\n%s", decl, body);
    jr_error err;
    ijw_msg m;
    assert_int_equal(ijw_validate_buffer(doc, strlen(doc), "doctype", &m, &err), JR_EINVAL);
    free(doc);
    /* not XML at all, truncated, another namespace */
    assert_int_equal(ijw_validate_buffer("geen xml", 8, "tekst", &m, &err), JR_EINVAL);
    assert_int_equal(ijw_validate_buffer(buf, len / 2, "half", &m, &err), JR_EINVAL);
    assert_string_equal(err.code, "ijw_xml");
    assert_int_equal(ijw_validate_buffer("<a/>", 4, "ander", &m, &err), JR_EINVAL);
    free(buf);
}

/* the JW325 carries LDT_RetourCode values only: every reason code of the
 * declaration checks maps to one (the project's JRnn codes to the nearest) */
static void test_reason_codes_map(void **state)
{
    (void)state;
    const ijw_stype *rc = ijw_stype_find("LDT_RetourCode");
    assert_non_null(rc);
    assert_true(ijw_code_valid(rc, "8001"));
    assert_string_equal(ijw_code_doc(rc, "0200"), "Geen opmerking over deze berichtklasse.");
    int n;
    const jr_decl_code *codes = decl_codes(&n);
    for (int i = 0; i < n; i++) {
        const char *to = ijw_jr_code_to_retour(codes[i].code);
        if (!ijw_code_valid(rc, to))
            fail_msg("%s maps to %s, no LDT_RetourCode", codes[i].code, to);
        if (codes[i].ijw && strcmp(to, codes[i].code) != 0)
            fail_msg("iJw code %s maps to %s", codes[i].code, to);
    }
    assert_string_equal(ijw_jr_code_to_retour("JR09"), "9361");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_samples),
        cmocka_unit_test(test_mutations),
        cmocka_unit_test(test_stricter),
        cmocka_unit_test(test_reason_codes_map),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    bool absent = ijwt_xsd_dir() == NULL;
    ijwt_xsd_cleanup();
    return failed == 0 && absent ? 77 : failed;
}

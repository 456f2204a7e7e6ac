/*
 * fuzz_ijw.c: the libFuzzer target of the iJw reader (built and run by
 * tests/ijw/fuzz.sh; not part of the default test run).
 *
 * Every input goes through the project's reader and validator
 * (ijw_validate_buffer). With FUZZ_IJW_IMPORT=1 it is also imported into a
 * store with the shipped catalog (one store for the whole run, so replays
 * and identification clashes are reached too): tree building, every
 * message's processing and its retour. With FUZZ_IJW_XSD=DIR the official
 * XSDs are the oracle: an input they refuse that the project accepts
 * aborts the run (a conformance bug), as does any crash, leak or undefined
 * behaviour the sanitizers see.
 */
#include "config/region.h"
#include "ijw/ijw.h"
#include "store/store.h"

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static jr_ctx ctx;
static bool importing;
static xmlSchemaPtr schemas[IJW_NMSG];
static const char *xsd_dir;
static char scratch[] = "/tmp/jr-fuzz-XXXXXX";

static void remove_scratch(void)
{
    char cmd[96];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", scratch);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", scratch);
}

static void quiet(void *c, const char *m, ...)
{
    (void)c;
    (void)m;
}

static void quiet_s(void *c, xmlErrorPtr e)
{
    (void)c;
    (void)e;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    xsd_dir = getenv("FUZZ_IJW_XSD");
    if (getenv("FUZZ_IJW_IMPORT") && strcmp(getenv("FUZZ_IJW_IMPORT"), "1") == 0) {
        static jr_catalog cat;
        jr_error err;
        char db[64];
        const char *cfg = getenv("JEUGDREGIO_CONFIG");
        if (!mkdtemp(scratch) ||
            region_load(cfg ? cfg : "config/ijsselland.json", &cat, &err) != JR_OK)
            abort();
        atexit(remove_scratch);
        snprintf(db, sizeof db, "%s/fuzz.db", scratch);
        jr_store *st;
        if (store_open(db, &st, &err) != JR_OK)
            abort();
        ctx.store = st;
        ctx.cat = &cat;
        ctx.actor = "fuzz";
        date_parse("2025-06-15", &ctx.today);
        importing = true;
    }
    return 0;
}

static int xsd_verdict(const uint8_t *data, size_t size, ijw_msg m)
{
    if (!xsd_dir || (unsigned)m >= IJW_NMSG)
        return -1;
    if (!schemas[m]) {
        char path[1024], lower[8];
        snprintf(lower, sizeof lower, "%s", ijw_msg_code(m));
        for (char *p = lower; *p; p++)
            if (*p >= 'A' && *p <= 'Z')
                *p = (char)(*p - 'A' + 'a');
        snprintf(path, sizeof path, "%s/%s.xsd", xsd_dir, lower);
        xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(path);
        xmlSchemaSetParserErrors(pc, quiet, quiet, NULL);
        schemas[m] = xmlSchemaParse(pc);
        xmlSchemaFreeParserCtxt(pc);
        if (!schemas[m])
            abort();
    }
    xmlSetStructuredErrorFunc(NULL, quiet_s);
    xmlDocPtr doc = xmlReadMemory((const char *)data, (int)size, "fuzz.xml", NULL, XML_PARSE_NONET);
    if (!doc)
        return 0;
    xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schemas[m]);
    xmlSchemaSetValidStructuredErrors(vc, quiet_s, NULL);
    int r = xmlSchemaValidateDoc(vc, doc);
    xmlSchemaFreeValidCtxt(vc);
    xmlFreeDoc(doc);
    return r == 0 ? 1 : 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    jr_error err;
    jr_error_clear(&err);
    ijw_msg m = IJW_NMSG;
    bool valid = ijw_validate_buffer((const char *)data, size, "fuzz.xml", &m, &err) == JR_OK;
    if (valid && xsd_verdict(data, size, m) == 0) {
        fprintf(stderr, "the project accepts a %s the XSD refuses\n", ijw_msg_code(m));
        abort();
    }
    if (importing) {
        sbuf answer = SBUF_INIT;
        ijw_result res;
        jr_status rc =
            ijw_import_buffer(&ctx, (const char *)data, size, "fuzz.xml", &answer, &res, &err);
        if (rc == JR_OK && answer.len) {
            ijw_msg back;
            if (ijw_validate_buffer(answer.data, answer.len, "answer.xml", &back, &err) != JR_OK) {
                fprintf(stderr, "an answer breaks the schema: %s\n", err.message);
                abort();
            }
        }
        if (rc != JR_OK && valid && strcmp(err.code, "ijw_direction") != 0 &&
            err.status != JR_EFORBIDDEN && err.status != JR_EINVAL && err.status != JR_ENOTFOUND) {
            fprintf(stderr, "a valid message failed internally: %s\n", err.message);
            abort();
        }
        sbuf_free(&answer);
    }
    return 0;
}

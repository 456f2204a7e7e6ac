/*
 * ijw_test.c: the shared helpers of the iJw tests (see ijw_test.h).
 */
#include "ijw_test.h"

#include "config/region.h"
#include "core/sbuf.h"
#include "domain/ident.h"
#include "service/assignment.h"
#include "service/care.h"
#include "service/provider.h"
#include "service/referrals.h"
#include "service/youth.h"

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char xsd_dir[1024];
static bool xsd_looked, xsd_found;
static xmlSchemaPtr schemas[IJW_NMSG];

const char *ijwt_xsd_dir(void)
{
    if (!xsd_looked) {
        xsd_looked = true;
        const char *dir = getenv("JR_IJW_XSD_DIR");
        const char *root = getenv("JR_SOURCE_ROOT");
        if (dir && *dir)
            snprintf(xsd_dir, sizeof xsd_dir, "%s", dir);
        else
            snprintf(xsd_dir, sizeof xsd_dir, "%s/../shared/ijw/xsd", root && *root ? root : ".");
        char probe[1100];
        snprintf(probe, sizeof probe, "%s/basisschema.xsd", xsd_dir);
        xsd_found = access(probe, R_OK) == 0;
    }
    return xsd_found ? xsd_dir : NULL;
}

static void silent(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

typedef struct {
    char *why;
    size_t cap;
    bool have;
} err_sink;

static void first_error(void *ctx, xmlErrorPtr e)
{
    err_sink *s = ctx;
    if (s->have || !e || !s->why)
        return;
    s->have = true;
    snprintf(s->why, s->cap, "line %d: %s", e->line, e->message ? e->message : "?");
    size_t n = strlen(s->why);
    while (n && s->why[n - 1] == '\n')
        s->why[--n] = '\0';
}

static xmlSchemaPtr schema_for(ijw_msg m)
{
    if (!ijwt_xsd_dir() || (unsigned)m >= IJW_NMSG)
        return NULL;
    if (!schemas[m]) {
        char path[1200], lower[8];
        snprintf(lower, sizeof lower, "%s", ijw_msg_code(m));
        for (char *p = lower; *p; p++)
            if (*p >= 'A' && *p <= 'Z')
                *p = (char)(*p - 'A' + 'a');
        snprintf(path, sizeof path, "%s/%s.xsd", xsd_dir, lower);
        xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(path);
        xmlSchemaSetParserErrors(pc, silent, silent, NULL);
        schemas[m] = xmlSchemaParse(pc);
        xmlSchemaFreeParserCtxt(pc);
    }
    return schemas[m];
}

int ijwt_xsd_check(const char *buf, size_t len, char *why, size_t cap)
{
    if (why && cap)
        why[0] = '\0';
    if (!ijwt_xsd_dir())
        return -1;
    err_sink es = {why, cap, false};
    xmlSetStructuredErrorFunc(&es, first_error);
    xmlDocPtr doc = xmlReadMemory(buf, (int)len, "bericht.xml", NULL, XML_PARSE_NONET);
    if (!doc) {
        xmlSetStructuredErrorFunc(NULL, NULL);
        return 0;
    }
    xmlNodePtr root = xmlDocGetRootElement(doc);
    ijw_msg m = root && root->ns ? ijw_msg_by_ns((const char *)root->ns->href) : IJW_NMSG;
    xmlSchemaPtr s = schema_for(m);
    if (!s) {
        xmlFreeDoc(doc);
        xmlSetStructuredErrorFunc(NULL, NULL);
        if (why && cap)
            snprintf(why, cap, "geen iJw-namespace");
        return m == IJW_NMSG ? 0 : -1;
    }
    xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(s);
    xmlSchemaSetValidStructuredErrors(vc, first_error, &es);
    int r = xmlSchemaValidateDoc(vc, doc);
    xmlSchemaFreeValidCtxt(vc);
    xmlFreeDoc(doc);
    xmlSetStructuredErrorFunc(NULL, NULL);
    return r == 0 ? 1 : 0;
}

void ijwt_xsd_cleanup(void)
{
    for (int i = 0; i < IJW_NMSG; i++) {
        if (schemas[i])
            xmlSchemaFree(schemas[i]);
        schemas[i] = NULL;
    }
    xmlCleanupParser();
}

char *ijwt_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    sbuf b = SBUF_INIT;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        sbuf_append(&b, chunk, n);
    fclose(f);
    if (!b.data)
        sbuf_append(&b, "", 0);
    if (len)
        *len = b.len;
    return b.data;
}

const char *ijwt_sample(const char *name, char *buf, size_t cap)
{
    const char *root = getenv("JR_SOURCE_ROOT");
    snprintf(buf, cap, "%s/tests/ijw/samples/%s", root && *root ? root : ".", name);
    return buf;
}

int ijwt_env_open(ijwt_env *e)
{
    memset(e, 0, sizeof *e);
    snprintf(e->dir, sizeof e->dir, "/tmp/jr-ijw-XXXXXX");
    if (!mkdtemp(e->dir))
        return -1;
    char db[400];
    snprintf(db, sizeof db, "%s/test.db", e->dir);
    jr_error err;
    jr_error_clear(&err);
    e->cat = malloc(sizeof *e->cat);
    if (!e->cat || region_load(getenv("JEUGDREGIO_CONFIG"), e->cat, &err) != JR_OK) {
        fprintf(stderr, "catalog: %s\n", err.message);
        return -1;
    }
    if (store_open(db, &e->store, &err) != JR_OK) {
        fprintf(stderr, "store: %s\n", err.message);
        return -1;
    }
    e->ctx.store = e->store;
    e->ctx.cat = e->cat;
    e->ctx.actor = "test";
    date_parse("2025-06-15", &e->ctx.today);
    return 0;
}

void ijwt_env_close(ijwt_env *e)
{
    if (e->store)
        store_close(e->store);
    free(e->cat);
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", e->dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", e->dir);
    memset(e, 0, sizeof *e);
}

int ijwt_setup_region(ijwt_env *e, int64_t *assignment)
{
    jr_error err;
    jr_error_clear(&err);
    jr_date d0, d1, d2;
    date_parse("2024-01-01", &d0);
    date_parse("2025-01-10", &d1);
    date_parse("2025-02-01", &d2);
    int n;
    if (provider_add(&e->ctx, "73000001", "Jeugdzorg De Linde", "instelling", NULL, &err) != JR_OK)
        goto fail;
    const char *lots[] = {"P1", "P2", "P3", "P4"};
    for (int i = 0; i < 4; i++)
        if (contract_add(&e->ctx, "73000001", lots[i], "*", d0, JR_DATE_NONE, &n, &err) != JR_OK)
            goto fail;
    if (youth_add(&e->ctx, "111222333", d0 - 365 * 10, "0193", NULL, &err) != JR_OK)
        goto fail;
    jr_referral_req req;
    memset(&req, 0, sizeof req);
    snprintf(req.referrer_type, sizeof req.referrer_type, "02");
    req.route = JR_ROUTE_BUDGET;
    snprintf(req.budget, sizeof req.budget, "KB2");
    snprintf(req.result, sizeof req.result, "De jeugdige en het gezin kunnen zelf verder");
    req.date = d1;
    int64_t rid;
    if (referral_create(&e->ctx, "111222333", &req, "huisarts Jansen", &rid, &err) != JR_OK)
        goto fail;
    char number[24];
    if (assignment_create(&e->ctx, rid, "73000001", d2, JR_DATE_NONE, number, &err) != JR_OK)
        goto fail;
    if (care_start(&e->ctx, number, "73000001", d2, &err) != JR_OK)
        goto fail;
    jr_assignment a;
    if (assignment_get(&e->ctx, number, &a, &err) != JR_OK)
        goto fail;
    if (assignment)
        *assignment = a.id;
    return 0;
fail:
    fprintf(stderr, "setup: %s\n", err.message);
    return -1;
}

int ijwt_kb7_assignments(const jr_ctx *c, long n, long first8, jr_date birth, jr_date referred,
                         jr_date start, char (*bsns)[10], char (*numbers)[24], jr_error *err)
{
    for (long i = 0; i < n; i++) {
        char digits[16];
        snprintf(digits, sizeof digits, "%08ld", first8 + i * 3);
        if (!bsn_complete(digits, bsns[i])) {
            snprintf(digits, sizeof digits, "%08ld", first8 + i * 3 + 1);
            if (!bsn_complete(digits, bsns[i])) {
                jr_fail(err, JR_EINVAL, "bsn", "", "no BSN completes %s", digits);
                return -1;
            }
        }
        jr_referral_req req;
        memset(&req, 0, sizeof req);
        snprintf(req.referrer_type, sizeof req.referrer_type, "01");
        req.route = JR_ROUTE_BUDGET;
        snprintf(req.budget, sizeof req.budget, "KB7");
        snprintf(req.result, sizeof req.result, "Weer naar school");
        req.date = referred;
        int64_t rid;
        if (youth_add(c, bsns[i], birth, "0193", NULL, err) != JR_OK ||
            referral_create(c, bsns[i], &req, "", &rid, err) != JR_OK ||
            assignment_create(c, rid, "73000001", start, JR_DATE_NONE, numbers[i], err) != JR_OK ||
            care_start(c, numbers[i], "73000001", start, err) != JR_OK)
            return -1;
    }
    return 0;
}

char *ijwt_fill(const char *tmpl, ...)
{
    const char *keys[32], *vals[32];
    int n = 0;
    va_list ap;
    va_start(ap, tmpl);
    const char *k;
    while (n < 32 && (k = va_arg(ap, const char *)) != NULL) {
        keys[n] = k;
        vals[n++] = va_arg(ap, const char *);
    }
    va_end(ap);
    sbuf b = SBUF_INIT;
    for (const char *p = tmpl; *p;) {
        if (*p == '{') {
            const char *end = strchr(p, '}');
            bool done = false;
            for (int i = 0; end && i < n && !done; i++)
                if ((size_t)(end - p - 1) == strlen(keys[i]) &&
                    strncmp(p + 1, keys[i], (size_t)(end - p - 1)) == 0) {
                    sbuf_puts(&b, vals[i]);
                    p = end + 1;
                    done = true;
                }
            if (done)
                continue;
        }
        sbuf_append(&b, p, 1);
        p++;
    }
    return b.data ? b.data : strdup("");
}

/*
 * test_ijw_decl_hint.c: a JW323 tells the declaration session how many lines
 * its batch holds before the first one is added (decl_session_expect), and
 * the number is exact; the hint changes no outcome.
 *
 * Seen without hooks in the production code: this program is linked with
 * -Wl,--wrap (tests/ijw/meson.build) for decl_session_expect,
 * decl_session_add and store_prepare. The wrappers below count each call
 * the JW323 reader makes into the session, and each point look-up of one
 * assignment the session prepares (the SQL of facts_get in
 * src/service/declaration.c), and pass every call on. A control run
 * withholds the hint (as the JW323 reader did before) in a second store
 * with the same set-up: its JW325 must be the same byte for byte, and so
 * must the stored lines and the running totals.
 *
 * The set-up: the fixture of ijw_test.c (provider 73000001, youth
 * 111222333 with a KB2 assignment in Zwolle from 2025-02-01) and NASG more
 * youths in Zwolle with a KB7 assignment of the provider from 2025-01-01,
 * care started: NASG + 1 = 401 of the provider's assignments run in the
 * batch's municipality and month, more than 16 (the session's
 * FACTS_PER_LINE) per line of a batch of up to 25 lines. The prestaties
 * are one hour of a functiegroep over March 2025 at the catalog's tariff.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "ijw_test.h"

#include "service/assignment.h"
#include "service/declaration.h"
#include "service/referrals.h"
#include "service/youth.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NASG 400

/* ---- the wrapped calls ---- */

static struct {
    bool pass_hint;             /* false: the hint is not passed on (the control) */
    int nexpect;                /* calls of decl_session_expect */
    int64_t expect;             /* the n of the last one */
    int64_t adds_before_expect; /* lines added when it was called */
    int64_t adds;               /* calls of decl_session_add */
    int64_t lookups;            /* the session's point look-ups of one assignment */
} seen;

static void seen_reset(bool pass_hint)
{
    memset(&seen, 0, sizeof seen);
    seen.pass_hint = pass_hint;
}

void __real_decl_session_expect(jr_decl_session *s, int64_t n);
void __wrap_decl_session_expect(jr_decl_session *s, int64_t n);
jr_status __real_decl_session_add(jr_decl_session *s, const jr_decl_batch *b, const jr_decl_line *l,
                                  jr_error *err);
jr_status __wrap_decl_session_add(jr_decl_session *s, const jr_decl_batch *b, const jr_decl_line *l,
                                  jr_error *err);
jr_stmt *__real_store_prepare(jr_store *st, const char *sql, jr_error *err);
jr_stmt *__wrap_store_prepare(jr_store *st, const char *sql, jr_error *err);

void __wrap_decl_session_expect(jr_decl_session *s, int64_t n)
{
    seen.nexpect++;
    seen.expect = n;
    seen.adds_before_expect = seen.adds;
    if (seen.pass_hint)
        __real_decl_session_expect(s, n);
}

jr_status __wrap_decl_session_add(jr_decl_session *s, const jr_decl_batch *b, const jr_decl_line *l,
                                  jr_error *err)
{
    seen.adds++;
    return __real_decl_session_add(s, b, l, err);
}

jr_stmt *__wrap_store_prepare(jr_store *st, const char *sql, jr_error *err)
{
    /* facts_get: an assignment outside the facts the batch loaded */
    if (strstr(sql, " FROM assignment a WHERE a.number = ?"))
        seen.lookups++;
    return __real_store_prepare(st, sql, err);
}

/* ---- the set-up and the messages ---- */

typedef struct {
    ijwt_env env;
    int64_t ids[NASG]; /* the KB7 assignments' ids (their ToewijzingNummer) */
    char bsns[NASG][10];
} region;

static void region_open(region *r)
{
    memset(r, 0, sizeof *r);
    assert_int_equal(ijwt_env_open(&r->env), 0);
    assert_int_equal(ijwt_setup_region(&r->env, NULL), 0);
    const jr_ctx *c = &r->env.ctx;
    jr_error err;
    jr_error_clear(&err);
    jr_date birth, start, referred;
    date_parse("2014-01-01", &birth);
    date_parse("2025-01-01", &start);
    date_parse("2024-12-15", &referred);
    static char numbers[NASG][24];
    if (ijwt_kb7_assignments(c, NASG, 20000000, birth, referred, start, r->bsns, numbers, &err) !=
        0)
        fail_msg("set-up: %s", err.message);
    for (int i = 0; i < NASG; i++) {
        jr_assignment a;
        if (assignment_get(c, numbers[i], &a, &err) != JR_OK)
            fail_msg("set-up: %s", err.message);
        r->ids[i] = a.id;
    }
}

/* One prestatie: KB7 assignment asg (-1: a ToewijzingNummer that names
 * none), one hour of product in March 2025. */
typedef struct {
    int asg;
    const char *product;
} line;

static jr_cents tariff(const region *r, const char *product)
{
    jr_date d;
    date_parse("2025-03-01", &d);
    const jr_product *p = catalog_product(r->env.cat, product);
    jr_cents t = 0;
    assert_non_null(p);
    assert_true(product_tariff(p, d, &t));
    return t;
}

static void put(sbuf *b, const char *fmt, ...)
{
    char s[2048];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(s, sizeof s, fmt, ap);
    va_end(ap);
    assert_true(n >= 0 && (size_t)n < sizeof s);
    assert_int_equal(sbuf_puts(b, s), 0);
}

/* jw323: the message of n prestaties (references R1..Rn), one Client for
 * each run of lines of the same youth; a malloc'ed string */
static char *jw323(const region *r, const line *ls, int n)
{
    jr_cents total = 0;
    for (int i = 0; i < n; i++)
        total += tariff(r, ls[i].product);
    sbuf b = SBUF_INIT;
    put(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<Bericht xmlns=\"http://www.istandaarden.nl/ijw/3_2/jw323/schema\""
            " xmlns:ijw=\"http://www.istandaarden.nl/ijw/3_2/basisschema/schema\">\n");
    put(&b, "<Header><BerichtCode>490</BerichtCode><BerichtVersie>3</BerichtVersie>"
            "<BerichtSubversie>2</BerichtSubversie><Afzender>73000001</Afzender>"
            "<Ontvanger>0193</Ontvanger>\n");
    put(&b, "<BerichtIdentificatie><ijw:Identificatie>H2025030001</ijw:Identificatie>"
            "<ijw:Dagtekening>2025-04-02</ijw:Dagtekening></BerichtIdentificatie>\n");
    put(&b, "<XsdVersie><ijw:BasisschemaXsdVersie>0.1.0</ijw:BasisschemaXsdVersie>"
            "<ijw:BerichtXsdVersie>0.1.0</ijw:BerichtXsdVersie></XsdVersie></Header>\n");
    put(&b,
        "<Declaratie><DeclaratieNummer>HINT202503</DeclaratieNummer>"
        "<DeclaratiePeriode><ijw:Begindatum>2025-03-01</ijw:Begindatum>"
        "<ijw:Einddatum>2025-03-31</ijw:Einddatum></DeclaratiePeriode>"
        "<DeclaratieDagtekening>2025-04-02</DeclaratieDagtekening>\n"
        "<TotaalIngediendBedrag><ijw:TotaalBedrag>%lld</ijw:TotaalBedrag>"
        "<ijw:DebetCredit>D</ijw:DebetCredit></TotaalIngediendBedrag>\n<Clienten>\n",
        (long long)total);
    const char *bsn = NULL;
    for (int i = 0; i < n; i++) {
        const line *l = &ls[i];
        const char *lb = l->asg >= 0 ? r->bsns[l->asg] : "111222333";
        if (!bsn || strcmp(bsn, lb) != 0) {
            if (bsn)
                put(&b, "</Prestaties></Client>\n");
            put(&b, "<Client><Bsn>%s</Bsn><Prestaties>\n", lb);
            bsn = lb;
        }
        jr_cents t = tariff(r, l->product);
        put(&b,
            "<Prestatie><ProductReferentie><ijw:ReferentieNummer>R%d</ijw:ReferentieNummer>"
            "</ProductReferentie><ToewijzingNummer>%lld</ToewijzingNummer>"
            "<ProductCategorie>45</ProductCategorie><ProductCode>%s</ProductCode>"
            "<ProductPeriode><ijw:Begindatum>2025-03-01</ijw:Begindatum>"
            "<ijw:Einddatum>2025-03-31</ijw:Einddatum></ProductPeriode>"
            "<GeleverdVolume>1</GeleverdVolume><Eenheid>04</Eenheid>"
            "<ProductTarief>%lld</ProductTarief><IngediendBedrag><ijw:Bedrag>%lld</ijw:Bedrag>"
            "<ijw:DebetCredit>D</ijw:DebetCredit></IngediendBedrag></Prestatie>\n",
            i + 1, l->asg >= 0 ? (long long)r->ids[l->asg] : 999999LL, l->product, (long long)t,
            (long long)t);
    }
    put(&b, "</Prestaties></Client>\n</Clienten></Declaratie></Bericht>\n");
    return b.data;
}

/* many: n lines (at most NASG x 7), each a different (assignment,
 * functiegroep), so that all are accepted */
static line *many(int n)
{
    static const char *const products[] = {"45F01", "45F02", "45F03", "45F04",
                                           "45F05", "45F06", "45F07"};
    assert_true(n <= NASG * 7);
    line *ls = calloc((size_t)n, sizeof *ls);
    assert_non_null(ls);
    for (int i = 0; i < n; i++) {
        ls[i].asg = i % NASG;
        ls[i].product = products[(i / NASG) % 7];
    }
    return ls;
}

/* ---- one import, and what it left ---- */

typedef struct {
    char *answer; /* the JW325 */
    char *stored; /* every stored line: ref, status, code, amount, in order */
    char *totals; /* assignment_use */
    ijw_result res;
    int64_t nlines;   /* decl_line rows */
    int64_t in_order; /* rows whose ref is R(its place in the batch) */
} outcome;

static char *text_of(region *r, const char *sql)
{
    jr_stmt *q = store_prepare(r->env.store, sql, NULL);
    assert_non_null(q);
    assert_int_equal(store_step(q, NULL), STORE_ROW);
    char *s = strdup(store_col_text(q, 0));
    store_reset(q);
    assert_non_null(s);
    return s;
}

static int64_t int_of(region *r, const char *sql)
{
    jr_stmt *q = store_prepare(r->env.store, sql, NULL);
    assert_non_null(q);
    assert_int_equal(store_step(q, NULL), STORE_ROW);
    int64_t n = store_col_int(q, 0);
    store_reset(q);
    return n;
}

/* import: the JW323 of lines ls into a fresh store with the set-up, as a
 * buffer (the HTTP door) or as a file stream (the CLI's); the wrappers'
 * counts cover the import only */
static void import(bool pass_hint, bool stream, const line *ls, int n, outcome *o)
{
    region *r = malloc(sizeof *r);
    assert_non_null(r);
    region_open(r);
    char *xml = jw323(r, ls, n);
    memset(o, 0, sizeof *o);
    jr_error err;
    jr_error_clear(&err);
    seen_reset(pass_hint);
    jr_status rc;
    if (stream) {
        char in_path[400], out_path[400];
        snprintf(in_path, sizeof in_path, "%s/hint.xml", r->env.dir);
        snprintf(out_path, sizeof out_path, "%s/hint_JW325.xml", r->env.dir);
        FILE *f = fopen(in_path, "wb");
        assert_non_null(f);
        assert_true(fputs(xml, f) >= 0);
        assert_int_equal(fclose(f), 0);
        FILE *in = fopen(in_path, "rb"), *out = fopen(out_path, "wb");
        assert_non_null(in);
        assert_non_null(out);
        rc = ijw_import_stream(&r->env.ctx, in, in_path, out, &o->res, &err);
        fclose(in);
        assert_int_equal(fclose(out), 0);
        o->answer = ijwt_read_file(out_path, NULL);
    } else {
        sbuf answer = SBUF_INIT;
        rc = ijw_import_buffer(&r->env.ctx, xml, strlen(xml), "hint.xml", &answer, &o->res, &err);
        o->answer = strdup(sbuf_cstr(&answer));
        sbuf_free(&answer);
    }
    if (rc != JR_OK)
        fail_msg("import: %s [%s] %s", jr_status_name(rc), err.code, err.message);
    assert_non_null(o->answer);
    o->stored =
        text_of(r, "SELECT COALESCE(group_concat(ref || ':' || status || ':' || code || ':'"
                   " || amount_cents, ' '), '') FROM (SELECT * FROM decl_line ORDER BY id)");
    o->totals = text_of(r, "SELECT COALESCE(group_concat(x, ' '), '') FROM (SELECT"
                           " assignment_id || ':' || used_cents AS x FROM assignment_use"
                           " ORDER BY assignment_id)");
    o->nlines = int_of(r, "SELECT COUNT(*) FROM decl_line");
    o->in_order = int_of(r, "SELECT COUNT(*) FROM decl_line WHERE ref ="
                            " 'R' || (id - (SELECT MIN(id) FROM decl_line) + 1)");
    free(xml);
    ijwt_env_close(&r->env);
    free(r);
}

static void outcome_free(outcome *o)
{
    free(o->answer);
    free(o->stored);
    free(o->totals);
}

static int64_t code_count(const ijw_result *r, const char *code)
{
    for (int i = 0; i < r->ncodes; i++)
        if (strcmp(r->codes[i].code, code) == 0)
            return r->codes[i].n;
    return 0;
}

/* with_and_without: the hinted import of ls, checked against the control
 * that withholds the hint (seen then holds the control's counts); *lookups
 * receives the hinted run's point look-ups */
static void with_and_without(bool stream, const line *ls, int n, outcome *o, int64_t *lookups)
{
    import(true, stream, ls, n, o);
    /* the hint came once, before the first line, and was the batch's size */
    assert_int_equal(seen.nexpect, 1);
    assert_int_equal(seen.adds_before_expect, 0);
    assert_int_equal(seen.expect, n);
    assert_int_equal(seen.adds, n);
    *lookups = seen.lookups;
    outcome c;
    import(false, stream, ls, n, &c);
    assert_int_equal(seen.adds, n);
    assert_string_equal(o->answer, c.answer);
    assert_string_equal(o->stored, c.stored);
    assert_string_equal(o->totals, c.totals);
    assert_int_equal(o->res.accepted, c.res.accepted);
    assert_int_equal(o->res.rejected, c.res.rejected);
    outcome_free(&c);
}

/* ---- the tests ---- */

/* a few lines from a provider with many assignments in the municipality:
 * the session looks up only the assignments the lines name */
static void test_few_lines(void **state)
{
    (void)state;
    const line ls[] = {
        {0, "45F01"},  /* accepted */
        {1, "45F02"},  /* accepted */
        {1, "45F02"},  /* the same debit again: 9389 */
        {-1, "45F02"}, /* no such assignment: 9338 */
    };
    outcome o;
    int64_t lookups;
    with_and_without(false, ls, 4, &o, &lookups);
    /* 4 lines x 16 < NASG + 1 assignments: each named assignment is read alone,
       once (the second line of assignment 1 finds it remembered) */
    assert_int_equal(lookups, 3);
    /* the control (no hint) scanned them all: only the unknown one was
       looked up alone */
    assert_int_equal(seen.lookups, 1);
    assert_int_equal(o.res.accepted, 2);
    assert_int_equal(o.res.rejected, 2);
    assert_int_equal(code_count(&o.res, "8001"), 2);
    assert_int_equal(code_count(&o.res, "9389"), 1);
    assert_int_equal(code_count(&o.res, "9338"), 1);
    assert_int_equal(o.nlines, 4);
    assert_int_equal(o.in_order, 4);
    outcome_free(&o);
}

/* one line: the one assignment it names is read alone */
static void test_one_line(void **state)
{
    (void)state;
    const line ls[] = {{42, "45F05"}};
    outcome o;
    int64_t lookups;
    with_and_without(false, ls, 1, &o, &lookups);
    assert_int_equal(lookups, 1);
    assert_int_equal(seen.lookups, 0);
    assert_int_equal(o.res.accepted, 1);
    assert_int_equal(o.res.rejected, 0);
    assert_int_equal(o.nlines, 1);
    assert_int_equal(strncmp(o.stored, "R1:A:8001:", 10), 0);
    outcome_free(&o);
}

/* a long Declaratie: the hint is still exact across the held block and
 * the temporary file (HOLD_LINES, 1024, in src/ijw/msg_jw323.c); the lines
 * are stored in message order; 16 per line exceed the assignments, so the
 * session scans them and looks none up alone */
static void test_many_lines(void **state)
{
    (void)state;
    const int sizes[] = {1023, 1024, 1025, 2048, 2500};
    line *ls = many(2500);
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        int n = sizes[k];
        outcome o;
        import(true, true, ls, n, &o);
        assert_int_equal(seen.nexpect, 1);
        assert_int_equal(seen.adds_before_expect, 0);
        assert_int_equal(seen.expect, n);
        assert_int_equal(seen.adds, n);
        assert_int_equal(seen.lookups, 0);
        assert_int_equal(o.res.accepted, n);
        assert_int_equal(o.res.rejected, 0);
        assert_int_equal(o.nlines, n);
        assert_int_equal(o.in_order, n);
        outcome_free(&o);
    }
    free(ls);
}

/* the largest, as a buffer and as a stream, against the control */
static void test_many_lines_same_without_hint(void **state)
{
    (void)state;
    line *ls = many(2500);
    for (int stream = 0; stream < 2; stream++) {
        outcome o;
        int64_t lookups;
        with_and_without(stream, ls, 2500, &o, &lookups);
        assert_int_equal(lookups, 0);
        assert_int_equal(o.res.accepted, 2500);
        assert_int_equal(o.in_order, 2500);
        outcome_free(&o);
    }
    free(ls);
}

/* a date the region does not administer in the 1200th prestatie refuses
 * the whole message: nothing reaches the session, the held lines and the
 * temporary file are dropped */
static void test_refused_halfway(void **state)
{
    (void)state;
    line *ls = many(1500);
    ijw_result res;
    region *r = malloc(sizeof *r);
    assert_non_null(r);
    region_open(r);
    char *xml = jw323(r, ls, 1500);
    char *at = strstr(xml, "<ijw:ReferentieNummer>R1200<");
    assert_non_null(at);
    at = strstr(at, "<ijw:Begindatum>2025-03-");
    assert_non_null(at);
    memcpy(at + strlen("<ijw:Begindatum>"), "2250", 4);
    seen_reset(true);
    sbuf answer = SBUF_INIT;
    jr_error err;
    jr_error_clear(&err);
    assert_int_equal(
        ijw_import_buffer(&r->env.ctx, xml, strlen(xml), "hint.xml", &answer, &res, &err), JR_OK);
    assert_non_null(strstr(sbuf_cstr(&answer), "<RetourCode>0001</RetourCode>"));
    assert_int_equal(seen.nexpect, 0);
    assert_int_equal(seen.adds, 0);
    assert_int_equal(int_of(r, "SELECT COUNT(*) FROM decl_line"), 0);
    assert_int_equal(int_of(r, "SELECT COUNT(*) FROM decl_batch"), 0);
    sbuf_free(&answer);
    free(xml);
    free(ls);
    ijwt_env_close(&r->env);
    free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_few_lines),       cmocka_unit_test(test_one_line),
        cmocka_unit_test(test_many_lines),      cmocka_unit_test(test_many_lines_same_without_hint),
        cmocka_unit_test(test_refused_halfway),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_ijw_messages.c: every iJw message type through the services on a
 * fresh store per test: the retourcodes a sender gets for each way a
 * message goes wrong, idempotence by identification, nothing stored for a
 * message that breaks the schema, the round trips (a JW301 written and read
 * back gives the assignment; a declaration as CSV and as JW323 gives the
 * same outcomes), and every message the project writes validated by
 * libxml2's xmlSchemaValidate against the official XSDs (when present).
 *
 * The fixture (ijw_test.c): provider 73000001 contracted for every lot,
 * youth 111222333 in Zwolle, a GP referral for KB2 assigned from
 * 2025-02-01 with care started; today is 2025-06-15. Provider messages are
 * the samples of tests/ijw/samples with values replaced.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "ijw/ijw_internal.h"
#include "ijw_test.h"

#include "io/decl_csv.h"
#include "service/assignment.h"
#include "service/declaration.h"
#include "service/provider.h"
#include "service/quote.h"
#include "service/referrals.h"
#include "service/youth.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define assert_ok(call)                                                                            \
    do {                                                                                           \
        jr_error e_;                                                                               \
        jr_error_clear(&e_);                                                                       \
        jr_error *err = &e_;                                                                       \
        jr_status s_ = (call);                                                                     \
        if (s_ != JR_OK)                                                                           \
            fail_msg("%s failed: %s [%s] %s", #call, jr_status_name(s_), e_.code, e_.message);     \
    } while (0)

#define assert_contains(haystack, needle)                                                          \
    do {                                                                                           \
        if (strstr((haystack), (needle)) == NULL)                                                  \
            fail_msg("%s:%d: answer does not contain '%s'", __FILE__, __LINE__, (needle));         \
    } while (0)

#define assert_lacks(haystack, needle)                                                             \
    do {                                                                                           \
        if (strstr((haystack), (needle)) != NULL)                                                  \
            fail_msg("%s:%d: answer contains '%s'", __FILE__, __LINE__, (needle));                 \
    } while (0)

typedef struct {
    ijwt_env env;
    int64_t asg; /* the fixture's assignment id */
    sbuf answer;
    ijw_result res;
    jr_error err;
} fx;

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    if (!f || ijwt_env_open(&f->env) != 0 || ijwt_setup_region(&f->env, &f->asg) != 0)
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    sbuf_free(&f->answer);
    ijwt_env_close(&f->env);
    free(f);
    return 0;
}

/* asserts that a message the project wrote is valid by the official XSDs */
static void assert_xsd_valid(const char *xml, size_t len)
{
    char why[512];
    int r = ijwt_xsd_check(xml, len, why, sizeof why);
    if (r == 0)
        fail_msg("written message breaks the XSD: %s\n%.2000s", why, xml);
}

/* a sample with replacements (old, new, ..., NULL), each applied once */
static char *msg(const char *sample, ...)
{
    char path[600];
    char *text = ijwt_read_file(ijwt_sample(sample, path, sizeof path), NULL);
    assert_non_null(text);
    va_list ap;
    va_start(ap, sample);
    const char *old;
    while ((old = va_arg(ap, const char *)) != NULL) {
        const char *new = va_arg(ap, const char *);
        char *at = strstr(text, old);
        if (!at)
            fail_msg("sample %s has no '%s'", sample, old);
        sbuf b = SBUF_INIT;
        sbuf_append(&b, text, (size_t)(at - text));
        sbuf_puts(&b, new);
        sbuf_puts(&b, at + strlen(old));
        free(text);
        text = b.data;
    }
    va_end(ap);
    return text;
}

/* imports text; the answer (if any) is checked against the XSDs */
static jr_status import(fx *f, const char *text)
{
    sbuf_reset(&f->answer);
    jr_error_clear(&f->err);
    jr_status rc = ijw_import_buffer(&f->env.ctx, text, strlen(text), "test.xml", &f->answer,
                                     &f->res, &f->err);
    if (rc == JR_OK && f->answer.len)
        assert_xsd_valid(f->answer.data, f->answer.len);
    return rc;
}

static void import_ok(fx *f, char *text)
{
    jr_status rc = import(f, text);
    if (rc != JR_OK)
        fail_msg("import failed: %s [%s] %s", jr_status_name(rc), f->err.code, f->err.message);
    free(text);
}

static int64_t count(fx *f, const char *sql)
{
    jr_stmt *q = store_prepare(f->env.store, sql, NULL);
    assert_non_null(q);
    assert_int_equal(store_step(q, NULL), STORE_ROW);
    int64_t n = store_col_int(q, 0);
    store_reset(q);
    return n;
}

static int occurrences(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

static int64_t code_count(const ijw_result *r, const char *code)
{
    for (int i = 0; i < r->ncodes; i++)
        if (strcmp(r->codes[i].code, code) == 0)
            return r->codes[i].n;
    return 0;
}

static void set_today(fx *f, const char *d)
{
    assert_true(date_parse(d, &f->env.ctx.today));
}

/* ---- JW323 / JW325 ---- */

static void test_jw323_accept_and_replay(void **state)
{
    fx *f = *state;
    import_ok(f, msg("jw323_valid.xml", NULL));
    assert_int_equal(f->res.msg, IJW_JW323);
    assert_int_equal(f->res.answer_msg, IJW_JW325);
    assert_int_equal(f->res.accepted, 1);
    assert_int_equal(f->res.rejected, 1);
    assert_int_equal(code_count(&f->res, "8001"), 1);
    assert_int_equal(code_count(&f->res, "9389"), 1);
    assert_contains(f->answer.data, "<ijw:TotaalBedrag>32400</ijw:TotaalBedrag>");
    assert_contains(f->answer.data, "<ijw:Identificatie>D2025030001</ijw:Identificatie>");
    assert_int_equal(count(f, "SELECT COUNT(*) FROM decl_line"), 2);
    char *first = strdup(f->answer.data);
    /* the same message again: the same answer, nothing changed */
    import_ok(f, msg("jw323_valid.xml", NULL));
    assert_true(f->res.replayed);
    assert_string_equal(f->answer.data, first);
    assert_int_equal(f->res.accepted, 1);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM decl_line"), 2);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM audit WHERE action = 'ijw.herhaald'"), 1);
    free(first);
}

static void test_jw323_ident_reused(void **state)
{
    fx *f = *state;
    import_ok(f, msg("jw323_valid.xml", NULL));
    /* the same Identificatie with other content: refused as a whole (9056) */
    import_ok(f, msg("jw323_valid.xml", "<DeclaratieNummer>DEC202503A",
                     "<DeclaratieNummer>DEC202503B", NULL));
    assert_false(f->res.replayed);
    assert_contains(f->answer.data, "<RetourCode>9056</RetourCode>");
    assert_lacks(f->answer.data, "<DeclaratieAntwoord>");
    assert_int_equal(count(f, "SELECT COUNT(*) FROM decl_line"), 2);
}

static void header_refused(fx *f, char *text, const char *code)
{
    int64_t before = count(f, "SELECT COUNT(*) FROM decl_line");
    import_ok(f, text);
    char want[64];
    snprintf(want, sizeof want, "<RetourCode>%s</RetourCode>", code);
    assert_contains(f->answer.data, want);
    assert_lacks(f->answer.data, "<DeclaratieAntwoord>");
    assert_int_equal(count(f, "SELECT COUNT(*) FROM decl_line"), before);
    assert_int_equal(code_count(&f->res, code), 1);
}

static void test_jw323_header_rules(void **state)
{
    fx *f = *state;
    /* Dagtekening in the future (TR135) */
    header_refused(f,
                   msg("jw323_valid.xml", "<ijw:Dagtekening>2025-04-02",
                       "<ijw:Dagtekening>2025-07-01", "D2025030001", "D2025030002", NULL),
                   "8848");
    /* a municipality outside the region (S300) */
    header_refused(f,
                   msg("jw323_valid.xml", "<Ontvanger>0193", "<Ontvanger>0363", "D2025030001",
                       "D2025030003", NULL),
                   "S300");
    /* an unknown sender */
    header_refused(f,
                   msg("jw323_valid.xml", "<Afzender>73000001", "<Afzender>99999999", "D2025030001",
                       "D2025030004", NULL),
                   "0001");
    /* a DeclaratiePeriode that is not one calendar month */
    header_refused(f,
                   msg("jw323_valid.xml", "<ijw:Einddatum>2025-03-31</ijw:Einddatum>",
                       "<ijw:Einddatum>2025-03-30</ijw:Einddatum>", "D2025030001", "D2025030005",
                       NULL),
                   "0001");
    /* TotaalIngediendBedrag is not the sum of the prestaties */
    header_refused(f,
                   msg("jw323_valid.xml", "<ijw:TotaalBedrag>64800", "<ijw:TotaalBedrag>64801",
                       "D2025030001", "D2025030006", NULL),
                   "0001");
    assert_int_equal(count(f, "SELECT COUNT(*) FROM ijw_inbox WHERE header_code IS NOT NULL"), 5);
}

static void test_jw323_line_codes(void **state)
{
    fx *f = *state;
    /* the first prestatie names no assignment: 9338, its number echoed */
    import_ok(f, msg("jw323_valid.xml", "<ToewijzingNummer>1</ToewijzingNummer>",
                     "<ToewijzingNummer>999</ToewijzingNummer>", NULL));
    assert_int_equal(code_count(&f->res, "9338"), 1);
    assert_int_equal(code_count(&f->res, "8001"), 1);
    assert_contains(f->answer.data, "<ToewijzingNummer>999</ToewijzingNummer>");
    /* a prestatie without ProductTarief: not the contracted tariff (0611) */
    import_ok(f, msg("jw323_valid.xml", "D2025030001", "D2025030009", "DEC202503A", "DEC202503B",
                     "<ijw:ReferentieNummer>R0001<", "<ijw:ReferentieNummer>R0201<",
                     "<ijw:ReferentieNummer>R0002<", "<ijw:ReferentieNummer>R0202<",
                     "            <ProductTarief>8100</ProductTarief>\n", "", NULL));
    assert_int_equal(code_count(&f->res, "0611"), 1);
    assert_int_equal(occurrences(f->answer.data, "<ProductTarief>"), 1); /* echoed as sent */
    /* a BSN failing the 11-check: not this client (8187) */
    import_ok(f, msg("jw323_valid.xml", "<Bsn>111222333", "<Bsn>123456789", "D2025030001",
                     "D2025030010", "DEC202503A", "DEC202503C", NULL));
    assert_int_equal(code_count(&f->res, "8187"), 2);
}

static void test_jw323_credit(void **state)
{
    fx *f = *state;
    import_ok(f, msg("jw323_valid.xml", NULL));
    char *credit = msg("jw323_valid.xml", "D2025030001", "D2025040001", "DEC202503A", "DEC202504A",
                       "<ijw:TotaalBedrag>64800</ijw:TotaalBedrag>\n      <ijw:DebetCredit>D",
                       "<ijw:TotaalBedrag>0</ijw:TotaalBedrag>\n      <ijw:DebetCredit>D",
                       "<ijw:ReferentieNummer>R0001</ijw:ReferentieNummer>",
                       "<ijw:ReferentieNummer>R0101</ijw:ReferentieNummer>\n"
                       "              <ijw:VorigReferentieNummer>R0001</ijw:VorigReferentieNummer>",
                       "<ijw:DebetCredit>D</ijw:DebetCredit>\n            </IngediendBedrag>",
                       "<ijw:DebetCredit>C</ijw:DebetCredit>\n            </IngediendBedrag>",
                       "<ijw:ReferentieNummer>R0002</ijw:ReferentieNummer>",
                       "<ijw:ReferentieNummer>R0102</ijw:ReferentieNummer>", NULL);
    import_ok(f, credit);
    /* the credit of R0001 is accepted; R0102 debits the same month again */
    assert_int_equal(f->res.accepted, 2);
    assert_contains(f->answer.data, "<ijw:VorigReferentieNummer>R0001</ijw:VorigReferentieNummer>");
    assert_int_equal(count(f, "SELECT used_cents FROM assignment_use"), 32400);
}

static void test_jw323_declaratienummer_reused(void **state)
{
    fx *f = *state;
    import_ok(f, msg("jw323_valid.xml", NULL));
    import_ok(f, msg("jw323_valid.xml", "D2025030001", "D2025030020", "<GeleverdVolume>4",
                     "<GeleverdVolume>3", "<ijw:Bedrag>32400", "<ijw:Bedrag>24300",
                     "<ijw:TotaalBedrag>64800", "<ijw:TotaalBedrag>56700", NULL));
    assert_contains(f->answer.data, "<DeclaratieAntwoord>");
    assert_contains(f->answer.data, "<RetourCode>9333</RetourCode>");
    assert_lacks(f->answer.data, "<Clienten>");
    assert_int_equal(count(f, "SELECT COUNT(*) FROM decl_line"), 2);
}

static void test_jw323_schema_error_stores_nothing(void **state)
{
    fx *f = *state;
    char *text = msg("jw323_valid.xml", "<Eenheid>04</Eenheid>", "", NULL);
    assert_int_equal(import(f, text), JR_EINVAL);
    free(text);
    assert_string_equal(f->err.code, "ijw_schema");
    assert_contains(f->err.message, "test.xml:");
    assert_contains(f->err.message, "Eenheid");
    assert_int_equal(f->answer.len, 0);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM decl_line"), 0);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM ijw_inbox"), 0);
    /* not well-formed, halfway through the prestaties */
    text = msg("jw323_valid.xml", "</Prestaties>", "</Prestatie>", NULL);
    assert_int_equal(import(f, text), JR_EINVAL);
    free(text);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM decl_line"), 0);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM decl_batch"), 0);
}

/* the same lines as CSV and as a JW323 (written by ijw_csv_to_jw323) get
 * the same outcome in two fresh stores */
static void test_jw323_same_as_csv(void **state)
{
    fx *f = *state;
    const char *csv =
        "declaratienummer,agb,gemeente,periode,dagtekening,referentie,toewijzingnummer,bsn,"
        "productcategorie,productcode,begindatum,einddatum,volume,eenheid,tarief,bedrag,"
        "debet_credit,vorige_referentie\n"
        "DEC1,73000001,0193,2025-03,2025-04-02,A1,{NR},111222333,45,45F02,2025-03-01,2025-03-31,"
        "10,04,81.00,810.00,D,\n"
        "DEC1,73000001,0193,2025-03,2025-04-02,A2,{NR},111222333,45,45F04,2025-03-01,2025-03-31,"
        "90,01,108.00,162.00,D,\n"
        "DEC1,73000001,0193,2025-03,2025-04-02,A3,{NR},111222333,45,45F05,2025-03-01,2025-03-31,"
        "2,04,118.00,236.00,D,\n"
        "DEC1,73000001,0193,2025-03,2025-04-02,A4,{NR},111222333,45,45F02,2025-03-01,2025-03-31,"
        "1,04,81.00,81.00,D,\n"
        "DEC1,73000001,0193,2025-03,2025-04-02,A5,{NR},111222333,45,45F02,2025-04-01,2025-04-30,"
        "1,04,81.00,81.00,D,\n"
        "DEC1,73000001,0193,2025-03,2025-04-02,A6,{NR},111222333,45,45F02,2025-03-01,2025-03-31,"
        "10,04,81.00,810.00,C,A1\n";
    jr_assignment a;
    char number[24];
    jr_stmt *q = store_prepare(f->env.store, "SELECT number FROM assignment WHERE id = ?", NULL);
    store_bind_int(q, 1, f->asg);
    assert_int_equal(store_step(q, NULL), STORE_ROW);
    snprintf(number, sizeof number, "%s", store_col_text(q, 0));
    store_reset(q);
    assert_ok(assignment_get(&f->env.ctx, number, &a, err));
    char *text = ijwt_fill(csv, "NR", number, NULL);
    char path[400];
    snprintf(path, sizeof path, "%s/decl.csv", f->env.dir);
    FILE *out = fopen(path, "w");
    fputs(text, out);
    fclose(out);
    free(text);
    /* as JW323 into a second store with the same fixture */
    ijwt_env other;
    int64_t other_asg;
    assert_int_equal(ijwt_env_open(&other), 0);
    assert_int_equal(ijwt_setup_region(&other, &other_asg), 0);
    FILE *in = fopen(path, "rb");
    char xml_path[400];
    snprintf(xml_path, sizeof xml_path, "%s/decl.xml", f->env.dir);
    FILE *xml = fopen(xml_path, "wb");
    assert_ok(ijw_csv_to_jw323(&f->env.ctx, in, path, xml, "CSV1", err));
    fclose(xml);
    fclose(in);
    size_t len;
    char *x = ijwt_read_file(xml_path, &len);
    assert_xsd_valid(x, len);
    sbuf ans = SBUF_INIT;
    ijw_result r;
    assert_ok(ijw_import_buffer(&other.ctx, x, len, "decl.xml", &ans, &r, err));
    assert_xsd_valid(ans.data, ans.len);
    /* as CSV into the first */
    in = fopen(path, "rb");
    jr_decl_session *s = NULL;
    assert_ok(decl_session_begin(&f->env.ctx, path, &s, err));
    assert_ok(decl_csv_read(in, path, s, err));
    assert_ok(decl_session_commit(s, err));
    decl_session_free(s);
    fclose(in);
    const char *sql = "SELECT group_concat(ref || ':' || code, ' ') FROM (SELECT ref, code FROM"
                      " decl_line ORDER BY id)";
    jr_stmt *q1 = store_prepare(f->env.store, sql, NULL);
    jr_stmt *q2 = store_prepare(other.store, sql, NULL);
    assert_int_equal(store_step(q1, NULL), STORE_ROW);
    assert_int_equal(store_step(q2, NULL), STORE_ROW);
    assert_string_equal(store_col_text(q1, 0), store_col_text(q2, 0));
    assert_string_equal(store_col_text(q1, 0), "A1:8001 A2:8001 A3:0611 A4:9389 A5:9319 A6:8001");
    store_reset(q1);
    store_reset(q2);
    assert_int_equal(r.accepted, 3);
    assert_int_equal(code_count(&r, "9319"), 1);
    sbuf_free(&ans);
    free(x);
    ijwt_env_close(&other);
}

/* ---- JW301 / JW302 ---- */

typedef struct {
    int n;
    sbuf last;
    char ident[16];
} collected;

static jr_status collect(void *ud, const ijw_out_info *info, const char *xml, size_t len,
                         jr_error *err)
{
    (void)err;
    collected *c = ud;
    c->n++;
    sbuf_reset(&c->last);
    sbuf_append(&c->last, xml, len);
    snprintf(c->ident, sizeof c->ident, "%s", info->ident);
    assert_xsd_valid(xml, len);
    return JR_OK;
}

static void test_jw301_export_and_read_back(void **state)
{
    fx *f = *state;
    collected c = {0, SBUF_INIT, ""};
    int n;
    assert_ok(ijw_export(&f->env.ctx, IJW_JW301, JR_DATE_NONE, collect, &c, &n, err));
    assert_int_equal(n, 1);
    /* read it back: the assignment as stored */
    ijw_tree *t = ijw_tree_new();
    ijw_source src;
    ijw_source_buffer(&src, c.last.data, c.last.len);
    ijw_msg m;
    assert_ok(ijw_read(&src, "jw301", &ijw_tree_events, t, &m, err));
    assert_int_equal(m, IJW_JW301);
    ijw_tnode *tp = ijw_tree_find(t, N301_Client_ToegewezenProducten_ToegewezenProduct);
    assert_non_null(tp);
    char nr[24];
    snprintf(nr, sizeof nr, "%lld", (long long)f->asg);
    assert_string_equal(
        ijw_tn_val(tp, N301_Client_ToegewezenProducten_ToegewezenProduct_ToewijzingNummer), nr);
    assert_string_equal(ijw_tn_val(tp, N301_Client_ToegewezenProducten_ToegewezenProduct_Budget),
                        "259625");
    assert_string_equal(
        ijw_tn_val(tp, N301_Client_ToegewezenProducten_ToegewezenProduct_Ingangsdatum),
        "2025-02-01");
    assert_string_equal(ijw_tn_val(tp, N301_Client_ToegewezenProducten_ToegewezenProduct_Einddatum),
                        "2025-07-31");
    assert_null(ijw_tn_val(tp, N301_Client_ToegewezenProducten_ToegewezenProduct_RedenWijziging));
    ijw_tree_free(t);
    /* nothing new: nothing sent */
    assert_ok(ijw_export(&f->env.ctx, IJW_JW301, JR_DATE_NONE, collect, &c, &n, err));
    assert_int_equal(n, 0);
    /* shortened by the municipality: a JW301 with RedenWijziging 05 */
    jr_stmt *q = store_prepare(f->env.store, "SELECT number FROM assignment WHERE id = ?", NULL);
    store_bind_int(q, 1, f->asg);
    assert_int_equal(store_step(q, NULL), STORE_ROW);
    char number[24];
    snprintf(number, sizeof number, "%s", store_col_text(q, 0));
    store_reset(q);
    jr_date end;
    date_parse("2025-06-30", &end);
    assert_ok(assignment_change(&f->env.ctx, number, -1, end, "05", err));
    assert_ok(ijw_export(&f->env.ctx, IJW_JW301, JR_DATE_NONE, collect, &c, &n, err));
    assert_int_equal(n, 1);
    assert_contains(c.last.data, "<RedenWijziging>05</RedenWijziging>");
    assert_contains(c.last.data, "<Einddatum>2025-06-30</Einddatum>");
    /* the reason is kept as data: 08 is sent, not the 05 an earlier end suggests */
    date_parse("2025-06-20", &end);
    assert_ok(assignment_change(&f->env.ctx, number, -1, end, "08", err));
    assert_int_equal(count(f, "SELECT COUNT(*) FROM ledger_event WHERE kind = 'gewijzigd' AND"
                              " reason = '08'"),
                     1);
    assert_ok(ijw_export(&f->env.ctx, IJW_JW301, JR_DATE_NONE, collect, &c, &n, err));
    assert_int_equal(n, 1);
    assert_contains(c.last.data, "<RedenWijziging>08</RedenWijziging>");
    assert_contains(c.last.data, "<Einddatum>2025-06-20</Einddatum>");
    /* withdrawn: RedenWijziging 13 */
    assert_ok(assignment_withdraw(&f->env.ctx, number, err));
    assert_ok(ijw_export(&f->env.ctx, IJW_JW301, JR_DATE_NONE, collect, &c, &n, err));
    assert_int_equal(n, 1);
    assert_contains(c.last.data, "<RedenWijziging>13</RedenWijziging>");
    sbuf_free(&c.last);
}

static void test_jw302_retour(void **state)
{
    fx *f = *state;
    collected c = {0, SBUF_INIT, ""};
    int n;
    assert_ok(ijw_export(&f->env.ctx, IJW_JW301, JR_DATE_NONE, collect, &c, &n, err));
    char want[64];
    snprintf(want, sizeof want, "<IdentificatieRetour>%s<", c.ident);
    import_ok(f, msg("jw302_valid.xml", "<IdentificatieRetour>JR0000000005<", want, NULL));
    assert_int_equal(f->res.answer_msg, IJW_NMSG);
    assert_int_equal(f->answer.len, 0);
    assert_int_equal(
        count(f, "SELECT COUNT(*) FROM ijw_outbox WHERE retour_codes = '0200' AND retour_inbox_id"
                 " IS NOT NULL"),
        1);
    /* a retour on a message never sent */
    import_ok(f, msg("jw302_valid.xml", "T2025010001", "T2025010002", NULL));
    assert_int_equal(code_count(&f->res, "9063"), 1);
    sbuf_free(&c.last);
}

/* ---- JW305 / JW306, JW307 / JW308 ---- */

static int64_t dyslexie_assignment(fx *f)
{
    jr_referral_req req;
    memset(&req, 0, sizeof req);
    snprintf(req.referrer_type, sizeof req.referrer_type, "01");
    req.route = JR_ROUTE_DYSLEXIE;
    snprintf(req.product, sizeof req.product, "45D01");
    req.volume = 40;
    snprintf(req.result, sizeof req.result, "Vlot lezen");
    date_parse("2025-03-01", &req.date);
    int64_t rid, id = 0;
    assert_ok(referral_create(&f->env.ctx, "111222333", &req, "", &rid, err));
    char number[24];
    assert_ok(assignment_create(&f->env.ctx, rid, "73000001", req.date, JR_DATE_NONE, number, err));
    jr_assignment a;
    assert_ok(assignment_get(&f->env.ctx, number, &a, err));
    id = a.id;
    return id;
}

static void test_jw305_jw307(void **state)
{
    fx *f = *state;
    int64_t id = dyslexie_assignment(f);
    char nr[48];
    snprintf(nr, sizeof nr, "<ToewijzingNummer>%lld<", (long long)id);
    /* the sample's ToewijzingIngangsdatum is not this assignment's: 9019 */
    import_ok(f, msg("jw305_valid.xml", "<ToewijzingNummer>1<", nr, "S2025020001", "S1", NULL));
    assert_int_equal(code_count(&f->res, "9019"), 1);
    import_ok(f, msg("jw305_valid.xml", "<ToewijzingNummer>1<", nr, "S2025020001", "S2",
                     "<ToewijzingIngangsdatum>2025-02-01<", "<ToewijzingIngangsdatum>2025-03-01<",
                     "<Begindatum>2025-02-01<", "<Begindatum>2025-03-03<", NULL));
    assert_int_equal(f->res.accepted, 1);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM assignment WHERE care_start = '2025-03-03'"),
                     1);
    /* an assignment of nobody */
    import_ok(f, msg("jw305_valid.xml", "<ToewijzingNummer>1<", "<ToewijzingNummer>777<",
                     "S2025020001", "S3", NULL));
    assert_int_equal(code_count(&f->res, "9019"), 1);
    /* a BSN failing the 11-check */
    import_ok(
        f, msg("jw305_valid.xml", "<Bsn>111222333", "<Bsn>123456789", "S2025020001", "S4", NULL));
    assert_contains(f->answer.data, "<RetourCode>0001</RetourCode>");
    assert_contains(f->answer.data, "<RetourCode>0233</RetourCode>");
    /* stop: the start it ends must be the current one (9069) */
    import_ok(f, msg("jw307_valid.xml", "<ToewijzingNummer>1<", nr, "E2025060001", "E1",
                     "<ToewijzingIngangsdatum>2025-02-01<", "<ToewijzingIngangsdatum>2025-03-01<",
                     NULL));
    assert_int_equal(code_count(&f->res, "9069"), 1);
    import_ok(f, msg("jw307_valid.xml", "<ToewijzingNummer>1<", nr, "E2025060001", "E2",
                     "<ToewijzingIngangsdatum>2025-02-01<", "<ToewijzingIngangsdatum>2025-03-01<",
                     "<Begindatum>2025-02-01<", "<Begindatum>2025-03-03<", NULL));
    assert_int_equal(f->res.accepted, 1);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM assignment WHERE care_stop = '2025-05-31' AND"
                              " stop_reason = '31'"),
                     1);
    /* the start cannot be withdrawn once care stopped (9071) */
    import_ok(f, msg("jw305_valid.xml", "<ToewijzingNummer>1<", nr, "S2025020001", "S5",
                     "<ToewijzingIngangsdatum>2025-02-01<", "<ToewijzingIngangsdatum>2025-03-01<",
                     "<Begindatum>2025-02-01<", "<Begindatum>2025-03-03<", "<StatusAanlevering>1<",
                     "<StatusAanlevering>3<", NULL));
    assert_int_equal(code_count(&f->res, "9071"), 1);
    /* the stop withdrawn, then the start */
    import_ok(f, msg("jw307_valid.xml", "<ToewijzingNummer>1<", nr, "E2025060001", "E3",
                     "<ToewijzingIngangsdatum>2025-02-01<", "<ToewijzingIngangsdatum>2025-03-01<",
                     "<Begindatum>2025-02-01<", "<Begindatum>2025-03-03<", "<StatusAanlevering>1<",
                     "<StatusAanlevering>3<", NULL));
    assert_int_equal(f->res.accepted, 1);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM assignment WHERE care_stop IS NOT NULL AND"
                              " product = '45D01'"),
                     0);
    /* the client's name is kept for the JW301 */
    assert_int_equal(count(f, "SELECT COUNT(*) FROM ijw_client WHERE achternaam = 'Berg'"), 1);
}

/* JW307 temporary and definitive stops (9413, 9414, 9415): a dyslexie
 * assignment whose care started on 2025-03-03; nr is its ToewijzingNummer */
static int64_t started_care(fx *f, char nr[48])
{
    int64_t id = dyslexie_assignment(f);
    snprintf(nr, 48, "<ToewijzingNummer>%lld<", (long long)id);
    import_ok(f, msg("jw305_valid.xml", "<ToewijzingNummer>1<", nr, "S2025020001", "S1",
                     "<ToewijzingIngangsdatum>2025-02-01<", "<ToewijzingIngangsdatum>2025-03-01<",
                     "<Begindatum>2025-02-01<", "<Begindatum>2025-03-03<", NULL));
    assert_int_equal(f->res.accepted, 1);
    return id;
}

/* a JW307 ident with one first StopProduct (StatusAanlevering 1) ending the
 * start of 2025-03-03 on end with reason */
static char *stop_msg(const char *nr, const char *ident, const char *reason, const char *end)
{
    char r[48], e[48];
    snprintf(r, sizeof r, "<RedenBeeindiging>%s<", reason);
    snprintf(e, sizeof e, "<Einddatum>%s<", end);
    return msg("jw307_valid.xml", "<ToewijzingNummer>1<", nr, "E2025060001", ident,
               "<ToewijzingIngangsdatum>2025-02-01<", "<ToewijzingIngangsdatum>2025-03-01<",
               "<Begindatum>2025-02-01<", "<Begindatum>2025-03-03<", "<RedenBeeindiging>31<", r,
               "<Einddatum>2025-05-31<", e, NULL);
}

static void stop_accepted(fx *f, const char *nr, const char *ident, const char *reason,
                          const char *end)
{
    import_ok(f, stop_msg(nr, ident, reason, end));
    assert_int_equal(f->res.accepted, 1);
    assert_null(strstr(f->answer.data, "<RetourCode>94"));
}

static void stop_refused(fx *f, const char *nr, const char *ident, const char *reason,
                         const char *end, const char *code)
{
    char want[64];
    snprintf(want, sizeof want, "<RetourCode>%s</RetourCode>", code);
    import_ok(f, stop_msg(nr, ident, reason, end));
    assert_int_equal(code_count(&f->res, code), 1);
    assert_contains(f->answer.data, want);
    assert_int_equal(occurrences(f->answer.data, "<RetourCode>94"), 1);
}

/* the current stop of the fixture's dyslexie assignment is end / reason
 * (a literal SQL with bound values: store_prepare caches by the sql pointer,
 * so a query built in a stack buffer would meet the statement of an earlier
 * call at the same address) */
static void assert_stop(fx *f, int64_t id, const char *end, const char *reason)
{
    jr_stmt *q = store_prepare(f->env.store,
                               "SELECT care_stop, stop_reason FROM assignment WHERE id = ?", NULL);
    assert_non_null(q);
    store_bind_int(q, 1, id);
    assert_int_equal(store_step(q, NULL), STORE_ROW);
    char got_end[JR_DATE_ISO_LEN + 1], got_reason[8];
    snprintf(got_end, sizeof got_end, "%s", store_col_text(q, 0));
    snprintf(got_reason, sizeof got_reason, "%s", store_col_text(q, 1));
    store_reset(q);
    assert_string_equal(got_end, end);
    assert_string_equal(got_reason, reason);
}

/* 9413: a second temporary stop (20) for the same start */
static void test_jw307_9413_second_temporary_stop(void **state)
{
    fx *f = *state;
    char nr[48];
    int64_t id = started_care(f, nr);
    stop_accepted(f, nr, "E1", "20", "2025-04-30");
    stop_refused(f, nr, "E2", "20", "2025-05-15", "9413");
    assert_stop(f, id, "2025-04-30", "20");
    assert_int_equal(count(f, "SELECT COUNT(*) FROM stop_history"), 1);
}

/* 9414: a stop after a temporary one ending before it */
static void test_jw307_9414_stop_before_current(void **state)
{
    fx *f = *state;
    char nr[48];
    int64_t id = started_care(f, nr);
    stop_accepted(f, nr, "E1", "20", "2025-04-30");
    stop_refused(f, nr, "E2", "31", "2025-04-15", "9414");
    assert_stop(f, id, "2025-04-30", "20");
    assert_int_equal(count(f, "SELECT COUNT(*) FROM stop_history"), 1);
}

/* 9415: any stop after a definitive one (not 20) for the same start */
static void test_jw307_9415_after_definitive_stop(void **state)
{
    fx *f = *state;
    char nr[48];
    int64_t id = started_care(f, nr);
    stop_accepted(f, nr, "E1", "31", "2025-05-31");
    stop_refused(f, nr, "E2", "31", "2025-06-05", "9415");
    stop_refused(f, nr, "E3", "20", "2025-06-05", "9415");
    assert_stop(f, id, "2025-05-31", "31");
    assert_int_equal(count(f, "SELECT COUNT(*) FROM stop_history"), 1);
}

/* a temporary stop followed by a later definitive one; the same message
 * again answers the same and changes nothing */
static void test_jw307_temporary_then_definitive(void **state)
{
    fx *f = *state;
    char nr[48];
    int64_t id = started_care(f, nr);
    stop_accepted(f, nr, "E1", "20", "2025-04-30");
    assert_stop(f, id, "2025-04-30", "20");
    stop_accepted(f, nr, "E2", "31", "2025-05-31");
    assert_stop(f, id, "2025-05-31", "31");
    char *first = strdup(f->answer.data);
    assert_non_null(first);
    stop_accepted(f, nr, "E2", "31", "2025-05-31");
    assert_string_equal(f->answer.data, first);
    free(first);
    assert_stop(f, id, "2025-05-31", "31");
    assert_int_equal(count(f, "SELECT COUNT(*) FROM stop_history WHERE reason = '20' AND"
                              " end_date = '2025-04-30' AND state = 'vervangen'"),
                     1);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM stop_history WHERE reason = '31' AND"
                              " end_date = '2025-05-31' AND state = 'actueel'"),
                     1);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM stop_history"), 2);
    /* the definitive stop closes the start: another temporary one is 9415 */
    stop_refused(f, nr, "E3", "20", "2025-06-01", "9415");
}

/* ---- JW315 / JW316, JW319 ---- */

static jr_status import_vot(fx *f, const char *ref, const char *type, const char *budget,
                            const char *ident)
{
    char *text = msg("jw315_valid.xml", "V2025010001", ident, "VOT-2025-001", ref, "<ijw:Type>02<",
                     type, "<Budget>259625<", budget, NULL);
    jr_status rc = import(f, text);
    free(text);
    return rc;
}

static void test_jw315_decisions(void **state)
{
    fx *f = *state;
    set_today(f, "2025-01-25");
    /* a GP asks KB2's amount: granted, a JW301 with the ReferentieAanbieder follows */
    assert_int_equal(import_vot(f, "R1", "<ijw:Type>02<", "<Budget>259625<", "V1"), JR_OK);
    assert_int_equal(f->res.accepted, 1);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM ijw_verzoek WHERE status = 'toegewezen'"), 1);
    collected c = {0, SBUF_INIT, ""};
    int n;
    assert_ok(ijw_export(&f->env.ctx, IJW_JW301, JR_DATE_NONE, collect, &c, &n, err));
    assert_int_equal(n, 1);
    assert_contains(c.last.data, "<ReferentieAanbieder>R1</ReferentieAanbieder>");
    /* the same reference again: 9347 in the retour, no decision */
    assert_int_equal(import_vot(f, "R1", "<ijw:Type>02<", "<Budget>259625<", "V2"), JR_OK);
    assert_int_equal(code_count(&f->res, "9347"), 1);
    /* a GP asks KB3's amount (5192.50 in 2025): refused, reden 2, naming the rule */
    assert_int_equal(import_vot(f, "R2", "<ijw:Type>02<", "<Budget>519250<", "V3"), JR_OK);
    assert_int_equal(f->res.accepted, 1); /* the retour accepts the request as a message */
    assert_int_equal(count(f, "SELECT COUNT(*) FROM ijw_verzoek WHERE referentie = 'R2' AND"
                              " status = 'afgewezen' AND reden = '2' AND message LIKE '%KB3%'"),
                     1);
    /* an amount no keuzebudget has, from a GP: refused naming KB1 and KB2 */
    assert_int_equal(import_vot(f, "R3", "<ijw:Type>02<", "<Budget>300000<", "V4"), JR_OK);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM ijw_verzoek WHERE referentie = 'R3' AND"
                              " reden = '2' AND message LIKE '%KB1%KB2%'"),
                     1);
    /* a GI asks a keuzebudget: refused the same way */
    assert_int_equal(import_vot(f, "R4", "<ijw:Type>04<", "<Budget>103850<", "V5"), JR_OK);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM ijw_verzoek WHERE referentie = 'R4' AND"
                              " status = 'afgewezen' AND reden = '2'"),
                     1);
    /* the access team asks an amount no keuzebudget has: taken into investigation */
    assert_int_equal(import_vot(f, "R5", "<ijw:Type>01<", "<Budget>300000<", "V6"), JR_OK);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM ijw_verzoek WHERE referentie = 'R5' AND"
                              " status = 'in_onderzoek'"),
                     1);
    /* while it is: another request for the client is 9374 */
    assert_int_equal(import_vot(f, "R6", "<ijw:Type>01<", "<Budget>103850<", "V7"), JR_OK);
    assert_int_equal(code_count(&f->res, "9374"), 1);
    /* the answers go out as JW319s */
    assert_ok(ijw_export(&f->env.ctx, IJW_JW319, JR_DATE_NONE, collect, &c, &n, err));
    assert_int_equal(n, 4);
    assert_contains(c.last.data, "<VerzoekAntwoord>2</VerzoekAntwoord>");
    /* a refusal is answered: JW320 back */
    sbuf_free(&c.last);
}

static void test_jw315_woonplaats_and_contract(void **state)
{
    fx *f = *state;
    set_today(f, "2025-01-25");
    jr_date birth;
    date_parse("2013-03-03", &birth);
    assert_ok(youth_add(&f->env.ctx, "123456782", birth, "0150", NULL, err));
    char *text =
        msg("jw315_valid.xml", "<Bsn>111222333", "<Bsn>123456782", "VOT-2025-001", "W1", NULL);
    import_ok(f, text);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM ijw_verzoek WHERE referentie = 'W1' AND"
                              " reden = '8' AND woonplaats = '0150'"),
                     1);
    /* the decision is kept as data; the JW319 is written when it goes out */
    assert_int_equal(count(f, "SELECT COUNT(*) FROM ijw_antwoord a JOIN ijw_outbox o ON"
                              " o.id = a.outbox_id WHERE a.referentie = 'W1' AND"
                              " a.antwoord = '1' AND a.reden = '8' AND a.woonplaats = '0150'"
                              " AND o.body = '' AND o.exported_at IS NULL"),
                     1);
    collected c = {0, SBUF_INIT, ""};
    int n;
    assert_ok(ijw_export(&f->env.ctx, IJW_JW319, JR_DATE_NONE, collect, &c, &n, err));
    assert_int_equal(n, 1);
    assert_contains(c.last.data, "<Gemeente>0150</Gemeente>");
    assert_int_equal(count(f, "SELECT COUNT(*) FROM ijw_outbox WHERE code = 'JW319' AND"
                              " body LIKE '%<Gemeente>0150</Gemeente>%' AND"
                              " exported_at IS NOT NULL"),
                     1);
    /* the JW320 on it is recorded */
    char want[64];
    snprintf(want, sizeof want, "<IdentificatieRetour>%s<", c.ident);
    import_ok(f, msg("jw320_valid.xml", "<IdentificatieRetour>JR0000000010<", want,
                     "<ijw:Dagtekening>2025-06-04<", "<ijw:Dagtekening>2025-01-25<", NULL));
    assert_int_equal(count(f, "SELECT COUNT(*) FROM ijw_outbox WHERE code = 'JW319' AND"
                              " retour_codes = '0200'"),
                     1);
    /* a provider without a contract for crisis: refused, reden 3 */
    assert_ok(provider_add(&f->env.ctx, "73000002", "Zonder contract", "instelling", NULL, err));
    text = msg("jw315_valid.xml", "<Afzender>73000001", "<Afzender>73000002", "VOT-2025-001", "C1",
               "<ijw:Categorie>45</ijw:Categorie>",
               "<ijw:Categorie>46</ijw:Categorie>\n          <ijw:Code>46C01</ijw:Code>",
               "<ToewijzingEinddatum>2025-07-31<", "<ToewijzingEinddatum>2025-02-10<",
               "<Budget>259625</Budget>",
               "<Omvang><ijw:Volume>10</ijw:Volume><ijw:Eenheid>04</ijw:Eenheid>"
               "<ijw:Frequentie>6</ijw:Frequentie></Omvang>",
               "<ijw:Type>02<", "<ijw:Type>01<", NULL);
    import_ok(f, text);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM ijw_verzoek WHERE referentie = 'C1' AND"
                              " reden = '3'"),
                     1);
    sbuf_free(&c.last);
}

/* ---- a request in investigation refused later: JW319 afgewezen ---- */

static int count_pending(void *ud, const void *row)
{
    const jr_req_pending *p = row;
    int *n = ud;
    if (strcmp(p->referentie, "R5") == 0 && p->open_quotes == 0 && p->quotes == 1)
        (*n)++;
    return 0;
}

static void test_jw315_refused_after_investigation(void **state)
{
    fx *f = *state;
    set_today(f, "2025-01-25");
    /* the access team asks an amount no keuzebudget has: in onderzoek, a JW319 (2) */
    assert_int_equal(import_vot(f, "R5", "<ijw:Type>01<", "<Budget>300000<", "V6"), JR_OK);
    int64_t id = count(f, "SELECT id FROM ijw_verzoek WHERE referentie = 'R5' AND"
                          " status = 'in_onderzoek'");
    int64_t ref = count(f, "SELECT referral_id FROM ijw_verzoek WHERE id = " /* */
                           "(SELECT MAX(id) FROM ijw_verzoek)");
    assert_true(id > 0 && ref > 0);
    collected c = {0, SBUF_INIT, ""};
    int n;
    assert_ok(ijw_export(&f->env.ctx, IJW_JW319, JR_DATE_NONE, collect, &c, &n, err));
    assert_int_equal(n, 1);
    assert_contains(c.last.data, "<VerzoekAntwoord>2</VerzoekAntwoord>");
    /* a quote is asked: while it is open the request is not refused */
    const char *agbs[] = {"73000001"};
    int64_t qid;
    assert_ok(quote_request(&f->env.ctx, ref, agbs, 1, &qid, err));
    jr_error e;
    jr_error_clear(&e);
    assert_int_equal(request_refuse(&f->env.ctx, id, "4", NULL, NULL, &e), JR_ECONFLICT);
    assert_string_equal(e.code, "quote_open");
    /* every quote rejected: it can be */
    assert_ok(quote_reject(&f->env.ctx, qid, "Geen passend aanbod", err));
    int pending = 0;
    assert_ok(request_pending(&f->env.ctx, count_pending, &pending, err));
    assert_int_equal(pending, 1);
    /* a reason outside LDT_RedenAfwijzingVerzoek */
    assert_int_equal(request_refuse(&f->env.ctx, id, "0", NULL, NULL, &e), JR_EINVAL);
    assert_int_equal(request_refuse(&f->env.ctx, id, "10", NULL, NULL, &e), JR_EINVAL);
    /* reden 8 when the youth lives in the municipality itself */
    assert_int_equal(request_refuse(&f->env.ctx, id, "8", NULL, NULL, &e), JR_EINVAL);
    /* the access team of another municipality does not see it; unknown ids neither */
    f->env.ctx.who.role = JR_ROLE_TOEGANG;
    snprintf(f->env.ctx.who.gemeente, sizeof f->env.ctx.who.gemeente, "0150");
    assert_int_equal(request_refuse(&f->env.ctx, id, "4", NULL, NULL, &e), JR_ENOTFOUND);
    pending = 0;
    assert_ok(request_pending(&f->env.ctx, count_pending, &pending, err));
    assert_int_equal(pending, 0);
    /* a reader may not refuse */
    f->env.ctx.who.role = JR_ROLE_GEMEENTE;
    snprintf(f->env.ctx.who.gemeente, sizeof f->env.ctx.who.gemeente, "0193");
    assert_int_equal(request_refuse(&f->env.ctx, id, "4", NULL, NULL, &e), JR_EFORBIDDEN);
    /* Zwolle's access team refuses it */
    f->env.ctx.who.role = JR_ROLE_TOEGANG;
    assert_int_equal(request_refuse(&f->env.ctx, 999999, "4", NULL, NULL, &e), JR_ENOTFOUND);
    jr_req_decision d;
    assert_ok(
        request_refuse(&f->env.ctx, id, "4", "Geen offerte past binnen het contract.", &d, err));
    assert_int_equal(d.outcome, JR_REQ_REFUSED);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM ijw_verzoek WHERE referentie = 'R5' AND"
                              " status = 'afgewezen' AND reden = '4' AND message LIKE"
                              " 'Geen offerte%'"),
                     1);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM audit WHERE action = 'verzoek.afgewezen'"), 1);
    /* the JW319 afgewezen goes out by ijw export, valid by the XSD (collect) */
    assert_ok(ijw_export(&f->env.ctx, IJW_JW319, JR_DATE_NONE, collect, &c, &n, err));
    assert_int_equal(n, 1);
    assert_contains(c.last.data, "<ReferentieAanbieder>R5</ReferentieAanbieder>");
    assert_contains(c.last.data, "<VerzoekAntwoord>1</VerzoekAntwoord>");
    assert_contains(c.last.data, "<RedenAfwijzingVerzoek>4</RedenAfwijzingVerzoek>");
    assert_lacks(c.last.data, "Woonplaatsbeginsel");
    assert_int_equal(count(f, "SELECT COUNT(*) FROM ijw_verzoek v JOIN ijw_outbox o ON"
                              " o.id = v.outbox_id WHERE v.referentie = 'R5' AND"
                              " o.body LIKE '%<VerzoekAntwoord>1<%'"),
                     1);
    /* twice: a conflict, nothing more queued */
    assert_int_equal(request_refuse(&f->env.ctx, id, "4", NULL, NULL, &e), JR_ECONFLICT);
    assert_string_equal(e.code, "request_decided");
    /* no longer in investigation: a new request for the client is decided (no 9374) */
    f->env.ctx.who.role = JR_ROLE_SYSTEM;
    assert_int_equal(import_vot(f, "R1", "<ijw:Type>02<", "<Budget>259625<", "V1"), JR_OK);
    assert_int_equal(code_count(&f->res, "9374"), 0);
    int64_t granted = count(f, "SELECT id FROM ijw_verzoek WHERE referentie = 'R1' AND"
                               " status = 'toegewezen'");
    assert_true(granted > 0);
    /* a granted request is not refused */
    assert_int_equal(request_refuse(&f->env.ctx, granted, "4", NULL, NULL, &e), JR_ECONFLICT);
    assert_ok(ijw_export(&f->env.ctx, IJW_JW319, JR_DATE_NONE, collect, &c, &n, err));
    assert_int_equal(n, 0);
    sbuf_free(&c.last);
}

/* ---- JW317 / JW318 ---- */

static void test_jw317(void **state)
{
    fx *f = *state;
    char nr[48];
    snprintf(nr, sizeof nr, "<ToewijzingNummer>%lld<", (long long)f->asg);
    collected c = {0, SBUF_INIT, ""};
    int n;
    assert_ok(ijw_export(&f->env.ctx, IJW_JW301, JR_DATE_NONE, collect, &c, &n, err));
    /* an unknown assignment to change: 9351, and the current one left out: no decision */
    import_ok(f, msg("jw317_valid.xml", "<ToewijzingNummer>1<", "<ToewijzingNummer>55<", NULL));
    assert_contains(f->answer.data, "<RetourCode>9351</RetourCode>");
    assert_int_equal(count(f, "SELECT COUNT(*) FROM ijw_verzoek"), 0);
    /* a budget change from another date than the assignment's start: 9373 */
    import_ok(f, msg("jw317_valid.xml", "W2025060001", "W2", "VOW-2025-001", "VW2",
                     "<ToewijzingNummer>1<", nr, "<GewensteIngangsdatum>2025-02-01<",
                     "<GewensteIngangsdatum>2025-03-01<", NULL));
    assert_contains(f->answer.data, "<RetourCode>9373</RetourCode>");
    /* KB2 to KB1 for the GP's assignment, nothing new: granted */
    import_ok(f, msg("jw317_valid.xml", "W2025060001", "W3", "VOW-2025-001", "VW3",
                     "<ToewijzingNummer>1<", nr, "<Budget>350000<", "<Budget>103850<",
                     "<NieuweProducten>", "<!--", "</NieuweProducten>", "-->", NULL));
    assert_int_equal(count(f, "SELECT COUNT(*) FROM ijw_verzoek WHERE referentie = 'VW3' AND"
                              " status = 'toegewezen'"),
                     1);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM assignment WHERE budget_cents = 103850"), 1);
    assert_ok(ijw_export(&f->env.ctx, IJW_JW301, JR_DATE_NONE, collect, &c, &n, err));
    assert_int_equal(n, 1);
    assert_contains(c.last.data, "<RedenWijziging>12</RedenWijziging>");
    assert_contains(c.last.data, "<ReferentieAanbieder>VW3</ReferentieAanbieder>");
    assert_contains(c.last.data, "<Budget>103850</Budget>");
    /* more budget than a GP may choose: refused, nothing changes */
    import_ok(f, msg("jw317_valid.xml", "W2025060001", "W4", "VOW-2025-001", "VW4",
                     "<ToewijzingNummer>1<", nr, NULL));
    assert_int_equal(count(f, "SELECT COUNT(*) FROM ijw_verzoek WHERE referentie = 'VW4' AND"
                              " status = 'afgewezen'"),
                     1);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM assignment"), 1); /* no dyslexie either */
    sbuf_free(&c.last);
}

/* ---- who may send what ---- */

static void test_forbidden(void **state)
{
    fx *f = *state;
    f->env.ctx.who.role = JR_ROLE_AANBIEDER;
    snprintf(f->env.ctx.who.agb, sizeof f->env.ctx.who.agb, "73000009");
    char *text = msg("jw323_valid.xml", NULL);
    assert_int_equal(import(f, text), JR_EFORBIDDEN);
    free(text);
    assert_int_equal(count(f, "SELECT COUNT(*) FROM ijw_inbox"), 0);
    /* its own messages it may send */
    snprintf(f->env.ctx.who.agb, sizeof f->env.ctx.who.agb, "73000001");
    import_ok(f, msg("jw323_valid.xml", NULL));
    /* a message the municipality sends is not imported */
    text = msg("jw301_valid.xml", NULL);
    assert_int_equal(import(f, text), JR_EINVAL);
    free(text);
    assert_string_equal(f->err.code, "ijw_direction");
}

/* ---- every retour the project writes, for every sample heenbericht ---- */

static void test_every_retour_validates(void **state)
{
    fx *f = *state;
    const char *heen[] = {"jw301_valid.xml", "jw305_valid.xml", "jw307_valid.xml",
                          "jw315_valid.xml", "jw317_valid.xml", "jw319_valid.xml"};
    const char *codes[] = {NULL, "9056"};
    for (size_t i = 0; i < sizeof heen / sizeof heen[0]; i++)
        for (int k = 0; k < 2; k++) {
            char *text = msg(heen[i], NULL);
            ijw_tree *t = ijw_tree_new();
            ijw_source src;
            ijw_source_buffer(&src, text, strlen(text));
            ijw_msg m;
            assert_ok(ijw_read(&src, heen[i], &ijw_tree_events, t, &m, err));
            ijw_header h;
            ijw_header_of(t, &h);
            sbuf out = SBUF_INIT;
            ijw_sink sink = {&out, NULL, false};
            assert_ok(ijw_write_retour(t, &h, ijw_answer_of(m), "JR0000000099", f->env.ctx.today,
                                       codes[k], &sink, err));
            assert_xsd_valid(out.data, out.len);
            jr_error e;
            ijw_msg back;
            assert_int_equal(ijw_validate_buffer(out.data, out.len, "retour", &back, &e), JR_OK);
            assert_int_equal(back, ijw_answer_of(m));
            sbuf_free(&out);
            ijw_tree_free(t);
            free(text);
        }
}

/* every sample a sender gets wrong: jwNNN_invalid_WHAT.xml breaks the schema
 * and is refused with nothing stored; jwNNN_invalid_rule_CODE_WHAT.xml is
 * valid by the schema and answered with retourcode CODE */
static void test_invalid_samples(void **state)
{
    fx *f = *state;
    char dir[600];
    ijwt_sample("", dir, sizeof dir);
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *e;
    int nschema = 0, nrule = 0;
    while ((e = readdir(d)) != NULL) {
        const char *rule = strstr(e->d_name, "_invalid_rule_");
        if (!strstr(e->d_name, "_invalid_"))
            continue;
        char *text = msg(e->d_name, NULL);
        int64_t before = count(f, "SELECT COUNT(*) FROM ijw_inbox");
        jr_status rc = import(f, text);
        free(text);
        if (rule) {
            if (rc != JR_OK)
                fail_msg("%s: %s", e->d_name, f->err.message);
            char want[64];
            snprintf(want, sizeof want, "<RetourCode>%.4s</RetourCode>", rule + 14);
            if (!strstr(f->answer.data, want))
                fail_msg("%s: the answer has no %s", e->d_name, want);
            nrule++;
        } else {
            if (rc != JR_EINVAL)
                fail_msg("%s: imported (%s)", e->d_name, jr_status_name(rc));
            if (strncmp(f->err.code, "ijw_", 4) != 0)
                fail_msg("%s: refused with %s", e->d_name, f->err.code);
            assert_int_equal(f->answer.len, 0);
            assert_int_equal(count(f, "SELECT COUNT(*) FROM ijw_inbox"), before);
            nschema++;
        }
    }
    closedir(d);
    assert_true(nschema >= 20);
    assert_true(nrule >= 10);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_jw323_accept_and_replay),
        T(test_jw323_ident_reused),
        T(test_jw323_header_rules),
        T(test_jw323_line_codes),
        T(test_jw323_credit),
        T(test_jw323_declaratienummer_reused),
        T(test_jw323_schema_error_stores_nothing),
        T(test_jw323_same_as_csv),
        T(test_jw301_export_and_read_back),
        T(test_jw302_retour),
        T(test_jw305_jw307),
        T(test_jw307_9413_second_temporary_stop),
        T(test_jw307_9414_stop_before_current),
        T(test_jw307_9415_after_definitive_stop),
        T(test_jw307_temporary_then_definitive),
        T(test_jw315_decisions),
        T(test_jw315_woonplaats_and_contract),
        T(test_jw315_refused_after_investigation),
        T(test_jw317),
        T(test_forbidden),
        T(test_every_retour_validates),
        T(test_invalid_samples),
    };
    if (!ijwt_xsd_dir())
        printf("iJw XSDs not found: written messages are checked by the own validator only\n");
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    ijwt_xsd_cleanup();
    return failed;
}

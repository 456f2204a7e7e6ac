/*
 * test_http_ijw.c: the iJw message exchange over HTTP (POST /api/ijw and
 * POST /api/ijw/outgoing/export), end to end against the real server.
 *
 * The group setup fills a temporary database with `jeugdregio demo`
 * (JEUGDREGIO_TODAY=2026-01-15), starts `jeugdregio serve --port 0` on it,
 * logs in the demo accounts and, through the API, gives aanbieder1's
 * provider a contract and an assignment in Zwolle (0193) with care
 * started. Its JW323 for March 2025 is written the way a provider would by
 * `jeugdregio ijw convert` from a declaration CSV of two prestaties, the
 * second a double of the first (refused with a retourcode). The tests
 * upload it as each role, replay it, break it, and export the outgoing
 * JW301 messages. The teardown stops the server with SIGTERM and asserts
 * it exits 0 without a sanitizer report.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "http_client.h"

#include "domain/ident.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <jansson.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

#define PASSWORD "jeugdregio-demo"

enum { BEH, RSJ, T1, G1, A1, A2, LEZ, NROLES };
static const char *const role_names[NROLES] = {"beheerder",  "rsj",        "toegang1", "gemeente1",
                                               "aanbieder1", "aanbieder2", "lezer"};

static struct {
    const char *bin;
    char dir[64], db[128], out[128], err[128];
    pid_t pid;
    int port;
    session s[NROLES];
    char p1[9], p2[9]; /* the providers of aanbieder1 and aanbieder2 */
    char yx[10];       /* a youth of Zwolle */
    char ax[24];       /* its assignment to P1, care started */
    char *xml;         /* P1's JW323 for March 2025 */
    int bsn_seq;
} F;

static resp *raw_request(const char *head, const char *body, size_t body_len)
{
    return hc_raw_request(F.port, head, body, body_len);
}

static resp *request_full(const session *s, bool csrf, const char *method, const char *path,
                          const char *ctype, const char *body, size_t body_len)
{
    return hc_request(F.port, s, csrf, method, path, ctype, body, body_len);
}

static resp *req(int role, const char *method, const char *path, const char *json_body)
{
    return request_full(role >= 0 ? &F.s[role] : NULL, true, method, path, NULL, json_body,
                        json_body ? strlen(json_body) : 0);
}

/* ---- logging in ------------------------------------------------------------- */

static void login_with(const char *name, const char *password, session *s)
{
    hc_login(F.port, name, password, s);
}

static void login(const char *name, session *s)
{
    login_with(name, PASSWORD, s);
}

/* ---- the message exchange ------------------------------------------------------ */

/* upload: the message text as role to POST /api/ijw (with ?name= and an
 * optional &format=). */
static resp *upload(int role, bool csrf, const char *text, const char *name, const char *format)
{
    char path[256];
    snprintf(path, sizeof path, "/api/ijw?name=%s%s%s", name, format ? "&format=" : "",
             format ? format : "");
    return request_full(&F.s[role], csrf, "POST", path, "application/xml", text, strlen(text));
}

/* replace: text with the first occurrence of from replaced by to (malloc'ed). */
static char *replace(const char *text, const char *from, const char *to)
{
    const char *at = strstr(text, from);
    if (!at)
        fail_msg("'%s' not in the message", from);
    size_t n = strlen(text) - strlen(from) + strlen(to);
    char *out = malloc(n + 1);
    assert_non_null(out);
    snprintf(out, n + 1, "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
    return out;
}

/* line_of: the line number of the first occurrence of needle in text. */
static int line_of(const char *text, const char *needle)
{
    const char *at = strstr(text, needle);
    assert_non_null(at);
    int line = 1;
    for (const char *p = text; p < at; p++)
        line += *p == '\n';
    return line;
}

/* batches: the number of declaration batches of March 2025 role sees. */
static long long batches(int role)
{
    resp *r = expect_status(req(role, "GET", "/api/declarations?period=2025-03", NULL), 200);
    return hc_jint(r->json, "total");
}

/* ---- the fixture -------------------------------------------------------------------------- */

static int make_records(void)
{
    for (int i = 0; i < 2; i++) {
        resp *r = expect_status(req(i ? A2 : A1, "GET", "/api/session", NULL), 200);
        snprintf(i ? F.p2 : F.p1, 9, "%s", hc_jstr(json_object_get(r->json, "user"), "agb"));
    }
    char body[512];
    snprintf(body, sizeof body,
             "{\"agb\": \"%s\", \"lot\": \"P1\", \"product\": \"*\", \"start\": \"2024-01-01\"}",
             F.p1);
    expect_status(req(RSJ, "POST", "/api/contracts", body), 201);
    hc_new_bsn(&F.bsn_seq, F.yx);
    snprintf(body, sizeof body,
             "{\"bsn\": \"%s\", \"birth\": \"2012-05-01\", \"gemeente\": \"0193\"}", F.yx);
    expect_status(req(T1, "POST", "/api/youths", body), 201);
    snprintf(body, sizeof body,
             "{\"bsn\": \"%s\", \"referrer_type\": \"01\", \"route\": \"budget\", \"budget\": "
             "\"KB3\", \"result\": \"Weer naar school\", \"date\": \"2025-01-10\"}",
             F.yx);
    resp *r = expect_status(req(T1, "POST", "/api/referrals", body), 201);
    long long ref = hc_jint(r->json, "id");
    char path[128];
    snprintf(path, sizeof path, "/api/referrals/%lld/assignment", ref);
    snprintf(body, sizeof body, "{\"agb\": \"%s\", \"start\": \"2025-02-01\"}", F.p1);
    r = expect_status(req(T1, "POST", path, body), 201);
    snprintf(F.ax, sizeof F.ax, "%s", hc_jstr(r->json, "number"));
    snprintf(path, sizeof path, "/api/assignments/%s/care-start", F.ax);
    expect_status(req(A1, "POST", path, "{\"date\": \"2025-02-01\"}"), 200);
    /* the provider's JW323: two prestaties, the second a double of the first */
    char csv[2048], csv_path[192], xml_path[192];
    const char *line = "IJWX1,%s,0193,2025-03,2025-04-03,%s,%s,%s,45,45F02,2025-03-01,"
                       "2025-03-31,10,04,81.00,810.00,D,\n";
    int n = snprintf(csv, sizeof csv,
                     "declaratienummer,agb,gemeente,periode,dagtekening,referentie,"
                     "toewijzingnummer,bsn,productcategorie,productcode,begindatum,einddatum,"
                     "volume,eenheid,tarief,bedrag,debet_credit,vorige_referentie\n");
    n += snprintf(csv + n, sizeof csv - (size_t)n, line, F.p1, "IX-1", F.ax, F.yx);
    snprintf(csv + n, sizeof csv - (size_t)n, line, F.p1, "IX-2", F.ax, F.yx);
    snprintf(csv_path, sizeof csv_path, "%s/maart.csv", F.dir);
    snprintf(xml_path, sizeof xml_path, "%s/maart.xml", F.dir);
    FILE *f = fopen(csv_path, "wb");
    if (!f)
        return -1;
    fputs(csv, f);
    fclose(f);
    char out[192], err[192];
    snprintf(out, sizeof out, "%s/convert.out", F.dir);
    snprintf(err, sizeof err, "%s/convert.err", F.dir);
    char *argv[] = {(char *)F.bin, "--db",   F.db,      "ijw",      "convert", csv_path,
                    "--out",       xml_path, "--ident", "IJWX0001", NULL};
    pid_t pid = hc_spawn(argv, out, err);
    int st;
    if (pid < 0 || waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
        char *e = hc_slurp(err);
        fprintf(stderr, "ijw convert failed:\n%s\n", e ? e : "");
        free(e);
        return -1;
    }
    F.xml = hc_slurp(xml_path);
    return F.xml ? 0 : -1;
}

static int suite_setup(void **state)
{
    (void)state;
    setenv("JEUGDREGIO_TODAY", "2026-01-15", 1);
    snprintf(F.dir, sizeof F.dir, "/tmp/jr-http-ijw-XXXXXX");
    if (!mkdtemp(F.dir))
        return -1;
    snprintf(F.db, sizeof F.db, "%s/jr.db", F.dir);
    snprintf(F.out, sizeof F.out, "%s/serve.out", F.dir);
    snprintf(F.err, sizeof F.err, "%s/serve.err", F.dir);
    char demo_out[160], demo_err[160];
    snprintf(demo_out, sizeof demo_out, "%s/demo.out", F.dir);
    snprintf(demo_err, sizeof demo_err, "%s/demo.err", F.dir);
    char *demo[] = {(char *)F.bin, "--db",        F.db, "demo", "--youths",
                    "100",         "--providers", "10", NULL};
    pid_t pid = hc_spawn(demo, demo_out, demo_err);
    int st;
    if (pid < 0 || waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
        char *e = hc_slurp(demo_err);
        fprintf(stderr, "demo failed:\n%s\n", e ? e : "");
        free(e);
        return -1;
    }
    char *serve[] = {(char *)F.bin, "--db", F.db, "serve", "--port", "0", "--threads", "4", NULL};
    F.pid = hc_spawn(serve, F.out, F.err);
    if (F.pid < 0)
        return -1;
    F.port = hc_wait_port(F.pid, F.out, F.err);
    if (F.port == 0) {
        F.pid = -1;
        return -1;
    }
    for (int i = 0; i < NROLES; i++)
        login(role_names[i], &F.s[i]);
    int rc = make_records();
    hc_free_responses(NULL);
    return rc;
}

static int suite_teardown(void **state)
{
    (void)state;
    hc_free_responses(NULL);
    free(F.xml);
    int rc = 0;
    if (F.pid > 0) {
        kill(F.pid, SIGTERM);
        int st = 0;
        if (waitpid(F.pid, &st, 0) != F.pid || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
            fprintf(stderr, "the server did not stop cleanly (status %d)\n", st);
            rc = -1;
        }
        char *err = hc_slurp(F.err);
        if (err && (strstr(err, "Sanitizer") || strstr(err, "runtime error:"))) {
            fprintf(stderr, "sanitizer report from the server:\n%s\n", err);
            rc = -1;
        }
        free(err);
    }
    if (getenv("JR_KEEP_TMP") == NULL)
        nftw(F.dir, hc_remove_entry, 8, FTW_DEPTH | FTW_PHYS);
    return rc;
}

/* ---- the tests ------------------------------------------------------------------------------ */

static char first_answer[65536];

/* the provider uploads its JW323: a JW325 with a result per prestatie */
static void test_upload_jw323(void **state)
{
    (void)state;
    long long before = batches(A1);
    resp *r = expect_status(upload(A1, true, F.xml, "maart.xml", NULL), 200);
    assert_string_equal(hc_jstr(r->json, "type"), "JW323");
    assert_string_equal(hc_jstr(r->json, "answer_type"), "JW325");
    assert_string_equal(hc_jstr(r->json, "sender"), F.p1);
    assert_string_equal(hc_jstr(r->json, "receiver"), "0193");
    assert_int_equal(hc_jint(r->json, "accepted"), 1);
    assert_int_equal(hc_jint(r->json, "rejected"), 1);
    assert_false(json_is_true(hc_jget(r, "replayed")));
    json_t *codes = hc_jget(r, "codes");
    assert_int_equal(hc_jint(codes, "8001"), 1);
    assert_int_equal(json_object_size(codes), 2); /* 8001 and the refusal's code */
    const char *answer = hc_jstr(r->json, "answer");
    assert_contains(answer, "http://www.istandaarden.nl/ijw/3_2/jw325/schema");
    assert_contains(answer, "<ijw:ReferentieNummer>IX-1</ijw:ReferentieNummer>");
    assert_contains(answer, "<ijw:ReferentieNummer>IX-2</ijw:ReferentieNummer>");
    assert_contains(answer, "<RetourCode>8001</RetourCode>");
    const char *code;
    json_t *v;
    json_object_foreach(codes, code, v)
    {
        char tag[64];
        snprintf(tag, sizeof tag, "<RetourCode>%s</RetourCode>", code);
        assert_contains(answer, tag);
    }
    snprintf(first_answer, sizeof first_answer, "%s", answer);
    assert_int_equal(batches(A1), before + 1);
}

/* the same message again: the same answer, nothing changed */
static void test_replay(void **state)
{
    (void)state;
    assert_true(first_answer[0] != '\0');
    long long before = batches(A1);
    resp *r = expect_status(upload(A1, true, F.xml, "maart.xml", NULL), 200);
    assert_true(json_is_true(hc_jget(r, "replayed")));
    assert_string_equal(hc_jstr(r->json, "answer"), first_answer);
    assert_int_equal(hc_jint(r->json, "accepted"), 1);
    assert_int_equal(hc_jint(r->json, "rejected"), 1);
    assert_int_equal(batches(A1), before);
    /* ?format=xml: the JW325 itself, as a download */
    r = expect_status(upload(A1, true, F.xml, "maart.xml", "xml"), 200);
    assert_contains(hc_header(r, "Content-Type"), "application/xml");
    assert_contains(hc_header(r, "Content-Disposition"), "maart_JW325.xml");
    assert_int_equal(r->body_len, strlen(first_answer));
    assert_memory_equal(r->body, first_answer, r->body_len);
    assert_int_equal(batches(A1), before);
    /* with other bytes under the same Identificatie it is refused (9056), still nothing stored */
    char *changed = replace(F.xml, "<GeleverdVolume>10<", "<GeleverdVolume>9<");
    r = upload(A1, true, changed, "maart.xml", NULL);
    free(changed);
    assert_true(r->status == 200 || r->status == 409);
    assert_int_equal(batches(A1), before);
    r = expect_status(upload(A1, true, F.xml, "maart.xml", "csv"), 400);
    assert_string_equal(hc_jstr(r->json, "code"), "format_invalid");
}

/* a message that is not well-formed: 400 naming the file and the line, nothing stored */
static void test_malformed(void **state)
{
    (void)state;
    long long before = batches(A1);
    char *broken = replace(F.xml, "</Eenheid>", "</Eenhied>");
    char *renamed = replace(broken, "IJWX0001", "IJWX0002");
    int line = line_of(renamed, "</Eenhied>");
    resp *r = expect_status(upload(A1, true, renamed, "kapot.xml", NULL), 400);
    free(broken);
    free(renamed);
    char where[64];
    snprintf(where, sizeof where, "kapot.xml:%d", line);
    assert_contains(hc_jstr(r->json, "message"), where);
    assert_int_equal(batches(A1), before);
    /* schema-invalid (an Eenheid missing): 400 naming the element */
    char *invalid = replace(F.xml, "<Eenheid>04</Eenheid>", "");
    char *renamed2 = replace(invalid, "IJWX0001", "IJWX0003");
    r = expect_status(upload(A1, true, renamed2, "ongeldig.xml", NULL), 400);
    free(invalid);
    free(renamed2);
    assert_contains(hc_jstr(r->json, "message"), "ongeldig.xml:");
    assert_int_equal(batches(A1), before);
    /* empty, or not XML at all */
    r = expect_status(upload(A1, true, "", "leeg.xml", NULL), 400);
    r = expect_status(request_full(&F.s[A1], true, "POST", "/api/ijw", "text/csv", "a,b\n", 4),
                      400);
    assert_string_equal(hc_jstr(r->json, "code"), "content_type");
    /* text/xml is XML too */
    r = expect_status(
        request_full(&F.s[A1], true, "POST", "/api/ijw", "text/xml", F.xml, strlen(F.xml)), 200);
    assert_true(json_is_true(hc_jget(r, "replayed")));
}

/* another provider's AGB as the sender: 403, nothing stored */
static void test_other_sender(void **state)
{
    (void)state;
    long long before = batches(BEH);
    resp *r = expect_status(upload(A2, true, F.xml, "maart.xml", NULL), 403);
    assert_string_equal(hc_jstr(r->json, "code"), "forbidden");
    assert_contains(hc_jstr(r->json, "message"), "eigen organisatie");
    char from[32], to[32];
    snprintf(from, sizeof from, "<Afzender>%s<", F.p1);
    snprintf(to, sizeof to, "<Afzender>%s<", F.p2);
    char *other = replace(F.xml, from, to);
    r = expect_status(upload(A1, true, other, "ander.xml", NULL), 403);
    free(other);
    assert_string_equal(hc_jstr(r->json, "code"), "forbidden");
    assert_int_equal(batches(BEH), before);
}

/* roles that do not declare, and a missing CSRF token */
static void test_roles_and_csrf(void **state)
{
    (void)state;
    long long before = batches(BEH);
    int refused[] = {LEZ, RSJ, T1, G1};
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        resp *r = upload(refused[i], true, F.xml, "maart.xml", NULL);
        if (r->status != 403)
            fail_msg("%s: %d, expected 403: %.300s", role_names[refused[i]], r->status, r->body);
    }
    resp *r = expect_status(upload(A1, false, F.xml, "maart.xml", NULL), 403);
    assert_string_equal(hc_jstr(r->json, "code"), "csrf");
    /* without a session */
    r = expect_status(
        request_full(NULL, false, "POST", "/api/ijw", "application/xml", F.xml, strlen(F.xml)),
        401);
    /* an announced body over 64 MiB is refused before it is read */
    char head[512];
    snprintf(head, sizeof head,
             "POST /api/ijw HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
             "Cookie: jr_session=%s\r\nX-CSRF-Token: %s\r\nContent-Type: application/xml\r\n"
             "Content-Length: %llu\r\n",
             F.s[A1].cookie, F.s[A1].csrf, (unsigned long long)(65ull << 20));
    r = expect_status(raw_request(head, "<?xml", 5), 413);
    assert_string_equal(hc_jstr(r->json, "code"), "body_too_large");
    assert_int_equal(batches(BEH), before);
}

/* the outgoing JW301s: written once, then marked sent */
static void test_export(void **state)
{
    (void)state;
    /* the access worker of Zwolle sends Zwolle's JW301s, and only those */
    resp *r = expect_status(req(T1, "POST", "/api/ijw/outgoing/export",
                                "{\"type\": \"JW301\", \"since\": \"2025-01-01\"}"),
                            200);
    assert_string_equal(hc_jstr(r->json, "type"), "JW301");
    json_t *msgs = hc_jget(r, "messages");
    assert_true(json_array_size(msgs) >= 1);
    assert_int_equal(hc_jint(r->json, "count"), (long long)json_array_size(msgs));
    bool ours = false;
    size_t i;
    json_t *m;
    json_array_foreach(msgs, i, m)
    {
        assert_string_equal(hc_jstr(m, "type"), "JW301");
        assert_string_equal(hc_jstr(m, "sender"), "0193");
        assert_non_null(strstr(hc_jstr(m, "xml"), "jw301/schema"));
        assert_true(strlen(hc_jstr(m, "ident")) > 0);
        ours =
            ours || (strcmp(hc_jstr(m, "receiver"), F.p1) == 0 && strstr(hc_jstr(m, "xml"), F.yx));
    }
    assert_true(ours);
    /* the beheerder sends the rest of the region: Zwolle's are sent already */
    r = expect_status(req(BEH, "POST", "/api/ijw/outgoing/export",
                          "{\"type\": \"JW301\", \"since\": \"2025-01-01\"}"),
                      200);
    json_array_foreach(hc_jget(r, "messages"), i, m)
        assert_string_not_equal(hc_jstr(m, "sender"), "0193");
    /* sent: nothing pending any more */
    r = expect_status(req(BEH, "POST", "/api/ijw/outgoing/export", "{\"type\": \"JW301\"}"), 200);
    assert_int_equal(json_array_size(hc_jget(r, "messages")), 0);
    r = expect_status(req(BEH, "POST", "/api/ijw/outgoing/export", "{\"type\": \"JW319\"}"), 200);
    assert_string_equal(hc_jstr(r->json, "type"), "JW319");
    /* wrong input */
    r = expect_status(req(BEH, "POST", "/api/ijw/outgoing/export", "{\"type\": \"JW323\"}"), 400);
    assert_string_equal(hc_jstr(r->json, "code"), "ijw_type");
    expect_status(req(BEH, "POST", "/api/ijw/outgoing/export", "{}"), 400);
    expect_status(req(BEH, "POST", "/api/ijw/outgoing/export",
                      "{\"type\": \"JW301\", \"since\": \"gisteren\"}"),
                  400);
    /* the beheerder exports for the whole region, an access worker for its own
       municipality (tested in test_ijw_export_scoped); the others may not */
    int refused[] = {RSJ, G1, A1, A2, LEZ};
    for (size_t k = 0; k < sizeof refused / sizeof refused[0]; k++) {
        r = req(refused[k], "POST", "/api/ijw/outgoing/export", "{\"type\": \"JW301\"}");
        if (r->status != 403)
            fail_msg("%s: %d, expected 403: %.300s", role_names[refused[k]], r->status, r->body);
    }
    r = expect_status(request_full(&F.s[BEH], false, "POST", "/api/ijw/outgoing/export", NULL,
                                   "{\"type\": \"JW301\"}", 17),
                      403);
    assert_string_equal(hc_jstr(r->json, "code"), "csrf");
    /* a GET does not exist (exporting changes state) */
    expect_status(req(BEH, "GET", "/api/ijw/outgoing/export", NULL), 405);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s PATH-TO-jeugdregio\n", argv[0]);
        return 2;
    }
    F.bin = argv[1];
    signal(SIGPIPE, SIG_IGN);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_upload_jw323, hc_free_responses),
        cmocka_unit_test_teardown(test_replay, hc_free_responses),
        cmocka_unit_test_teardown(test_malformed, hc_free_responses),
        cmocka_unit_test_teardown(test_other_sender, hc_free_responses),
        cmocka_unit_test_teardown(test_roles_and_csrf, hc_free_responses),
        cmocka_unit_test_teardown(test_export, hc_free_responses),
    };
    return cmocka_run_group_tests_name("http_ijw", tests, suite_setup, suite_teardown);
}

/*
 * test_http.c: the HTTP API end to end, against the real server.
 *
 * The group setup fills a temporary database with `jeugdregio demo
 * --youths 300 --providers 20` (JEUGDREGIO_TODAY=2026-01-15), starts
 * `jeugdregio serve --port 0` on it (the port comes from its first line of
 * output), logs in every demo account and, through the API itself, makes a
 * few records of two tenants: X (Zwolle 0193, provider of aanbieder1) and
 * Y (Dalfsen 0148, provider of aanbieder2). The tests speak HTTP/1.1 over
 * a plain socket (one request per connection). The teardown stops the
 * server with SIGTERM and asserts it exits 0 without a sanitizer report.
 *
 * The authorization matrix asks every route as every demo role, on a
 * record of its own tenant and of the other, and asserts the exact status.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "http_client.h"

#include "domain/ident.h"
#include "http/router.h"

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
#define CSP                                                                                        \
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "              \
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"

/* ---- the roles of the demo accounts --------------------------------------- */

enum { BEH, RSJ, T1, T2, G1, A1, A2, LEZ, NROLES };
static const char *const role_names[NROLES] = {"beheerder", "rsj",        "toegang1",   "toegang2",
                                               "gemeente1", "aanbieder1", "aanbieder2", "lezer"};

/* ---- the fixture (one server for the whole suite) ------------------------ */

static struct {
    const char *bin;
    char dir[64], db[128], web[128], out[128], err[128];
    pid_t pid;
    int port;
    session s[NROLES];
    char p1[9], p2[9];   /* the providers of aanbieder1 and aanbieder2 */
    char yx[10], yy[10]; /* youths in 0193 and 0148 */
    long long ix, iy;    /* their internal ids */
    long long rx, ry;    /* budget referrals, assigned */
    long long qrx;       /* an offerte referral of X */
    long long qx1, qx2;  /* its quotes: P1 answered, P2 rejected */
    long long qy;        /* a quote of Y (P2), open */
    char ax[24], ay[24]; /* active assignments with care started */
    char aend[24];       /* an ended assignment of 0193 */
    long long bx, by;    /* declaration batches */
    char csv_x[2048];    /* the file of bx, to replay */
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

/* reqf: as req with a printf-style path. */
static resp *reqf(int role, const char *method, const char *json_body, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static resp *reqf(int role, const char *method, const char *json_body, const char *fmt, ...)
{
    char path[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(path, sizeof path, fmt, ap);
    va_end(ap);
    return req(role, method, path, json_body);
}

static resp *upload_csv(int role, const char *csv)
{
    return request_full(&F.s[role], true, "POST", "/api/declarations?name=test.csv", "text/csv",
                        csv, strlen(csv));
}

/* ---- logging in ------------------------------------------------------------- */

static resp *login_raw(const char *name, const char *password)
{
    return hc_login_raw(F.port, name, password);
}

static void login_with(const char *name, const char *password, session *s)
{
    hc_login(F.port, name, password, s);
}

static void login(const char *name, session *s)
{
    login_with(name, PASSWORD, s);
}

/* ---- running the binary ------------------------------------------------------ */

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

/* ---- making the fixture's records ---------------------------------------------- */

static long long create_referral(int role, const char *bsn, const char *route)
{
    char body[512];
    snprintf(body, sizeof body,
             "{\"bsn\": \"%s\", \"referrer_type\": \"01\", \"route\": \"%s\"%s, \"result\": "
             "\"Weer naar school\", \"date\": \"2025-01-10\"}",
             bsn, route, strcmp(route, "budget") == 0 ? ", \"budget\": \"KB3\"" : "");
    resp *r = expect_status(req(role, "POST", "/api/referrals", body), 201);
    assert_string_equal(hc_jstr(r->json, "status"), "open");
    return hc_jint(r->json, "id");
}

/* create_youth: registers a new youth of gemeente as role; its BSN in out,
 * its internal id returned. */
static long long create_youth(int role, const char *gemeente, char out[10])
{
    hc_new_bsn(&F.bsn_seq, out);
    char body[256];
    snprintf(body, sizeof body,
             "{\"bsn\": \"%s\", \"birth\": \"2012-05-01\", \"gemeente\": \"%s\"}", out, gemeente);
    resp *r = expect_status(req(role, "POST", "/api/youths", body), 201);
    assert_string_equal(hc_jstr(r->json, "gemeente"), gemeente);
    assert_true(hc_jint(r->json, "id") > 0);
    return hc_jint(r->json, "id");
}

static void create_assignment(int role, long long referral, const char *agb, char out[24])
{
    char body[256];
    snprintf(body, sizeof body, "{\"agb\": \"%s\", \"start\": \"2025-02-01\"}", agb);
    resp *r =
        expect_status(reqf(role, "POST", body, "/api/referrals/%lld/assignment", referral), 201);
    snprintf(out, 24, "%s", hc_jstr(r->json, "number"));
    assert_string_equal(hc_jstr(r->json, "status"), "actief");
}

static void care_start(int role, const char *number)
{
    resp *r = expect_status(
        reqf(role, "POST", "{\"date\": \"2025-02-01\"}", "/api/assignments/%s/care-start", number),
        200);
    assert_string_equal(hc_jstr(r->json, "care_start"), "2025-02-01");
}

/* make_csv: a batch of two lines for March 2025 (10 hours FG2 at 81.00, 90
 * minutes FG4 at 108.00) on assignment number. */
static void make_csv(char *out, size_t cap, const char *batch, const char *agb,
                     const char *gemeente, const char *number, const char *bsn, const char *ref)
{
    snprintf(out, cap,
             "declaratienummer,agb,gemeente,periode,dagtekening,referentie,toewijzingnummer,bsn,"
             "productcategorie,productcode,begindatum,einddatum,volume,eenheid,tarief,bedrag,"
             "debet_credit,vorige_referentie\n"
             "%s,%s,%s,2025-03,2025-04-03,%s-1,%s,%s,45,45F02,2025-03-01,2025-03-31,10,04,81.00,"
             "810.00,D,\n"
             "%s,%s,%s,2025-03,2025-04-03,%s-2,%s,%s,45,45F04,2025-03-01,2025-03-31,90,01,108.00,"
             "162.00,D,\n",
             batch, agb, gemeente, ref, number, bsn, batch, agb, gemeente, ref, number, bsn);
}

static long long declare(int role, const char *csv)
{
    resp *r = expect_status(upload_csv(role, csv), 200);
    json_t *b = json_array_get(hc_jget(r, "batches"), 0);
    assert_non_null(b);
    return hc_jint(b, "id");
}

static void make_records(void)
{
    /* the providers of the two aanbieder accounts, contracted for all functiegroepen */
    for (int i = 0; i < 2; i++) {
        resp *r = expect_status(req(i ? A2 : A1, "GET", "/api/session", NULL), 200);
        snprintf(i ? F.p2 : F.p1, 9, "%s", hc_jstr(json_object_get(r->json, "user"), "agb"));
        char body[256];
        snprintf(body, sizeof body,
                 "{\"agb\": \"%s\", \"lot\": \"P1\", \"product\": \"*\", \"start\": "
                 "\"2024-01-01\"}",
                 i ? F.p2 : F.p1);
        expect_status(req(RSJ, "POST", "/api/contracts", body), 201);
    }
    /* X: Zwolle and aanbieder1; Y: Dalfsen and aanbieder2 */
    F.ix = create_youth(T1, "0193", F.yx);
    F.iy = create_youth(T2, "0148", F.yy);
    F.rx = create_referral(T1, F.yx, "budget");
    F.ry = create_referral(T2, F.yy, "budget");
    create_assignment(T1, F.rx, F.p1, F.ax);
    create_assignment(T2, F.ry, F.p2, F.ay);
    care_start(A1, F.ax);
    care_start(A2, F.ay);
    /* quotes: X asks P1 and P2; P1 answers, P2 is rejected; Y asks P2 */
    F.qrx = create_referral(T1, F.yx, "offerte");
    char body[256];
    snprintf(body, sizeof body, "{\"agbs\": [\"%s\", \"%s\"]}", F.p1, F.p2);
    resp *r = expect_status(reqf(T1, "POST", body, "/api/referrals/%lld/quotes", F.qrx), 201);
    json_t *qs = hc_jget(r, "quotes");
    assert_int_equal(json_array_size(qs), 2);
    F.qx1 = hc_jint(json_array_get(qs, 0), "id");
    F.qx2 = hc_jint(json_array_get(qs, 1), "id");
    assert_string_equal(hc_jstr(json_array_get(qs, 0), "status"), "aangevraagd");
    r = expect_status(
        reqf(A1, "POST",
             "{\"lines\": [{\"product\": \"FG2\", \"hours\": \"12.5\"}, {\"product\": "
             "\"FG4\", \"hours\": 4}], \"months\": 6, \"plan\": \"Wekelijks\"}",
             "/api/quotes/%lld/answer", F.qx1),
        200);
    assert_string_equal(hc_jstr(r->json, "status"), "beantwoord");
    assert_true(hc_jint(r->json, "total_cents") > 0);
    r = expect_status(
        reqf(T1, "POST", "{\"reason\": \"Te duur\"}", "/api/quotes/%lld/reject", F.qx2), 200);
    assert_string_equal(hc_jstr(r->json, "status"), "afgewezen");
    long long qry = create_referral(T2, F.yy, "offerte");
    snprintf(body, sizeof body, "{\"agbs\": [\"%s\"]}", F.p2);
    r = expect_status(reqf(T2, "POST", body, "/api/referrals/%lld/quotes", qry), 201);
    F.qy = hc_jint(json_array_get(hc_jget(r, "quotes"), 0), "id");
    /* an ended assignment of Zwolle from the demo */
    r = expect_status(req(BEH, "GET", "/api/assignments?gemeente=0193&limit=500", NULL), 200);
    json_t *items = hc_jget(r, "items"), *a;
    size_t i;
    json_array_foreach(items, i, a)
    {
        if (strcmp(hc_jstr(a, "status"), "beeindigd") == 0) {
            snprintf(F.aend, sizeof F.aend, "%s", hc_jstr(a, "number"));
            break;
        }
    }
    assert_true(F.aend[0] != '\0');
    /* declarations */
    make_csv(F.csv_x, sizeof F.csv_x, "HTTP-X-1", F.p1, "0193", F.ax, F.yx, "HX");
    F.bx = declare(A1, F.csv_x);
    char csv_y[2048];
    make_csv(csv_y, sizeof csv_y, "HTTP-Y-1", F.p2, "0148", F.ay, F.yy, "HY");
    F.by = declare(A2, csv_y);
}

/* ---- setup and teardown of the suite ---------------------------------------------- */

static int suite_setup(void **state)
{
    (void)state;
    setenv("JEUGDREGIO_TODAY", "2026-01-15", 1);
    snprintf(F.dir, sizeof F.dir, "/tmp/jr-http-XXXXXX");
    if (!mkdtemp(F.dir))
        return -1;
    snprintf(F.db, sizeof F.db, "%s/jr.db", F.dir);
    snprintf(F.web, sizeof F.web, "%s/web", F.dir);
    snprintf(F.out, sizeof F.out, "%s/serve.out", F.dir);
    snprintf(F.err, sizeof F.err, "%s/serve.err", F.dir);
    /* the web root, with a file outside it and a link that points there */
    char path[256];
    mkdir(F.web, 0700);
    snprintf(path, sizeof path, "%s/sub", F.web);
    mkdir(path, 0700);
    write_file(F.web, "index.html", "<!doctype html><title>jeugdregio</title>\n");
    write_file(F.web, "login.html", "<!doctype html><title>Inloggen</title>\n");
    write_file(F.web, "app.js", "export const x = 1;\n");
    write_file(F.web, "style.css", "body { margin: 0; }\n");
    write_file(F.web, "logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
    write_file(F.web, "icon.png", "\x89PNG\r\n");
    write_file(F.web, "data.json", "{}\n");
    write_file(F.web, ".secret", "hidden\n");
    write_file(F.web, "sub/page.html", "<p>sub</p>\n");
    write_file(F.dir, "outside.txt", "outside the web root\n");
    char target[256];
    snprintf(target, sizeof target, "%s/outside.txt", F.dir);
    snprintf(path, sizeof path, "%s/link.txt", F.web);
    if (symlink(target, path) != 0)
        return -1;

    char demo_out[160], demo_err[160];
    snprintf(demo_out, sizeof demo_out, "%s/demo.out", F.dir);
    snprintf(demo_err, sizeof demo_err, "%s/demo.err", F.dir);
    char *demo[] = {(char *)F.bin, "--db",        F.db, "demo", "--youths",
                    "300",         "--providers", "20", NULL};
    pid_t pid = hc_spawn(demo, demo_out, demo_err);
    int st;
    if (pid < 0 || waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
        char *e = hc_slurp(demo_err);
        fprintf(stderr, "demo failed:\n%s\n", e ? e : "");
        free(e);
        return -1;
    }
    char *serve[] = {(char *)F.bin, "--db", F.db,        "serve", "--port", "0",
                     "--web",       F.web,  "--threads", "4",     NULL};
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
    make_records();
    hc_free_responses(NULL);
    return 0;
}

static int suite_teardown(void **state)
{
    (void)state;
    hc_free_responses(NULL);
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
        if (err && !strstr(err, "gestopt")) {
            fprintf(stderr, "the server did not report its shutdown:\n%s\n", err);
            rc = -1;
        }
        free(err);
    }
    if (getenv("JR_KEEP_TMP") == NULL)
        nftw(F.dir, hc_remove_entry, 8, FTW_DEPTH | FTW_PHYS);
    return rc;
}

/* ---- login, sessions and CSRF -------------------------------------------------------- */

static void test_login_ok(void **state)
{
    (void)state;
    resp *r = expect_status(login_raw("toegang1", PASSWORD), 200);
    const char *c = hc_header(r, "Set-Cookie");
    assert_non_null(c);
    assert_contains(c, "jr_session=");
    assert_contains(c, "HttpOnly");
    assert_contains(c, "SameSite=Strict");
    assert_contains(c, "Path=/");
    assert_null(strstr(c, "Secure"));
    json_t *u = hc_jget(r, "user");
    assert_string_equal(hc_jstr(u, "name"), "toegang1");
    assert_string_equal(hc_jstr(u, "role"), "toegang");
    assert_string_equal(hc_jstr(u, "gemeente"), "0193");
    assert_true(json_is_null(json_object_get(u, "agb")));
    assert_non_null(json_object_get(u, "display_name"));
    assert_int_equal(strlen(hc_jstr(r->json, "csrf")), 64);
    /* the same session answers GET /api/session with the same token */
    session s;
    snprintf(s.cookie, sizeof s.cookie, "%.64s", c + 11);
    snprintf(s.csrf, sizeof s.csrf, "%s", hc_jstr(r->json, "csrf"));
    resp *me = expect_status(request_full(&s, false, "GET", "/api/session", NULL, NULL, 0), 200);
    assert_string_equal(hc_jstr(me->json, "csrf"), s.csrf);
    assert_string_equal(hc_jstr(hc_jget(me, "user"), "name"), "toegang1");
    /* the audit log has the login with the client's address */
    resp *a =
        expect_status(req(BEH, "GET", "/api/audit?entity=user&id=toegang1&limit=1", NULL), 200);
    json_t *row = json_array_get(hc_jget(a, "items"), 0);
    assert_string_equal(hc_jstr(row, "action"), "inloggen");
    assert_string_equal(hc_jstr(row, "detail"), "127.0.0.1");
}

static void test_login_wrong_password(void **state)
{
    (void)state;
    resp *r = expect_status(login_raw("gemeente1", "niet-het-wachtwoord"), 401);
    assert_string_equal(hc_jstr(r->json, "code"), "login_failed");
    assert_contains(hc_jstr(r->json, "message"), "onjuist wachtwoord");
    assert_null(hc_header(r, "Set-Cookie"));
    r = expect_status(login_raw("bestaat-niet", "niet-het-wachtwoord"), 401);
    assert_string_equal(hc_jstr(r->json, "code"), "login_failed");
    expect_status(request_full(NULL, false, "POST", "/api/session", NULL, "{}", 2), 400);
}

static void test_login_lockout(void **state)
{
    (void)state;
    expect_status(req(BEH, "POST", "/api/users",
                      "{\"name\": \"slot.test\", \"role\": \"lezer\", \"password\": "
                      "\"een-goed-wachtwoord\"}"),
                  201);
    for (int i = 0; i < 5; i++) {
        resp *r = expect_status(login_raw("slot.test", "fout-wachtwoord-123"), 401);
        assert_string_equal(hc_jstr(r->json, "code"), "login_failed");
    }
    resp *r = expect_status(login_raw("slot.test", "een-goed-wachtwoord"), 429);
    assert_string_equal(hc_jstr(r->json, "code"), "login_locked");
    assert_contains(hc_jstr(r->json, "message"), "tijdelijk dicht");
    /* the beheerder's new password lifts the lock */
    expect_status(
        req(BEH, "PATCH", "/api/users/slot.test", "{\"password\": \"nog-een-goed-wachtwoord\"}"),
        200);
    expect_status(login_raw("slot.test", "nog-een-goed-wachtwoord"), 200);
}

static void test_no_session(void **state)
{
    (void)state;
    resp *r = expect_status(req(-1, "GET", "/api/providers", NULL), 401);
    assert_string_equal(hc_jstr(r->json, "code"), "no_session");
    session bogus = {"0000000000000000000000000000000000000000000000000000000000000000", "x"};
    r = expect_status(request_full(&bogus, true, "GET", "/api/providers", NULL, NULL, 0), 401);
    assert_string_equal(hc_jstr(r->json, "code"), "session_expired");
    assert_contains(hc_jstr(r->json, "message"), "log opnieuw in");
}

static void test_csrf(void **state)
{
    (void)state;
    const char *body = "{\"agb\": \"12\", \"name\": \"x\"}";
    resp *r = expect_status(
        request_full(&F.s[RSJ], false, "POST", "/api/providers", NULL, body, strlen(body)), 403);
    assert_string_equal(hc_jstr(r->json, "code"), "csrf");
    assert_contains(hc_jstr(r->json, "message"), "beveiligingstoken");
    session wrong = F.s[RSJ];
    snprintf(wrong.csrf, sizeof wrong.csrf, "%s", F.s[BEH].csrf);
    r = expect_status(
        request_full(&wrong, true, "POST", "/api/providers", NULL, body, strlen(body)), 403);
    assert_string_equal(hc_jstr(r->json, "code"), "csrf");
    /* the same request with the token reaches the service (which refuses the AGB) */
    r = expect_status(req(RSJ, "POST", "/api/providers", body), 400);
    assert_string_equal(hc_jstr(r->json, "code"), "agb_invalid");
    /* DELETE and PATCH need it too */
    expect_status(
        request_full(&F.s[BEH], false, "PATCH", "/api/users/lezer", NULL, "{\"active\": true}", 16),
        403);
    expect_status(request_full(&F.s[LEZ], false, "DELETE", "/api/session", NULL, NULL, 0), 403);
}

static void test_logout(void **state)
{
    (void)state;
    session s;
    login("rsj", &s);
    resp *r = expect_status(request_full(&s, true, "DELETE", "/api/session", NULL, NULL, 0), 200);
    const char *c = hc_header(r, "Set-Cookie");
    assert_non_null(c);
    assert_contains(c, "Max-Age=0");
    expect_status(request_full(&s, true, "GET", "/api/session", NULL, NULL, 0), 401);
    /* the other sessions of the account live on */
    expect_status(req(RSJ, "GET", "/api/session", NULL), 200);
}

/* ---- headers, static files, errors, limits -------------------------------------------- */

static void assert_security_headers(const resp *r, bool api)
{
    const char *v = hc_header(r, "Content-Security-Policy");
    if (!v || strcmp(v, CSP) != 0)
        fail_msg("Content-Security-Policy is '%s'", v ? v : "(none)");
    assert_string_equal(hc_header(r, "X-Content-Type-Options"), "nosniff");
    assert_string_equal(hc_header(r, "Referrer-Policy"), "no-referrer");
    assert_string_equal(hc_header(r, "API-Version"), "1.0.0");
    if (api) {
        assert_string_equal(hc_header(r, "Cache-Control"), "no-store");
        assert_string_equal(hc_header(r, "Content-Type"),
                            r->status >= 400 ? "application/problem+json; charset=utf-8"
                                             : "application/json; charset=utf-8");
    }
}

static void test_security_headers(void **state)
{
    (void)state;
    assert_security_headers(expect_status(req(BEH, "GET", "/api/providers", NULL), 200), true);
    assert_security_headers(expect_status(req(-1, "GET", "/api/providers", NULL), 401), true);
    assert_security_headers(expect_status(req(BEH, "GET", "/api/bestaat-niet", NULL), 404), true);
    assert_security_headers(expect_status(req(BEH, "GET", "/api/v1/providers", NULL), 200), true);
    assert_security_headers(expect_status(req(-1, "GET", "/api/v1/providers", NULL), 401), true);
    assert_security_headers(expect_status(login_raw("lezer", PASSWORD), 200), true);
    assert_security_headers(expect_status(req(-1, "GET", "/", NULL), 200), false);
    assert_security_headers(expect_status(req(-1, "GET", "/nergens.html", NULL), 404), false);
}

static void expect_file(const char *path, const char *ctype, const char *text)
{
    resp *r = expect_status(req(-1, "GET", path, NULL), 200);
    assert_security_headers(r, false);
    assert_string_equal(hc_header(r, "Content-Type"), ctype);
    if (text)
        assert_contains(r->body, text);
}

static void test_static_files(void **state)
{
    (void)state;
    expect_file("/", "text/html; charset=utf-8", "<title>jeugdregio</title>");
    expect_file("/login.html", "text/html; charset=utf-8", "Inloggen");
    expect_file("/app.js", "text/javascript; charset=utf-8", "export");
    expect_file("/style.css", "text/css; charset=utf-8", "margin");
    expect_file("/logo.svg", "image/svg+xml", "<svg");
    expect_file("/icon.png", "image/png", NULL);
    expect_file("/data.json", "application/json; charset=utf-8", "{}");
    expect_file("/sub/page.html", "text/html; charset=utf-8", "sub");
    /* nothing outside the web root, nothing hidden */
    static const char *const bad[] = {"/../outside.txt",
                                      "/sub/../../outside.txt",
                                      "/%2e%2e/outside.txt",
                                      "/sub/%2E%2E/%2e%2e/outside.txt",
                                      "/link.txt",
                                      "/.secret",
                                      "/sub//page.html",
                                      "/nergens.html",
                                      "/sub",
                                      "/vendor/bootstrap/../../../etc/passwd",
                                      "/vendor/chart/../../../etc/passwd",
                                      "/vendor/chart/nergens.js"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        resp *r = req(-1, "GET", bad[i], NULL);
        if (r->status != 404 && r->status != 400)
            fail_msg("%s answered %d: %.200s", bad[i], r->status, r->body);
        assert_null(strstr(r->body, "outside the web root"));
        assert_null(strstr(r->body, "root:"));
    }
    expect_status(req(-1, "POST", "/index.html", "{}"), 405);
    struct stat st;
    if (stat("/usr/share/javascript/bootstrap5/css/bootstrap.min.css", &st) == 0)
        expect_file("/vendor/bootstrap/css/bootstrap.min.css", "text/css; charset=utf-8", NULL);
    if (stat("/usr/share/javascript/bootstrap5/js/bootstrap.bundle.min.js", &st) == 0)
        expect_file("/vendor/bootstrap/js/bootstrap.bundle.min.js",
                    "text/javascript; charset=utf-8", NULL);
    /* Chart.js (Debian's libjs-chart.js, which scripts/install-deps installs)
       for the monitor's dashboards */
    expect_file("/vendor/chart/chart.min.js", "text/javascript; charset=utf-8", NULL);
}

/* assert_error_shape: r is a problem (RFC 9457, application/problem+json)
 * with exactly the members type, title, status, detail, instance, and the
 * project's code, field and message (the detail again); invalidParams as
 * well on a 400 naming a field, its first entry that field. */
static void assert_error_shape(const resp *r, const char *code, const char *field)
{
    assert_true(json_is_object(r->json));
    assert_string_equal(hc_header(r, "Content-Type"), "application/problem+json; charset=utf-8");
    bool invalid = r->status == 400 && hc_jstr(r->json, "field")[0];
    assert_int_equal(json_object_size(r->json), invalid ? 9 : 8);
    assert_string_equal(hc_jstr(r->json, "type"), "about:blank");
    assert_true(strlen(hc_jstr(r->json, "title")) > 3);
    assert_int_equal(hc_jint(r->json, "status"), r->status);
    assert_string_equal(hc_jstr(r->json, "detail"), hc_jstr(r->json, "message"));
    assert_true(hc_jstr(r->json, "instance")[0] == '/');
    if (invalid) {
        json_t *first = json_array_get(hc_jget(r, "invalidParams"), 0);
        assert_string_equal(hc_jstr(first, "name"), hc_jstr(r->json, "field"));
        assert_string_equal(hc_jstr(first, "code"), hc_jstr(r->json, "code"));
        assert_string_equal(hc_jstr(first, "reason"), hc_jstr(r->json, "detail"));
    }
    assert_string_equal(hc_jstr(r->json, "code"), code);
    if (field)
        assert_string_equal(hc_jstr(r->json, "field"), field);
    else
        assert_non_null(json_string_value(json_object_get(r->json, "field")));
    assert_true(strlen(hc_jstr(r->json, "message")) > 10);
}

static void test_error_shape(void **state)
{
    (void)state;
    resp *r = expect_status(req(BEH, "GET", "/api/assignments/TW000000000000", NULL), 404);
    assert_error_shape(r, "assignment_unknown", "toewijzing");
    assert_contains(hc_jstr(r->json, "message"), "bestaat niet");
    r = expect_status(req(T1, "POST", "/api/youths",
                          "{\"bsn\": \"123456789\", \"birth\": \"2012-01-01\", \"gemeente\": "
                          "\"0193\"}"),
                      400);
    assert_error_shape(r, "bsn_invalid", "bsn");
    assert_contains(hc_jstr(r->json, "message"), "elfproef");
    r = expect_status(req(T1, "POST", "/api/youths", "{\"bsn\": \"123"), 400);
    assert_error_shape(r, "json_invalid", "");
    assert_contains(hc_jstr(r->json, "message"), "geen geldige JSON");
    r = expect_status(req(T1, "POST", "/api/youths", "[1, 2]"), 400);
    assert_error_shape(r, "json_invalid", "");
    r = expect_status(req(T1, "POST", "/api/youths", "{\"bsn\": \"123456782\"}"), 400);
    assert_error_shape(r, "field_missing", "birth");
    r = expect_status(
        req(T1, "POST", "/api/youths", "{\"bsn\": \"123456782\", \"birth\": \"2012-02-30\"}"), 400);
    assert_error_shape(r, "date_invalid", "birth");
    r = expect_status(
        req(T1, "POST", "/api/youths", "{\"bsn\": 123456782, \"birth\": \"2012-01-01\"}"), 400);
    assert_error_shape(r, "field_type", "bsn");
    r = expect_status(reqf(T1, "PATCH", "{\"reason\": \"04\"}", "/api/assignments/%s", F.ax), 400);
    assert_error_shape(r, "nothing_to_change", NULL);
    r = expect_status(req(BEH, "GET", "/api/nergens", NULL), 404);
    assert_error_shape(r, "not_found", NULL);
    r = expect_status(req(BEH, "PUT", "/api/providers", "{}"), 405);
    assert_error_shape(r, "method_not_allowed", NULL);
    r = expect_status(req(BEH, "GET", "/api/settlements", NULL), 400);
    assert_error_shape(r, "query_missing", "period");
    r = expect_status(req(BEH, "GET", "/api/settlements?period=2025-13", NULL), 400);
    assert_error_shape(r, "month_invalid", "period");
    r = expect_status(req(BEH, "GET", "/api/v1/settlements/task-budgets", NULL), 400);
    assert_error_shape(r, "query_missing", "period");
    r = expect_status(req(G1, "GET", "/api/v1/settlements/task-budgets?period=maart", NULL), 400);
    assert_error_shape(r, "month_invalid", "period");
    /* IJsselland has no task budgets: an empty page, the sums 0 */
    r = expect_status(req(BEH, "GET", "/api/v1/settlements/task-budgets?period=2025-03", NULL),
                      200);
    assert_int_equal(hc_jint(r->json, "total"), 0);
    assert_int_equal(hc_jint(r->json, "budget_cents"), 0);
    r = expect_status(req(BEH, "GET", "/api/referrals/abc", NULL), 404);
    assert_error_shape(r, "not_found", NULL);
    r = expect_status(
        reqf(BEH, "POST", "{\"agb\": \"00000000\"}", "/api/referrals/%lld/quotes", F.qrx), 400);
    assert_error_shape(r, "agbs_invalid", "agbs");
    /* a conflict: the same youth twice */
    char body[256];
    snprintf(body, sizeof body,
             "{\"bsn\": \"%s\", \"birth\": \"2012-05-01\", \"gemeente\": \"0193\"}", F.yx);
    r = expect_status(req(T1, "POST", "/api/youths", body), 409);
    assert_true(strlen(hc_jstr(r->json, "message")) > 10);
}

static void test_pagination(void **state)
{
    (void)state;
    resp *all = expect_status(req(BEH, "GET", "/api/providers?limit=500", NULL), 200);
    long long total = hc_jint(all->json, "total");
    assert_true(total >= 20);
    assert_int_equal(hc_jint(all->json, "limit"), 500);
    assert_int_equal(json_array_size(hc_jget(all, "items")), (size_t)total);
    /* pages of 7 give the same list in the same order */
    long long seen = 0;
    for (long long off = 0; off < total; off += 7) {
        resp *p =
            expect_status(reqf(BEH, "GET", NULL, "/api/providers?limit=7&offset=%lld", off), 200);
        assert_int_equal(hc_jint(p->json, "total"), total);
        assert_int_equal(hc_jint(p->json, "offset"), off);
        assert_int_equal(hc_jint(p->json, "limit"), 7);
        json_t *items = hc_jget(p, "items");
        for (size_t i = 0; i < json_array_size(items); i++, seen++)
            assert_string_equal(
                hc_jstr(json_array_get(items, i), "agb"),
                hc_jstr(json_array_get(hc_jget(all, "items"), (size_t)seen), "agb"));
    }
    assert_int_equal(seen, total);
    resp *d = expect_status(req(BEH, "GET", "/api/assignments", NULL), 200);
    assert_int_equal(hc_jint(d->json, "limit"), 50);
    assert_int_equal(json_array_size(hc_jget(d, "items")), 50);
    assert_true(hc_jint(d->json, "total") > 300);
    resp *big = expect_status(req(BEH, "GET", "/api/assignments?limit=100000", NULL), 200);
    assert_int_equal(hc_jint(big->json, "limit"), 500);
    resp *past = expect_status(req(BEH, "GET", "/api/providers?offset=100000", NULL), 200);
    assert_int_equal(json_array_size(hc_jget(past, "items")), 0);
    assert_int_equal(hc_jint(past->json, "total"), total);
    expect_status(req(BEH, "GET", "/api/providers?limit=0", NULL), 400);
    expect_status(req(BEH, "GET", "/api/providers?limit=x", NULL), 400);
    expect_status(req(BEH, "GET", "/api/providers?offset=-1", NULL), 400);
    /* a scoped list counts only what the reader sees */
    resp *t1 = expect_status(req(T1, "GET", "/api/assignments?limit=500", NULL), 200);
    json_t *a;
    size_t i;
    json_array_foreach(hc_jget(t1, "items"), i, a)
        assert_string_equal(hc_jstr(a, "gemeente"), "0193");
    resp *none = expect_status(req(T1, "GET", "/api/assignments?gemeente=0148", NULL), 200);
    assert_int_equal(hc_jint(none->json, "total"), 0);
}

static void test_body_limits(void **state)
{
    (void)state;
    size_t n = (1u << 20) + 10;
    char *big = malloc(n + 1);
    assert_non_null(big);
    memset(big, ' ', n);
    big[0] = '{';
    big[n - 1] = '}';
    big[n] = '\0';
    resp *r = request_full(&F.s[BEH], true, "POST", "/api/providers", NULL, big, n);
    free(big);
    expect_status(r, 413);
    assert_string_equal(hc_jstr(r->json, "code"), "body_too_large");
    /* an announced CSV body over 64 MiB is refused before it is read */
    char head[512];
    snprintf(head, sizeof head,
             "POST /api/declarations HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
             "Cookie: jr_session=%s\r\nX-CSRF-Token: %s\r\nContent-Type: text/csv\r\n"
             "Content-Length: %llu\r\n",
             F.s[A1].cookie, F.s[A1].csrf, (unsigned long long)(65ull << 20));
    r = expect_status(raw_request(head, "declaratienummer\n", 17), 413);
    assert_string_equal(hc_jstr(r->json, "code"), "body_too_large");
    /* declarations are CSV */
    r = expect_status(
        request_full(&F.s[A1], true, "POST", "/api/declarations", "application/json", "{}", 2),
        400);
    assert_string_equal(hc_jstr(r->json, "code"), "content_type");
}

/* ---- the happy path of every route ------------------------------------------------------ */

static void test_happy_path(void **state)
{
    (void)state;
    /* catalog, codes, referral routes, providers, contracts */
    resp *r = expect_status(req(LEZ, "GET", "/api/catalog", NULL), 200);
    assert_string_equal(hc_jstr(r->json, "region"), "IJsselland");
    assert_true(json_array_size(hc_jget(r, "municipalities")) == 11);
    assert_true(json_array_size(hc_jget(r, "products")) > 0);
    r = expect_status(req(LEZ, "GET", "/api/codes?limit=500", NULL), 200);
    assert_true(hc_jint(r->json, "total") > 10);
    assert_string_equal(hc_jstr(json_array_get(hc_jget(r, "items"), 0), "code"), "8001");
    r = expect_status(req(T1, "GET", "/api/referrals/routes?referrer_type=02", NULL), 200);
    assert_int_equal(json_array_size(hc_jget(r, "budgets")), 2);
    assert_true(json_is_true(hc_jget(r, "quote")));
    assert_true(json_is_false(hc_jget(r, "verblijf")));
    r = expect_status(req(T1, "GET", "/api/referrals/routes?referrer_type=01", NULL), 200);
    assert_int_equal(json_array_size(hc_jget(r, "budgets")), 7);
    expect_status(req(T1, "GET", "/api/referrals/routes?referrer_type=99", NULL), 400);
    expect_status(req(T1, "GET", "/api/referrals/routes", NULL), 400);
    char agb[9];
    for (int i = 0; i < 1000; i++) { /* a free AGB code (8 digits) */
        snprintf(agb, sizeof agb, "7399%04d", i);
        r = reqf(RSJ, "GET", NULL, "/api/providers/%s", agb);
        if (r->status == 404)
            break;
    }
    char body[1024];
    snprintf(body, sizeof body, "{\"agb\": \"%s\", \"name\": \"Jeugdzorg De Linde\"}", agb);
    r = expect_status(req(RSJ, "POST", "/api/providers", body), 201);
    assert_string_equal(hc_jstr(r->json, "kind"), "instelling");
    expect_status(req(RSJ, "POST", "/api/providers", body), 409);
    r = expect_status(reqf(G1, "GET", NULL, "/api/providers/%s", agb), 200);
    assert_string_equal(hc_jstr(r->json, "name"), "Jeugdzorg De Linde");
    snprintf(body, sizeof body, "{\"agb\": \"%s\", \"lot\": \"P1\", \"start\": \"2024-01-01\"}",
             agb);
    r = expect_status(req(BEH, "POST", "/api/contracts", body), 201);
    assert_true(hc_jint(r->json, "contracts") >= 7);
    r = expect_status(reqf(A1, "GET", NULL, "/api/contracts?agb=%s", agb), 200);
    assert_true(hc_jint(r->json, "total") >= 7);
    assert_string_equal(hc_jstr(json_array_get(hc_jget(r, "items"), 0), "agb"), agb);

    /* a youth of Zwolle, referred on a budget, assigned, care started */
    char bsn[10];
    long long yid = create_youth(T1, "0193", bsn);
    snprintf(body, sizeof body,
             "{\"bsn\": \"%s\", \"birth\": \"2012-05-01\", \"gemeente\": \"0148\"}", bsn);
    expect_status(req(T1, "POST", "/api/youths", body), 403); /* not its municipality */
    long long rid = create_referral(T1, bsn, "budget");
    r = expect_status(reqf(G1, "GET", NULL, "/api/referrals/%lld", rid), 200);
    assert_string_equal(hc_jstr(r->json, "route"), "budget");
    assert_string_equal(hc_jstr(r->json, "product"), "KB3");
    r = expect_status(reqf(T1, "GET", NULL, "/api/referrals?youth=%lld", yid), 200);
    assert_int_equal(hc_jint(r->json, "total"), 1);
    char number[24];
    create_assignment(T1, rid, agb, number);
    care_start(BEH, number); /* the beheerder reports for the new provider */
    /* the provider declares (as the beheerder, for the new provider) */
    char csv[2048];
    make_csv(csv, sizeof csv, "HP-1", agb, "0193", number, bsn, "HP");
    r = expect_status(upload_csv(BEH, csv), 200);
    json_t *b = json_array_get(hc_jget(r, "batches"), 0);
    assert_int_equal(hc_jint(b, "accepted_lines"), 2);
    assert_int_equal(hc_jint(b, "accepted_cents"), 97200);
    assert_true(json_is_false(json_object_get(b, "replayed")));
    json_t *lines = hc_jget(r, "lines");
    assert_int_equal(json_array_size(lines), 2);
    assert_string_equal(hc_jstr(json_array_get(lines, 0), "result"), "accepted");
    assert_string_equal(hc_jstr(json_array_get(lines, 0), "line"), "HP-1");
    assert_int_equal(hc_jint(json_array_get(lines, 0), "amount_cents"), 81000);
    long long batch = hc_jint(b, "id");
    r = expect_status(upload_csv(BEH, csv), 200); /* the same file again: nothing changes */
    assert_true(
        json_is_true(json_object_get(json_array_get(hc_jget(r, "batches"), 0), "replayed")));
    /* a file-level fault names the line */
    char bad[2048];
    snprintf(bad, sizeof bad, "%s", csv);
    char *d = strstr(bad, "2025-03-31");
    memcpy(d, "2025-03-32", 10);
    r = expect_status(upload_csv(BEH, bad), 400);
    assert_contains(hc_jstr(r->json, "message"), "test.csv:2");
    assert_contains(hc_jstr(r->json, "message"), "niet verwerkt");
    /* the youth found by BSN (in the body), then the file by its id: youth,
       referrals, assignments; the search and the view are audited */
    snprintf(body, sizeof body, "{\"bsn\": \"%s\"}", bsn);
    r = expect_status(req(T1, "POST", "/api/v1/youths/search", body), 200);
    assert_int_equal(hc_jint(r->json, "id"), yid);
    assert_string_equal(hc_jstr(r->json, "bsn"), bsn);
    r = expect_status(reqf(T1, "GET", NULL, "/api/v1/youths/%lld", yid), 200);
    assert_int_equal(hc_jint(hc_jget(r, "youth"), "id"), yid);
    assert_string_equal(hc_jstr(hc_jget(r, "youth"), "bsn"), bsn);
    assert_int_equal(json_array_size(hc_jget(r, "referrals")), 1);
    json_t *asg = json_array_get(hc_jget(r, "assignments"), 0);
    assert_string_equal(hc_jstr(asg, "number"), number);
    assert_int_equal(hc_jint(json_object_get(asg, "ledger"), "used_cents"), 97200);
    r = expect_status(req(BEH, "GET", "/api/audit?actor=toegang1&entity=youth&limit=5", NULL), 200);
    assert_string_equal(hc_jstr(json_array_get(hc_jget(r, "items"), 0), "action"),
                        "jeugdige.ingezien");
    assert_string_equal(hc_jstr(json_array_get(hc_jget(r, "items"), 1), "action"),
                        "jeugdige.gezocht");
    /* the assignment with its ledger and events; change, stop, end */
    r = expect_status(reqf(G1, "GET", NULL, "/api/assignments/%s", number), 200);
    json_t *ledger = hc_jget(r, "ledger");
    assert_int_equal(hc_jint(ledger, "granted_cents"), hc_jint(r->json, "budget_cents"));
    assert_int_equal(hc_jint(ledger, "remaining_cents"),
                     hc_jint(ledger, "granted_cents") - hc_jint(ledger, "used_cents"));
    assert_true(json_array_size(hc_jget(r, "events")) >= 1);
    r = expect_status(reqf(T1, "PATCH", "{\"budget_cents\": 600000, \"reason\": \"04\"}",
                           "/api/assignments/%s", number),
                      200);
    assert_int_equal(hc_jint(r->json, "budget_cents"), 600000);
    assert_true(json_array_size(hc_jget(r, "events")) >= 2);
    expect_status(reqf(T1, "PATCH", "{\"budget_cents\": 100, \"reason\": \"04\"}",
                       "/api/assignments/%s", number),
                  400); /* below what was used */
    r = expect_status(reqf(BEH, "POST", "{\"date\": \"2025-06-30\", \"reason\": \"31\"}",
                           "/api/assignments/%s/care-stop", number),
                      200);
    assert_string_equal(hc_jstr(r->json, "care_stop"), "2025-06-30");
    r = expect_status(reqf(T1, "POST", "{\"date\": \"2025-06-30\", \"reason\": \"doel bereikt\"}",
                           "/api/assignments/%s/end", number),
                      200);
    assert_string_equal(hc_jstr(r->json, "status"), "beeindigd");
    assert_int_equal(hc_jint(hc_jget(r, "ledger"), "released_cents"), 600000 - 97200);
    expect_status(reqf(T1, "POST", NULL, "/api/assignments/%s/withdraw", number), 409);

    /* declarations and settlement */
    r = expect_status(req(G1, "GET", "/api/declarations?period=2025-03&limit=500", NULL), 200);
    bool found = false;
    json_t *it;
    size_t i;
    json_array_foreach(hc_jget(r, "items"), i, it)
    {
        assert_string_equal(hc_jstr(it, "gemeente"), "0193");
        found = found || hc_jint(it, "id") == batch;
    }
    assert_true(found);
    r = expect_status(reqf(G1, "GET", NULL, "/api/declarations/%lld/lines", batch), 200);
    assert_int_equal(hc_jint(r->json, "total"), 2);
    assert_string_equal(hc_jstr(json_array_get(hc_jget(r, "items"), 0), "assignment"), number);
    r = expect_status(reqf(G1, "GET", NULL, "/api/settlements?period=2025-03&agb=%s", agb), 200);
    assert_int_equal(hc_jint(r->json, "total"), 2);
    assert_int_equal(hc_jint(r->json, "accepted_cents"), 97200);
    json_t *row = json_array_get(hc_jget(r, "items"), 0);
    assert_string_equal(hc_jstr(row, "gemeente"), "0193");
    assert_string_equal(hc_jstr(row, "provider"), "Jeugdzorg De Linde");
    r = expect_status(reqf(LEZ, "GET", NULL, "/api/settlements?period=2025-03&agb=%s", agb), 200);
    assert_int_equal(hc_jint(r->json, "accepted_cents"), 97200);
    r = expect_status(
        reqf(G1, "GET", NULL, "/api/settlements/lines?period=2025-03&agb=%s&product=45F02", agb),
        200);
    assert_int_equal(hc_jint(r->json, "total"), 1);
    assert_int_equal(hc_jint(json_array_get(hc_jget(r, "items"), 0), "amount_cents"), 81000);

    /* the offerte route: request, answer, accept */
    long long qrid = create_referral(T1, bsn, "offerte");
    snprintf(body, sizeof body, "{\"agbs\": [\"%s\"]}", F.p1);
    r = expect_status(reqf(T1, "POST", body, "/api/referrals/%lld/quotes", qrid), 201);
    long long qid = hc_jint(json_array_get(hc_jget(r, "quotes"), 0), "id");
    r = expect_status(req(A1, "GET", "/api/worklist", NULL), 200);
    found = false;
    json_array_foreach(hc_jget(r, "open_quotes"), i, it) found = found || hc_jint(it, "id") == qid;
    assert_true(found);
    assert_non_null(hc_jget(r, "awaiting_care_start"));
    assert_non_null(hc_jget(r, "rejected_lines"));
    assert_non_null(hc_jget(r, "budgets_nearly_spent"));
    r = expect_status(reqf(A1, "POST",
                           "{\"lines\": [{\"product\": \"FG3\", \"hours\": 10}], \"months\": 3}",
                           "/api/quotes/%lld/answer", qid),
                      200);
    long long total = hc_jint(r->json, "total_cents");
    assert_true(total > 0);
    r = expect_status(reqf(T1, "GET", NULL, "/api/quotes?referral=%lld", qrid), 200);
    assert_int_equal(hc_jint(r->json, "total"), 1);
    assert_string_equal(hc_jstr(json_array_get(hc_jget(r, "items"), 0), "status"), "beantwoord");
    r = expect_status(
        reqf(T1, "POST", "{\"start\": \"2025-09-01\"}", "/api/quotes/%lld/accept", qid), 201);
    assert_int_equal(hc_jint(r->json, "budget_cents"), total);
    assert_string_equal(hc_jstr(r->json, "agb"), F.p1);
    char qnumber[24];
    snprintf(qnumber, sizeof qnumber, "%s", hc_jstr(r->json, "number"));
    r = expect_status(reqf(A1, "GET", NULL, "/api/quotes/%lld", qid), 200);
    assert_string_equal(hc_jstr(r->json, "status"), "geaccepteerd");
    assert_string_equal(hc_jstr(r->json, "assignment"), qnumber);
    r = expect_status(req(T1, "GET", "/api/worklist?limit=100", NULL), 200);
    found = false;
    json_array_foreach(hc_jget(r, "awaiting_care_start"), i, it) found =
        found || strcmp(hc_jstr(it, "number"), qnumber) == 0;
    assert_true(found);
    r = expect_status(reqf(T1, "POST", NULL, "/api/assignments/%s/withdraw", qnumber), 200);
    assert_string_equal(hc_jstr(r->json, "status"), "ingetrokken");
    r = expect_status(reqf(A1, "GET", NULL, "/api/assignments?youth=%lld", yid), 200);
    assert_int_equal(hc_jint(r->json, "total"), 1); /* its own, not the new provider's */

    /* users and audit */
    r = expect_status(req(BEH, "POST", "/api/users",
                          "{\"name\": \"nieuw.toegang\", \"display_name\": \"Nieuwe medewerker\", "
                          "\"role\": \"toegang\", \"gemeente\": \"0148\", \"password\": "
                          "\"een-lang-wachtwoord\"}"),
                      201);
    assert_string_equal(hc_jstr(r->json, "gemeente"), "0148");
    assert_true(json_is_true(hc_jget(r, "active")));
    expect_status(req(BEH, "POST", "/api/users",
                      "{\"name\": \"nieuw.toegang\", \"role\": \"toegang\", \"gemeente\": "
                      "\"0148\", \"password\": \"een-lang-wachtwoord\"}"),
                  409);
    expect_status(req(BEH, "POST", "/api/users",
                      "{\"name\": \"iemand\", \"role\": \"koning\", \"password\": "
                      "\"een-lang-wachtwoord\"}"),
                  400);
    session s;
    login_with("nieuw.toegang", "een-lang-wachtwoord", &s);
    r = expect_status(req(BEH, "PATCH", "/api/users/nieuw.toegang", "{\"active\": false}"), 200);
    assert_true(json_is_false(hc_jget(r, "active")));
    expect_status(request_full(&s, false, "GET", "/api/session", NULL, NULL, 0), 401);
    expect_status(login_raw("nieuw.toegang", "een-lang-wachtwoord"), 401);
    expect_status(req(BEH, "PATCH", "/api/users/niemand", "{\"active\": true}"), 404);
    r = expect_status(req(BEH, "GET", "/api/users?limit=500", NULL), 200);
    assert_true(hc_jint(r->json, "total") >= 9);
    r = expect_status(req(BEH, "GET", "/api/audit?entity=user&id=nieuw.toegang", NULL), 200);
    const char *actions[] = {"inloggen.mislukt", "gebruiker.geblokkeerd", "inloggen",
                             "gebruiker.toegevoegd"}; /* newest first */
    assert_int_equal(hc_jint(r->json, "total"), 4);
    for (size_t k = 0; k < 4; k++)
        assert_string_equal(hc_jstr(json_array_get(hc_jget(r, "items"), k), "action"), actions[k]);
}

/* ---- the authorization matrix ---------------------------------------------------------- */

typedef struct {
    const char *method;
    const char *path; /* with {P1} {YX} {YY} {IX} {IY} {RX} {RY} {QRX} {QX1} {QX2} {QY} {AX} {AY}
                         {AEND} {BX} {BY}; an /api/... path is asked there and under /api/v1/... */
    const char *body; /* JSON; "CSV" for the declaration file of X; "XML" for a JW323 of P1 */
    int expect[NROLES];
} matrix_row;

/* a tender published on 2026-03-01, after the suite's today (2026-01-15) */
#define TENDER_DATES                                                                               \
    "{\"publication\": \"2026-03-01\", \"qa_end\": \"2026-03-10\", \"registration_end\": "         \
    "\"2026-03-20\", \"assessment_start\": \"2026-03-23\", \"assessment_end\": \"2026-04-03\", "   \
    "\"award\": \"2026-04-06\", \"contract_start\": \"2026-05-01\"}"
#define TENDER_OK                                                                                  \
    "{\"name\": \"Matrix\", \"dates\": " TENDER_DATES ", \"lots\": [{\"lot\": \"P4\", "            \
    "\"products\": [\"45D01\"]}], \"criteria\": [{\"name\": \"Kwaliteit\", \"weight\": 100, "      \
    "\"min_score\": 6}]}"

/*                                      beh  rsj  t1   t2   g1   a1   a2   lezer */
/* TARIFF_NORMS: a norms document of 2026 with one functiegroep, its holiday pay hp */
#define TARIFF_NORMS(hp)                                                                           \
    "{\"format\": \"jeugdregio-tariff-norms/1\", \"year\": 2026, \"cao\": \"CAO test\", "          \
    "\"index\": {\"ova_bp\": 320, \"pcc_bp\": 250, \"method\": \"vng\", \"wage_weight_bp\": "      \
    "8000}, \"functiegroepen\": [{\"code\": \"FG1\", \"scale\": 7, \"step\": 6, "                  \
    "\"monthly_salary\": \"3291.00\", \"holiday_bp\": " hp                                         \
    ", \"year_end_bp\": 833, \"employer_bp\": 3000, \"hours_per_fte\": 1300, \"overhead_bp\": "    \
    "2500, \"other_costs\": \"2.50\"}]}"

static const matrix_row matrix[] = {
    {"GET", "/api/session", NULL, {200, 200, 200, 200, 200, 200, 200, 200}},
    {"GET", "/api/catalog", NULL, {200, 200, 200, 200, 200, 200, 200, 200}},
    {"GET", "/api/codes", NULL, {200, 200, 200, 200, 200, 200, 200, 200}},
    {"GET", "/api/openapi.json", NULL, {200, 200, 200, 200, 200, 200, 200, 200}},
    {"GET",
     "/api/referrals/routes?referrer_type=02",
     NULL,
     {200, 403, 200, 200, 403, 403, 403, 403}},
    {"GET", "/api/worklist", NULL, {200, 200, 200, 200, 200, 200, 200, 403}},
    {"GET", "/api/providers", NULL, {200, 200, 200, 200, 200, 200, 200, 200}},
    {"GET", "/api/providers/{P1}", NULL, {200, 200, 200, 200, 200, 200, 200, 200}},
    {"GET", "/api/providers/00000000", NULL, {404, 404, 404, 404, 404, 404, 404, 404}},
    {"POST",
     "/api/providers",
     "{\"agb\": \"1\", \"name\": \"x\"}",
     {400, 400, 403, 403, 403, 403, 403, 403}},
    {"GET", "/api/contracts?agb={P1}", NULL, {200, 200, 200, 200, 200, 200, 200, 200}},
    {"POST",
     "/api/contracts",
     "{\"agb\": \"00000000\", \"lot\": \"P1\", \"start\": \"2024-01-01\"}",
     {404, 404, 403, 403, 403, 403, 403, 403}},
    {"POST",
     "/api/youths",
     "{\"bsn\": \"123456789\", \"birth\": \"2012-01-01\", \"gemeente\": \"0193\"}",
     {400, 403, 400, 400, 403, 403, 403, 403}},
    {"POST",
     "/api/v1/youths/search",
     "{\"bsn\": \"{YX}\"}",
     {200, 200, 200, 404, 200, 200, 404, 403}},
    {"POST",
     "/api/v1/youths/search",
     "{\"bsn\": \"{YY}\"}",
     {200, 200, 404, 200, 404, 404, 200, 403}},
    {"POST",
     "/api/v1/youths/search",
     "{\"bsn\": \"000000000\"}",
     {404, 404, 404, 404, 404, 404, 404, 403}},
    {"GET", "/api/v1/youths/{IX}", NULL, {200, 200, 200, 404, 200, 200, 404, 403}},
    {"GET", "/api/v1/youths/{IY}", NULL, {200, 200, 404, 200, 404, 404, 200, 403}},
    {"GET", "/api/v1/youths/999999999", NULL, {404, 404, 404, 404, 404, 404, 404, 403}},
    {"POST",
     "/api/referrals",
     "{\"bsn\": \"{YX}\", \"referrer_type\": \"01\", \"route\": \"budget\", \"budget\": "
     "\"KB99\", \"result\": \"x\"}",
     {400, 403, 400, 404, 403, 403, 403, 403}},
    {"POST",
     "/api/referrals",
     "{\"bsn\": \"{YY}\", \"referrer_type\": \"01\", \"route\": \"budget\", \"budget\": "
     "\"KB99\", \"result\": \"x\"}",
     {400, 403, 404, 400, 403, 403, 403, 403}},
    {"GET", "/api/referrals", NULL, {200, 200, 200, 200, 200, 200, 200, 403}},
    {"GET", "/api/referrals?youth={IX}", NULL, {200, 200, 200, 200, 200, 200, 200, 403}},
    {"GET", "/api/assignments?youth={IY}", NULL, {200, 200, 200, 200, 200, 200, 200, 403}},
    {"GET", "/api/referrals/{RX}", NULL, {200, 200, 200, 404, 200, 404, 404, 403}},
    {"GET", "/api/referrals/{RY}", NULL, {200, 200, 404, 200, 404, 404, 404, 403}},
    {"POST",
     "/api/referrals/{RX}/assignment",
     "{\"agb\": \"{P1}\", \"start\": \"2025-02-01\"}",
     {409, 403, 409, 404, 403, 403, 403, 403}},
    {"POST",
     "/api/referrals/{RY}/assignment",
     "{\"agb\": \"{P2}\", \"start\": \"2025-02-01\"}",
     {409, 403, 404, 409, 403, 403, 403, 403}},
    {"POST",
     "/api/referrals/{RX}/quotes",
     "{\"agbs\": [\"{P1}\"]}",
     {400, 403, 400, 404, 403, 403, 403, 403}},
    {"GET", "/api/quotes", NULL, {200, 200, 200, 200, 200, 200, 200, 403}},
    {"GET", "/api/quotes?referral={QRX}", NULL, {200, 200, 200, 200, 200, 200, 200, 403}},
    {"GET", "/api/quotes/{QX1}", NULL, {200, 200, 200, 404, 200, 200, 404, 403}},
    {"GET", "/api/quotes/{QY}", NULL, {200, 200, 404, 200, 404, 404, 200, 403}},
    {"POST",
     "/api/quotes/{QX1}/answer",
     "{\"lines\": [{\"product\": \"FG2\", \"hours\": \"1\"}], \"months\": 6}",
     {409, 403, 403, 403, 403, 409, 404, 403}},
    {"POST",
     "/api/quotes/{QX2}/accept",
     "{\"start\": \"2025-09-01\"}",
     {409, 403, 409, 404, 403, 403, 403, 403}},
    {"POST",
     "/api/quotes/{QX2}/reject",
     "{\"reason\": \"nogmaals\"}",
     {409, 403, 409, 404, 403, 403, 403, 403}},
    {"GET", "/api/assignments", NULL, {200, 200, 200, 200, 200, 200, 200, 403}},
    {"GET", "/api/assignments/{AX}", NULL, {200, 200, 200, 404, 200, 200, 404, 403}},
    {"GET", "/api/assignments/{AY}", NULL, {200, 200, 404, 200, 404, 404, 200, 403}},
    {"PATCH",
     "/api/assignments/{AX}",
     "{\"end\": \"2026-01-31\", \"reason\": \"99\"}",
     {400, 403, 400, 404, 403, 403, 403, 403}},
    {"PATCH",
     "/api/assignments/{AY}",
     "{\"end\": \"2026-01-31\", \"reason\": \"99\"}",
     {400, 403, 404, 400, 403, 403, 403, 403}},
    {"POST",
     "/api/assignments/{AX}/end",
     "{\"date\": \"2024-01-01\"}",
     {400, 403, 400, 404, 403, 403, 403, 403}},
    {"POST", "/api/assignments/{AEND}/withdraw", NULL, {409, 403, 409, 404, 403, 403, 403, 403}},
    {"POST",
     "/api/assignments/{AX}/care-start",
     "{\"date\": \"2025-02-02\"}",
     {409, 403, 403, 403, 403, 409, 404, 403}},
    {"POST",
     "/api/assignments/{AY}/care-start",
     "{\"date\": \"2025-02-02\"}",
     {409, 403, 403, 403, 403, 404, 409, 403}},
    {"POST",
     "/api/assignments/{AX}/care-stop",
     "{\"date\": \"2024-01-01\", \"reason\": \"31\"}",
     {400, 403, 403, 403, 403, 400, 404, 403}},
    {"POST", "/api/declarations", "CSV", {200, 403, 403, 403, 403, 200, 403, 403}},
    {"GET", "/api/declarations?period=2025-03", NULL, {200, 200, 200, 200, 200, 200, 200, 403}},
    {"GET", "/api/declarations/{BX}/lines", NULL, {200, 200, 200, 404, 200, 200, 404, 403}},
    {"GET", "/api/declarations/{BY}/lines", NULL, {200, 200, 404, 200, 404, 404, 200, 403}},
    {"GET", "/api/settlements?period=2025-03", NULL, {200, 200, 200, 200, 200, 200, 200, 200}},
    {"GET", "/api/settlements", NULL, {400, 400, 400, 400, 400, 400, 400, 400}},
    {"GET",
     "/api/settlements/lines?period=2025-03",
     NULL,
     {200, 200, 200, 200, 200, 200, 200, 403}},
    {"GET",
     "/api/v1/settlements/task-budgets?period=2025-03",
     NULL,
     {200, 200, 200, 200, 200, 200, 200, 200}},
    {"GET",
     "/api/v1/settlements/task-budgets?period=2025-13",
     NULL,
     {400, 400, 400, 400, 400, 400, 400, 400}},
    {"GET",
     "/api/v1/figures/volume?period=2025-Q2",
     NULL,
     {200, 200, 200, 200, 200, 200, 200, 200}},
    {"GET",
     "/api/v1/figures/volume?period=2025-Q2&gemeente=0193",
     NULL,
     {200, 200, 200, 200, 200, 200, 200, 200}},
    {"GET",
     "/api/v1/figures/volume?period=2025-Q5",
     NULL,
     {400, 400, 400, 400, 400, 400, 400, 400}},
    {"GET",
     "/api/v1/figures/referrals?period=2025",
     NULL,
     {200, 200, 200, 200, 200, 200, 200, 200}},
    {"GET",
     "/api/v1/figures/referrals?period=2025&gemeente=9999",
     NULL,
     {400, 400, 400, 400, 400, 400, 400, 400}},
    {"GET",
     "/api/v1/figures/spending?period=2025-03&gemeente=0148",
     NULL,
     {200, 200, 200, 200, 200, 200, 200, 200}},
    {"GET", "/api/v1/figures/spending", NULL, {400, 400, 400, 400, 400, 400, 400, 400}},
    {"GET",
     "/api/v1/figures/durations?period=2025",
     NULL,
     {200, 200, 200, 200, 200, 200, 200, 200}},
    {"GET",
     "/api/v1/figures/waiting?period=2025-Q2&gemeente=0148",
     NULL,
     {200, 200, 200, 200, 200, 200, 200, 200}},
    {"GET",
     "/api/v1/figures/endings?period=2025-Q5",
     NULL,
     {400, 400, 400, 400, 400, 400, 400, 400}},
    {"GET",
     "/api/v1/figures/concentration?period=2025&gemeente=9999",
     NULL,
     {400, 400, 400, 400, 400, 400, 400, 400}},
    {"GET", "/api/v1/figures/budget", NULL, {400, 400, 400, 400, 400, 400, 400, 400}},
    {"GET",
     "/api/v1/figures/budget?period=2025-H2",
     NULL,
     {200, 200, 200, 200, 200, 200, 200, 200}},
    /* the provider filter: any reading role, an aanbieder its own only; an unknown AGB 400
       (an aanbieder gets 403 before the store is asked) */
    {"GET",
     "/api/v1/figures/volume?period=2025&aanbieder={P1}",
     NULL,
     {200, 200, 200, 200, 200, 200, 403, 200}},
    {"GET",
     "/api/v1/figures/waiting?period=2025&gemeente=0148&aanbieder={P2}",
     NULL,
     {200, 200, 200, 200, 200, 403, 200, 200}},
    {"GET",
     "/api/v1/figures/spending?period=2025&aanbieder=99999999",
     NULL,
     {400, 400, 400, 400, 400, 403, 403, 400}},
    {"GET",
     "/api/v1/figures/quotes?period=2025&aanbieder=123",
     NULL,
     {400, 400, 400, 400, 400, 400, 400, 400}},
    {"PUT",
     "/api/v1/budgets/0193/2025/ambulant",
     "{\"amount_cents\": 12345600, \"taakveld\": \"6.72\"}",
     {200, 403, 403, 403, 200, 403, 403, 403}},
    {"PUT",
     "/api/v1/budgets/0148/2025/verblijf",
     "{\"amount_cents\": 5000000}",
     {200, 403, 403, 403, 403, 403, 403, 403}},
    {"PUT",
     "/api/v1/budgets/0193/1999/ambulant",
     "{\"amount_cents\": -1, \"taakveld\": \"6.1\"}",
     {400, 403, 403, 403, 400, 403, 403, 403}},
    {"GET", "/api/v1/budgets?year=2025", NULL, {200, 200, 200, 200, 200, 403, 403, 403}},
    {"GET",
     "/api/v1/budgets?year=2025&gemeente=0148",
     NULL,
     {200, 200, 403, 200, 403, 403, 403, 403}},
    {"GET", "/api/v1/budgets", NULL, {400, 400, 400, 400, 400, 400, 400, 400}},
    {"GET", "/api/v1/figures/control?period=2025", NULL, {200, 200, 200, 200, 200, 403, 403, 200}},
    {"GET",
     "/api/v1/figures/control?period=2025&gemeente=0148",
     NULL,
     {200, 200, 200, 200, 200, 403, 403, 200}},
    {"GET",
     "/api/v1/figures/control?period=2025-Q2",
     NULL,
     {400, 400, 400, 400, 400, 400, 400, 400}},
    {"GET",
     "/api/v1/figures/benchmark?period=2025-Q2",
     NULL,
     {200, 200, 200, 200, 200, 200, 200, 200}},
    {"GET",
     "/api/v1/figures/ambulantisering?period=2025-Q2&gemeente=0193",
     NULL,
     {200, 200, 200, 200, 200, 200, 200, 200}},
    {"GET", "/api/v1/figures/quotes?period=2025", NULL, {200, 200, 200, 200, 200, 200, 200, 200}},
    {"GET",
     "/api/v1/figures/expensive?period=2025&gemeente=0193",
     NULL,
     {200, 200, 200, 403, 200, 403, 403, 403}},
    {"GET",
     "/api/v1/figures/expensive?period=2025&gemeente=0193&limit=101",
     NULL,
     {400, 400, 400, 400, 400, 400, 400, 400}},
    {"GET",
     "/api/v1/figures/expensive?period=2025&gemeente=0193&aanbieder={P1}",
     NULL,
     {200, 200, 200, 403, 200, 403, 403, 403}},
    /* the council report: every reading role but a provider's, any municipality (the
       figures as a lezer sees them) */
    {"GET",
     "/api/v1/reports/council?period=2025-Q2",
     NULL,
     {200, 200, 200, 200, 200, 403, 403, 200}},
    {"GET",
     "/api/v1/reports/council?period=2025&gemeente=0148",
     NULL,
     {200, 200, 200, 200, 200, 403, 403, 200}},
    {"GET", "/api/v1/reports/council", NULL, {400, 400, 400, 400, 400, 400, 400, 400}},
    /* the control signals: not for a provider; an unknown kind refused */
    {"GET",
     "/api/v1/figures/signals?period=2025-Q2",
     NULL,
     {200, 200, 200, 200, 200, 403, 403, 200}},
    {"GET",
     "/api/v1/figures/signals?period=2025&kind=nope",
     NULL,
     {400, 400, 400, 400, 400, 403, 403, 400}},
    /* exports: as the figure's own route */
    {"GET",
     "/api/v1/exports/spending?period=2025-Q2",
     NULL,
     {200, 200, 200, 200, 200, 200, 200, 200}},
    {"GET",
     "/api/v1/exports/expensive?period=2025&gemeente=0193",
     NULL,
     {200, 200, 200, 403, 200, 403, 403, 403}},
    {"GET",
     "/api/v1/exports/durations?period=2025&aanbieder={P2}&format=csv",
     NULL,
     {200, 200, 200, 200, 200, 403, 200, 200}},
    {"GET",
     "/api/v1/exports/control?period=2025&format=csv",
     NULL,
     {200, 200, 200, 200, 200, 403, 403, 200}},
    {"GET", "/api/v1/exports/nosuch?period=2025", NULL, {404, 404, 404, 404, 404, 404, 404, 404}},
    {"GET",
     "/api/v1/exports/spending?period=2025&format=ods",
     NULL,
     {400, 400, 400, 400, 400, 400, 400, 400}},
    /* provider continuity (v1 only): the summary for every role but a provider's (lezer,
       gemeente, toegang as aggregates), a provider's figures for rsj, beheerder and the
       provider itself, the import (CONT_CSV: a good file; CONT_BAD: a bad row) for rsj and
       beheerder */
    {"GET", "/api/v1/continuity?year=2024", NULL, {200, 200, 200, 200, 200, 403, 403, 200}},
    {"GET", "/api/v1/continuity", NULL, {400, 400, 400, 400, 400, 400, 400, 400}},
    {"GET", "/api/v1/continuity?year=1999", NULL, {400, 400, 400, 400, 400, 403, 403, 400}},
    {"GET", "/api/v1/continuity/years", NULL, {200, 200, 200, 200, 200, 403, 403, 200}},
    {"GET",
     "/api/v1/continuity/accounts?year=2024",
     NULL,
     {200, 200, 403, 403, 403, 200, 200, 403}},
    {"GET", "/api/v1/continuity/accounts?agb={P2}", NULL, {200, 200, 403, 403, 403, 200, 200, 403}},
    {"POST", "/api/v1/continuity/accounts", "CONT_CSV", {200, 200, 403, 403, 403, 403, 403, 403}},
    {"POST", "/api/v1/continuity/accounts", "CONT_BAD", {400, 400, 403, 403, 403, 403, 403, 403}},
    /* framework agreements, the change procedure and the covenant (v1 only), on the demo's
       agreements 1-4 (P1-P4), proposals 1 (rsj, in werking), 2 (gemeente, in werking), 3
       (aanbieder1, afgewezen), 4 (rsj, in bespreking), 5 (aanbieder2, ingediend) and covenant
       1; every write here is refused by a rule (changing nothing) or by the role */
    {"GET", "/api/v1/framework-agreements", NULL, {200, 200, 200, 200, 200, 200, 200, 200}},
    {"GET", "/api/v1/framework-agreements/1", NULL, {200, 200, 200, 200, 200, 200, 200, 200}},
    {"GET", "/api/v1/framework-agreements/999", NULL, {404, 404, 404, 404, 404, 404, 404, 404}},
    {"POST",
     "/api/v1/framework-agreements",
     "{\"lot\": \"PX\", \"name\": \"x\", \"start\": \"2027-01-01\", \"end\": \"2026-01-01\"}",
     {400, 400, 403, 403, 403, 403, 403, 403}},
    {"POST",
     "/api/v1/framework-agreements/1/extensions",
     "{\"start\": \"2026-06-01\", \"months\": 12}",
     {400, 400, 403, 403, 403, 403, 403, 403}},
    {"POST",
     "/api/v1/framework-agreements/1/evaluations",
     "{\"date\": \"2030-01-01\", \"subject\": \"x\"}",
     {400, 400, 403, 403, 403, 403, 403, 403}},
    {"POST",
     "/api/v1/framework-agreements/1/evaluations/1/outcome",
     "{\"date\": \"2025-01-01\", \"outcome\": \"x\"}",
     {409, 409, 403, 403, 403, 403, 403, 403}},
    {"POST",
     "/api/v1/framework-agreements/1/contracts",
     "{\"contract_id\": 999999}",
     {404, 404, 403, 403, 403, 403, 403, 403}},
    {"GET", "/api/v1/change-proposals", NULL, {200, 200, 403, 403, 200, 200, 200, 403}},
    {"GET", "/api/v1/change-proposals/3", NULL, {200, 200, 403, 403, 200, 200, 200, 403}},
    {"GET", "/api/v1/change-proposals/4", NULL, {200, 200, 403, 403, 200, 404, 404, 403}},
    {"GET", "/api/v1/change-proposals/5", NULL, {200, 200, 403, 403, 200, 404, 200, 403}},
    {"POST",
     "/api/v1/change-proposals",
     "{\"agreement_id\": 1, \"title\": \"x\"}",
     {400, 400, 403, 403, 400, 400, 400, 403}},
    {"POST",
     "/api/v1/change-proposals/2/discussion",
     "{}",
     {400, 400, 403, 403, 403, 403, 403, 403}},
    {"POST",
     "/api/v1/change-proposals/4/decision",
     "{\"outcome\": \"aangenomen\"}",
     {400, 400, 403, 403, 403, 404, 404, 403}},
    {"POST", "/api/v1/change-proposals/1/effect", "{}", {400, 400, 403, 403, 403, 403, 403, 403}},
    {"GET", "/api/v1/covenants", NULL, {200, 200, 403, 403, 200, 200, 200, 403}},
    {"GET", "/api/v1/covenants/1", NULL, {200, 200, 403, 403, 200, 200, 200, 403}},
    {"GET", "/api/v1/covenants/9", NULL, {404, 404, 403, 403, 404, 404, 404, 403}},
    {"POST",
     "/api/v1/covenants",
     "{\"name\": \"x\", \"signed\": \"2030-01-01\", \"lots\": [\"P1\"]}",
     {400, 400, 403, 403, 403, 403, 403, 403}},
    {"POST",
     "/api/v1/covenants/1/commitments",
     "{\"title\": \"x\"}",
     {400, 400, 403, 403, 403, 403, 403, 403}},
    {"POST",
     "/api/v1/covenants/1/statuses",
     "{\"commitment_id\": 1, \"agb\": \"00000000\", \"status\": \"gerealiseerd\", \"date\": "
     "\"2025-01-01\"}",
     {400, 400, 403, 403, 403, 403, 403, 403}},
    /* contract management (v1 only): the directory for every role and, public, without a
       session (asked so below too); the provider file for rsj, beheerder and the provider
       itself (another's: 404); the changes of the regional team for rsj and beheerder, the
       details and waiting times also by the provider itself; the bodies are refused by the
       service after its role check (400), or name records that do not exist (404) */
    {"GET", "/api/v1/directory/providers", NULL, {200, 200, 200, 200, 200, 200, 200, 200}},
    {"GET",
     "/api/v1/directory/providers?product=dyslexie&gemeente=0193&name=a",
     NULL,
     {200, 200, 200, 200, 200, 200, 200, 200}},
    {"GET",
     "/api/v1/directory/providers?product=XX9",
     NULL,
     {400, 400, 400, 400, 400, 400, 400, 400}},
    {"GET", "/api/v1/public/providers", NULL, {200, 200, 200, 200, 200, 200, 200, 200}},
    {"GET", "/api/v1/public/catalog", NULL, {200, 200, 200, 200, 200, 200, 200, 200}},
    {"GET",
     "/api/v1/public/providers?gemeente=0363",
     NULL,
     {400, 400, 400, 400, 400, 400, 400, 400}},
    {"GET", "/api/v1/provider-files/{P1}", NULL, {200, 200, 403, 403, 403, 200, 404, 403}},
    {"GET", "/api/v1/provider-files/{P2}", NULL, {200, 200, 403, 403, 403, 404, 200, 403}},
    {"GET",
     "/api/v1/provider-files/{P1}?period=2025",
     NULL,
     {200, 200, 403, 403, 403, 200, 404, 403}},
    {"GET",
     "/api/v1/provider-files/{P1}?period=2025-13",
     NULL,
     {400, 400, 400, 400, 400, 400, 400, 400}},
    {"GET", "/api/v1/contract-managers", NULL, {200, 200, 403, 403, 403, 403, 403, 403}},
    {"PUT",
     "/api/v1/providers/{P1}/contract-manager",
     "{\"user\": \"lezer\"}",
     {400, 400, 403, 403, 403, 403, 403, 403}},
    {"PUT",
     "/api/v1/providers/{P1}/details",
     "{\"email\": \"geen-adres\"}",
     {400, 400, 403, 403, 403, 400, 404, 403}},
    {"POST",
     "/api/v1/providers/{P1}/waiting-times",
     "{\"weeks\": 105}",
     {400, 400, 403, 403, 403, 400, 404, 403}},
    {"POST",
     "/api/v1/providers/{P1}/complaints",
     "{\"complainant\": \"buurman\", \"subject\": \"x\"}",
     {400, 400, 403, 403, 403, 403, 403, 403}},
    {"POST",
     "/api/v1/complaints/999999/close",
     "{\"handling\": \"x\"}",
     {404, 404, 403, 403, 403, 403, 403, 403}},
    {"POST",
     "/api/v1/providers/{P1}/escalations",
     "{\"kind\": \"x\", \"reason\": \"y\"}",
     {400, 400, 403, 403, 403, 403, 403, 403}},
    {"POST",
     "/api/v1/escalations/999999/steps",
     "{\"step\": \"gesprek\"}",
     {404, 404, 403, 403, 403, 403, 403, 403}},
    {"POST",
     "/api/v1/providers/{P1}/notes",
     "{\"text\": \"x\", \"date\": \"2199-01-01\"}",
     {400, 400, 403, 403, 403, 403, 403, 403}},
    {"GET", "/api/v1/contracts/1/municipalities", NULL, {200, 200, 200, 200, 200, 200, 200, 200}},
    {"GET",
     "/api/v1/contracts/999999/municipalities",
     NULL,
     {404, 404, 404, 404, 404, 404, 404, 404}},
    {"PUT",
     "/api/v1/contracts/1/municipalities",
     "{\"gemeenten\": [\"0363\"]}",
     {400, 400, 403, 403, 403, 403, 403, 403}},
    /* tariff research (v1 only): reading the norms, the model and the proposal for every role
       but toegang and aanbieder; replacing and editing the norms and adopting for rsj and
       beheerder (TARIFF_NORMS: one functiegroep of 2026; the refusals: a holiday pay of 250 %,
       a body of another year, an unknown norm, an unknown basis) */
    {"PUT",
     "/api/v1/tariff-models/2026",
     TARIFF_NORMS("800"),
     {200, 200, 403, 403, 403, 403, 403, 403}},
    {"PUT",
     "/api/v1/tariff-models/2026",
     TARIFF_NORMS("25000"),
     {400, 400, 403, 403, 403, 403, 403, 403}},
    {"PUT",
     "/api/v1/tariff-models/2027",
     TARIFF_NORMS("800"),
     {400, 400, 403, 403, 403, 403, 403, 403}},
    {"GET", "/api/v1/tariff-models", NULL, {200, 200, 403, 403, 200, 403, 403, 200}},
    {"GET", "/api/v1/tariff-models/2026", NULL, {200, 200, 403, 403, 200, 403, 403, 200}},
    {"GET", "/api/v1/tariff-models/2031", NULL, {404, 404, 403, 403, 404, 403, 403, 404}},
    {"GET", "/api/v1/tariff-models/20x6", NULL, {400, 400, 400, 400, 400, 400, 400, 400}},
    {"PATCH",
     "/api/v1/tariff-models/2026",
     "{\"ova_bp\": 330}",
     {200, 200, 403, 403, 403, 403, 403, 403}},
    {"PATCH",
     "/api/v1/tariff-models/2026/norms/FG1",
     "{\"holiday_bp\": 825}",
     {200, 200, 403, 403, 403, 403, 403, 403}},
    {"PATCH",
     "/api/v1/tariff-models/2026/norms/FG1",
     "{\"holiday_bp\": 25000}",
     {400, 400, 403, 403, 403, 403, 403, 403}},
    {"PATCH",
     "/api/v1/tariff-models/2026/norms/FG9",
     "{\"holiday_bp\": 800}",
     {404, 404, 403, 403, 403, 403, 403, 403}},
    {"GET", "/api/v1/catalog-proposals/2026", NULL, {200, 200, 403, 403, 200, 403, 403, 200}},
    {"GET",
     "/api/v1/catalog-proposals/2026?basis=nope",
     NULL,
     {400, 400, 400, 400, 400, 400, 400, 400}},
    {"POST",
     "/api/v1/catalog-proposals/2026/adoptions",
     "{\"basis\": \"model\"}",
     {201, 201, 403, 403, 403, 403, 403, 403}},
    /* tenders (v1 only), on the demo's: tender 1 past and contracted (lots 1 P3, 2 P4; its
       question 1; registration 5 a later entry, refused), tender 2 in its assessment on
       2026-01-15 (lots 3 P1, 4 P2; registration 6 of aanbieder1); POST TENDER_OK makes tenders
       3 and 4, published 2026-03-01 (not yet): only rsj and beheerder see them */
    {"GET", "/api/v1/tenders", NULL, {200, 200, 200, 200, 200, 200, 200, 200}},
    {"GET", "/api/v1/tenders/2", NULL, {200, 200, 200, 200, 200, 200, 200, 200}},
    {"GET", "/api/v1/tenders/999", NULL, {404, 404, 404, 404, 404, 404, 404, 404}},
    {"POST",
     "/api/v1/tenders",
     "{\"name\": \"Onvolledig\"}",
     {400, 400, 403, 403, 403, 403, 403, 403}},
    {"POST", "/api/v1/tenders", TENDER_OK, {201, 201, 403, 403, 403, 403, 403, 403}},
    {"GET", "/api/v1/tenders/3", NULL, {200, 200, 404, 404, 404, 404, 404, 404}},
    {"PUT",
     "/api/v1/tenders/3/dates",
     "{\"reason\": \"rectificatie\", \"dates\": " TENDER_DATES "}",
     {200, 200, 403, 403, 403, 403, 403, 403}},
    {"GET", "/api/v1/tenders/2/questions", NULL, {200, 200, 200, 200, 200, 200, 200, 200}},
    /* the questions of tender 2 closed on 2025-12-16; tender 3 is not yet published */
    {"POST",
     "/api/v1/tenders/2/questions",
     "{\"question\": \"Nog een vraag?\"}",
     {400, 400, 403, 403, 403, 400, 400, 403}},
    {"POST",
     "/api/v1/tenders/3/questions",
     "{\"question\": \"Nog een vraag?\"}",
     {400, 400, 403, 403, 403, 404, 404, 403}},
    {"POST",
     "/api/v1/tenders/1/questions/1/answer",
     "{\"answer\": \"Te laat.\"}",
     {400, 400, 403, 403, 403, 403, 403, 403}},
    {"POST",
     "/api/v1/tenders/2/questions/1/answer",
     "{\"answer\": \"Verkeerde aanbesteding.\"}",
     {404, 404, 403, 403, 403, 403, 403, 403}},
    {"GET", "/api/v1/tenders/2/registrations", NULL, {200, 200, 403, 403, 403, 200, 200, 403}},
    /* registration closed: the provider itself is refused on the date, another provider as
       such */
    {"POST",
     "/api/v1/tenders/2/lots/3/registrations",
     "{\"agb\": \"{P1}\", \"name\": \"Te laat\", \"products\": [\"45F02\"]}",
     {400, 400, 403, 403, 403, 400, 403, 403}},
    {"POST",
     "/api/v1/tenders/2/lots/1/registrations",
     "{\"agb\": \"{P1}\", \"name\": \"Verkeerd perceel\", \"products\": [\"45F02\"]}",
     {404, 404, 404, 404, 404, 404, 404, 404}},
    {"POST", "/api/v1/tenders/2/lots/3/award", "{}", {400, 400, 403, 403, 403, 403, 403, 403}},
    {"POST", "/api/v1/tenders/2/lots/3/contracts", "{}", {400, 400, 403, 403, 403, 403, 403, 403}},
    {"POST", "/api/v1/tenders/1/lots/1/contracts", "{}", {409, 409, 403, 403, 403, 403, 403, 403}},
    {"GET", "/api/v1/tender-registrations/6", NULL, {200, 200, 403, 403, 403, 200, 404, 403}},
    {"GET",
     "/api/v1/tender-registrations/6/scores",
     NULL,
     {200, 200, 403, 403, 403, 403, 404, 403}},
    {"GET",
     "/api/v1/tender-registrations/2/scores",
     NULL,
     {200, 200, 403, 403, 403, 404, 404, 403}},
    {"POST",
     "/api/v1/tender-registrations/6/scores",
     "{\"criterion\": 1, \"score\": 11, \"motivation\": \"Te hoog\"}",
     {400, 400, 403, 403, 403, 403, 403, 403}},
    {"POST",
     "/api/v1/tender-registrations/5/admission",
     "{\"decision\": \"toegelaten\", \"reason\": \"spreiding\", \"grounds\": \"Nog eens bekeken\"}",
     {409, 409, 403, 403, 403, 403, 403, 403}},
    {"GET", "/api/v1/tenders/supply", NULL, {200, 200, 403, 403, 403, 403, 403, 403}},
    {"GET", "/api/v1/tenders/supply?date=morgen", NULL, {400, 400, 400, 400, 400, 400, 400, 400}},
    /* the impact analysis (v1 only): rsj and beheerder whole, gemeente its own municipality,
       lezer aggregates; toegang and aanbieder refused before their input is read */
    {"POST",
     "/api/v1/impact-analyses",
     "{\"year\": 2025, \"scenarios\": [{\"name\": \"A\", \"tariffs\": {\"45F01\": 6000}}]}",
     {200, 200, 403, 403, 200, 403, 403, 200}},
    {"POST",
     "/api/v1/impact-analyses?format=xlsx",
     "{\"year\": 2025, \"scenarios\": [{\"name\": \"A\", \"tariffs\": {\"45F01\": 6000}}]}",
     {200, 200, 403, 403, 200, 403, 403, 200}},
    {"POST",
     "/api/v1/impact-analyses",
     "{\"year\": 2025, \"scenarios\": [{\"name\": \"A\", \"tariffs\": {\"99X99\": 6000}}]}",
     {400, 400, 403, 403, 400, 403, 403, 400}},
    {"POST",
     "/api/v1/impact-analyses",
     "{\"year\": 2025}",
     {400, 400, 400, 400, 400, 400, 400, 400}},
    /* named scenarios: saved by beheerder (201) and replaced by rsj (200); the analysis of a
       saved one and the list for every role that may analyse; removed by beheerder, then not
       found for rsj */
    {"POST",
     "/api/v1/impact-analyses/scenarios",
     "{\"name\": \"M\", \"tariffs\": {\"45F01\": 6000}}",
     {201, 200, 403, 403, 403, 403, 403, 403}},
    {"POST",
     "/api/v1/impact-analyses/scenarios",
     "{\"name\": \"M\", \"tariffs\": {\"45F01\": -1}}",
     {400, 400, 403, 403, 403, 403, 403, 403}},
    {"GET",
     "/api/v1/impact-analyses?year=2025&a=M",
     NULL,
     {200, 200, 403, 403, 200, 403, 403, 200}},
    {"GET",
     "/api/v1/impact-analyses?year=2025&a=M&format=csv",
     NULL,
     {200, 200, 403, 403, 200, 403, 403, 200}},
    {"GET",
     "/api/v1/impact-analyses?year=2025&a=onbekend",
     NULL,
     {404, 404, 403, 403, 404, 403, 403, 404}},
    {"GET", "/api/v1/impact-analyses?year=2025", NULL, {400, 400, 400, 400, 400, 400, 400, 400}},
    {"GET", "/api/v1/impact-analyses/scenarios", NULL, {200, 200, 403, 403, 200, 403, 403, 200}},
    {"DELETE",
     "/api/v1/impact-analyses/scenarios?name=M",
     NULL,
     {200, 404, 403, 403, 403, 403, 403, 403}},
    {"GET",
     "/api/v1/impact-analyses/template?year=2025",
     NULL,
     {200, 200, 403, 403, 200, 403, 403, 200}},
    {"GET", "/api/v1/impact-analyses/template", NULL, {400, 400, 400, 400, 400, 400, 400, 400}},
    {"GET", "/api/users", NULL, {200, 403, 403, 403, 403, 403, 403, 403}},
    {"POST",
     "/api/users",
     "{\"name\": \"x.y\", \"role\": \"lezer\", \"password\": \"kort\"}",
     {400, 403, 403, 403, 403, 403, 403, 403}},
    {"PATCH", "/api/users/lezer", "{}", {400, 403, 403, 403, 403, 403, 403, 403}},
    {"GET", "/api/audit", NULL, {200, 403, 403, 403, 403, 403, 403, 403}},
    /* the iJw exchange: a JW323 sent as P1 (to a municipality outside the region, so that it
       is refused as a whole and stores no declaration); the export: the beheerder the whole
       region's, an access worker its own municipality's */
    {"POST", "/api/ijw?name=matrix.xml", "XML", {200, 403, 403, 403, 403, 200, 403, 403}},
    {"POST",
     "/api/ijw/outgoing/export",
     "{\"type\": \"JW319\"}",
     {200, 403, 200, 200, 403, 403, 403, 403}},
};

/* substitute: path (or body) with the fixture's records filled in. */
static void substitute(const char *in, char *out, size_t cap)
{
    char ids[10][24];
    snprintf(ids[0], 24, "%lld", F.rx);
    snprintf(ids[1], 24, "%lld", F.ry);
    snprintf(ids[2], 24, "%lld", F.qrx);
    snprintf(ids[3], 24, "%lld", F.qx1);
    snprintf(ids[4], 24, "%lld", F.qx2);
    snprintf(ids[5], 24, "%lld", F.qy);
    snprintf(ids[6], 24, "%lld", F.bx);
    snprintf(ids[7], 24, "%lld", F.by);
    snprintf(ids[8], 24, "%lld", F.ix);
    snprintf(ids[9], 24, "%lld", F.iy);
    const struct {
        const char *key, *val;
    } subs[] = {{"{P1}", F.p1},     {"{P2}", F.p2},   {"{YX}", F.yx},    {"{YY}", F.yy},
                {"{RX}", ids[0]},   {"{RY}", ids[1]}, {"{QRX}", ids[2]}, {"{QX1}", ids[3]},
                {"{QX2}", ids[4]},  {"{QY}", ids[5]}, {"{AX}", F.ax},    {"{AY}", F.ay},
                {"{AEND}", F.aend}, {"{BX}", ids[6]}, {"{BY}", ids[7]},  {"{IX}", ids[8]},
                {"{IY}", ids[9]}};
    size_t n = 0;
    while (*in && n + 1 < cap) {
        bool done = false;
        for (size_t k = 0; !done && k < sizeof subs / sizeof subs[0]; k++) {
            size_t kl = strlen(subs[k].key);
            if (strncmp(in, subs[k].key, kl) == 0) {
                n += (size_t)snprintf(out + n, cap - n, "%s", subs[k].val);
                in += kl;
                done = true;
            }
        }
        if (!done)
            out[n++] = *in++;
    }
    out[n < cap ? n : cap - 1] = '\0';
}

/* fill_params: pattern with every {name} replaced by 1. */
static void fill_params(const char *pattern, char *out, size_t cap)
{
    size_t n = 0;
    for (const char *p = pattern; *p && n + 2 < cap; p++) {
        if (*p == '{') {
            out[n++] = '1';
            while (*p && *p != '}')
                p++;
            if (!*p)
                break;
        } else {
            out[n++] = *p;
        }
    }
    out[n] = '\0';
}

/* matrix_jw323: the sample JW323 of tests/ijw/samples sent by P1 to Amsterdam (0363, not of
 * the region), malloc'ed. */
static char *matrix_jw323(void)
{
    char path[512];
    const char *root = getenv("JR_SOURCE_ROOT");
    snprintf(path, sizeof path, "%s/tests/ijw/samples/jw323_valid.xml", root ? root : ".");
    char *text = hc_slurp(path);
    if (!text)
        fail_msg("%s: not readable", path);
    char *from = strstr(text, "<Afzender>73000001<");
    char *to = strstr(text, "<Ontvanger>0193<");
    if (!from || !to)
        fail_msg("%s: no Afzender 73000001 or Ontvanger 0193", path);
    memcpy(from + strlen("<Afzender>"), F.p1, 8);
    memcpy(to + strlen("<Ontvanger>"), "0363", 4);
    return text;
}

/* ---- provider continuity ---------------------------------------------------------------- */

#define CONT_HEADER                                                                                \
    "agb,name,year,total_revenue_cents,youth_revenue_cents,net_result_cents,equity_cents,"         \
    "total_assets_cents,current_assets_cents,current_liabilities_cents\n"

/* cont_files: a good file of 2019 (P1 healthy and large, P2 small and failing three signals,
 * an applicant 99999990 with its youth-care revenue missing and failing two) and a bad one
 * (a good row, then an AGB of 4 digits on line 3 and an amount that is none on line 4) */
static void cont_files(char *good, char *bad, size_t cap)
{
    snprintf(good, cap,
             CONT_HEADER "%s,Aanbieder een,2019,1000000000,300000000,20000000,500000000,"
                         "1000000000,300000000,200000000\n"
                         "%s,Aanbieder twee,2019,100000000,100000000,1500000,20000000,100000000,"
                         "5000000,5000000\n"
                         "99999990,Inschrijver,2019,100000000,,0,,,,\n",
             F.p1, F.p2);
    snprintf(bad, cap,
             CONT_HEADER "%s,Aanbieder een,2019,1,1,1,1,1,1,1\n"
                         "1234,Kort,2019,1,1,1,1,1,1,1\n"
                         "%s,Aanbieder twee,2019,1,1,12.5,1,1,1,1\n",
             F.p1, F.p2);
}

/* v1_path: path (an /api/... path) as its /api/v1/... twin, into out. */
static void v1_path(const char *path, char *out, size_t cap)
{
    snprintf(out, cap, "/api/v1%s", path + strlen("/api"));
}

static bool is_v1(const char *path)
{
    return strncmp(path, "/api/v1/", 8) == 0;
}

static void test_authorization_matrix(void **state)
{
    (void)state;
    int failures = 0;
    char *jw323 = matrix_jw323();
    char cont_csv[1024], cont_bad[1024];
    cont_files(cont_csv, cont_bad, sizeof cont_csv);
    for (size_t i = 0; i < sizeof matrix / sizeof matrix[0]; i++) {
        const matrix_row *m = &matrix[i];
        char paths[2][512], body[1024];
        substitute(m->path, paths[0], sizeof paths[0]);
        /* an old path is asked there (deprecated, the same answers) and under /api/v1 */
        int npaths = is_v1(paths[0]) ? 1 : 2;
        if (npaths == 2)
            v1_path(paths[0], paths[1], sizeof paths[1]);
        if (m->body && strcmp(m->body, "CSV") != 0 && strcmp(m->body, "XML") != 0 &&
            strncmp(m->body, "CONT_", 5) != 0)
            substitute(m->body, body, sizeof body);
        for (int k = 0; k < npaths; k++) {
            const char *path = paths[k];
            for (int role = 0; role < NROLES; role++) {
                resp *r;
                if (m->body && strcmp(m->body, "CSV") == 0)
                    r = request_full(&F.s[role], true, "POST",
                                     k ? "/api/v1/declarations?name=test.csv"
                                       : "/api/declarations?name=test.csv",
                                     "text/csv", F.csv_x, strlen(F.csv_x));
                else if (m->body && strncmp(m->body, "CONT_", 5) == 0)
                    r = request_full(
                        &F.s[role], true, m->method, path, "text/csv",
                        strcmp(m->body, "CONT_CSV") == 0 ? cont_csv : cont_bad,
                        strlen(strcmp(m->body, "CONT_CSV") == 0 ? cont_csv : cont_bad));
                else if (m->body && strcmp(m->body, "XML") == 0)
                    r = request_full(&F.s[role], true, m->method, path, "application/xml", jw323,
                                     strlen(jw323));
                else
                    r = req(role, m->method, path, m->body ? body : NULL);
                if (r->status != m->expect[role]) {
                    fprintf(stderr, "MATRIX %s %s as %s: %d, expected %d: %.300s\n", m->method,
                            path, role_names[role], r->status, m->expect[role], r->body);
                    failures++;
                }
                if (r->status >= 400 && (!r->json || !json_object_get(r->json, "code") ||
                                         !json_object_get(r->json, "message") ||
                                         hc_jint(r->json, "status") != r->status)) {
                    fprintf(stderr, "MATRIX %s %s as %s: no problem JSON\n", m->method, path,
                            role_names[role]);
                    failures++;
                }
                /* the old paths say they are deprecated and where their successor is */
                const char *dep = hc_header(r, "Deprecation");
                if (is_v1(path) ? dep != NULL : (!dep || !hc_header(r, "Link"))) {
                    fprintf(stderr, "MATRIX %s %s as %s: Deprecation header %s\n", m->method, path,
                            role_names[role], dep ? dep : "(none)");
                    failures++;
                }
            }
            hc_free_responses(NULL);
        }
    }
    free(jw323);
    /* without a session every route but the public ones answers 401 */
    for (int i = 0; i < router_route_count(); i++) {
        const http_route *rt = router_route_at(i);
        if (rt->flags & HTTP_ROUTE_PUBLIC)
            continue;
        char path[512];
        fill_params(rt->pattern, path, sizeof path);
        resp *r = req(-1, router_method_name(rt->method), path,
                      rt->method == HTTP_GET || rt->method == HTTP_DELETE ? NULL : "{}");
        if (r->status != 401) {
            fprintf(stderr, "NO SESSION %s %s: %d, expected 401\n", router_method_name(rt->method),
                    path, r->status);
            failures++;
        }
    }
    if (failures)
        fail_msg("%d answers differ from the authorization matrix (see above)", failures);
    /* every route of the generated table is in the matrix at least once */
    for (int i = 0; i < router_route_count(); i++) {
        const http_route *rt = router_route_at(i);
        if (rt->method == HTTP_DELETE) /* the logout: test_logout */
            continue;
        bool found = false;
        for (size_t k = 0; !found && k < sizeof matrix / sizeof matrix[0]; k++) {
            const char *mp = matrix[k].path;
            if (strcmp(matrix[k].method, router_method_name(rt->method)) != 0)
                continue;
            router_result res;
            char path[512];
            substitute(mp, path, sizeof path);
            char *q = strchr(path, '?');
            if (q)
                *q = '\0';
            found = router_match(rt->method, path, &res) && res.route == rt;
        }
        if (!found && !(rt->flags & HTTP_ROUTE_PUBLIC))
            fail_msg("route %s %s is not in the matrix", router_method_name(rt->method),
                     rt->pattern);
    }
}

/* ---- the monitor's figures ---------------------------------------------------------------- */

/* hidden_pairs: over the groups of a referral row, compares what rsj sees
 * (all) with what the lezer sees: a count of 1 to 9 is "< 10" for the
 * lezer, any other the same number; returns how many were hidden. */
static int hidden_pairs(json_t *all, json_t *lez)
{
    int hidden = 0;
    const char *lists[] = {"by_referrer", "by_route"};
    for (int l = 0; l < 2; l++) {
        json_t *a = json_object_get(all, lists[l]), *b = json_object_get(lez, lists[l]);
        assert_int_equal(json_array_size(a), json_array_size(b));
        for (size_t i = 0; i < json_array_size(a); i++) {
            json_t *ca = json_object_get(json_array_get(a, i), "count");
            json_t *cb = json_object_get(json_array_get(b, i), "count");
            assert_true(json_is_integer(ca));
            long long n = json_integer_value(ca);
            if (n >= 1 && n <= 9) {
                assert_string_equal(json_string_value(cb), "< 10");
                hidden++;
            } else {
                assert_true(json_is_integer(cb));
                assert_int_equal(json_integer_value(cb), n);
            }
        }
    }
    return hidden;
}

/* budget control over HTTP: PUT answers the begroting as stored (taakveld
 * null when none), refused input names every field, the control figure
 * has a row per voorziening and the total with its method and level */
static void test_budget_routes(void **state)
{
    (void)state;
    resp *r = expect_status(
        req(BEH, "PUT", "/api/v1/budgets/0193/2025/crisis", "{\"amount_cents\": 4200000}"), 200);
    assert_string_equal(hc_jstr(r->json, "gemeente"), "0193");
    assert_string_equal(hc_jstr(r->json, "voorziening"), "crisis");
    assert_int_equal(hc_jint(r->json, "amount_cents"), 4200000);
    assert_true(json_is_null(json_object_get(r->json, "taakveld")));
    assert_string_equal(hc_jstr(r->json, "set_by"), "beheerder");
    r = expect_status(req(BEH, "PUT", "/api/v1/budgets/0193/1999/jeugdzorg",
                          "{\"amount_cents\": -5, \"taakveld\": \"6.71\"}"),
                      400);
    assert_error_shape(r, "year_invalid", "jaar");
    json_t *inv = json_object_get(r->json, "invalidParams");
    assert_int_equal(json_array_size(inv), 4);
    r = expect_status(req(BEH, "PUT", "/api/v1/budgets/0193/2025/crisis", "{}"), 400);
    r = expect_status(req(G1, "GET", "/api/v1/figures/control?period=2025", NULL), 200);
    assert_string_equal(hc_jstr(hc_jget(r, "scope"), "gemeente"), "0193");
    json_t *rows = json_object_get(r->json, "rows");
    assert_int_equal(json_array_size(rows), 5);
    json_t *crisis = json_array_get(rows, 2);
    assert_string_equal(hc_jstr(crisis, "voorziening"), "crisis");
    assert_int_equal(hc_jint(crisis, "budget_cents"), 4200000);
    assert_non_null(json_object_get(crisis, "forecast_method"));
    assert_int_equal(json_array_size(json_object_get(crisis, "monthly_cents")), 12);
    assert_true(json_is_string(json_object_get(hc_jget(r, "total"), "level")));
    r = expect_status(req(A1, "GET", "/api/v1/figures/control?period=2025", NULL), 403);
}

/* provider continuity over HTTP: the import answers what it stored, the summary has the two
 * classes (and unknown) with the shares worked out by hand, the AGB codes at risk for rsj and
 * not for a lezer, a provider sees its own figures only, a bad row is refused naming its line
 * and stores nothing, every stored row is in the audit log */
static void test_continuity_routes(void **state)
{
    (void)state;
    char good[1024], bad[1024];
    cont_files(good, bad, sizeof good);
    resp *r = expect_status(request_full(&F.s[RSJ], true, "POST",
                                         "/api/v1/continuity/accounts?name=jaar.csv", "text/csv",
                                         good, strlen(good)),
                            200);
    assert_int_equal(hc_jint(r->json, "rows"), 3);
    assert_int_equal(hc_jint(r->json, "year_min"), 2019);
    /* the summary: gt2m P1 (meets all), le2m P2 (exactly 1.5 %, 20 %, 1: fails three),
       unknown the applicant (net 0: fails two; the balance missing) */
    r = expect_status(req(RSJ, "GET", "/api/v1/continuity?year=2019", NULL), 200);
    assert_int_equal(hc_jint(r->json, "providers"), 3);
    assert_false(json_is_true(json_object_get(r->json, "aggregate_only")));
    json_t *cl = hc_jget(r, "classes");
    assert_int_equal(json_array_size(cl), 3);
    json_t *gt = json_array_get(cl, 0), *le = json_array_get(cl, 1), *un = json_array_get(cl, 2);
    assert_string_equal(hc_jstr(gt, "class"), "gt2m");
    assert_int_equal(hc_jint(gt, "providers"), 1);
    assert_true(json_real_value(json_object_get(gt, "pct_current_ratio")) == 100.0);
    assert_int_equal(json_array_size(json_object_get(gt, "at_risk")), 0);
    assert_string_equal(hc_jstr(le, "class"), "le2m");
    assert_true(json_real_value(json_object_get(le, "pct_positive_result")) == 100.0);
    assert_true(json_real_value(json_object_get(le, "pct_rentabiliteit")) == 0.0);
    assert_string_equal(json_string_value(json_array_get(json_object_get(le, "at_risk"), 0)), F.p2);
    assert_string_equal(hc_jstr(un, "class"), "unknown");
    assert_true(json_is_null(json_object_get(un, "pct_solvabiliteit")));
    assert_string_equal(json_string_value(json_array_get(json_object_get(un, "at_risk"), 0)),
                        "99999990");
    /* a lezer: the same shares, no AGB codes */
    r = expect_status(req(LEZ, "GET", "/api/v1/continuity?year=2019", NULL), 200);
    assert_true(json_is_true(json_object_get(r->json, "aggregate_only")));
    le = json_array_get(hc_jget(r, "classes"), 1);
    assert_true(json_is_null(json_object_get(le, "at_risk")));
    assert_int_equal(hc_jint(le, "at_risk_count"), 1);
    /* the years */
    r = expect_status(req(G1, "GET", "/api/v1/continuity/years", NULL), 200);
    json_t *years = hc_jget(r, "years"); /* 2019, then the demo's three years */
    assert_int_equal(hc_jint(json_array_get(years, 0), "year"), 2019);
    /* a provider: its own figures only */
    r = expect_status(req(A1, "GET", "/api/v1/continuity/accounts?year=2019", NULL), 200);
    assert_int_equal(hc_jint(r->json, "total"), 1);
    json_t *it = json_array_get(hc_jget(r, "items"), 0);
    assert_string_equal(hc_jstr(it, "agb"), F.p1);
    assert_string_equal(hc_jstr(json_object_get(it, "signals"), "rentabiliteit"), "met");
    r = expect_status(reqf(A1, "GET", NULL, "/api/v1/continuity/accounts?agb=%s", F.p2), 200);
    assert_int_equal(hc_jint(r->json, "total"), 0);
    r = expect_status(req(A1, "GET", "/api/v1/continuity?year=2019", NULL), 403);
    r = expect_status(req(RSJ, "GET", "/api/v1/continuity/accounts?agb=99999990", NULL), 200);
    it = json_array_get(hc_jget(r, "items"), 0);
    assert_true(json_is_null(json_object_get(it, "youth_revenue_cents")));
    assert_string_equal(hc_jstr(it, "class"), "unknown");
    /* a bad file: 400 naming each bad row's line and column; nothing stored */
    r = expect_status(request_full(&F.s[BEH], true, "POST",
                                   "/api/v1/continuity/accounts?name=fout.csv", "text/csv", bad,
                                   strlen(bad)),
                      400);
    assert_error_shape(r, "csv_invalid", "agb");
    assert_contains(hc_jstr(r->json, "detail"), "regel 3");
    json_t *inv = hc_jget(r, "invalidParams");
    assert_int_equal(json_array_size(inv), 2);
    assert_string_equal(hc_jstr(json_array_get(inv, 1), "name"), "net_result_cents");
    assert_contains(hc_jstr(json_array_get(inv, 1), "reason"), "regel 4");
    r = expect_status(reqf(RSJ, "GET", NULL, "/api/v1/continuity/accounts?agb=%s&year=2019", F.p1),
                      200);
    assert_string_equal(hc_jstr(json_array_get(hc_jget(r, "items"), 0), "name"), "Aanbieder een");
    assert_int_equal(hc_jint(json_array_get(hc_jget(r, "items"), 0), "net_result_cents"), 20000000);
    /* the audit log: the rows and the import, by who did it */
    r = expect_status(req(BEH, "GET", "/api/v1/audit?entity=continuiteit&id=jaar.csv", NULL), 200);
    json_t *a = json_array_get(hc_jget(r, "items"), 0);
    assert_string_equal(hc_jstr(a, "action"), "continuiteit.import");
    assert_string_equal(hc_jstr(a, "actor"), "rsj");
    r = expect_status(reqf(BEH, "GET", NULL, "/api/v1/audit?entity=continuiteit&id=%s/2019", F.p2),
                      200);
    assert_true(json_array_size(hc_jget(r, "items")) >= 1);
    /* no old path: the routes are new in v1 */
    expect_status(req(RSJ, "GET", "/api/continuity?year=2019", NULL), 404);
}

/* the change procedure over HTTP: a municipality submits a proposal (today 2026-01-15, before
 * 1 March 2026 of the agreement ending 2026-12-31), which takes effect on 2027-01-01; the rsj
 * discusses and accepts it; a step out of order and one too early are refused in Dutch with
 * nothing changed; the history shows each state; aanbieder1 sees it once decided; every step is
 * audited; the agreements show their current end after the extension of 1 January 2025 */
static void test_framework_routes(void **state)
{
    (void)state;
    resp *r = expect_status(req(LEZ, "GET", "/api/v1/framework-agreements", NULL), 200);
    json_t *a = json_array_get(hc_jget(r, "items"), 0);
    assert_string_equal(hc_jstr(a, "lot"), "P1");
    assert_string_equal(hc_jstr(a, "initial_end"), "2024-12-31");
    assert_string_equal(hc_jstr(a, "current_end"), "2026-12-31");
    assert_string_equal(hc_jstr(a, "proposal_deadline"), "2026-02-28");
    assert_string_equal(hc_jstr(a, "next_extension_date"), "2027-01-01");
    assert_string_equal(hc_jstr(json_object_get(a, "next_evaluation"), "date"), "2026-06-30");
    assert_true(hc_jint(a, "contracts") > 0);
    r = expect_status(req(RSJ, "GET", "/api/v1/framework-agreements/1", NULL), 200);
    json_t *ext = json_array_get(hc_jget(r, "extension_list"), 0);
    assert_string_equal(hc_jstr(ext, "start"), "2025-01-01");
    assert_int_equal(hc_jint(ext, "months"), 24);
    assert_int_equal(json_array_size(hc_jget(r, "contract_list")), hc_jint(r->json, "contracts"));
    /* a proposal without its effects: every missing text named, nothing stored */
    r = expect_status(req(G1, "POST", "/api/v1/change-proposals",
                          "{\"agreement_id\": 1, \"title\": \"Kortere wachttijd\"}"),
                      400);
    assert_int_equal(json_array_size(hc_jget(r, "invalidParams")), 4);
    assert_string_equal(hc_jstr(json_array_get(hc_jget(r, "invalidParams"), 1), "name"),
                        "effect_youth");
    r = expect_status(req(RSJ, "GET", "/api/v1/change-proposals", NULL), 200);
    long long before = hc_jint(r->json, "total");
    r = expect_status(
        req(G1, "POST", "/api/v1/change-proposals",
            "{\"agreement_id\": 1, \"title\": \"Kortere wachttijd\", \"description\": \"Een "
            "wachttijdnorm van 6 weken.\", \"effect_youth\": \"Sneller hulp.\", "
            "\"effect_contractor\": \"Meer capaciteit nodig.\", \"effect_client\": \"Minder "
            "escalatie.\"}"),
        201);
    long long id = hc_jint(r->json, "id");
    assert_string_equal(hc_jstr(r->json, "state"), "ingediend");
    assert_string_equal(hc_jstr(r->json, "proposer_kind"), "gemeente");
    assert_string_equal(hc_jstr(r->json, "submitted"), "2026-01-15");
    assert_string_equal(hc_jstr(r->json, "effect_date"), "2027-01-01");
    r = expect_status(req(RSJ, "GET", "/api/v1/change-proposals", NULL), 200);
    assert_int_equal(hc_jint(r->json, "total"), before + 1);
    /* the provider does not see another's proposal until it is decided */
    expect_status(reqf(A1, "GET", NULL, "/api/v1/change-proposals/%lld", id), 404);
    /* deciding before the discussion: refused, still ingediend */
    r = expect_status(reqf(RSJ, "POST", "{\"outcome\": \"aangenomen\", \"reason\": \"Goed.\"}",
                           "/api/v1/change-proposals/%lld/decision", id),
                      400);
    assert_error_shape(r, "step_out_of_order", "state");
    assert_contains(hc_jstr(r->json, "detail"), "in bespreking");
    expect_status(reqf(G1, "POST", "{}", "/api/v1/change-proposals/%lld/discussion", id), 403);
    r = expect_status(reqf(RSJ, "POST", "{\"note\": \"Op de agenda.\"}",
                           "/api/v1/change-proposals/%lld/discussion", id),
                      200);
    assert_string_equal(hc_jstr(r->json, "state"), "in_bespreking");
    r = expect_status(reqf(RSJ, "POST",
                           "{\"outcome\": \"aangenomen\", \"reason\": \"Past in het "
                           "budget.\"}",
                           "/api/v1/change-proposals/%lld/decision", id),
                      200);
    assert_string_equal(hc_jstr(r->json, "state"), "besloten");
    assert_string_equal(hc_jstr(r->json, "outcome"), "aangenomen");
    /* in werking only on the extension date */
    r = expect_status(reqf(RSJ, "POST", "{}", "/api/v1/change-proposals/%lld/effect", id), 400);
    assert_error_shape(r, "step_too_early", "date");
    assert_contains(hc_jstr(r->json, "detail"), "2027-01-01");
    r = expect_status(reqf(A1, "GET", NULL, "/api/v1/change-proposals/%lld", id), 200);
    json_t *h = hc_jget(r, "history");
    assert_int_equal(json_array_size(h), 3);
    assert_string_equal(hc_jstr(json_array_get(h, 0), "state"), "ingediend");
    assert_string_equal(hc_jstr(json_array_get(h, 1), "note"), "Op de agenda.");
    assert_string_equal(hc_jstr(json_array_get(h, 2), "state"), "besloten");
    assert_string_equal(hc_jstr(json_array_get(h, 2), "actor"), "rsj");
    r = expect_status(reqf(BEH, "GET", NULL, "/api/v1/audit?entity=wijzigingsvoorstel&id=%lld", id),
                      200);
    assert_int_equal(json_array_size(hc_jget(r, "items")), 3);
    /* a provider proposes as itself, whatever it says */
    r = expect_status(
        req(A1, "POST", "/api/v1/change-proposals",
            "{\"agreement_id\": 2, \"proposer_kind\": \"rsj\", \"title\": \"t\", \"description\": "
            "\"d\", \"effect_youth\": \"j\", \"effect_contractor\": \"o\", \"effect_client\": "
            "\"g\"}"),
        201);
    assert_string_equal(hc_jstr(r->json, "proposer_kind"), "aanbieder");
    assert_string_equal(hc_jstr(r->json, "proposer"), F.p1);
    /* the covenant: a provider sees its own status only */
    r = expect_status(req(A1, "GET", "/api/v1/covenants/1", NULL), 200);
    json_t *st = hc_jget(r, "statuses");
    assert_true(json_array_size(st) > 0);
    for (size_t i = 0; i < json_array_size(st); i++)
        assert_string_equal(hc_jstr(json_array_get(st, i), "agb"), F.p1);
    r = expect_status(req(RSJ, "POST", "/api/v1/covenants/1/statuses",
                          "{\"commitment_id\": 3, \"agb\": \""
                          "00000000"
                          "\", \"status\": "
                          "\"klaar\", \"date\": \"2025-01-01\"}"),
                      400);
    assert_error_shape(r, "status_invalid", "status");
    expect_status(req(RSJ, "GET", "/api/framework-agreements", NULL), 404);
}

/* tenders over HTTP, on the demo's (tender 1 past and contracted, tender 2 in its assessment,
 * registration 6 of aanbieder1) and the matrix's unpublished tenders 3 and 4: a provider lists the
 * published ones only and its own registration without a result; the nota van inlichtingen shows
 * the answered questions without who asked; the refusal of a phase names it with its dates; a
 * registration's result shows who passes and why not; the supply counts the contracts */
static void test_tender_routes(void **state)
{
    (void)state;
    resp *r = expect_status(req(RSJ, "GET", "/api/v1/tenders", NULL), 200);
    json_int_t all = hc_jint(r->json, "total");
    assert_true(all >= 4);
    r = expect_status(req(A1, "GET", "/api/v1/tenders", NULL), 200);
    assert_int_equal(hc_jint(r->json, "total"), all - 2);
    r = expect_status(req(LEZ, "GET", "/api/v1/tenders/2", NULL), 200);
    assert_string_equal(hc_jstr(r->json, "phase"), "beoordeling");
    assert_int_equal(json_array_size(hc_jget(r, "criteria")), 3);
    /* aanbieder1: its own registration, no result before the award */
    r = expect_status(req(A1, "GET", "/api/v1/tenders/2/registrations", NULL), 200);
    assert_int_equal(hc_jint(r->json, "total"), 1);
    json_t *it = json_array_get(hc_jget(r, "items"), 0);
    assert_string_equal(hc_jstr(it, "agb"), F.p1);
    assert_true(json_is_null(json_object_get(it, "result")));
    r = expect_status(req(A2, "GET", "/api/v1/tenders/2/registrations", NULL), 200);
    assert_int_equal(hc_jint(r->json, "total"), 0);
    /* rsj: every registration with its result; 7 is below a minimum, 8 misses a score */
    r = expect_status(req(RSJ, "GET", "/api/v1/tenders/2/registrations?lot=3", NULL), 200);
    assert_int_equal(hc_jint(r->json, "total"), 2);
    r = expect_status(req(RSJ, "GET", "/api/v1/tender-registrations/7", NULL), 200);
    json_t *res = hc_jget(r, "result");
    assert_false(json_is_true(json_object_get(res, "passes")));
    assert_string_equal(json_string_value(json_array_get(json_object_get(res, "below"), 0)),
                        "Resultaatgericht werken");
    r = expect_status(req(RSJ, "GET", "/api/v1/tender-registrations/8", NULL), 200);
    res = hc_jget(r, "result");
    assert_false(json_is_true(json_object_get(res, "complete")));
    assert_int_equal(json_array_size(json_object_get(res, "missing")), 1);
    /* the questions: a lezer sees the answered one, without who asked */
    r = expect_status(req(LEZ, "GET", "/api/v1/tenders/2/questions", NULL), 200);
    assert_int_equal(hc_jint(r->json, "total"), 1);
    assert_true(json_is_null(json_object_get(json_array_get(hc_jget(r, "items"), 0), "asked_by")));
    r = expect_status(req(RSJ, "GET", "/api/v1/tenders/2/questions", NULL), 200);
    assert_int_equal(hc_jint(r->json, "total"), 2);
    /* the award before its date: the phase and its date named */
    r = expect_status(req(RSJ, "POST", "/api/v1/tenders/2/lots/3/award", "{}"), 400);
    assert_error_shape(r, "phase_not_open", "datum");
    assert_contains(hc_jstr(r->json, "detail"), "Gunnen kan pas vanaf 2026-01-30");
    /* a score: the phase is open, the motivation required; a score by rsj replaces its own */
    r = expect_status(req(RSJ, "POST", "/api/v1/tender-registrations/8/scores",
                          "{\"criterion\": 3, \"score\": 6}"),
                      400);
    assert_error_shape(r, "motivation_missing", "motivering");
    r = expect_status(req(RSJ, "POST", "/api/v1/tender-registrations/8/scores",
                          "{\"criterion\": 3, \"score\": 6, \"motivation\": \"Goede afspraken\"}"),
                      200);
    assert_true(json_is_true(json_object_get(hc_jget(r, "result"), "complete")));
    /* the past tender: awarded and contracted; the later entry refused with its grounds */
    r = expect_status(req(BEH, "GET", "/api/v1/tender-registrations/5", NULL), 200);
    assert_string_equal(hc_jstr(r->json, "status"), "geweigerd");
    assert_string_equal(hc_jstr(hc_jget(r, "admission"), "reason"), "voldoende_aanbod");
    r = expect_status(req(RSJ, "GET", "/api/v1/tenders/supply?product=45D01", NULL), 200);
    json_t *p = json_array_get(hc_jget(r, "products"), 0);
    assert_string_equal(hc_jstr(p, "product"), "45D01");
    assert_true(hc_jint(p, "providers") >= 2);
    /* the audit log holds the score */
    r = expect_status(req(BEH, "GET", "/api/v1/audit?entity=inschrijving&id=8", NULL), 200);
    assert_string_equal(hc_jstr(json_array_get(hc_jget(r, "items"), 0), "action"),
                        "aanbesteding.score");
    expect_status(req(RSJ, "GET", "/api/tenders", NULL), 404);
}

static void test_figures_routes(void **state)
{
    (void)state;
    /* a municipal user gets its own municipality by default, the region beside */
    resp *r = expect_status(req(G1, "GET", "/api/v1/figures/volume?period=2025-Q2", NULL), 200);
    json_t *scope = hc_jget(r, "scope");
    assert_string_equal(hc_jstr(scope, "gemeente"), "0193");
    assert_int_equal(hc_jint(scope, "threshold"), 10);
    assert_string_equal(hc_jstr(hc_jget(r, "period"), "from"), "2025-04-01");
    assert_string_equal(hc_jstr(hc_jget(r, "before"), "period"), "2024-Q2");
    json_t *now = hc_jget(r, "now");
    assert_true(json_is_integer(json_object_get(now, "active")));
    assert_int_equal(hc_jint(now, "population"), 27800);
    assert_true(json_is_object(hc_jget(r, "region")));
    /* the region alone for rsj: no region beside it */
    r = expect_status(req(RSJ, "GET", "/api/v1/figures/volume?period=2025-Q2", NULL), 200);
    assert_null(json_object_get(r->json, "region"));
    assert_true(json_is_integer(json_object_get(hc_jget(r, "now"), "youths")));
    assert_int_equal(hc_jint(hc_jget(r, "now"), "population"), 118400);

    /* the lezer sees the same groups as rsj, the small ones hidden */
    r = expect_status(req(RSJ, "GET", "/api/v1/figures/referrals?period=2025&gemeente=0148", NULL),
                      200);
    json_t *all = json_incref(hc_jget(r, "now"));
    r = expect_status(req(LEZ, "GET", "/api/v1/figures/referrals?period=2025&gemeente=0148", NULL),
                      200);
    int hidden = hidden_pairs(all, hc_jget(r, "now"));
    json_decref(all);
    assert_true(hidden > 0); /* Dalfsen's few youths of the demo: some groups are small */

    /* spending: the aanbieder sees its own production only */
    r = expect_status(reqf(A1, "GET", NULL, "/api/v1/figures/spending?period=2025-03"), 200);
    assert_string_equal(hc_jstr(hc_jget(r, "scope"), "agb"), F.p1);
    json_t *prov = json_object_get(hc_jget(r, "spending"), "by_provider");
    for (size_t i = 0; i < json_array_size(prov); i++)
        assert_string_equal(hc_jstr(json_array_get(prov, i), "code"), F.p1);
    assert_true(json_is_array(json_object_get(hc_jget(r, "spending"), "by_voorziening")));

    /* refusals: a bad period 400 problem+json */
    r = expect_status(req(G1, "GET", "/api/v1/figures/spending?period=2025-13", NULL), 400);
    assert_error_shape(r, "period_invalid", "period");
    r = expect_status(req(G1, "GET", "/api/v1/figures/referrals", NULL), 400);
    assert_error_shape(r, "query_missing", "period");
    /* another municipality, to compare with: what the lezer sees of it */
    r = expect_status(req(G1, "GET", "/api/v1/figures/volume?period=2025&gemeente=0148", NULL),
                      200);
    assert_string_equal(hc_jstr(hc_jget(r, "scope"), "gemeente"), "0148");
    char *mine = json_dumps(hc_jget(r, "now"), JSON_SORT_KEYS);
    r = expect_status(req(LEZ, "GET", "/api/v1/figures/volume?period=2025&gemeente=0148", NULL),
                      200);
    char *lezers = json_dumps(hc_jget(r, "now"), JSON_SORT_KEYS);
    assert_non_null(mine);
    assert_non_null(lezers);
    assert_string_equal(mine, lezers);
    free(mine);
    free(lezers);
    r = expect_status(req(BEH, "GET", "/api/v1/figures/volume?period=2025&gemeente=9999", NULL),
                      400);
    assert_error_shape(r, "gemeente_unknown", "gemeente");

    /* the care figures: the same query, their own shapes; a provider's are its own */
    static const char *const care[] = {"durations", "waiting", "endings", "concentration",
                                       "budget"};
    for (size_t i = 0; i < sizeof care / sizeof care[0]; i++) {
        char path[96];
        snprintf(path, sizeof path, "/api/v1/figures/%s?period=2025", care[i]);
        r = expect_status(req(RSJ, "GET", path, NULL), 200);
        assert_string_equal(hc_jstr(hc_jget(r, "scope"), "period"), "2025");
        assert_true(json_object_size(r->json) > 1); /* the scope and its figures */
        r = expect_status(reqf(A1, "GET", NULL, path), 200);
        assert_string_equal(hc_jstr(hc_jget(r, "scope"), "agb"), F.p1);
        snprintf(path, sizeof path, "/api/v1/figures/%s?period=2025-Q0", care[i]);
        assert_error_shape(expect_status(req(RSJ, "GET", path, NULL), 400), "period_invalid",
                           "period");
    }
}

/* dump_at: the JSON at path (segments split by '.') of r's answer, as sorted text (the
 * caller frees it) */
static char *dump_at(const resp *r, const char *path)
{
    json_t *o = r->json;
    char buf[64];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *save = NULL, *k = strtok_r(buf, ".", &save); o && k; k = strtok_r(NULL, ".", &save))
        o = json_object_get(o, k);
    if (!o)
        fail_msg("no %s in the answer", path);
    char *text = json_dumps(o, JSON_SORT_KEYS);
    assert_non_null(text);
    return text;
}

/* the provider filter (?aanbieder=AGB): rsj asking P1's production gets exactly what
 * aanbieder1 sees of its own, other numbers than the whole region's, with scope.agb saying
 * so; the region beside a municipality is filtered alike; an unknown AGB is 400
 * aanbieder_unknown, another provider's asked by an aanbieder 403; the benchmark has no
 * provider filter */
static void test_figures_provider_filter(void **state)
{
    (void)state;
    static const struct {
        const char *figure, *part;
    } sets[] = {{"volume", "now"}, {"spending", "spending"}, {"durations", "total"}};
    for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++) {
        char all[96], filtered[128];
        snprintf(all, sizeof all, "/api/v1/figures/%s?period=2025", sets[i].figure);
        snprintf(filtered, sizeof filtered, "%s&aanbieder=%s", all, F.p1);
        resp *r = expect_status(req(RSJ, "GET", filtered, NULL), 200);
        assert_string_equal(hc_jstr(hc_jget(r, "scope"), "agb"), F.p1);
        char *rsj_p1 = dump_at(r, sets[i].part);
        /* what aanbieder1 sees of its own production, asked with and without the filter */
        r = expect_status(req(A1, "GET", all, NULL), 200);
        assert_string_equal(hc_jstr(hc_jget(r, "scope"), "agb"), F.p1);
        char *own = dump_at(r, sets[i].part);
        assert_string_equal(rsj_p1, own);
        r = expect_status(req(A1, "GET", filtered, NULL), 200);
        char *own_asked = dump_at(r, sets[i].part);
        assert_string_equal(rsj_p1, own_asked);
        /* and not what the whole region holds */
        r = expect_status(req(RSJ, "GET", all, NULL), 200);
        assert_true(json_is_null(json_object_get(hc_jget(r, "scope"), "agb")));
        char *everyone = dump_at(r, sets[i].part);
        assert_string_not_equal(rsj_p1, everyone);
        free(rsj_p1);
        free(own);
        free(own_asked);
        free(everyone);
        /* aanbieder1 asking aanbieder2's production */
        snprintf(filtered, sizeof filtered, "%s&aanbieder=%s", all, F.p2);
        assert_error_shape(expect_status(req(A1, "GET", filtered, NULL), 403), "forbidden",
                           "aanbieder");
        /* an AGB that is no provider, or no AGB at all */
        snprintf(filtered, sizeof filtered, "%s&aanbieder=99999999", all);
        r = expect_status(req(RSJ, "GET", filtered, NULL), 400);
        assert_error_shape(r, "aanbieder_unknown", "aanbieder");
        assert_non_null(strstr(hc_jstr(r->json, "message"), "99999999"));
        snprintf(filtered, sizeof filtered, "%s&aanbieder=7300", all);
        assert_error_shape(expect_status(req(LEZ, "GET", filtered, NULL), 400), "aanbieder_unknown",
                           "aanbieder");
    }

    /* a municipality with the region beside it: both P1's only (like with like); the region's
       is what aanbieder1 sees of its own in the whole region, Zwolle's what Zwolle's own
       controller sees of P1 there */
    resp *r =
        expect_status(reqf(RSJ, "GET", NULL,
                           "/api/v1/figures/volume?period=2025&gemeente=0193&aanbieder=%s", F.p1),
                      200);
    assert_string_equal(hc_jstr(hc_jget(r, "scope"), "agb"), F.p1);
    assert_string_equal(hc_jstr(json_object_get(hc_jget(r, "region"), "scope"), "agb"), F.p1);
    char *zwolle = dump_at(r, "now"), *beside = dump_at(r, "region.now");
    r = expect_status(req(A1, "GET", "/api/v1/figures/volume?period=2025", NULL), 200);
    char *own = dump_at(r, "now");
    assert_string_equal(beside, own);
    r = expect_status(
        reqf(G1, "GET", NULL, "/api/v1/figures/volume?period=2025&aanbieder=%s", F.p1), 200);
    assert_string_equal(hc_jstr(hc_jget(r, "scope"), "gemeente"), "0193");
    assert_string_equal(hc_jstr(json_object_get(hc_jget(r, "region"), "scope"), "agb"), F.p1);
    char *g1 = dump_at(r, "now");
    assert_string_equal(zwolle, g1);
    free(zwolle);
    free(beside);
    free(own);
    free(g1);

    /* the care figures and the bench figures name the filter too; the benchmark has none */
    r = expect_status(
        reqf(RSJ, "GET", NULL, "/api/v1/figures/quotes?period=2025&aanbieder=%s", F.p1), 200);
    assert_string_equal(hc_jstr(hc_jget(r, "scope"), "agb"), F.p1);
    json_t *prov = hc_jget(r, "by_provider");
    for (size_t i = 0; i < json_array_size(prov); i++)
        assert_string_equal(hc_jstr(json_array_get(prov, i), "code"), F.p1);
    r = expect_status(
        reqf(RSJ, "GET", NULL, "/api/v1/figures/waiting?period=2025&aanbieder=%s", F.p2), 200);
    assert_string_equal(hc_jstr(hc_jget(r, "scope"), "agb"), F.p2);
    prov = hc_jget(r, "by_provider");
    for (size_t i = 0; i < json_array_size(prov); i++)
        assert_string_equal(hc_jstr(json_array_get(prov, i), "key"), F.p2);
    r = expect_status(
        reqf(RSJ, "GET", NULL, "/api/v1/figures/benchmark?period=2025&aanbieder=%s", F.p1), 200);
    assert_true(json_is_null(json_object_get(hc_jget(r, "scope"), "agb")));

    /* the export: the same filter, named in the file */
    r = expect_status(reqf(RSJ, "GET", NULL,
                           "/api/v1/exports/spending?period=2025&aanbieder=%s&format=csv&table="
                           "uitgaven-aanbieder",
                           F.p1),
                      200);
    char want[96];
    snprintf(want, sizeof want, "spending-uitgaven-aanbieder-regio-%s-2025.csv", F.p1);
    assert_non_null(strstr(hc_header(r, "Content-Disposition"), want));
    assert_non_null(strstr(r->body, F.p1));
    assert_null(strstr(r->body, F.p2));
    assert_error_shape(
        expect_status(req(RSJ, "GET", "/api/v1/exports/monitor?period=2025&aanbieder=1", NULL),
                      400),
        "aanbieder_unknown", "aanbieder");
}

/* ---- the OpenAPI description and the router agree ------------------------------------------ */

static void test_openapi_routes(void **state)
{
    (void)state;
    resp *r = expect_status(req(LEZ, "GET", "/api/openapi.json", NULL), 200);
    assert_string_equal(hc_jstr(r->json, "openapi"), "3.0.3");
    json_t *paths = hc_jget(r, "paths");
    int documented = 0;
    const char *path;
    json_t *item;
    json_object_foreach(paths, path, item)
    {
        const char *method;
        json_t *op;
        json_object_foreach(item, method, op)
        {
            documented++;
            char upper[16];
            size_t k = 0;
            for (; method[k] && k < sizeof upper - 1; k++)
                upper[k] = (char)(method[k] - ('a' - 'A'));
            upper[k] = '\0';
            bool found = false;
            for (int i = 0; !found && i < router_route_count(); i++) {
                const http_route *rt = router_route_at(i);
                found = strcmp(rt->pattern, path) == 0 &&
                        strcmp(router_method_name(rt->method), upper) == 0;
            }
            if (!found)
                fail_msg("%s %s is documented but not routed", upper, path);
            assert_non_null(json_string_value(json_object_get(op, "summary")));
            assert_non_null(json_object_get(op, "responses"));
        }
    }
    for (int i = 0; i < router_route_count(); i++) {
        const http_route *rt = router_route_at(i);
        json_t *ops = json_object_get(paths, rt->pattern);
        char lower[16];
        const char *m = router_method_name(rt->method);
        size_t k = 0;
        for (; m[k] && k < sizeof lower - 1; k++)
            lower[k] = (char)(m[k] + ('a' - 'A'));
        lower[k] = '\0';
        if (!ops || !json_object_get(ops, lower))
            fail_msg("%s %s is routed but not documented", m, rt->pattern);
    }
    assert_int_equal(documented, router_route_count());
}

/* ---- the API Design Rules (docs/api.md) ------------------------------------------------------ */

/* invalid_names: the names of r's invalidParams joined by ',' (a static buffer). */
static const char *invalid_names(const resp *r)
{
    static char out[256];
    size_t n = 0;
    out[0] = '\0';
    size_t i;
    json_t *it;
    json_array_foreach(hc_jget(r, "invalidParams"), i, it)
    {
        n += (size_t)snprintf(out + n, sizeof out - n, "%s%s", i ? "," : "", hc_jstr(it, "name"));
        assert_true(strlen(hc_jstr(it, "code")) > 0);
        assert_true(strlen(hc_jstr(it, "reason")) > 10);
    }
    return out;
}

/* the council report: a PDF download named after its scope, refused to a provider, and
 * recorded in the audit log with who made it */
static void test_report_route(void **state)
{
    (void)state;
    resp *r = expect_status(req(G1, "GET", "/api/v1/reports/council?period=2025-Q2", NULL), 200);
    assert_string_equal(hc_header(r, "Content-Type"), "application/pdf");
    const char *cd = hc_header(r, "Content-Disposition");
    assert_non_null(cd);
    assert_non_null(strstr(cd, "attachment"));
    assert_non_null(strstr(cd, "raadsrapportage-0193-2025-Q2.pdf"));
    assert_true(r->body_len > 10000);
    assert_memory_equal(r->body, "%PDF-", 5);
    /* the end of a whole PDF: its trailer */
    assert_non_null(strstr(
        r->body + r->body_len - 32 > r->body ? r->body + r->body_len - 32 : r->body, "%%EOF"));
    r = expect_status(req(LEZ, "GET", "/api/v1/reports/council?period=2025", NULL), 200);
    assert_non_null(strstr(hc_header(r, "Content-Disposition"), "raadsrapportage-regio-2025.pdf"));
    r = expect_status(req(A1, "GET", "/api/v1/reports/council?period=2025-Q2", NULL), 403);
    assert_error_shape(r, "forbidden", "gemeente");
    r = expect_status(req(BEH, "GET", "/api/v1/reports/council?period=2025-Q5", NULL), 400);
    assert_error_shape(r, "period_invalid", "period");
    r = expect_status(req(BEH, "GET", "/api/v1/reports/council?period=2025-Q2&gemeente=9999", NULL),
                      400);
    assert_error_shape(r, "gemeente_unknown", "gemeente");
    r = expect_status(req(BEH, "GET", "/api/audit?entity=report&actor=gemeente1&limit=1", NULL),
                      200);
    json_t *row = json_array_get(hc_jget(r, "items"), 0);
    assert_non_null(row);
    assert_string_equal(hc_jstr(row, "action"), "rapport.raad");
    assert_string_equal(hc_jstr(row, "entity_id"), "0193");
    assert_string_equal(hc_jstr(row, "detail"), "raadsrapportage Zwolle, periode 2025-Q2");
}

/* exports: an Excel workbook or CSV of a figure's tables, named after what it holds; the
 * lezer's hides small groups as the figure does */
static void test_export_route(void **state)
{
    (void)state;
    resp *r = expect_status(req(G1, "GET", "/api/v1/exports/spending?period=2025-Q2", NULL), 200);
    assert_string_equal(hc_header(r, "Content-Type"),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assert_non_null(strstr(hc_header(r, "Content-Disposition"), "spending-0193-2025-Q2.xlsx"));
    assert_true(r->body_len > 1000);
    assert_memory_equal(r->body, "PK\x03\x04", 4); /* a zip: the workbook */
    r = expect_status(req(LEZ, "GET",
                          "/api/v1/exports/referrals?period=2025&gemeente=0148&format=csv&table="
                          "verwijzers",
                          NULL),
                      200);
    assert_string_equal(hc_header(r, "Content-Type"), "text/csv; charset=utf-8");
    assert_non_null(
        strstr(hc_header(r, "Content-Disposition"), "referrals-verwijzers-0148-2025.csv"));
    assert_memory_equal(r->body,
                        "\xEF\xBB\xBF"
                        "Code;Verwijzer;Verwijzingen;",
                        31);
    assert_non_null(strstr(r->body, ";< 10;")); /* Dalfsen's small groups, as the lezer sees them */
    r = expect_status(
        req(RSJ, "GET", "/api/v1/exports/referrals?period=2025&gemeente=0148&format=csv", NULL),
        200);
    assert_null(strstr(r->body, "< 10"));
    r = expect_status(req(BEH, "GET", "/api/v1/exports/spending?period=2025&table=nosuch", NULL),
                      400);
    assert_error_shape(r, "table_unknown", "table");
    r = expect_status(req(BEH, "GET", "/api/v1/exports/control?period=2025-Q2", NULL), 400);
    assert_error_shape(r, "period_invalid", "period");
    r = expect_status(req(BEH, "GET", "/api/v1/exports/nosuch?period=2025", NULL), 404);
    assert_error_shape(r, "figure_unknown", "figure");
}

/* the control signals: a municipality's controller gets the lines behind them, a lezer the
 * same signals without lines */
static void test_signals_route(void **state)
{
    (void)state;
    resp *r = expect_status(req(G1, "GET", "/api/v1/figures/signals?period=2025", NULL), 200);
    assert_false(json_is_true(hc_jget(r, "aggregate")));
    assert_string_equal(hc_jstr(hc_jget(r, "scope"), "gemeente"), "0193");
    json_t *sig = hc_jget(r, "signals");
    assert_true(json_is_array(sig));
    assert_int_equal(json_array_size(sig), (size_t)hc_jint(r->json, "total"));
    assert_int_equal(hc_jint(hc_jget(r, "limits"), "hours_per_week"), 40);
    size_t n = json_array_size(sig);
    for (size_t i = 0; i < n; i++) {
        json_t *g = json_array_get(sig, i);
        assert_true(json_is_array(json_object_get(g, "lines")));
        assert_true(strlen(hc_jstr(g, "text")) > 10);
    }
    r = expect_status(req(LEZ, "GET", "/api/v1/figures/signals?period=2025&gemeente=0193", NULL),
                      200);
    assert_true(json_is_true(hc_jget(r, "aggregate")));
    sig = hc_jget(r, "signals");
    assert_int_equal(json_array_size(sig), n);
    for (size_t i = 0; i < json_array_size(sig); i++)
        assert_true(json_is_null(json_object_get(json_array_get(sig, i), "lines")));
    r = expect_status(req(G1, "GET", "/api/v1/figures/signals?period=2025&kind=nope", NULL), 400);
    assert_error_shape(r, "kind_invalid", "kind");
}

static void test_problem_details(void **state)
{
    (void)state;
    /* every invalid field of one request comes back at once, 400, in the order read */
    resp *r = expect_status(
        req(T1, "POST", "/api/v1/youths", "{\"bsn\": 123456782, \"birth\": \"2012-02-30\"}"), 400);
    assert_error_shape(r, "field_type", "bsn");
    assert_string_equal(invalid_names(r), "bsn,birth,gemeente");
    json_t *ip = hc_jget(r, "invalidParams");
    assert_string_equal(hc_jstr(json_array_get(ip, 1), "code"), "date_invalid");
    assert_string_equal(hc_jstr(json_array_get(ip, 2), "code"), "field_missing");
    assert_string_equal(hc_jstr(r->json, "title"), "Ongeldige invoer");
    assert_string_equal(hc_jstr(r->json, "instance"), "/api/v1/youths");
    /* the old path answers the same problem */
    r = expect_status(
        req(T1, "POST", "/api/youths", "{\"bsn\": 123456782, \"birth\": \"2012-02-30\"}"), 400);
    assert_string_equal(invalid_names(r), "bsn,birth,gemeente");
    /* query arguments too: the period and the page */
    r = expect_status(
        req(BEH, "GET", "/api/v1/settlements?period=2025-13&limit=nul&offset=-1", NULL), 400);
    assert_error_shape(r, "month_invalid", "period");
    assert_string_equal(invalid_names(r), "period,limit,offset");
    /* a referral: the missing fields and the unknown route together */
    r = expect_status(req(T1, "POST", "/api/v1/referrals",
                          "{\"bsn\": 5, \"route\": \"nergens\", \"volume\": -1}"),
                      400);
    assert_string_equal(invalid_names(r), "bsn,referrer_type,volume,result,route");
    /* a quote's answer: the months and every faulty line */
    r = expect_status(reqf(A1, "POST",
                           "{\"months\": 0, \"lines\": [{\"product\": \"FG2\", \"hours\": \"1\"}, "
                           "{\"product\": \"FG3\"}, {\"hours\": \"2\"}]}",
                           "/api/v1/quotes/%lld/answer", F.qx1),
                      400);
    assert_string_equal(invalid_names(r), "months,lines,lines");
    assert_contains(hc_jstr(json_array_get(hc_jget(r, "invalidParams"), 1), "reason"), "Regel 2");
    assert_contains(hc_jstr(json_array_get(hc_jget(r, "invalidParams"), 2), "reason"), "Regel 3");
    /* a single refusal of a service: invalidParams holds its field */
    r = expect_status(req(T1, "POST", "/api/v1/youths",
                          "{\"bsn\": \"123456789\", \"birth\": \"2012-01-01\", \"gemeente\": "
                          "\"0193\"}"),
                      400);
    assert_error_shape(r, "bsn_invalid", "bsn");
    assert_string_equal(invalid_names(r), "bsn");
    /* not a 400: no invalidParams */
    r = expect_status(req(-1, "GET", "/api/v1/providers", NULL), 401);
    assert_error_shape(r, "no_session", "");
    assert_string_equal(hc_jstr(r->json, "title"), "Niet ingelogd");
}

/* test_service_refusals: once the input parses, the services refuse every
 * wrong field of the request together: 400, invalidParams in field order,
 * the first refusal also as code, field and detail. */
static void test_service_refusals(void **state)
{
    (void)state;
    resp *r = expect_status(req(T1, "POST", "/api/v1/youths",
                                "{\"bsn\": \"123\", \"birth\": \"2030-12-01\", \"gemeente\": "
                                "\"x\"}"),
                            400);
    assert_error_shape(r, "bsn_invalid", "bsn");
    assert_string_equal(invalid_names(r), "bsn,geboortedatum,gemeente");
    json_t *ip = hc_jget(r, "invalidParams");
    assert_int_equal(json_array_size(ip), 3);
    assert_string_equal(hc_jstr(json_array_get(ip, 0), "code"), "bsn_invalid");
    assert_string_equal(hc_jstr(json_array_get(ip, 1), "code"), "birth_in_future");
    assert_string_equal(hc_jstr(json_array_get(ip, 2), "code"), "gemeente_unknown");
    assert_contains(hc_jstr(json_array_get(ip, 2), "reason"), "'x'");
    /* a provider, a user, a referral, an assignment's change */
    r = expect_status(req(RSJ, "POST", "/api/v1/providers",
                          "{\"agb\": \"12\", \"name\": \"\", \"kind\": \"stichting\"}"),
                      400);
    assert_error_shape(r, "agb_invalid", "agb");
    assert_string_equal(invalid_names(r), "agb,naam,soort");
    r = expect_status(req(BEH, "POST", "/api/v1/users",
                          "{\"name\": \"X!\", \"role\": \"nergens\", \"password\": \"kort\"}"),
                      400);
    assert_error_shape(r, "name_invalid", "naam");
    assert_string_equal(invalid_names(r), "naam,rol,wachtwoord");
    char body[256];
    snprintf(body, sizeof body,
             "{\"bsn\": \"%s\", \"referrer_type\": \"99\", \"route\": \"budget\", "
             "\"budget\": \"KB9\", \"result\": \"school\", \"date\": \"2099-01-01\"}",
             F.yx);
    r = expect_status(req(T1, "POST", "/api/v1/referrals", body), 400);
    assert_error_shape(r, "referrer_type_invalid", "verwijzer");
    assert_string_equal(invalid_names(r), "verwijzer,budget,datum");
    r = expect_status(reqf(T1, "PATCH", "{\"reason\": \"99\", \"end\": \"2000-01-01\"}",
                           "/api/v1/assignments/%s", F.ax),
                      400);
    assert_error_shape(r, "reason_invalid", "reden");
    assert_string_equal(invalid_names(r), "reden,einddatum");
}

static void test_versions_and_paths(void **state)
{
    (void)state;
    /* the same answer under /api/v1 and the old path; only the old one is deprecated */
    resp *v1 = expect_status(req(BEH, "GET", "/api/v1/providers?limit=3", NULL), 200);
    resp *old = expect_status(req(BEH, "GET", "/api/providers?limit=3", NULL), 200);
    assert_string_equal(v1->body, old->body);
    assert_null(hc_header(v1, "Deprecation"));
    assert_null(hc_header(v1, "Link"));
    assert_string_equal(hc_header(v1, "API-Version"), "1.0.0");
    assert_string_equal(hc_header(old, "API-Version"), "1.0.0");
    assert_true(hc_header(old, "Deprecation")[0] == '@');
    assert_string_equal(hc_header(old, "Link"), "</api/v1/providers>; rel=\"successor-version\"");
    /* the login under /api/v1 (under the old path: every other test) */
    const char *creds = "{\"name\": \"lezer\", \"password\": \"" PASSWORD "\"}";
    resp *r = expect_status(
        hc_request(F.port, NULL, false, "POST", "/api/v1/session", NULL, creds, strlen(creds)),
        200);
    assert_string_equal(hc_jstr(hc_jget(r, "user"), "name"), "lezer");
    /* the routes new in v1 have no old path */
    char body[64];
    snprintf(body, sizeof body, "{\"bsn\": \"%s\"}", F.yx);
    expect_status(req(T1, "POST", "/api/v1/youths/search", body), 200);
    expect_status(req(T1, "POST", "/api/youths/search", body), 404);
    expect_status(reqf(T1, "GET", NULL, "/api/v1/youths/%lld", F.ix), 200);
    expect_status(reqf(T1, "GET", NULL, "/api/youths/%lld", F.ix), 404);
    /* no trailing slash: it is another path */
    expect_status(req(BEH, "GET", "/api/v1/providers/", NULL), 404);
    /* every route of the generated table lives under /api/v1 */
    for (int i = 0; i < router_route_count(); i++)
        assert_true(is_v1(router_route_at(i)->pattern));
    assert_null(router_route_at(router_route_count()));
}

static void test_no_bsn_in_urls(void **state)
{
    (void)state;
    /* the old BSN address is gone; a BSN as a query argument is refused, before the session */
    resp *r = expect_status(reqf(T1, "GET", NULL, "/api/youths/%s", F.yx), 404);
    assert_error_shape(r, "not_found", "");
    const char *asks[] = {"/api/referrals?bsn=%s", "/api/v1/referrals?bsn=%s",
                          "/api/v1/assignments?limit=5&bsn=%s", "/api/v1/providers?bsn=%s"};
    for (size_t i = 0; i < sizeof asks / sizeof asks[0]; i++) {
        r = expect_status(reqf(T1, "GET", NULL, asks[i], F.yx), 400);
        assert_error_shape(r, "bsn_in_url", "bsn");
        assert_contains(hc_jstr(r->json, "detail"), "/api/v1/youths/search");
        expect_status(reqf(-1, "GET", NULL, asks[i], F.yx), 400);
    }
    /* no route takes a BSN in its path, and the description offers none in a path or query */
    for (int i = 0; i < router_route_count(); i++)
        if (strstr(router_route_at(i)->pattern, "bsn"))
            fail_msg("route %s takes a BSN", router_route_at(i)->pattern);
    r = expect_status(req(-1, "GET", "/api/v1/openapi.json", NULL), 200);
    const char *path;
    json_t *item;
    json_object_foreach(hc_jget(r, "paths"), path, item)
    {
        const char *method;
        json_t *op;
        json_object_foreach(item, method, op)
        {
            size_t k;
            json_t *p;
            json_array_foreach(json_object_get(op, "parameters"), k, p)
            {
                if (strcmp(hc_jstr(p, "name"), "bsn") == 0)
                    fail_msg("%s %s takes a BSN in its %s", method, path, hc_jstr(p, "in"));
            }
        }
    }
    /* the youth filter of the lists takes the internal id */
    r = expect_status(reqf(T1, "GET", NULL, "/api/v1/assignments?youth=%lld", F.ix), 200);
    assert_int_equal(hc_jint(r->json, "total"), 1);
    assert_string_equal(hc_jstr(json_array_get(hc_jget(r, "items"), 0), "bsn"), F.yx);
    r = expect_status(reqf(T1, "GET", NULL, "/api/v1/assignments?youth=%lld", F.iy), 200);
    assert_int_equal(hc_jint(r->json, "total"), 0); /* not of its municipality */
    r = expect_status(req(T1, "GET", "/api/v1/referrals?youth=abc", NULL), 400);
    assert_error_shape(r, "query_invalid", "youth");
}

static void test_openapi_public(void **state)
{
    (void)state;
    /* readable without a session, under both paths; the same document */
    resp *r = expect_status(req(-1, "GET", "/api/v1/openapi.json", NULL), 200);
    resp *old = expect_status(req(-1, "GET", "/api/openapi.json", NULL), 200);
    resp *in = expect_status(req(LEZ, "GET", "/api/v1/openapi.json", NULL), 200);
    assert_string_equal(r->body, old->body);
    assert_string_equal(r->body, in->body);
    assert_string_equal(hc_jstr(hc_jget(r, "info"), "version"), "1.0.0");
    json_t *paths = hc_jget(r, "paths");
    json_t *self = json_object_get(json_object_get(paths, "/api/v1/openapi.json"), "get");
    assert_non_null(self);
    assert_true(json_is_array(json_object_get(self, "security")));
    assert_int_equal(json_array_size(json_object_get(self, "security")), 0);
    json_t *login = json_object_get(json_object_get(paths, "/api/v1/session"), "post");
    assert_int_equal(json_array_size(json_object_get(login, "security")), 0);
    json_t *other = json_object_get(json_object_get(paths, "/api/v1/providers"), "get");
    assert_null(json_object_get(other, "security")); /* the document's: session and CSRF */
    json_t *problem =
        json_object_get(json_object_get(hc_jget(r, "components"), "schemas"), "Problem");
    assert_non_null(json_object_get(json_object_get(problem, "properties"), "invalidParams"));
    json_t *bad = json_object_get(json_object_get(other, "responses"), "400");
    assert_non_null(json_object_get(json_object_get(bad, "content"), "application/problem+json"));
    /* no session is needed, so none is checked: a stale cookie does not matter */
    session bogus = {"0000000000000000000000000000000000000000000000000000000000000000", "x"};
    expect_status(request_full(&bogus, true, "GET", "/api/v1/openapi.json", NULL, NULL, 0), 200);
}

/* ---- concurrency: many readers and writers at once ------------------------------------------- */

static void test_concurrent_requests(void **state)
{
    (void)state;
    enum { N = 24 };
    pid_t kids[N];
    for (int i = 0; i < N; i++) {
        kids[i] = fork();
        if (kids[i] == 0) {
            /* a child: reads, and a write that is refused after the role check */
            int bad = 0;
            for (int k = 0; k < 10; k++) {
                resp *r = req(i % NROLES, "GET", "/api/providers", NULL);
                bad += r->status != 200;
                r = req(T1, "POST", "/api/youths",
                        "{\"bsn\": \"123456789\", \"birth\": \"2012-01-01\", \"gemeente\": "
                        "\"0193\"}");
                bad += r->status != 400;
                r = reqf(G1, "GET", NULL, "/api/assignments/%s", F.ax);
                bad += r->status != 200;
            }
            _exit(bad ? 1 : 0);
        }
    }
    int failed = 0;
    for (int i = 0; i < N; i++) {
        int st;
        if (waitpid(kids[i], &st, 0) != kids[i] || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
            failed++;
    }
    assert_int_equal(failed, 0);
}

/* ---- contract management ------------------------------------------------------------------ */

/* cm_scope_fg: every functiegroep contract of agb gets the scope body */
static int cm_scope_fg(const char *agb, const char *body)
{
    resp *r = expect_status(reqf(RSJ, "GET", NULL, "/api/v1/contracts?agb=%s&limit=500", agb), 200);
    json_t *items = hc_jget(r, "items");
    int n = 0;
    for (size_t i = 0; i < json_array_size(items); i++) {
        json_t *c = json_array_get(items, i);
        if (strncmp(hc_jstr(c, "product"), "45F", 3) != 0)
            continue;
        expect_status(
            reqf(RSJ, "PUT", body, "/api/v1/contracts/%lld/municipalities", hc_jint(c, "id")), 200);
        n++;
    }
    return n;
}

/* contract management over HTTP: the public directory answers without a session and holds
 * no personal data; a provider contracted for Dalfsen only is refused an assignment of a
 * Zwolle youth with its own code, and accepted once Zwolle is in the scope; the escalation
 * protocol refuses a skipped step and a date before the last, and its provider sees it in
 * its own file without complaints; a provider reports its own waiting time, which the
 * directory shows; a contract manager is assigned and listed */
static void test_cm_routes(void **state)
{
    (void)state;
    /* the public directory: no session, only providers, offers, contact and waiting times */
    resp *r = expect_status(req(-1, "GET", "/api/v1/public/providers?limit=500", NULL), 200);
    assert_true(hc_jint(r->json, "total") > 0);
    static const char *const keys[] = {"agb",           "name",    "products", "keuzebudget",
                                       "wonen",         "crisis",  "dyslexie", "gemeenten",
                                       "all_gemeenten", "contact", "waiting"};
    json_t *items = hc_jget(r, "items");
    for (size_t i = 0; i < json_array_size(items); i++) {
        json_t *it = json_array_get(items, i);
        assert_int_equal(json_object_size(it), sizeof keys / sizeof keys[0]);
        for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
            assert_non_null(json_object_get(it, keys[k]));
    }
    assert_null(strstr(r->body, "cm.jansen"));
    assert_null(strstr(r->body, "Jansen"));
    assert_null(strstr(r->body, F.yx));
    r = expect_status(req(-1, "GET", "/api/v1/public/catalog", NULL), 200);
    assert_true(json_array_size(hc_jget(r, "municipalities")) > 0);
    assert_null(strstr(r->body, "tariff"));
    /* without a session the other routes stay closed */
    expect_status(req(-1, "GET", "/api/v1/directory/providers", NULL), 401);
    r = expect_status(reqf(-1, "GET", NULL, "/api/v1/provider-files/%s", F.p1), 401);

    /* the scope: P1's functiegroepen for Dalfsen only refuse a youth of Zwolle */
    assert_true(cm_scope_fg(F.p1, "{\"gemeenten\": [\"0148\"]}") > 0);
    char bsn[10];
    create_youth(T1, "0193", bsn);
    long long ref = create_referral(T1, bsn, "budget");
    char body[256];
    snprintf(body, sizeof body, "{\"agb\": \"%s\", \"start\": \"2025-02-01\"}", F.p1);
    r = expect_status(reqf(T1, "POST", body, "/api/referrals/%lld/assignment", ref), 400);
    assert_string_equal(hc_jstr(r->json, "code"), "provider_not_in_gemeente");
    assert_non_null(strstr(hc_jstr(r->json, "message"), "Zwolle"));
    r = expect_status(reqf(T1, "GET", NULL, "/api/referrals/%lld", ref), 200);
    assert_string_equal(hc_jstr(r->json, "status"), "open"); /* nothing changed */
    /* with Zwolle in the scope it is accepted */
    assert_true(cm_scope_fg(F.p1, "{\"gemeenten\": [\"0193\", \"0148\"]}") > 0);
    r = expect_status(reqf(T1, "POST", body, "/api/referrals/%lld/assignment", ref), 201);
    assert_true(cm_scope_fg(F.p1, "{\"gemeenten\": []}") > 0);
    r = expect_status(req(BEH, "GET", "/api/audit?limit=5", NULL), 200);
    bool audited = false;
    json_t *au = hc_jget(r, "items");
    for (size_t i = 0; i < json_array_size(au); i++)
        audited =
            audited || strcmp(hc_jstr(json_array_get(au, i), "action"), "contract.gemeenten") == 0;
    assert_true(audited);

    /* the escalation protocol */
    r = expect_status(reqf(RSJ, "POST",
                           "{\"kind\": \"kwaliteit\", \"reason\": \"Signaal van een verwijzer\", "
                           "\"date\": \"2026-01-02\"}",
                           "/api/v1/providers/%s/escalations", F.p1),
                      201);
    long long esc = hc_jint(r->json, "id");
    assert_string_equal(hc_jstr(r->json, "step"), "signaal");
    r = expect_status(reqf(RSJ, "POST", "{\"step\": \"verbeterplan\", \"date\": \"2026-01-05\"}",
                           "/api/v1/escalations/%lld/steps", esc),
                      409);
    assert_string_equal(hc_jstr(r->json, "code"), "step_order");
    r = expect_status(reqf(RSJ, "POST", "{\"step\": \"gesprek\", \"date\": \"2026-01-01\"}",
                           "/api/v1/escalations/%lld/steps", esc),
                      400);
    assert_string_equal(hc_jstr(r->json, "code"), "step_date_before");
    r = expect_status(reqf(RSJ, "POST",
                           "{\"step\": \"gesprek\", \"date\": \"2026-01-05\", \"note\": \"Gesprek "
                           "met de directie\"}",
                           "/api/v1/escalations/%lld/steps", esc),
                      201);
    assert_string_equal(hc_jstr(r->json, "step"), "gesprek");
    assert_int_equal(json_array_size(hc_jget(r, "steps")), 2);
    /* the provider's own file shows it, without complaints or notes; another's is not found */
    r = expect_status(reqf(A1, "GET", NULL, "/api/v1/provider-files/%s", F.p1), 200);
    assert_true(json_is_null(hc_jget(r, "complaints")));
    assert_true(json_is_null(hc_jget(r, "notes")));
    bool seen = false;
    json_t *es = hc_jget(r, "escalations");
    for (size_t i = 0; i < json_array_size(es); i++)
        seen = seen || hc_jint(json_array_get(es, i), "id") == esc;
    assert_true(seen);
    expect_status(
        reqf(A2, "POST", "{\"step\": \"afgesloten\"}", "/api/v1/escalations/%lld/steps", esc), 403);

    /* the file's production is the monitor's own figure with the provider filter */
    r = expect_status(reqf(RSJ, "GET", NULL, "/api/v1/provider-files/%s?period=2025", F.p1), 200);
    json_t *prod = hc_jget(r, "production");
    resp *sp = expect_status(
        reqf(RSJ, "GET", NULL, "/api/v1/figures/spending?period=2025&aanbieder=%s", F.p1), 200);
    assert_true(json_equal(json_object_get(prod, "spending"), sp->json));
    assert_true(hc_jint(json_object_get(sp->json, "spending"), "cents") > 0); /* P1 declared */
    /* a provider reports its own waiting time; the directory shows it */
    expect_status(reqf(A1, "POST", "{\"weeks\": 7, \"date\": \"2026-01-10\"}",
                       "/api/v1/providers/%s/waiting-times", F.p1),
                  201);
    expect_status(reqf(A1, "POST", "{\"weeks\": 3}", "/api/v1/providers/%s/waiting-times", F.p2),
                  404);
    r = expect_status(reqf(-1, "GET", NULL, "/api/v1/public/providers?name=%s", F.p1), 200);
    assert_int_equal(hc_jint(r->json, "total"), 1);
    json_t *w = json_object_get(json_array_get(hc_jget(r, "items"), 0), "waiting");
    assert_int_equal(hc_jint(w, "weeks"), 7);
    assert_string_equal(hc_jstr(w, "reported_on"), "2026-01-10");

    /* a contract manager */
    expect_status(reqf(RSJ, "PUT", "{\"user\": \"cm.jansen\"}",
                       "/api/v1/providers/%s/contract-manager", F.p1),
                  200);
    r = expect_status(req(RSJ, "GET", "/api/v1/contract-managers?user=cm.jansen&limit=500", NULL),
                      200);
    seen = false;
    items = hc_jget(r, "items");
    for (size_t i = 0; i < json_array_size(items); i++)
        seen = seen || strcmp(hc_jstr(json_array_get(items, i), "agb"), F.p1) == 0;
    assert_true(seen);
}

/* ---- graceful shutdown ------------------------------------------------------------------------
 */

static void test_graceful_shutdown(void **state)
{
    (void)state;
    /* a second server on the same database, behind "HTTPS" */
    char out[160], err[160];
    snprintf(out, sizeof out, "%s/serve2.out", F.dir);
    snprintf(err, sizeof err, "%s/serve2.err", F.dir);
    char *serve[] = {(char *)F.bin,      "--db", F.db, "serve", "--port", "0", "--web", F.web,
                     "--secure-cookies", NULL};
    pid_t pid = hc_spawn(serve, out, err);
    assert_true(pid > 0);
    int port = hc_wait_port(pid, out, err);
    assert_true(port > 0);
    /* a login in flight: its headers and half its body are sent ... */
    const char *body = "{\"name\": \"lezer\", \"password\": \"" PASSWORD "\"}";
    char head[512];
    snprintf(head, sizeof head,
             "POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
             "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n",
             strlen(body));
    int fd = hc_connect(port);
    hc_send_all(fd, head, strlen(head));
    hc_send_all(fd, body, 10);
    struct timespec t = {0, 300 * 1000 * 1000};
    nanosleep(&t, NULL);
    /* ... when the server is told to stop; the rest comes after */
    assert_int_equal(kill(pid, SIGTERM), 0);
    nanosleep(&t, NULL);
    hc_send_all(fd, body + 10, strlen(body) - 10);
    resp *r = expect_status(hc_read_response(fd), 200);
    assert_string_equal(hc_jstr(hc_jget(r, "user"), "name"), "lezer");
    assert_contains(hc_header(r, "Set-Cookie"),
                    "; Secure"); /* this one runs with --secure-cookies */
    int st = 0;
    assert_int_equal(waitpid(pid, &st, 0), pid);
    assert_true(WIFEXITED(st));
    assert_int_equal(WEXITSTATUS(st), 0);
    char *e = hc_slurp(err);
    assert_non_null(e);
    bool clean = strstr(e, "SIGTERM ontvangen") && strstr(e, "gestopt") &&
                 !strstr(e, "Sanitizer") && !strstr(e, "runtime error:");
    if (!clean)
        fprintf(stderr, "%s\n", e);
    free(e);
    assert_true(clean);
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
        cmocka_unit_test_teardown(test_login_ok, hc_free_responses),
        cmocka_unit_test_teardown(test_login_wrong_password, hc_free_responses),
        cmocka_unit_test_teardown(test_login_lockout, hc_free_responses),
        cmocka_unit_test_teardown(test_no_session, hc_free_responses),
        cmocka_unit_test_teardown(test_csrf, hc_free_responses),
        cmocka_unit_test_teardown(test_logout, hc_free_responses),
        cmocka_unit_test_teardown(test_security_headers, hc_free_responses),
        cmocka_unit_test_teardown(test_static_files, hc_free_responses),
        cmocka_unit_test_teardown(test_error_shape, hc_free_responses),
        cmocka_unit_test_teardown(test_pagination, hc_free_responses),
        cmocka_unit_test_teardown(test_body_limits, hc_free_responses),
        cmocka_unit_test_teardown(test_authorization_matrix, hc_free_responses),
        cmocka_unit_test_teardown(test_happy_path, hc_free_responses),
        cmocka_unit_test_teardown(test_figures_routes, hc_free_responses),
        cmocka_unit_test_teardown(test_figures_provider_filter, hc_free_responses),
        cmocka_unit_test_teardown(test_budget_routes, hc_free_responses),
        cmocka_unit_test_teardown(test_continuity_routes, hc_free_responses),
        cmocka_unit_test_teardown(test_framework_routes, hc_free_responses),
        cmocka_unit_test_teardown(test_cm_routes, hc_free_responses),
        cmocka_unit_test_teardown(test_tender_routes, hc_free_responses),
        cmocka_unit_test_teardown(test_openapi_routes, hc_free_responses),
        cmocka_unit_test_teardown(test_report_route, hc_free_responses),
        cmocka_unit_test_teardown(test_export_route, hc_free_responses),
        cmocka_unit_test_teardown(test_signals_route, hc_free_responses),
        cmocka_unit_test_teardown(test_problem_details, hc_free_responses),
        cmocka_unit_test_teardown(test_service_refusals, hc_free_responses),
        cmocka_unit_test_teardown(test_versions_and_paths, hc_free_responses),
        cmocka_unit_test_teardown(test_no_bsn_in_urls, hc_free_responses),
        cmocka_unit_test_teardown(test_openapi_public, hc_free_responses),
        cmocka_unit_test_teardown(test_concurrent_requests, hc_free_responses),
        cmocka_unit_test_teardown(test_graceful_shutdown, hc_free_responses),
    };
    return cmocka_run_group_tests_name("http", tests, suite_setup, suite_teardown);
}

/*
 * test_care_doors.c: one care service behind every door. The same
 * temporary-then-definitive stop of care goes in through each of the three
 * doors on a fresh database: the CLI (`jeugdregio care stop`), the HTTP API
 * (POST /api/assignments/{number}/care-stop as the provider's user) and a
 * JW307 file (`jeugdregio ijw import`). Each door must give the same
 * result: the same refusals for a wrong follow-up (9414: it ends before the
 * temporary stop; 9415: a stop after the definitive one), the same care
 * dates stored and the same stop history.
 *
 * Every database is set up the same way through the CLI: provider 73000001
 * contracted, the JW315 sample's request granted (the first assignment,
 * ToewijzingNummer 1, as the JW307 sample names it), the JW305
 * sample's start of care (2025-02-01). The jeugdregio binary is the first
 * argument; the samples are read from JR_SOURCE_ROOT/tests/ijw/samples.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "http_client.h"

#include <ftw.h>
#include <jansson.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *jr_bin;

#define AGB "73000001"
#define PASSWORD "zorg-stop-test-1"

/* The stops each door sends, in order, and what each must answer. */
static const struct {
    const char *date, *reason, *want; /* want: "ok" or the refusal's code */
} stops[] = {
    {"2025-04-30", "20", "ok"},   /* temporary */
    {"2025-04-15", "31", "9414"}, /* a follow-up before the temporary stop */
    {"2025-05-31", "31", "ok"},   /* the definitive follow-up */
    {"2025-05-31", "33", "9415"}, /* nothing after a definitive stop */
};
#define NSTOPS (sizeof stops / sizeof stops[0])

/* What a door left behind. */
typedef struct {
    char outcome[NSTOPS][8];
    char care[64];     /* care_start|care_stop|stop_reason */
    char history[256]; /* begin,end,reason,state; ... */
} result;

typedef struct {
    char dir[64], db[128], out[160], err[160];
    char number[24];
    pid_t server;
    int port;
} door;

static void door_open(door *d)
{
    memset(d, 0, sizeof *d);
    snprintf(d->dir, sizeof d->dir, "/tmp/jr-care-doors-XXXXXX");
    assert_non_null(mkdtemp(d->dir));
    snprintf(d->db, sizeof d->db, "%s/jr.db", d->dir);
    snprintf(d->out, sizeof d->out, "%s/run.out", d->dir);
    snprintf(d->err, sizeof d->err, "%s/run.err", d->dir);
    d->server = -1;
}

static void door_close(door *d)
{
    if (d->server > 0) {
        kill(d->server, SIGTERM);
        int st = 0;
        assert_int_equal(waitpid(d->server, &st, 0), d->server);
        assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    }
    nftw(d->dir, hc_remove_entry, 8, FTW_DEPTH | FTW_PHYS);
}

/* runs jeugdregio --db DB ARGS (ap, up to NULL) on day today; its exit
 * code, its stdout in *out (free it) when out is given */
static int vrun(door *d, const char *today, char **out, va_list ap)
{
    char *argv[24];
    int n = 0;
    argv[n++] = (char *)jr_bin;
    argv[n++] = "--db";
    argv[n++] = d->db;
    char *a;
    while ((a = va_arg(ap, char *)) != NULL && n < 23)
        argv[n++] = a;
    argv[n] = NULL;
    setenv("JEUGDREGIO_TODAY", today, 1);
    pid_t pid = hc_spawn(argv, d->out, d->err);
    int st;
    assert_true(pid > 0 && waitpid(pid, &st, 0) == pid);
    if (out)
        *out = hc_slurp(d->out);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static int run(door *d, const char *today, char **out, ...)
{
    va_list ap;
    va_start(ap, out);
    int rc = vrun(d, today, out, ap);
    va_end(ap);
    return rc;
}

/* as run, failing the test (naming what) unless it succeeds */
static void run_ok(door *d, const char *today, const char *what, ...)
{
    va_list ap;
    va_start(ap, what);
    int rc = vrun(d, today, NULL, ap);
    va_end(ap);
    if (rc != 0) {
        char *e = hc_slurp(d->err);
        fail_msg("%s failed (exit %d): %s", what, rc, e ? e : "");
    }
}

/* a sample message with the replacements (old, new, ..., NULL), written
 * into the door's folder as name; its path in path */
static void write_message(door *d, const char *sample, const char *name, char *path, size_t cap,
                          ...)
{
    const char *root = getenv("JR_SOURCE_ROOT");
    char src[512];
    snprintf(src, sizeof src, "%s/tests/ijw/samples/%s", root ? root : ".", sample);
    char *text = hc_slurp(src);
    if (!text)
        fail_msg("%s is missing", src);
    va_list ap;
    va_start(ap, cap);
    const char *old;
    while ((old = va_arg(ap, const char *)) != NULL) {
        const char *new = va_arg(ap, const char *);
        char *at = strstr(text, old);
        if (!at)
            fail_msg("%s has no '%s'", sample, old);
        size_t len = strlen(text) - strlen(old) + strlen(new);
        char *t = malloc(len + 1);
        assert_non_null(t);
        snprintf(t, len + 1, "%.*s%s%s", (int)(at - text), text, new, at + strlen(old));
        free(text);
        text = t;
    }
    va_end(ap);
    snprintf(path, cap, "%s/%s", d->dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    free(text);
}

/* the same start for every door: a contracted provider, the JW315's
 * granted request, the JW305's start of care */
static void set_up(door *d)
{
    char path[256];
    run_ok(d, "2025-01-20", "provider", "provider", "add", "--agb", AGB, "--name",
           "Jeugdzorg De Linde", NULL);
    run_ok(d, "2025-01-20", "contract", "contract", "add", "--agb", AGB, "--lot", "P1", "--start",
           "2024-01-01", NULL);
    write_message(d, "jw315_valid.xml", "vot.xml", path, sizeof path, NULL);
    run_ok(d, "2025-01-21", "JW315", "ijw", "import", path, NULL);
    write_message(d, "jw305_valid.xml", "start.xml", path, sizeof path, NULL);
    run_ok(d, "2025-02-03", "JW305", "ijw", "import", path, NULL);
    char *out = NULL;
    assert_int_equal(run(d, "2025-02-03", &out, "assignment", "list", "--json", NULL), 0);
    json_t *j = json_loads(out, JSON_DISABLE_EOF_CHECK, NULL);
    assert_non_null(j);
    snprintf(d->number, sizeof d->number, "%s", json_string_value(json_object_get(j, "number")));
    assert_string_equal(json_string_value(json_object_get(j, "care_start")), "2025-02-01");
    json_decref(j);
    free(out);
}

/* the code of a refusal in JSON j: {"error": {"code"}} or {"code"} */
static const char *error_code(json_t *j)
{
    json_t *e = json_object_get(j, "error");
    const char *c = json_string_value(json_object_get(json_is_object(e) ? e : j, "code"));
    return c ? c : "?";
}

/* what the door left: the care dates and the stop history */
static void read_result(door *d, result *r)
{
    char *out = NULL;
    assert_int_equal(run(d, "2025-06-10", &out, "assignment", "list", "--json", NULL), 0);
    json_t *j = json_loads(out, JSON_DISABLE_EOF_CHECK, NULL);
    assert_non_null(j);
    snprintf(r->care, sizeof r->care, "%s|%s|%s",
             json_string_value(json_object_get(j, "care_start")),
             json_string_value(json_object_get(j, "care_stop")),
             json_string_value(json_object_get(j, "stop_reason")));
    json_decref(j);
    free(out);
    sqlite3 *db;
    assert_int_equal(sqlite3_open_v2(d->db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *q;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT begin_date, end_date, reason, state FROM"
                                        " stop_history WHERE assignment_id = 1 ORDER BY id",
                                        -1, &q, NULL),
                     SQLITE_OK);
    r->history[0] = '\0';
    while (sqlite3_step(q) == SQLITE_ROW) {
        size_t n = strlen(r->history);
        snprintf(r->history + n, sizeof r->history - n, "%s%s,%s,%s,%s", n ? "; " : "",
                 sqlite3_column_text(q, 0), sqlite3_column_text(q, 1), sqlite3_column_text(q, 2),
                 sqlite3_column_text(q, 3));
    }
    sqlite3_finalize(q);
    sqlite3_close(db);
}

static void through_cli(result *r)
{
    door d;
    door_open(&d);
    set_up(&d);
    for (size_t i = 0; i < NSTOPS; i++) {
        char *out = NULL;
        int rc = run(&d, "2025-06-10", &out, "care", "stop", d.number, "--agb", AGB, "--date",
                     stops[i].date, "--reason", stops[i].reason, "--json", NULL);
        json_t *j = json_loads(out ? out : "", JSON_DISABLE_EOF_CHECK, NULL);
        snprintf(r->outcome[i], sizeof r->outcome[i], "%s", rc == 0 ? "ok" : error_code(j));
        json_decref(j);
        free(out);
    }
    read_result(&d, r);
    door_close(&d);
}

static void through_http(result *r)
{
    door d;
    door_open(&d);
    set_up(&d);
    setenv("JEUGDREGIO_PASSWORD", PASSWORD, 1);
    run_ok(&d, "2025-06-10", "user", "user", "add", "--name", "linde", "--role", "aanbieder",
           "--agb", AGB, NULL);
    char out[160], err[160];
    snprintf(out, sizeof out, "%s/serve.out", d.dir);
    snprintf(err, sizeof err, "%s/serve.err", d.dir);
    char *serve[] = {(char *)jr_bin, "--db", d.db, "serve", "--port", "0", NULL};
    d.server = hc_spawn(serve, out, err);
    assert_true(d.server > 0);
    d.port = hc_wait_port(d.server, out, err);
    assert_true(d.port > 0);
    session s;
    hc_login(d.port, "linde", PASSWORD, &s);
    char path[96];
    snprintf(path, sizeof path, "/api/assignments/%s/care-stop", d.number);
    for (size_t i = 0; i < NSTOPS; i++) {
        char body[96];
        snprintf(body, sizeof body, "{\"date\": \"%s\", \"reason\": \"%s\"}", stops[i].date,
                 stops[i].reason);
        resp *a = hc_request(d.port, &s, true, "POST", path, NULL, body, strlen(body));
        snprintf(r->outcome[i], sizeof r->outcome[i], "%s",
                 a->status == 200 ? "ok" : error_code(a->json));
    }
    hc_free_responses(NULL);
    read_result(&d, r);
    door_close(&d);
}

static void through_jw307(result *r)
{
    door d;
    door_open(&d);
    set_up(&d);
    for (size_t i = 0; i < NSTOPS; i++) {
        char ident[24], end[40], reason[48], name[32], file[256];
        snprintf(ident, sizeof ident, "E20250600%02zu<", i + 1);
        snprintf(end, sizeof end, "<Einddatum>%s<", stops[i].date);
        snprintf(reason, sizeof reason, "<RedenBeeindiging>%s<", stops[i].reason);
        snprintf(name, sizeof name, "stop%zu.xml", i + 1);
        write_message(&d, "jw307_valid.xml", name, file, sizeof file, "E2025060001<", ident,
                      "<Einddatum>2025-05-31<", end, "<RedenBeeindiging>31<", reason, NULL);
        char *out = NULL;
        assert_int_equal(run(&d, "2025-06-10", &out, "ijw", "import", file, "--json", NULL), 0);
        json_t *j = json_loads(out, JSON_DISABLE_EOF_CHECK, NULL);
        assert_non_null(j);
        json_t *codes = json_object_get(j, "codes");
        const char *code = "?";
        const char *k;
        json_t *v;
        json_object_foreach(codes, k, v)
        {
            code = k;
        }
        snprintf(r->outcome[i], sizeof r->outcome[i], "%s",
                 strcmp(code, "0200") == 0 ? "ok" : code);
        json_decref(j);
        free(out);
    }
    read_result(&d, r);
    door_close(&d);
}

static void expect(const result *r, const char *door_name)
{
    for (size_t i = 0; i < NSTOPS; i++)
        if (strcmp(r->outcome[i], stops[i].want) != 0)
            fail_msg("%s: stop %zu (%s, reden %s) gave %s, expected %s", door_name, i + 1,
                     stops[i].date, stops[i].reason, r->outcome[i], stops[i].want);
    if (strcmp(r->care, "2025-02-01|2025-05-31|31") != 0)
        fail_msg("%s: care %s", door_name, r->care);
    if (strcmp(r->history, "2025-02-01,2025-04-30,20,vervangen; "
                           "2025-02-01,2025-05-31,31,actueel") != 0)
        fail_msg("%s: stop history %s", door_name, r->history);
}

static void the_same_stop_through_every_door_gives_the_same_result(void **state)
{
    (void)state;
    result cli, http, jw307;
    memset(&cli, 0, sizeof cli);
    memset(&http, 0, sizeof http);
    memset(&jw307, 0, sizeof jw307);
    through_cli(&cli);
    through_http(&http);
    through_jw307(&jw307);
    expect(&cli, "CLI");
    expect(&http, "HTTP");
    expect(&jw307, "JW307");
    assert_memory_equal(&cli, &http, sizeof cli);
    assert_memory_equal(&cli, &jw307, sizeof cli);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s JEUGDREGIO-BINARY\n", argv[0]);
        return 2;
    }
    jr_bin = argv[1];
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_same_stop_through_every_door_gives_the_same_result),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

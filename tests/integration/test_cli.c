/*
 * test_cli.c: the jeugdregio command end to end.
 *
 * The binary's path is the first argument (meson passes the built target).
 * Each test gets its own temporary directory holding its database and its
 * files; every run gets --db in that directory and --user tester, and
 * JEUGDREGIO_TODAY=2026-01-15 in its environment, so results do not depend
 * on the real date. Runs go through posix_spawn with an argv array (no
 * shell), stdout and stderr captured in files.
 *
 * "The database is unchanged" is asserted by comparing the output of
 * `settle --json` and `audit --json --limit 1000` before and after.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include <fcntl.h>
#include <ftw.h>
#include <jansson.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static const char *jr_bin;

#define TODAY "2026-01-15"
#define AGB_A "12345678"
#define BSN_1 "123456782"
#define ZWOLLE "0193"

#define assert_i64_equal(actual, expected)                                                         \
    do {                                                                                           \
        long long a_ = (long long)(actual), e_ = (long long)(expected);                            \
        if (a_ != e_)                                                                              \
            fail_msg("%s is %lld, expected %lld", #actual, a_, e_);                                \
    } while (0)

#define assert_contains(haystack, needle)                                                          \
    do {                                                                                           \
        if (strstr((haystack), (needle)) == NULL)                                                  \
            fail_msg("'%s' does not contain '%s'", (haystack), (needle));                          \
    } while (0)

/* ---- the fixture ------------------------------------------------------------ */

#define MAX_KEEP 512
typedef struct {
    char dir[64];
    char db[128];
    char number[24]; /* the assignment of flow() */
    void *bufs[MAX_KEEP];
    int nbufs;
    json_t *json[MAX_KEEP];
    int njson;
} cli;

static int setup(void **state)
{
    cli *c = calloc(1, sizeof *c);
    if (!c)
        return -1;
    snprintf(c->dir, sizeof c->dir, "/tmp/jr-cli-XXXXXX");
    if (!mkdtemp(c->dir)) {
        free(c);
        return -1;
    }
    snprintf(c->db, sizeof c->db, "%s/jr.db", c->dir);
    *state = c;
    return 0;
}

static int remove_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static int teardown(void **state)
{
    cli *c = *state;
    for (int i = 0; i < c->nbufs; i++)
        free(c->bufs[i]);
    for (int i = 0; i < c->njson; i++)
        json_decref(c->json[i]);
    nftw(c->dir, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
    free(c);
    return 0;
}

static void *keep(cli *c, void *p)
{
    if (c->nbufs >= MAX_KEEP)
        fail_msg("too many buffers in one test");
    c->bufs[c->nbufs++] = p;
    return p;
}

static json_t *keep_json(cli *c, json_t *j)
{
    if (c->njson >= MAX_KEEP)
        fail_msg("too many JSON values in one test");
    c->json[c->njson++] = j;
    return j;
}

/* ---- running the binary ------------------------------------------------- */

typedef struct {
    int code; /* exit code; 128 + signal when killed */
    const char *out, *err;
} run_result;

static char *slurp(cli *c, const char *path)
{
    FILE *in = fopen(path, "rb");
    assert_non_null(in);
    fseek(in, 0, SEEK_END);
    long n = ftell(in);
    fseek(in, 0, SEEK_SET);
    char *buf = keep(c, malloc((size_t)n + 1));
    assert_non_null(buf);
    size_t got = fread(buf, 1, (size_t)n, in);
    buf[got] = '\0';
    fclose(in);
    return buf;
}

/* run_argv: runs argv (argv[0] is the binary) to completion. */
static run_result run_argv(cli *c, char *const argv[])
{
    char out_path[160], err_path[160];
    snprintf(out_path, sizeof out_path, "%s/stdout.txt", c->dir);
    snprintf(err_path, sizeof err_path, "%s/stderr.txt", c->dir);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&fa, 2, err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    pid_t pid;
    int rc = posix_spawn(&pid, argv[0], &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0)
        fail_msg("posix_spawn %s: %s", argv[0], strerror(rc));
    int status;
    if (waitpid(pid, &status, 0) != pid)
        fail_msg("waitpid failed");
    run_result r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = slurp(c, out_path);
    r.err = slurp(c, err_path);
    /* the binary is built with ASan and UBSan: any report fails the test */
    if (strstr(r.err, "Sanitizer") || strstr(r.err, "runtime error:"))
        fail_msg("%s %s: sanitizer report:\n%s", argv[0], argv[1] ? argv[1] : "", r.err);
    if (WIFSIGNALED(status))
        fail_msg("%s killed by signal %d:\n%s", argv[0], WTERMSIG(status), r.err);
    return r;
}

#define MAX_ARGS 64

/* run_va: jeugdregio --db DB [--user tester] ARGS (a NULL-terminated va_list) */
static run_result run_va(cli *c, const char *db, bool user, va_list ap)
{
    char *argv[MAX_ARGS];
    int n = 0;
    argv[n++] = (char *)jr_bin;
    argv[n++] = "--db";
    argv[n++] = (char *)db;
    if (user) {
        argv[n++] = "--user";
        argv[n++] = "tester";
    }
    const char *a;
    while ((a = va_arg(ap, const char *)) != NULL) {
        if (n >= MAX_ARGS - 1)
            fail_msg("too many arguments");
        argv[n++] = (char *)a;
    }
    argv[n] = NULL;
    return run_argv(c, argv);
}

static run_result run_(cli *c, ...)
{
    va_list ap;
    va_start(ap, c);
    run_result r = run_va(c, c->db, true, ap);
    va_end(ap);
    return r;
}

static run_result run_db_(cli *c, const char *db, ...)
{
    va_list ap;
    va_start(ap, db);
    run_result r = run_va(c, db, false, ap);
    va_end(ap);
    return r;
}

/* ok_: runs on the test's database, asserts exit 0 and returns stdout */
static const char *ok_(const char *file, int lineno, cli *c, ...)
{
    va_list ap;
    va_start(ap, c);
    run_result r = run_va(c, c->db, true, ap);
    va_end(ap);
    if (r.code != 0)
        fail_msg("%s:%d: exit code %d, expected 0\nstdout:\n%s\nstderr:\n%s", file, lineno, r.code,
                 r.out, r.err);
    return r.out;
}

/* run(c, ARGS...): jeugdregio --db DB --user tester ARGS... */
#define run(c, ...) run_((c), __VA_ARGS__, (const char *)NULL)
/* run_db(c, db, ARGS...): jeugdregio --db db ARGS... */
#define run_db(c, db, ...) run_db_((c), (db), __VA_ARGS__, (const char *)NULL)
/* ok(c, ARGS...): run, assert exit 0, the stdout */
#define ok(c, ...) ok_(__FILE__, __LINE__, (c), __VA_ARGS__, (const char *)NULL)

#define assert_exit(r, expected)                                                                   \
    do {                                                                                           \
        run_result r_ = (r);                                                                       \
        if (r_.code != (expected))                                                                 \
            fail_msg("exit code %d, expected %d\nstdout:\n%s\nstderr:\n%s", r_.code, (expected),   \
                     r_.out, r_.err);                                                              \
    } while (0)

/* ---- JSON output ---------------------------------------------------------- */

/* json_lines: each line of text parsed as one JSON value (an array of them) */
static json_t *json_lines(cli *c, const char *text)
{
    json_t *arr = keep_json(c, json_array());
    const char *p = text;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        if (len > 0) {
            json_error_t e;
            json_t *v = json_loadb(p, len, 0, &e);
            if (!v)
                fail_msg("not JSON: '%.*s': %s", (int)len, p, e.text);
            json_array_append_new(arr, v);
        }
        p += len + (nl ? 1 : 0);
    }
    return arr;
}

/* json_one: text is exactly one line of JSON */
static json_t *json_one(cli *c, const char *text)
{
    json_t *arr = json_lines(c, text);
    if (json_array_size(arr) != 1)
        fail_msg("expected one JSON object, got %zu:\n%s", json_array_size(arr), text);
    return json_array_get(arr, 0);
}

static const char *jstr(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    if (!json_is_string(v))
        fail_msg("field %s is missing or no string", key);
    return json_string_value(v);
}

static json_int_t jint(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    if (!json_is_integer(v))
        fail_msg("field %s is missing or no integer", key);
    return json_integer_value(v);
}

/* find: the element of arr whose field key equals value */
static json_t *find(json_t *arr, const char *key, const char *value)
{
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v)
    {
        json_t *f = json_object_get(v, key);
        if (json_is_string(f) && strcmp(json_string_value(f), value) == 0)
            return v;
    }
    fail_msg("no element with %s = %s", key, value);
    return NULL;
}

/* ---- declaration files ---------------------------------------------------- */

static const char *const header =
    "declaratienummer,agb,gemeente,periode,dagtekening,referentie,toewijzingnummer,bsn,"
    "productcategorie,productcode,begindatum,einddatum,volume,eenheid,tarief,bedrag,"
    "debet_credit,vorige_referentie\n";

/* line: one debit line of provider A for youth 1 in Zwolle on assignment
 * number; tariff and amount as given (2025 tariffs: FG2 81.00, FG3 91.39,
 * FG4 108.00). */
static void line(char *buf, size_t cap, const char *batch, const char *period, const char *ref,
                 const char *number, const char *product, const char *begin, const char *end,
                 int hours, const char *tariff, const char *amount)
{
    size_t n = strlen(buf);
    snprintf(buf + n, cap - n, "%s,%s,%s,%s,2026-01-05,%s,%s,%s,45,%s,%s,%s,%d,04,%s,%s,D,\n",
             batch, AGB_A, ZWOLLE, period, ref, number, BSN_1, product, begin, end, hours, tariff,
             amount);
}

static const char *write_file(cli *c, const char *name, const char *text)
{
    char *path = keep(c, malloc(160));
    snprintf(path, 160, "%s/%s", c->dir, name);
    FILE *out = fopen(path, "w");
    assert_non_null(out);
    fputs(text, out);
    fclose(out);
    return path;
}

/* ---- a standard flow ------------------------------------------------------ */

/* flow: provider A contracted for lot P1, youth 1 in Zwolle, a KB3 referral
 * by the toegang, assigned to A from 2025-03-01 (until `end` when given),
 * care started that day. The assignment number lands in c->number. */
static void flow(cli *c, const char *end)
{
    ok(c, "provider", "add", "--agb", AGB_A, "--name", "Jeugdzorg De Linde");
    json_t *ct = json_one(c, ok(c, "contract", "add", "--agb", AGB_A, "--lot", "P1", "--start",
                                "2024-01-01", "--json"));
    assert_i64_equal(jint(ct, "contracts"), 7);
    ok(c, "youth", "add", "--bsn", BSN_1, "--birth", "2015-03-01", "--gemeente", ZWOLLE);
    json_t *ref =
        json_one(c, ok(c, "refer", "--bsn", BSN_1, "--referrer-type", "01", "--route", "budget",
                       "--budget", "KB3", "--result", "Klachten verminderd, weer naar school",
                       "--date", "2025-02-20", "--json"));
    char rid[24];
    snprintf(rid, sizeof rid, "%lld", (long long)jint(ref, "referral"));
    json_t *asg = end ? json_one(c, ok(c, "assign", "--referral", rid, "--agb", AGB_A, "--start",
                                       "2025-03-01", "--end", end, "--json"))
                      : json_one(c, ok(c, "assign", "--referral", rid, "--agb", AGB_A, "--start",
                                       "2025-03-01", "--json"));
    snprintf(c->number, sizeof c->number, "%s", jstr(asg, "number"));
    assert_true(json_is_true(json_object_get(asg, "is_budget")));
    assert_i64_equal(jint(asg, "budget_cents"), 519250); /* KB3 in 2025 */
    ok(c, "care", "start", c->number, "--agb", AGB_A, "--date", "2025-03-01");
}

/* the state a whole-file refusal must leave alone */
typedef struct {
    const char *settle_02, *settle_03, *audit;
} db_state;

static db_state db_snapshot(cli *c)
{
    db_state s;
    s.settle_02 = ok(c, "settle", "--period", "2025-02", "--json");
    s.settle_03 = ok(c, "settle", "--period", "2025-03", "--json");
    s.audit = ok(c, "audit", "--json", "--limit", "1000");
    return s;
}

static void assert_db_unchanged(const db_state *before, const db_state *after)
{
    assert_string_equal(after->settle_02, before->settle_02);
    assert_string_equal(after->settle_03, before->settle_03);
    assert_string_equal(after->audit, before->audit);
}

/* ======================================================================== */
/* exit codes and help                                                      */
/* ======================================================================== */

static void exit_code_0_when_done(void **state)
{
    cli *c = *state;
    assert_exit(run(c, "provider", "add", "--agb", AGB_A, "--name", "X"), 0);
    assert_exit(run(c, "provider", "list"), 0);
    assert_exit(run(c, "codes"), 0);
}

static void exit_code_1_when_input_is_refused(void **state)
{
    cli *c = *state;
    run_result r = run(c, "provider", "add", "--agb", "1234", "--name", "Kort");
    assert_exit(r, 1);
    assert_contains(r.err, "AGB");
    ok(c, "provider", "add", "--agb", AGB_A, "--name", "Eerste");
    assert_exit(run(c, "provider", "add", "--agb", AGB_A, "--name", "Tweede"), 1);
    r = run(c, "assign", "--referral", "99", "--agb", AGB_A, "--start", "2025-03-01");
    assert_exit(r, 1);
    assert_contains(r.err, "99");
    r = run(c, "declare", "/nonexistent/file.csv");
    assert_exit(r, 1);
    assert_contains(r.err, "/nonexistent/file.csv");
    /* --json adds the error as an object on stdout */
    r = run(c, "--json", "youth", "add", "--bsn", "123456789", "--birth", "2015-01-01",
            "--gemeente", ZWOLLE);
    assert_exit(r, 1);
    json_t *e = json_object_get(json_one(c, r.out), "error");
    assert_string_equal(jstr(e, "code"), "bsn_invalid");
    assert_string_equal(jstr(e, "field"), "bsn");
}

/* count_lines: the lines of text that start with prefix */
static int count_lines(const char *text, const char *prefix)
{
    int n = 0;
    for (const char *p = text; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL)
        n += strncmp(p, prefix, strlen(prefix)) == 0;
    return n;
}

static void every_refused_field_is_printed_on_its_own_line(void **state)
{
    cli *c = *state;
    run_result r =
        run(c, "youth", "add", "--bsn", "123", "--birth", "2030-12-01", "--gemeente", "x");
    assert_exit(r, 1);
    assert_int_equal(count_lines(r.err, "Fout: "), 3);
    const char *bsn = strstr(r.err, "Fout: BSN '123'"), *birth = strstr(r.err, "toekomst"),
               *gemeente = strstr(r.err, "Fout: Gemeente 'x'");
    assert_true(bsn && birth && gemeente && bsn < birth && birth < gemeente); /* in field order */
    r = run(c, "provider", "add", "--agb", "12", "--name", "", "--kind", "stichting");
    assert_exit(r, 1);
    assert_int_equal(count_lines(r.err, "Fout: "), 3);
    assert_contains(r.err, "AGB-code '12'");
    assert_contains(r.err, "naam van de aanbieder");
    assert_contains(r.err, "Soort aanbieder");
    /* --json: the error is the first refusal, "invalid" holds each */
    r = run(c, "--json", "youth", "add", "--bsn", "123", "--birth", "2030-12-01", "--gemeente",
            "x");
    assert_exit(r, 1);
    json_t *e = json_object_get(json_one(c, r.out), "error");
    assert_string_equal(jstr(e, "code"), "bsn_invalid");
    assert_string_equal(jstr(e, "field"), "bsn");
    json_t *inv = json_object_get(e, "invalid");
    assert_int_equal(json_array_size(inv), 3);
    assert_string_equal(jstr(json_array_get(inv, 0), "code"), "bsn_invalid");
    assert_string_equal(jstr(json_array_get(inv, 1), "code"), "birth_in_future");
    assert_string_equal(jstr(json_array_get(inv, 1), "field"), "geboortedatum");
    assert_string_equal(jstr(json_array_get(inv, 2), "code"), "gemeente_unknown");
    assert_string_equal(jstr(json_array_get(inv, 0), "message"), jstr(e, "message"));
    /* one refusal: one line, as before */
    r = run(c, "youth", "add", "--bsn", "123", "--birth", "2015-01-01", "--gemeente", ZWOLLE);
    assert_exit(r, 1);
    assert_int_equal(count_lines(r.err, "Fout: "), 1);
}

static void exit_code_2_on_usage_errors(void **state)
{
    cli *c = *state;
    run_result r = run(c, NULL); /* no subcommand */
    assert_exit(r, 2);
    assert_contains(r.out, "Gebruik:");
    r = run(c, "frobnicate");
    assert_exit(r, 2);
    assert_contains(r.err, "frobnicate");
    r = run(c, "provider", "list", "--colour", "red");
    assert_exit(r, 2);
    assert_contains(r.err, "--colour");
    r = run(c, "settle");
    assert_exit(r, 2);
    assert_contains(r.err, "--period");
    r = run(c, "assign", "--referral", "1", "--agb", AGB_A);
    assert_exit(r, 2);
    assert_contains(r.err, "--start");
    r = run(c, "settle", "--period", "2025-13");
    assert_exit(r, 2);
    r = run(c, "provider", "add", "--agb"); /* an option without its value */
    assert_exit(r, 2);
    char *argv[] = {(char *)jr_bin, "--db", NULL};
    assert_exit(run_argv(c, argv), 2);
    /* none of this touched a database */
    assert_int_equal(access(c->db, F_OK), -1);
}

static void help_on_every_subcommand_exits_0(void **state)
{
    cli *c = *state;
    const char *top = ok(c, "--help");
    assert_contains(top, "Gebruik:");
    const char *list = strstr(top, "Subcommando's:");
    const char *stop = strstr(top, "Globale opties");
    assert_non_null(list);
    assert_non_null(stop);
    list = strchr(list, '\n') + 1;
    int n = 0;
    while (list < stop) {
        char name[32];
        if (sscanf(list, " %31s", name) == 1 && list[0] == ' ' && list[1] == ' ') {
            run_result r = run(c, name, "--help");
            if (r.code != 0 || strstr(r.out, "Gebruik:") == NULL)
                fail_msg("%s --help: exit %d\n%s%s", name, r.code, r.out, r.err);
            assert_contains(r.out, name);
            n++;
        }
        list = strchr(list, '\n') + 1;
    }
    assert_true(n >= 15); /* assign ... youth */
    assert_int_equal(access(c->db, F_OK), -1);
}

/* ======================================================================== */
/* a full flow                                                              */
/* ======================================================================== */

static void full_flow_declare_and_settle(void **state)
{
    cli *c = *state;
    flow(c, NULL);
    char csv[4096];
    snprintf(csv, sizeof csv, "%s", header);
    line(csv, sizeof csv, "D2025-03", "2025-03", "R1", c->number, "45F02", "2025-03-01",
         "2025-03-31", 10, "81.00", "810.00");
    line(csv, sizeof csv, "D2025-03", "2025-03", "R2", c->number, "45F03", "2025-03-01",
         "2025-03-31", 5, "90.00", "450.00"); /* FG3 is 91.39 in 2025 */
    const char *path = write_file(c, "maart.csv", csv);
    json_t *out = json_lines(c, ok(c, "declare", path, "--json"));
    assert_int_equal(json_array_size(out), 2);
    json_t *r1 = json_array_get(out, 0), *r2 = json_array_get(out, 1);
    assert_string_equal(jstr(r1, "line"), "R1");
    assert_string_equal(jstr(r1, "result"), "accepted");
    assert_string_equal(jstr(r1, "code"), "8001");
    assert_true(jstr(r1, "message")[0] != '\0');
    assert_string_equal(jstr(r2, "line"), "R2");
    assert_string_equal(jstr(r2, "result"), "rejected");
    assert_string_equal(jstr(r2, "code"), "0611");
    assert_contains(jstr(r2, "message"), "tarief");

    json_t *rows = json_lines(c, ok(c, "settle", "--period", "2025-03", "--json"));
    assert_int_equal(json_array_size(rows), 2);
    json_t *fg2 = find(rows, "product", "45F02"), *fg3 = find(rows, "product", "45F03");
    assert_string_equal(jstr(fg2, "gemeente"), ZWOLLE);
    assert_string_equal(jstr(fg2, "agb"), AGB_A);
    assert_i64_equal(jint(fg2, "accepted_cents"), 81000);
    assert_i64_equal(jint(fg2, "accepted_lines"), 1);
    assert_i64_equal(jint(fg2, "rejected_lines"), 0);
    assert_i64_equal(jint(fg3, "accepted_cents"), 0);
    assert_i64_equal(jint(fg3, "accepted_lines"), 0);
    assert_i64_equal(jint(fg3, "rejected_lines"), 1);
    /* nothing in another period */
    assert_string_equal(ok(c, "settle", "--period", "2025-04", "--json"), "");

    /* the ledger: the assignment, then its events */
    json_t *led = json_lines(c, ok(c, "ledger", c->number, "--json"));
    assert_int_equal(json_array_size(led), 2);
    json_t *a = json_array_get(led, 0);
    assert_string_equal(jstr(a, "number"), c->number);
    assert_string_equal(jstr(a, "status"), "actief");
    assert_string_equal(jstr(a, "care_start"), "2025-03-01");
    json_t *l = json_object_get(a, "ledger");
    assert_i64_equal(jint(l, "granted_cents"), 519250);
    assert_i64_equal(jint(l, "used_cents"), 81000);
    assert_i64_equal(jint(l, "remaining_cents"), 519250 - 81000);
    assert_i64_equal(jint(l, "released_cents"), 0);
    json_t *ev = json_array_get(led, 1);
    assert_string_equal(jstr(ev, "kind"), "toegekend");
    assert_i64_equal(jint(ev, "cents"), 519250);

    /* every change is in the audit log, by the --user given */
    json_t *audit = json_lines(c, ok(c, "audit", "--json", "--limit", "1000"));
    size_t i;
    json_t *row;
    json_array_foreach(audit, i, row)
    {
        assert_string_equal(jstr(row, "actor"), "tester");
    }
    find(audit, "action", "declaratie.ontvangen");
    find(audit, "action", "zorg.gestart");
}

/* The monitor's figures after the flow: one youth of Zwolle (KB3 from
 * 1 March 2025, for the 12 months of KB3) and one accepted line of
 * 81000 in March 2025. */
static void figures_after_the_flow(void **state)
{
    cli *c = *state;
    flow(c, NULL);
    char csv[4096];
    snprintf(csv, sizeof csv, "%s", header);
    line(csv, sizeof csv, "D2025-03", "2025-03", "R1", c->number, "45F02", "2025-03-01",
         "2025-03-31", 10, "81.00", "810.00");
    ok(c, "declare", write_file(c, "maart.csv", csv));

    json_t *v = json_one(
        c, ok(c, "figures", "volume", "--period", "2025-Q1", "--gemeente", ZWOLLE, "--json"));
    json_t *now = json_object_get(v, "now");
    assert_i64_equal(jint(now, "youths"), 1);
    assert_i64_equal(jint(now, "active"), 1);
    assert_i64_equal(jint(now, "started"), 1);
    assert_i64_equal(jint(now, "ended"), 0);
    assert_i64_equal(jint(json_object_get(json_object_get(v, "region"), "now"), "youths"), 1);
    json_t *s = json_one(c, ok(c, "figures", "spending", "--period", "2025-03", "--json"));
    json_t *sp = json_object_get(s, "spending");
    assert_i64_equal(jint(sp, "cents"), 81000);
    assert_i64_equal(jint(sp, "per_youth_cents"), 81000);
    assert_true(json_is_null(json_object_get(sp, "growth_x10"))); /* nothing in 2024-03 */
    json_t *r = json_one(c, ok(c, "figures", "referrals", "--period", "2025-02", "--json"));
    assert_i64_equal(jint(json_object_get(r, "now"), "total"), 1); /* 20 February */

    /* the Dutch table */
    const char *t = ok(c, "figures", "volume", "--period", "2025-Q1", "--gemeente", ZWOLLE);
    assert_contains(t, "Volume 2025-Q1 (vorig jaar: 2024-Q1), gemeente 0193 Zwolle");
    assert_contains(t, "jeugdigen");
    t = ok(c, "figures", "spending", "--period", "2025-03");
    assert_contains(t, "totaal geaccepteerd € 810,00");

    /* usage errors and refusals */
    assert_exit(run(c, "figures"), 2);
    run_result u = run(c, "figures", "volume", "--period", "2025-Q5");
    assert_exit(u, 2);
    assert_contains(u.err, "2025-Q5");
    u = run(c, "figures", "omzet", "--period", "2025");
    assert_exit(u, 2);
    assert_contains(u.err, "omzet");
    assert_exit(run(c, "figures", "volume", "--period", "2025", "--gemeente", "9999"), 1);
}

/* Budget control after the flow (service/budgetctl.h): the one line of
 * 81000 in March makes L = 3 and the run-rate 81000 a month, so the
 * forecast is 81000 + 9 x 81000 = 810000 (the KB3 assignment has its line
 * in the run-rate month: its commitment is not added); a begroting of
 * 8.000,00 is overrun. Setting it again replaces it; refusals exit 1. */
static void begroting_and_control_after_the_flow(void **state)
{
    cli *c = *state;
    flow(c, NULL);
    char csv[4096];
    snprintf(csv, sizeof csv, "%s", header);
    line(csv, sizeof csv, "D2025-03", "2025-03", "R1", c->number, "45F02", "2025-03-01",
         "2025-03-31", 10, "81.00", "810.00");
    ok(c, "declare", write_file(c, "maart.csv", csv));
    const char *t = ok(c, "begroting", "set", "--gemeente", ZWOLLE, "--jaar", "2025",
                       "--voorziening", "ambulant", "--bedrag", "1234567.89", "--taakveld", "6.72");
    assert_contains(t, "€ 1.234.567,89");
    assert_contains(t, "(nieuw)");
    t = ok(c, "begroting", "set", "--gemeente", ZWOLLE, "--jaar", "2025", "--voorziening",
           "ambulant", "--bedrag", "8000");
    assert_contains(t, "(was € 1.234.567,89)");
    json_t *l = json_one(c, ok(c, "begroting", "list", "--jaar", "2025", "--json"));
    json_t *items = json_object_get(l, "items");
    assert_int_equal(json_array_size(items), 1);
    assert_i64_equal(jint(json_array_get(items, 0), "amount_cents"), 800000);

    json_t *f = json_one(
        c, ok(c, "figures", "control", "--period", "2025", "--gemeente", ZWOLLE, "--json"));
    assert_i64_equal(jint(f, "last_month"), 3);
    json_t *a = json_array_get(json_object_get(f, "rows"), 0);
    assert_string_equal(jstr(a, "voorziening"), "ambulant");
    assert_i64_equal(jint(a, "realised_cents"), 81000);
    assert_i64_equal(jint(a, "forecast_cents"), 810000);
    assert_i64_equal(jint(a, "committed_new_cents"), 0);
    assert_string_equal(jstr(a, "level"), "over");
    assert_string_equal(jstr(json_object_get(a, "forecast_method"), "method"), "run-rate");
    t = ok(c, "figures", "control", "--period", "2025", "--gemeente", ZWOLLE);
    assert_contains(t, "Begrotingscontrole 2025, gemeente 0193 Zwolle");
    assert_contains(t, "overschrijding");

    run_result u = run(c, "begroting", "set", "--gemeente", ZWOLLE, "--jaar", "2025",
                       "--voorziening", "jeugdzorg", "--bedrag", "-5", "--taakveld", "6.1");
    assert_exit(u, 1);
    assert_contains(u.err, "jeugdzorg");
    assert_contains(u.err, "negatief");
    assert_contains(u.err, "6.1");
    assert_exit(run(c, "begroting", "set", "--gemeente", ZWOLLE, "--jaar", "2025", "--voorziening",
                    "ambulant", "--bedrag", "12,5"),
                2);
    assert_exit(run(c, "figures", "control", "--period", "2025-Q1"), 2);
    assert_exit(run(c, "figures", "control", "--period", "1999"), 1);
}

static void ledger_after_ending_shows_the_release(void **state)
{
    cli *c = *state;
    flow(c, NULL);
    char csv[4096];
    snprintf(csv, sizeof csv, "%s", header);
    line(csv, sizeof csv, "D2025-03", "2025-03", "R1", c->number, "45F02", "2025-03-01",
         "2025-03-31", 10, "81.00", "810.00");
    ok(c, "declare", write_file(c, "maart.csv", csv));
    json_t *a = json_one(c, ok(c, "assignment", "end", c->number, "--date", "2025-04-30",
                               "--reason", "klaar", "--json"));
    assert_string_equal(jstr(a, "status"), "beeindigd");
    json_t *led = json_lines(c, ok(c, "ledger", c->number, "--json"));
    assert_int_equal(json_array_size(led), 3);
    json_t *l = json_object_get(json_array_get(led, 0), "ledger");
    assert_i64_equal(jint(l, "released_cents"), 519250 - 81000);
    assert_i64_equal(jint(l, "remaining_cents"), 0);
    json_t *ev = json_array_get(led, 2);
    assert_string_equal(jstr(ev, "kind"), "vrijgevallen");
    assert_i64_equal(jint(ev, "cents"), 519250 - 81000);
}

static void redeclaring_the_same_file_changes_nothing(void **state)
{
    cli *c = *state;
    flow(c, NULL);
    char csv[4096];
    snprintf(csv, sizeof csv, "%s", header);
    line(csv, sizeof csv, "D2025-03", "2025-03", "R1", c->number, "45F02", "2025-03-01",
         "2025-03-31", 10, "81.00", "810.00");
    line(csv, sizeof csv, "D2025-03", "2025-03", "R2", c->number, "45F03", "2025-03-01",
         "2025-03-31", 5, "90.00", "450.00");
    const char *path = write_file(c, "maart.csv", csv);
    const char *first = ok(c, "declare", path, "--json");
    db_state before = db_snapshot(c);
    const char *ledger_before = ok(c, "ledger", c->number, "--json");
    const char *second = ok(c, "declare", path, "--json");
    assert_string_equal(second, first);
    run_result text = run(c, "declare", path);
    assert_exit(text, 0);
    assert_contains(text.out, "al eerder ontvangen");
    db_state after = db_snapshot(c);
    assert_db_unchanged(&before, &after);
    assert_string_equal(ok(c, "ledger", c->number, "--json"), ledger_before);
}

/* ======================================================================== */
/* bad input                                                                */
/* ======================================================================== */

/* declare_refused: declaring text as file `name` exits 1 naming `where`,
 * and the database is as it was. */
static void declare_refused(cli *c, const char *name, const char *text, const char *where)
{
    const char *path = write_file(c, name, text);
    db_state before = db_snapshot(c);
    run_result r = run(c, "declare", path);
    if (r.code != 1)
        fail_msg("%s: exit %d, expected 1\n%s%s", name, r.code, r.out, r.err);
    assert_contains(r.err, name);
    assert_contains(r.err, where);
    r = run(c, "declare", path, "--json");
    assert_exit(r, 1);
    json_t *e = json_object_get(json_one(c, r.out), "error");
    assert_non_null(e);
    assert_contains(jstr(e, "message"), where);
    db_state after = db_snapshot(c);
    assert_db_unchanged(&before, &after);
}

static void malformed_csv_is_refused_whole_and_changes_nothing(void **state)
{
    cli *c = *state;
    flow(c, NULL);
    char good[4096];
    snprintf(good, sizeof good, "%s", header);
    line(good, sizeof good, "D2025-03", "2025-03", "R1", c->number, "45F02", "2025-03-01",
         "2025-03-31", 10, "81.00", "810.00");
    ok(c, "declare", write_file(c, "maart.csv", good));

    /* each: a good new line (line 2), then a broken one (line 3) */
    char base[4096], text[4096];
    snprintf(base, sizeof base, "%s", header);
    line(base, sizeof base, "D2025-04", "2025-04", "R2", c->number, "45F02", "2025-04-01",
         "2025-04-30", 10, "81.00", "810.00");

    snprintf(text, sizeof text,
             "%sD2025-04,%s,%s,2025-04,2026-01-05,R3,%s,%s,45,45F04,2025-04-01,2025-04-30,1,04,"
             "108.00,\"108.00,D,\n",
             base, AGB_A, ZWOLLE, c->number, BSN_1);
    declare_refused(c, "quote.csv", text, "regel 3");

    snprintf(text, sizeof text,
             "%sD2025-04,%s,%s,2025-04,2026-01-05,R3,%s,%s,45,45F04,2025-04-01,2025-04-30,1,04,"
             "108.00,108.00,D\n",
             base, AGB_A, ZWOLLE, c->number, BSN_1);
    declare_refused(c, "columns.csv", text, "columns.csv:3");

    snprintf(text, sizeof text,
             "%sD2025-04,%s,%s,2025-04,2026-01-05,R3,%s,%s,45,45F04,2025-04-31,2025-04-30,1,04,"
             "108.00,108.00,D,\n",
             base, AGB_A, ZWOLLE, c->number, BSN_1);
    declare_refused(c, "date.csv", text, "date.csv:3: kolom begindatum");

    snprintf(text, sizeof text,
             "%sD2025-04,%s,%s,2025-04,2026-01-05,R3,%s,%s,45,45F04,2025-04-01,2025-04-30,1,04,"
             "108.00,\"12,50\",D,\n",
             base, AGB_A, ZWOLLE, c->number, BSN_1);
    declare_refused(c, "amount.csv", text, "amount.csv:3: kolom bedrag");

    declare_refused(c, "empty.csv", header, "empty.csv");
}

static void unknown_agb_refuses_the_whole_file(void **state)
{
    cli *c = *state;
    flow(c, NULL);
    char text[4096];
    snprintf(text, sizeof text, "%s", header);
    line(text, sizeof text, "D2025-03", "2025-03", "R1", c->number, "45F02", "2025-03-01",
         "2025-03-31", 10, "81.00", "810.00");
    size_t n = strlen(text);
    snprintf(text + n, sizeof text - n,
             "X1,99999999,%s,2025-03,2026-01-05,R2,%s,%s,45,45F02,2025-03-01,2025-03-31,10,04,"
             "81.00,810.00,D,\n",
             ZWOLLE, c->number, BSN_1);
    declare_refused(c, "vreemd.csv", text, "99999999");
}

/* The line checks through the CLI: an assignment from 2025-03-01 until
 * 2025-06-15, one file with a line of every kind. */
static void line_checks_give_their_reason_codes(void **state)
{
    cli *c = *state;
    flow(c, "2025-06-15");
    const char *n = c->number;
    char csv[8192];
    snprintf(csv, sizeof csv, "%s", header);
    /* before the assignment starts: 9307 */
    line(csv, sizeof csv, "D2025-02", "2025-02", "V1", n, "45F02", "2025-02-01", "2025-02-28", 10,
         "81.00", "810.00");
    /* good, the same line again (8021), the same product and period under
       another reference (9389), a wrong tariff (0611) */
    line(csv, sizeof csv, "D2025-03", "2025-03", "M1", n, "45F02", "2025-03-01", "2025-03-31", 10,
         "81.00", "810.00");
    line(csv, sizeof csv, "D2025-03", "2025-03", "M1", n, "45F02", "2025-03-01", "2025-03-31", 10,
         "81.00", "810.00");
    line(csv, sizeof csv, "D2025-03", "2025-03", "M2", n, "45F02", "2025-03-01", "2025-03-31", 10,
         "81.00", "810.00");
    line(csv, sizeof csv, "D2025-03", "2025-03", "M3", n, "45F04", "2025-03-01", "2025-03-31", 2,
         "104.00", "208.00"); /* the 2024 tariff */
    /* past the assignment's end: 9308 */
    line(csv, sizeof csv, "D2025-06", "2025-06", "J1", n, "45F02", "2025-06-01", "2025-06-30", 10,
         "81.00", "810.00");
    json_t *out = json_lines(c, ok(c, "declare", write_file(c, "alles.csv", csv), "--json"));
    assert_int_equal(json_array_size(out), 6);
    const char *expect[][2] = {{"V1", "9307"}, {"M1", "8001"}, {"M1", "8021"},
                               {"M2", "9389"}, {"M3", "0611"}, {"J1", "9308"}};
    for (size_t i = 0; i < 6; i++) {
        json_t *o = json_array_get(out, i);
        assert_string_equal(jstr(o, "line"), expect[i][0]);
        if (strcmp(jstr(o, "code"), expect[i][1]) != 0)
            fail_msg("line %s: code %s (%s), expected %s", expect[i][0], jstr(o, "code"),
                     jstr(o, "message"), expect[i][1]);
        assert_string_equal(jstr(o, "result"), i == 1 ? "accepted" : "rejected");
        assert_true(jstr(o, "message")[0] != '\0');
    }
    json_t *m = json_lines(c, ok(c, "settle", "--period", "2025-03", "--json"));
    assert_int_equal(json_array_size(m), 2);
    json_t *fg2 = find(m, "product", "45F02");
    assert_i64_equal(jint(fg2, "accepted_cents"), 81000);
    assert_i64_equal(jint(fg2, "accepted_lines"), 1);
    assert_i64_equal(jint(fg2, "rejected_lines"), 2);
    json_t *fg4 = find(m, "product", "45F04");
    assert_i64_equal(jint(fg4, "accepted_cents"), 0);
    assert_i64_equal(jint(fg4, "rejected_lines"), 1);
    json_t *feb = json_lines(c, ok(c, "settle", "--period", "2025-02", "--json"));
    assert_int_equal(json_array_size(feb), 1);
    assert_i64_equal(jint(json_array_get(feb, 0), "rejected_lines"), 1);
    assert_i64_equal(jint(json_array_get(feb, 0), "accepted_cents"), 0);
    json_t *a = json_one(c, ok(c, "assignment", "show", n, "--json"));
    assert_i64_equal(jint(json_object_get(a, "ledger"), "used_cents"), 81000);
}

/* ======================================================================== */
/* demo, catalog, codes                                                     */
/* ======================================================================== */

static void demo_with_the_same_seed_gives_the_same_settlement(void **state)
{
    cli *c = *state;
    char db1[160], db2[160];
    snprintf(db1, sizeof db1, "%s/demo1.db", c->dir);
    snprintf(db2, sizeof db2, "%s/demo2.db", c->dir);
    run_result r = run_db(c, db1, "demo", "--youths", "300", "--providers", "20", "--seed", "7");
    assert_exit(r, 0);
    r = run_db(c, db2, "demo", "--youths", "300", "--providers", "20", "--seed", "7");
    assert_exit(r, 0);
    run_result s1 = run_db(c, db1, "settle", "--period", "2025-03", "--json");
    run_result s2 = run_db(c, db2, "settle", "--period", "2025-03", "--json");
    assert_exit(s1, 0);
    assert_exit(s2, 0);
    assert_string_equal(s1.out, s2.out);
    json_t *rows = json_lines(c, s1.out);
    assert_true(json_array_size(rows) > 0);
    json_int_t total = 0, accepted = 0, rejected = 0;
    size_t i;
    json_t *row;
    json_array_foreach(rows, i, row)
    {
        total += jint(row, "accepted_cents");
        accepted += jint(row, "accepted_lines");
        rejected += jint(row, "rejected_lines");
    }
    assert_true(total > 0);
    assert_true(accepted > 0);
    assert_true(rejected > 0); /* the demo injects faults */
    /* another seed gives another year */
    char db3[160];
    snprintf(db3, sizeof db3, "%s/demo3.db", c->dir);
    assert_exit(run_db(c, db3, "demo", "--youths", "300", "--providers", "20", "--seed", "8"), 0);
    run_result s3 = run_db(c, db3, "settle", "--period", "2025-03", "--json");
    assert_string_not_equal(s3.out, s1.out);
}

static void demo_into_a_non_empty_database_is_refused(void **state)
{
    cli *c = *state;
    ok(c, "provider", "add", "--agb", AGB_A, "--name", "Al aanwezig");
    const char *audit_before = ok(c, "audit", "--json", "--limit", "1000");
    run_result r = run(c, "demo", "--youths", "300", "--providers", "20", "--seed", "7");
    assert_exit(r, 1);
    assert_contains(r.err, "database");
    assert_int_equal(json_array_size(json_lines(c, ok(c, "provider", "list", "--json"))), 1);
    assert_string_equal(ok(c, "audit", "--json", "--limit", "1000"), audit_before);
}

static void catalog_json_lists_the_11_municipalities(void **state)
{
    cli *c = *state;
    json_t *cat = json_one(c, ok(c, "catalog", "--json"));
    assert_string_equal(jstr(cat, "region"), "IJsselland");
    json_t *ms = json_object_get(cat, "municipalities");
    assert_int_equal(json_array_size(ms), 11);
    assert_string_equal(jstr(find(ms, "cbs", "0193"), "name"), "Zwolle");
    assert_string_equal(jstr(find(ms, "cbs", "1773"), "name"), "Olst-Wijhe");
    json_t *kb = json_object_get(cat, "keuzebudgetten");
    assert_int_equal(json_array_size(kb), 7);
}

static void catalog_check_names_the_broken_field(void **state)
{
    cli *c = *state;
    const char *config = getenv("JEUGDREGIO_CONFIG");
    assert_non_null(config);
    json_error_t je;
    json_t *root = keep_json(c, json_load_file(config, 0, &je));
    if (!root)
        fail_msg("%s: %s", config, je.text);
    char good[160], bad[160];
    snprintf(good, sizeof good, "%s/copy.json", c->dir);
    snprintf(bad, sizeof bad, "%s/broken.json", c->dir);
    assert_int_equal(json_dump_file(root, good, JSON_INDENT(2)), 0);
    assert_exit(run(c, "catalog", "check", good), 0);

    json_t *fg = json_array_get(json_object_get(root, "functiegroepen"), 1);
    json_t *tariff = json_array_get(json_object_get(fg, "tariffs"), 0);
    assert_non_null(tariff);
    json_object_set_new(tariff, "amount", json_string("78,00"));
    assert_int_equal(json_dump_file(root, bad, JSON_INDENT(2)), 0);
    run_result r = run(c, "catalog", "check", bad);
    assert_exit(r, 1);
    assert_contains(r.err, "functiegroepen[1].tariffs[0].amount");
    r = run(c, "--json", "catalog", "check", bad);
    assert_exit(r, 1);
    json_t *e = json_object_get(json_one(c, r.out), "error");
    assert_string_equal(jstr(e, "field"), "functiegroepen[1].tariffs[0].amount");
}

static void codes_json_lists_8001_and_9369(void **state)
{
    cli *c = *state;
    json_t *codes = json_lines(c, ok(c, "codes", "--json"));
    assert_true(json_array_size(codes) > 10);
    json_t *accepted = find(codes, "code", "8001");
    assert_string_equal(jstr(accepted, "source"), "iJw");
    json_t *budget = find(codes, "code", "9369");
    assert_contains(jstr(budget, "message"), "budget");
    find(codes, "code", "JR01");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s PATH-TO-jeugdregio\n", argv[0]);
        return 2;
    }
    jr_bin = argv[1];
    setenv("JEUGDREGIO_TODAY", TODAY, 1);
    unsetenv("JEUGDREGIO_DB");
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(exit_code_0_when_done),
        T(exit_code_1_when_input_is_refused),
        T(every_refused_field_is_printed_on_its_own_line),
        T(exit_code_2_on_usage_errors),
        T(help_on_every_subcommand_exits_0),
        T(full_flow_declare_and_settle),
        T(figures_after_the_flow),
        T(begroting_and_control_after_the_flow),
        T(ledger_after_ending_shows_the_release),
        T(redeclaring_the_same_file_changes_nothing),
        T(malformed_csv_is_refused_whole_and_changes_nothing),
        T(unknown_agb_refuses_the_whole_file),
        T(line_checks_give_their_reason_codes),
        T(demo_with_the_same_seed_gives_the_same_settlement),
        T(demo_into_a_non_empty_database_is_refused),
        T(catalog_json_lists_the_11_municipalities),
        T(catalog_check_names_the_broken_field),
        T(codes_json_lists_8001_and_9369),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}

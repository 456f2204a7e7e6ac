/*
 * test_ijw_flow.c: the iJw exchange through files only, with the built
 * jeugdregio binary (its path is the first argument).
 *
 * The provider's messages are files written here (from the samples, with
 * the provider's own values); the region answers with files. The flow: a
 * GP's referral reaches the municipality as a JW315 (Verwijzer 02, KB2's
 * budget) -> JW316 -> ijw export writes the JW301 -> the provider's JW305
 * (JW306) -> its JW323 (JW325) -> its JW307 (JW308). Then the folder mode:
 * ijw watch answers what appears and moves it to verwerkt/; a file put back
 * after a crash is answered again, byte for byte; a broken file goes to
 * afgekeurd/ with its reason and no answer. Every answer is checked against
 * the official XSDs when they are present.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "ijw_test.h"

#include "core/sbuf.h"

#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <jansson.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;
static const char *jr_bin;

typedef struct {
    char dir[64];
    char db[128];
    char out[2][1 << 16]; /* stdout of the last run, and its stderr */
} flow;

static int setup(void **state)
{
    flow *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    snprintf(f->dir, sizeof f->dir, "/tmp/jr-ijwflow-XXXXXX");
    if (!mkdtemp(f->dir))
        return -1;
    snprintf(f->db, sizeof f->db, "%s/jr.db", f->dir);
    *state = f;
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
    flow *f = *state;
    nftw(f->dir, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
    free(f);
    return 0;
}

/* runs jeugdregio --db DB ARGS... with JEUGDREGIO_TODAY=today; returns its exit code */
static int run(flow *f, const char *today, ...)
{
    const char *argv[40];
    int n = 0;
    argv[n++] = jr_bin;
    argv[n++] = "--db";
    argv[n++] = f->db;
    argv[n++] = "--user";
    argv[n++] = "aanbieder-test";
    va_list ap;
    va_start(ap, today);
    const char *a;
    while ((a = va_arg(ap, const char *)) != NULL && n < 39)
        argv[n++] = a;
    va_end(ap);
    argv[n] = NULL;
    char outp[128], errp[128], todayv[64];
    snprintf(outp, sizeof outp, "%s/.stdout", f->dir);
    snprintf(errp, sizeof errp, "%s/.stderr", f->dir);
    snprintf(todayv, sizeof todayv, "JEUGDREGIO_TODAY=%s", today);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, outp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&fa, 2, errp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    char *envp[64];
    int ne = 0;
    for (char **e = environ; *e && ne < 62; e++)
        if (strncmp(*e, "JEUGDREGIO_TODAY=", 17) != 0)
            envp[ne++] = *e;
    envp[ne++] = todayv;
    envp[ne] = NULL;
    pid_t pid;
    if (posix_spawn(&pid, jr_bin, &fa, NULL, (char *const *)argv, envp) != 0)
        fail_msg("cannot run %s", jr_bin);
    posix_spawn_file_actions_destroy(&fa);
    int st;
    waitpid(pid, &st, 0);
    for (int i = 0; i < 2; i++) {
        FILE *fp = fopen(i ? errp : outp, "r");
        size_t k = fp ? fread(f->out[i], 1, sizeof f->out[i] - 1, fp) : 0;
        f->out[i][k] = '\0';
        if (fp)
            fclose(fp);
    }
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void run_ok(flow *f, const char *what, int rc)
{
    if (rc != 0)
        fail_msg("%s: exit %d\n%s\n%s", what, rc, f->out[0], f->out[1]);
}

/* writes a provider's message: a sample with replacements (old, new, ..., NULL) */
static void provider_file(flow *f, const char *name, const char *sample, ...)
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
            fail_msg("%s has no '%s'", sample, old);
        sbuf b = SBUF_INIT;
        sbuf_append(&b, text, (size_t)(at - text));
        sbuf_puts(&b, new);
        sbuf_puts(&b, at + strlen(old));
        free(text);
        text = b.data;
    }
    va_end(ap);
    snprintf(path, sizeof path, "%s/%s", f->dir, name);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
    free(text);
}

static char *slurp(flow *f, const char *rel)
{
    char path[600];
    snprintf(path, sizeof path, "%s/%s", f->dir, rel);
    size_t len;
    char *t = ijwt_read_file(path, &len);
    if (!t)
        fail_msg("%s is missing", path);
    char why[512];
    if (ijwt_xsd_check(t, len, why, sizeof why) == 0)
        fail_msg("%s breaks the XSD: %s", rel, why);
    return t;
}

static bool exists(flow *f, const char *rel)
{
    char path[600];
    snprintf(path, sizeof path, "%s/%s", f->dir, rel);
    return access(path, F_OK) == 0;
}

static json_t *last_json(flow *f)
{
    json_t *j = json_loads(f->out[0], JSON_DISABLE_EOF_CHECK, NULL);
    if (!j)
        fail_msg("no JSON in: %s", f->out[0]);
    return j;
}

static void assert_json_int(json_t *j, const char *key, json_int_t want)
{
    json_int_t got = json_integer_value(json_object_get(j, key));
    if (got != want)
        fail_msg("%s is %lld, expected %lld", key, (long long)got, (long long)want);
}

static void test_gp_referral_to_stop(void **state)
{
    flow *f = *state;
    char dir[128];
    snprintf(dir, sizeof dir, "%s/uit", f->dir);
    run_ok(f, "provider",
           run(f, "2025-01-20", "provider", "add", "--agb", "73000001", "--name",
               "Jeugdzorg De Linde", NULL));
    run_ok(f, "contract",
           run(f, "2025-01-20", "contract", "add", "--agb", "73000001", "--lot", "P1", "--start",
               "2024-01-01", NULL));
    /* the GP's referral, asked by the provider: a JW315 file */
    provider_file(f, "vot.xml", "jw315_valid.xml", NULL);
    char in[300];
    snprintf(in, sizeof in, "%s/vot.xml", f->dir);
    run_ok(f, "import JW315",
           run(f, "2025-01-21", "ijw", "import", in, "--out", dir, "--json", NULL));
    json_t *j = last_json(f);
    assert_string_equal(json_string_value(json_object_get(j, "type")), "JW315");
    assert_json_int(j, "accepted", 1);
    json_decref(j);
    free(slurp(f, "uit/vot_JW316.xml"));
    /* the municipality's toewijzing */
    run_ok(f, "export",
           run(f, "2025-01-21", "ijw", "export", "--type", "JW301", "--out", dir, "--json", NULL));
    j = last_json(f);
    char jw301[300];
    snprintf(jw301, sizeof jw301, "%s", json_string_value(json_object_get(j, "file")));
    json_decref(j);
    size_t len;
    char *t = ijwt_read_file(jw301, &len);
    assert_non_null(t);
    assert_non_null(strstr(t, "<ReferentieAanbieder>VOT-2025-001</ReferentieAanbieder>"));
    assert_non_null(strstr(t, "<Budget>259625</Budget>"));
    char nr[64];
    const char *p = strstr(t, "<ToewijzingNummer>");
    assert_non_null(p);
    snprintf(nr, sizeof nr, "%.*s", (int)(strchr(p + 18, '<') - p - 18), p + 18);
    free(t);
    char nrtag[96];
    snprintf(nrtag, sizeof nrtag, "<ToewijzingNummer>%s<", nr);
    /* start zorg */
    provider_file(f, "start.xml", "jw305_valid.xml", "<ToewijzingNummer>1<", nrtag, NULL);
    snprintf(in, sizeof in, "%s/start.xml", f->dir);
    run_ok(f, "import JW305",
           run(f, "2025-02-03", "ijw", "import", in, "--out", dir, "--json", NULL));
    j = last_json(f);
    assert_json_int(j, "accepted", 1);
    json_decref(j);
    free(slurp(f, "uit/start_JW306.xml"));
    /* the declaration for March: one prestatie accepted, the double one refused */
    provider_file(f, "maart.xml", "jw323_valid.xml", "<ToewijzingNummer>1<", nrtag,
                  "<ToewijzingNummer>1<", nrtag, NULL);
    snprintf(in, sizeof in, "%s/maart.xml", f->dir);
    run_ok(f, "import JW323",
           run(f, "2025-04-03", "ijw", "import", in, "--out", dir, "--json", NULL));
    j = last_json(f);
    assert_string_equal(json_string_value(json_object_get(j, "type")), "JW323");
    assert_json_int(j, "accepted", 1);
    assert_json_int(j, "rejected", 1);
    assert_json_int(json_object_get(j, "codes"), "9389", 1);
    json_decref(j);
    t = slurp(f, "uit/maart_JW325.xml");
    assert_non_null(strstr(t, "<RetourCode>8001</RetourCode>"));
    free(t);
    /* stop zorg */
    provider_file(f, "stop.xml", "jw307_valid.xml", "<ToewijzingNummer>1<", nrtag, NULL);
    snprintf(in, sizeof in, "%s/stop.xml", f->dir);
    run_ok(f, "import JW307",
           run(f, "2025-06-10", "ijw", "import", in, "--out", dir, "--json", NULL));
    free(slurp(f, "uit/stop_JW308.xml"));
    run_ok(f, "assignment list", run(f, "2025-06-10", "assignment", "list", "--json", NULL));
    j = last_json(f);
    assert_string_equal(json_string_value(json_object_get(j, "care_stop")), "2025-05-31");
    assert_string_equal(json_string_value(json_object_get(j, "stop_reason")), "31");
    assert_json_int(json_object_get(j, "ledger"), "used_cents", 32400);
    json_decref(j);
    /* the audit log knows who sent and received what */
    run_ok(f, "audit",
           run(f, "2025-06-10", "audit", "--entity", "ijw_message", "--limit", "20", NULL));
    assert_non_null(strstr(f->out[0], "JW323:73000001:D2025030001"));
    assert_non_null(strstr(f->out[0], "ijw.verstuurd"));
    assert_null(strstr(f->out[0], "111222333")); /* no BSN in the log */
}

static void test_watch(void **state)
{
    flow *f = *state;
    char indir[128], outdir[128];
    snprintf(indir, sizeof indir, "%s/in", f->dir);
    snprintf(outdir, sizeof outdir, "%s/uit", f->dir);
    mkdir(indir, 0700);
    run_ok(f, "provider",
           run(f, "2025-01-20", "provider", "add", "--agb", "73000001", "--name",
               "Jeugdzorg De Linde", NULL));
    run_ok(f, "contract",
           run(f, "2025-01-20", "contract", "add", "--agb", "73000001", "--lot", "P1", "--start",
               "2024-01-01", NULL));
    provider_file(f, "in/a_vot.xml", "jw315_valid.xml", NULL);
    provider_file(f, "in/b_kapot.xml", "jw315_valid.xml", "</Bsn>", "</Bs>", NULL);
    /* exit 1: one file was refused */
    assert_int_equal(run(f, "2025-01-21", "ijw", "watch", indir, outdir, "--once", NULL), 1);
    assert_true(exists(f, "in/verwerkt/a_vot.xml"));
    assert_false(exists(f, "in/a_vot.xml"));
    assert_true(exists(f, "in/afgekeurd/b_kapot.xml"));
    assert_true(exists(f, "in/afgekeurd/b_kapot.xml.fout.txt"));
    assert_false(exists(f, "uit/b_kapot_JW316.xml"));
    char *first = slurp(f, "uit/a_vot_JW316.xml");
    /* a crash after the commit, before the move: the file is there again */
    char from[300], to[300];
    snprintf(from, sizeof from, "%s/in/verwerkt/a_vot.xml", f->dir);
    snprintf(to, sizeof to, "%s/in/a_vot.xml", f->dir);
    assert_int_equal(rename(from, to), 0);
    snprintf(from, sizeof from, "%s/uit/a_vot_JW316.xml", f->dir);
    unlink(from);
    run_ok(f, "watch again",
           run(f, "2025-01-22", "ijw", "watch", indir, outdir, "--once", "--json", NULL));
    json_t *j = last_json(f);
    assert_true(json_is_true(json_object_get(j, "replayed")));
    json_decref(j);
    char *again = slurp(f, "uit/a_vot_JW316.xml");
    assert_string_equal(first, again); /* the same retour, byte for byte */
    assert_true(exists(f, "in/verwerkt/a_vot.xml"));
    assert_false(exists(f, "in/a_vot.xml"));
    free(first);
    free(again);
    /* one request, one decision */
    run_ok(f, "export",
           run(f, "2025-01-22", "ijw", "export", "--type", "JW301", "--out", outdir, NULL));
    assert_non_null(strstr(f->out[0], "1 JW301-bericht geschreven"));
}

static void test_import_refuses_broken_file(void **state)
{
    flow *f = *state;
    provider_file(f, "kapot.xml", "jw323_valid.xml", "<Eenheid>04</Eenheid>",
                  "<Eenheid>4</Eenheid>", NULL);
    char in[300];
    snprintf(in, sizeof in, "%s/kapot.xml", f->dir);
    int rc = run(f, "2025-04-03", "ijw", "import", in, "--json", NULL);
    assert_int_equal(rc, 1);
    assert_non_null(strstr(f->out[1], "kapot.xml:"));
    assert_non_null(strstr(f->out[1], "element Eenheid"));
    assert_false(exists(f, "kapot_JW325.xml"));
    json_t *j = last_json(f);
    assert_string_equal(json_string_value(json_object_get(json_object_get(j, "error"), "code")),
                        "ijw_schema");
    json_decref(j);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test_ijw_flow PATH/TO/jeugdregio\n");
        return 2;
    }
    jr_bin = argv[1];
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_gp_referral_to_stop, setup, teardown),
        cmocka_unit_test_setup_teardown(test_watch, setup, teardown),
        cmocka_unit_test_setup_teardown(test_import_refuses_broken_file, setup, teardown),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    ijwt_xsd_cleanup();
    return failed;
}

/*
 * bench_ijw.c: the import of one large JW323 declaratie next to the CSV
 * import of the same lines, in the same run (not a timed test: it prints
 * figures and judges nothing).
 *
 *   build/tests/ijw/bench_ijw --lines 1000000 [--dir DIR] [--config FILE] [--keep]
 *
 * 1. setup: a fresh store with the shipped catalog, one provider contracted
 *    for every functiegroep, and lines/7 youths each with a keuzebudget KB7
 *    assignment with care started (through the services, one transaction);
 * 2. one month's declaration: seven lines per assignment (one hour of each
 *    functiegroep at the catalog tariff), written as CSV, and as a JW323 by
 *    ijw_csv_to_jw323 (the provider's side); a tenth of the lines as well;
 * 3. each file imported into its own copy of the set-up store, in a process
 *    of its own (so that its peak memory is its own), as `jeugdregio declare`
 *    and `jeugdregio ijw import` do it, timed, with the peak memory (VmHWM)
 *    and its growth over the memory before the import; the JW323 import also
 *    writes its JW325 to a file. The tenth-size runs show whether memory
 *    stays flat in the size of the file.
 */
#include "config/region.h"
#include "ijw/ijw.h"
#include "ijw_test.h"
#include "io/decl_csv.h"
#include "service/assignment.h"
#include "service/declaration.h"
#include "service/provider.h"
#include "service/referrals.h"
#include "service/youth.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long proc_kb(const char *key)
{
    FILE *f = fopen("/proc/self/status", "r");
    if (!f)
        return -1;
    char line[256];
    size_t n = strlen(key);
    long v = -1;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, key, n) == 0 && line[n] == ':') {
            v = strtol(line + n + 1, NULL, 10);
            break;
        }
    fclose(f);
    return v;
}

static void reset_peak(void)
{
    FILE *f = fopen("/proc/self/clear_refs", "w");
    if (f) {
        fputs("5", f);
        fclose(f);
    }
}

static void die(const char *what, const jr_error *err)
{
    fprintf(stderr, "bench_ijw: %s: %s (%s)\n", what, err ? err->message : "",
            err ? err->code : "");
    exit(1);
}

static void copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    if (!in || !out)
        die("copy", NULL);
    static char buf[1 << 20];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, n, out) != n)
            die("copy", NULL);
    fclose(in);
    if (fclose(out) != 0)
        die("copy", NULL);
}

static long long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

typedef struct {
    const char *dir;
    const char *config;
    long lines;
    bool keep;
    jr_catalog cat;
    jr_date today;
} bench;

static jr_ctx ctx_for(bench *b, jr_store *st)
{
    jr_ctx c;
    memset(&c, 0, sizeof c);
    c.store = st;
    c.cat = &b->cat;
    c.actor = "bench";
    c.today = b->today;
    return c;
}

/* the set-up store: youths with a KB7 assignment each; numbers[] receives them */
static void setup(bench *b, const char *db, long nasg, char (*numbers)[24], char (*bsns)[10])
{
    jr_store *st;
    jr_error err;
    jr_error_clear(&err);
    if (store_open(db, &st, &err) != JR_OK)
        die("store", &err);
    jr_ctx c = ctx_for(b, st);
    jr_date d0, ds, dr;
    date_parse("2024-01-01", &d0);
    date_parse("2025-01-01", &ds);
    date_parse("2024-12-15", &dr);
    int n;
    if (store_begin(st, &err) != JR_OK ||
        provider_add(&c, "73000001", "Jeugdzorg Bench", "instelling", NULL, &err) != JR_OK ||
        contract_add(&c, "73000001", "P1", "*", d0, JR_DATE_NONE, &n, &err) != JR_OK)
        die("provider", &err);
    if (ijwt_kb7_assignments(&c, nasg, 10000000, d0 - 3650, dr, ds, bsns, numbers, &err) != 0)
        die("assignment", &err);
    if (store_commit(st, &err) != JR_OK)
        die("commit", &err);
    store_close(st);
}

/* the month's lines as CSV: seven functiegroepen per assignment, nlines of them */
static void write_csv(bench *b, const char *path, long nlines, char (*numbers)[24],
                      char (*bsns)[10])
{
    FILE *f = fopen(path, "w");
    if (!f)
        die("csv", NULL);
    fprintf(f, "%s\n", decl_csv_header());
    jr_date first;
    date_parse("2025-03-01", &first);
    for (long i = 0; i < nlines; i++) {
        long a = i / 7;
        int g = (int)(i % 7);
        char code[8];
        snprintf(code, sizeof code, "45F0%d", g + 1);
        const jr_product *p = catalog_product(&b->cat, code);
        jr_cents t = 0;
        if (!p || !product_tariff(p, first, &t))
            die("tariff", NULL);
        fprintf(f,
                "BENCH1,73000001,0193,2025-03,2025-04-02,R%ld,%s,%s,45,%s,2025-03-01,2025-03-31,1,"
                "04,%lld.%02lld,%lld.%02lld,D,\n",
                i, numbers[a], bsns[a], code, (long long)(t / 100), (long long)(t % 100),
                (long long)(t / 100), (long long)(t % 100));
    }
    if (fclose(f) != 0)
        die("csv", NULL);
}

typedef struct {
    double secs;
    long rss_before, peak;
    int64_t accepted, rejected;
} run_result;

static void import_csv(bench *b, const char *db, const char *csv, run_result *r)
{
    jr_store *st;
    jr_error err;
    jr_error_clear(&err);
    if (store_open(db, &st, &err) != JR_OK)
        die("store", &err);
    jr_ctx c = ctx_for(b, st);
    FILE *in = fopen(csv, "rb");
    reset_peak();
    r->rss_before = proc_kb("VmRSS");
    double t0 = now_s();
    jr_decl_session *s = NULL;
    if (decl_session_begin(&c, csv, &s, &err) != JR_OK ||
        decl_csv_read(in, csv, s, &err) != JR_OK || decl_session_commit(s, &err) != JR_OK)
        die("csv import", &err);
    r->secs = now_s() - t0;
    r->peak = proc_kb("VmHWM");
    const jr_decl_batch_summary *sum = decl_session_batch(s, 0);
    r->accepted = sum->n_accepted;
    r->rejected = sum->n_rejected;
    decl_session_free(s);
    fclose(in);
    store_close(st);
}

static void import_xml(bench *b, const char *db, const char *xml, const char *answer, run_result *r)
{
    jr_store *st;
    jr_error err;
    jr_error_clear(&err);
    if (store_open(db, &st, &err) != JR_OK)
        die("store", &err);
    jr_ctx c = ctx_for(b, st);
    FILE *in = fopen(xml, "rb"), *out = fopen(answer, "wb");
    if (!in || !out)
        die("files", NULL);
    reset_peak();
    r->rss_before = proc_kb("VmRSS");
    double t0 = now_s();
    ijw_result res;
    if (ijw_import_stream(&c, in, xml, out, &res, &err) != JR_OK)
        die("JW323 import", &err);
    fflush(out);
    r->secs = now_s() - t0;
    r->peak = proc_kb("VmHWM");
    r->accepted = res.accepted;
    r->rejected = res.rejected;
    fclose(in);
    fclose(out);
    store_close(st);
}

static void report(const char *what, long lines, const char *file, const run_result *r)
{
    printf("  %-22s %9ld lines %8.2f s %10.0f lines/s   peak %7.1f MB (+%6.1f MB over %6.1f)"
           "   %lld / %lld accepted   file %.1f MB\n",
           what, lines, r->secs, (double)lines / r->secs, (double)r->peak / 1024.0,
           (double)(r->peak - r->rss_before) / 1024.0, (double)r->rss_before / 1024.0,
           (long long)r->accepted, (long long)(r->accepted + r->rejected),
           (double)file_size(file) / 1048576.0);
}

int main(int argc, char **argv)
{
    bench b;
    memset(&b, 0, sizeof b);
    b.lines = 1000000;
    b.config = getenv("JEUGDREGIO_CONFIG");
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--lines") == 0 && i + 1 < argc)
            b.lines = strtol(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--dir") == 0 && i + 1 < argc)
            b.dir = argv[++i];
        else if (strcmp(argv[i], "--config") == 0 && i + 1 < argc)
            b.config = argv[++i];
        else if (strcmp(argv[i], "--keep") == 0)
            b.keep = true;
        else {
            fprintf(stderr, "usage: bench_ijw [--lines N] [--dir DIR] [--config FILE] [--keep]\n");
            return 2;
        }
    }
    if (b.lines < 70)
        b.lines = 70;
    char tmp[] = "/tmp/jr-bench-ijw-XXXXXX";
    if (!b.dir && !(b.dir = mkdtemp(tmp)))
        die("mkdtemp", NULL);
    jr_error err;
    jr_error_clear(&err);
    if (region_load(b.config ? b.config : "config/ijsselland.json", &b.cat, &err) != JR_OK)
        die("catalog", &err);
    date_parse("2025-04-10", &b.today);
    long nasg = (b.lines + 6) / 7, tenth = b.lines / 10;
    char(*numbers)[24] = calloc((size_t)nasg, sizeof *numbers);
    char(*bsns)[10] = calloc((size_t)nasg, sizeof *bsns);
    if (!numbers || !bsns)
        die("memory", NULL);
    char db[600], csv[600], csv10[600], xml[600], xml10[600], ans[600], dbw[600];
    snprintf(db, sizeof db, "%s/setup.db", b.dir);
    snprintf(csv, sizeof csv, "%s/decl.csv", b.dir);
    snprintf(csv10, sizeof csv10, "%s/decl10.csv", b.dir);
    snprintf(xml, sizeof xml, "%s/decl.xml", b.dir);
    snprintf(xml10, sizeof xml10, "%s/decl10.xml", b.dir);
    printf("bench_ijw: %ld declaration lines on %ld KB7 assignments, in %s\n", b.lines, nasg,
           b.dir);
    double t0 = now_s();
    setup(&b, db, nasg, numbers, bsns);
    printf("  setup                  %8.2f s\n", now_s() - t0);
    t0 = now_s();
    write_csv(&b, csv, b.lines, numbers, bsns);
    write_csv(&b, csv10, tenth, numbers, bsns);
    jr_store *st;
    if (store_open(db, &st, &err) != JR_OK)
        die("store", &err);
    jr_ctx c = ctx_for(&b, st);
    const char *pairs[2][2] = {{csv, xml}, {csv10, xml10}};
    for (int i = 0; i < 2; i++) {
        FILE *in = fopen(pairs[i][0], "rb"), *out = fopen(pairs[i][1], "wb");
        if (!in || !out || ijw_csv_to_jw323(&c, in, pairs[i][0], out, "BENCH1", &err) != JR_OK)
            die("convert", &err);
        fclose(in);
        fclose(out);
    }
    store_close(st);
    printf("  files (CSV and JW323)  %8.2f s\n", now_s() - t0);
    run_result r;
    struct {
        const char *what, *file;
        long lines;
        bool xml;
    } runs[] = {
        {"CSV import", csv, b.lines, false},
        {"JW323 import (+JW325)", xml, b.lines, true},
        {"CSV import, 1/10", csv10, tenth, false},
        {"JW323 import, 1/10", xml10, tenth, true},
    };
    for (size_t i = 0; i < sizeof runs / sizeof runs[0]; i++) {
        snprintf(dbw, sizeof dbw, "%s/run%zu.db", b.dir, i);
        copy_file(db, dbw);
        snprintf(ans, sizeof ans, "%s/answer%zu.xml", b.dir, i);
        int fds[2];
        if (pipe(fds) != 0)
            die("pipe", NULL);
        fflush(stdout);
        pid_t pid = fork();
        if (pid < 0)
            die("fork", NULL);
        if (pid == 0) { /* the import in a process of its own */
            close(fds[0]);
            if (runs[i].xml)
                import_xml(&b, dbw, runs[i].file, ans, &r);
            else
                import_csv(&b, dbw, runs[i].file, &r);
            _exit(write(fds[1], &r, sizeof r) == (ssize_t)sizeof r ? 0 : 1);
        }
        close(fds[1]);
        bool got = read(fds[0], &r, sizeof r) == (ssize_t)sizeof r;
        close(fds[0]);
        int status;
        waitpid(pid, &status, 0);
        if (!got || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
            die(runs[i].what, NULL);
        report(runs[i].what, runs[i].lines, runs[i].file, &r);
        if (runs[i].xml)
            printf("  %-22s JW325 written: %.1f MB\n", "", (double)file_size(ans) / 1048576.0);
        if (!b.keep) {
            unlink(dbw);
            unlink(ans);
            char p[700];
            snprintf(p, sizeof p, "%s-wal", dbw);
            unlink(p);
            snprintf(p, sizeof p, "%s-shm", dbw);
            unlink(p);
        }
    }
    if (!b.keep) {
        const char *files[] = {db, csv, csv10, xml, xml10};
        for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
            char p[700];
            unlink(files[i]);
            snprintf(p, sizeof p, "%s-wal", files[i]);
            unlink(p);
            snprintf(p, sizeof p, "%s-shm", files[i]);
            unlink(p);
        }
        if (b.dir == tmp)
            rmdir(tmp);
    }
    free(numbers);
    free(bsns);
    return 0;
}

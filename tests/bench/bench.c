/*
 * bench.c: the benchmark of a national-size declaration year
 * (`ninja -C build bench`; jeugdregio-bench --scale F for a fraction).
 *
 * One run, each phase timed:
 *  1. setup: a fresh store with the shipped catalog, providers with
 *     contracts, 450,000 youths and 700,000 assignments with care started,
 *     all through the services inside one outer transaction;
 *  2. a year of monthly declaration batches (per month, provider and
 *     municipality one batch; 6 million lines, about 3 % faulty: wrong
 *     tariff, wrong amount, unknown assignment, duplicate reference; a few
 *     corrections by credit) written as CSV, streaming;
 *  3. the import as decl_csv_import runs it for `jeugdregio declare` and the
 *     API (its session: decl_session_begin, decl_csv_read,
 *     decl_session_commit; the per-batch report that follows the commit is
 *     not timed), timed, with the peak memory of the
 *     import (VmHWM, reset through /proc/self/clear_refs), also for a file of
 *     a tenth of the lines imported into a copy of the same store;
 *  4. the baseline: a bare SQLite insert of the same rows (same PRAGMAs, a
 *     table with decl_line's columns but no indexes or constraints, one
 *     transaction, one prepared INSERT, the same CSV tokenizer);
 *  5. a summary with the ratio import / bare insert;
 *  6. the monitor's figures (issue 11) on the imported year: every figure
 *     for the largest municipality and for the region, for a quarter and
 *     for the year, timed (target: a municipality under 200 ms, the region
 *     under 1 s);
 *  7. the impact analysis (issue 12) of the imported year for the region
 *     under two scenarios (every tariff and budget +3 % capped, -2 %
 *     uncapped), computed and rendered, three times (target: under 5 s).
 * It prints figures and never judges the exit status by them: it exits
 * non-zero only when a phase could not run. Everything is drawn from one
 * splitmix64 stream (--seed), so a run is reproducible.
 */
#include "config/region.h"
#include "core/csv.h"
#include "core/rng.h"
#include "domain/decl.h"
#include "domain/ident.h"
#include "io/decl_csv.h"
#include "render/render_figures_care.h"
#include "render/render_impact.h"
#include "render/report_pdf.h"
#include "service/assignment.h"
#include "service/budgetctl.h"
#include "service/care.h"
#include "service/declaration.h"
#include "service/figures.h"
#include "service/figures_bench.h"
#include "service/impact.h"
#include "service/provider.h"
#include "service/referrals.h"
#include "service/report.h"
#include "service/signals.h"
#include "service/youth.h"

#include <errno.h>
#include <malloc.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* The national year (DOMAIN.md, "Scale"); --scale takes a fraction of it. */
#define NAT_YOUTHS 450000
#define NAT_ASSIGNMENTS 700000
#define NAT_LINES 6000000
#define NAT_PROVIDERS 2000 /* a bench choice: jeugdhulpaanbieders with clients nationally */
#define MIN_PROVIDERS 10

#define BENCH_YEAR 2025
#define RESIDENTIAL_PERMILLE 90 /* of the assignments: wonen/verblijf, billed in etmalen */
#define FAULT_PERMILLE 30       /* of the lines: faulty */
#define CREDIT_PERMILLE 2       /* of the good lines: credited and declared again */
#define SECOND_FG_PERMILLE 420  /* of budget assignments: two functiegroepen a month */
#define RES_PROVIDER_EVERY 5    /* every 5th provider also holds the wonen/verblijf lot */

typedef struct {
    double scale;
    const char *dir;
    uint64_t seed;
    const char *config;
    bool keep;
    int repeat;             /* imports and baselines, in pairs; the best of each is summarised */
    const char *figures_db; /* --figures: only time the figures on this kept store */
    const char *impact_db;  /* --impact: only time the impact analysis on this kept store */
} options;

/* ---- small helpers ---- */

/* cpu_s: the process's CPU time (user and system), for a shared machine */
static double cpu_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double rng_unit(jr_rng *r)
{
    return (double)(rng_next(r) >> 11) * 0x1.0p-53;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* grp: v with thousands separators ("6,000,000") */
static const char *grp(int64_t v, char buf[32])
{
    char t[32];
    int n = snprintf(t, sizeof t, "%lld", (long long)(v < 0 ? -v : v));
    char *o = buf;
    if (v < 0)
        *o++ = '-';
    for (int i = 0; i < n; i++) {
        *o++ = t[i];
        if ((n - i - 1) % 3 == 0 && i < n - 1)
            *o++ = ',';
    }
    *o = '\0';
    return buf;
}

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    fflush(stdout);
}

/* proc_kb: a "Key:  123 kB" figure of /proc/self/status, -1 when absent */
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

/* reset_peak: VmHWM back to the current RSS */
static bool reset_peak(void)
{
    FILE *f = fopen("/proc/self/clear_refs", "w");
    if (!f)
        return false;
    bool ok = fputs("5", f) >= 0;
    return fclose(f) == 0 && ok;
}

static double mb(long kb)
{
    return (double)kb / 1024.0;
}

static void remove_db(const char *path)
{
    char p[1100];
    unlink(path);
    snprintf(p, sizeof p, "%s-wal", path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", path);
    unlink(p);
}

static bool copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb");
    FILE *out = in ? fopen(to, "wb") : NULL;
    bool ok = in && out;
    static char buf[1 << 20];
    size_t n;
    while (ok && (n = fread(buf, 1, sizeof buf, in)) > 0)
        ok = fwrite(buf, 1, n, out) == n;
    if (in && ferror(in))
        ok = false;
    if (in)
        fclose(in);
    if (out && fclose(out) != 0)
        ok = false;
    return ok;
}

/* ---- the synthetic year ---- */

enum { K_BUDGET, K_RES };

typedef struct {
    char bsn[10];
    uint8_t gem; /* index into the catalog's municipalities */
} byouth;

typedef struct {
    char number[24];
    int32_t youth, prov;
    jr_date start, end, care;
    jr_cents target; /* budget: the money a month the provider declares */
    uint8_t kind, gem;
    int8_t p1, p2; /* budget: functiegroep indices (p2 -1: one a month); residential: p1 */
} basg;

typedef struct {
    const jr_catalog *cat;
    jr_ctx ctx;
    jr_rng r;
    jr_error err;
    jr_date y0, y1;
    const jr_product *fgs[16];
    jr_cents fg_tariff[16]; /* in the bench year */
    int nfg;
    const jr_product *ints[16];
    int nint;
    int nprov;
    char (*agb)[9];
    int *res_prov; /* providers holding the wonen/verblijf lot */
    int nres_prov;
    int64_t *refseq;
    int nyouth;
    byouth *youth;
    int nasg;
    basg *asg;
} bench;

static void fail_exit(const char *what, const jr_error *err)
{
    fprintf(stderr, "jeugdregio-bench: %s: %s (%s)\n", what, err->message, err->code);
    exit(1);
}

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p) {
        fprintf(stderr, "jeugdregio-bench: out of memory\n");
        exit(1);
    }
    return p;
}

/* a provider index, skewed: a few large providers, a long tail of small ones */
static int pick_skewed(bench *b, int n)
{
    double u = rng_unit(&b->r);
    int i = (int)(u * u * n);
    return i < n ? i : n - 1;
}

static void setup_providers(bench *b)
{
    jr_date from;
    date_from_ymd(BENCH_YEAR - 2, 1, 1, &from);
    const jr_lot *ambulant = catalog_lot_of(b->cat, b->fgs[0]->code);
    const jr_lot *stay = catalog_lot_of(b->cat, b->ints[0]->code);
    b->agb = xcalloc((size_t)b->nprov, sizeof *b->agb);
    b->res_prov = xcalloc((size_t)b->nprov, sizeof *b->res_prov);
    b->refseq = xcalloc((size_t)b->nprov, sizeof *b->refseq);
    int calls = 0, ncontracts = 0;
    for (int i = 0; i < b->nprov; i++) {
        snprintf(b->agb[i], sizeof b->agb[i], "%08d", 70100000 + i);
        char name[64];
        bool vrij = i % 3 == 2;
        snprintf(name, sizeof name, "%s %d", vrij ? "Praktijk" : "Jeugdzorg", i + 1);
        if (provider_add(&b->ctx, b->agb[i], name, vrij ? "vrijgevestigde" : "instelling", NULL,
                         &b->err) != JR_OK)
            fail_exit("provider_add", &b->err);
        int n = 0;
        if (contract_add(&b->ctx, b->agb[i], ambulant->code, "*", from, JR_DATE_NONE, &n,
                         &b->err) != JR_OK)
            fail_exit("contract_add", &b->err);
        calls++;
        ncontracts += n;
        if (i % RES_PROVIDER_EVERY == 0) {
            if (contract_add(&b->ctx, b->agb[i], stay->code, "*", from, JR_DATE_NONE, &n,
                             &b->err) != JR_OK)
                fail_exit("contract_add", &b->err);
            calls++;
            ncontracts += n;
            b->res_prov[b->nres_prov++] = i;
        }
    }
    char g1[32], g2[32];
    say("  providers: %s, %s contract_add calls (%s contracts)\n", grp(b->nprov, g1),
        grp(calls, g2), grp(ncontracts, (char[32]){0}));
}

static void setup_youths(bench *b)
{
    b->youth = xcalloc((size_t)b->nyouth, sizeof *b->youth);
    int w[JR_MAX_MUNICIPALITIES];
    for (int i = 0; i < b->cat->nmunicipalities; i++)
        w[i] = b->cat->municipalities[i].youth_population + 1;
    int64_t next = 10000000;
    for (int i = 0; i < b->nyouth; i++) {
        byouth *y = &b->youth[i];
        y->gem = (uint8_t)rng_pick(&b->r, w, b->cat->nmunicipalities);
        for (;;) {
            char first8[12];
            snprintf(first8, sizeof first8, "%08lld", (long long)next++);
            if (bsn_complete(first8, y->bsn))
                break;
        }
        jr_date birth = b->y0 - 1 - rng_int(&b->r, 17 * 365);
        if (youth_add(&b->ctx, y->bsn, birth, b->cat->municipalities[y->gem].cbs, NULL, &b->err) !=
            JR_OK)
            fail_exit("youth_add", &b->err);
    }
}

/* plan_budget: the functiegroepen and the money a month of a budget assignment */
static void plan_budget(bench *b, basg *a, jr_cents budget)
{
    int months = (int)(date_month(a->end) - date_month(a->care)) + 1;
    a->target = budget * 9 / 10 / months;
    bool two = rng_permille(&b->r, SECOND_FG_PERMILLE);
    jr_cents share1 = two ? a->target * 2 / 3 : a->target;
    int cand[16], n = 0;
    for (int k = 0; k < b->nfg; k++)
        if (b->fg_tariff[k] <= share1)
            cand[n++] = k;
    if (n == 0) { /* a small budget: the cheapest group, one line a month */
        int best = 0;
        for (int k = 1; k < b->nfg; k++)
            if (b->fg_tariff[k] < b->fg_tariff[best])
                best = k;
        cand[n++] = best;
        two = false;
    }
    a->p1 = (int8_t)cand[rng_int(&b->r, n)];
    a->p2 = -1;
    if (!two)
        return;
    n = 0;
    for (int k = 0; k < b->nfg; k++)
        if (k != a->p1 && b->fg_tariff[k] <= a->target / 3)
            cand[n++] = k;
    if (n > 0)
        a->p2 = (int8_t)cand[rng_int(&b->r, n)];
}

static void setup_assignments(bench *b)
{
    static const int kb_w[] = {100, 200, 250, 180, 120, 90, 60};
    static const int int_w[] = {350, 150, 150, 150, 100, 100, 50, 50};
    int nkb = b->cat->nbudgets < 7 ? b->cat->nbudgets : 7;
    int nint = b->nint < 8 ? b->nint : 8;
    b->asg = xcalloc((size_t)b->nasg, sizeof *b->asg);
    /* residential only on a youth's first assignment: one bed per youth */
    int res_permille = (int)((int64_t)RESIDENTIAL_PERMILLE * b->nasg / b->nyouth);
    jr_month m0 = date_month(b->y0);
    double t0 = now_s();
    int step = b->nasg >= 200000 ? b->nasg / 7 : 0;
    for (int j = 0; j < b->nasg; j++) {
        basg *a = &b->asg[j];
        a->youth = j < b->nyouth ? j : rng_int(&b->r, b->nyouth);
        const byouth *y = &b->youth[a->youth];
        a->gem = y->gem;
        bool res = j < b->nyouth && b->nres_prov > 0 && rng_permille(&b->r, res_permille);
        a->kind = res ? K_RES : K_BUDGET;
        jr_month sm = m0 - 8 + rng_int(&b->r, 20); /* May of the year before .. December */
        a->start = month_first_day(sm) + rng_int(&b->r, 14);
        jr_referral_req req;
        memset(&req, 0, sizeof req);
        snprintf(req.referrer_type, sizeof req.referrer_type, "01");
        snprintf(req.result, sizeof req.result,
                 "De jeugdige functioneert weer thuis en op school.");
        req.date = a->start - rng_int(&b->r, 21);
        const jr_budget *kb = NULL;
        if (res) {
            a->p1 = (int8_t)rng_pick(&b->r, int_w, nint);
            a->end = date_add_months(a->start, 3 + rng_int(&b->r, 10)) - 1;
            a->prov = b->res_prov[pick_skewed(b, b->nres_prov)];
            req.route = JR_ROUTE_VERBLIJF;
            snprintf(req.product, sizeof req.product, "%s", b->ints[a->p1]->code);
            req.volume = a->end - a->start + 1;
        } else {
            kb = &b->cat->budgets[rng_pick(&b->r, kb_w, nkb)];
            a->end = date_add_months(a->start, kb->max_months) - 1;
            a->prov = pick_skewed(b, b->nprov);
            req.route = JR_ROUTE_BUDGET;
            snprintf(req.budget, sizeof req.budget, "%s", kb->code);
        }
        a->care = a->start + rng_int(&b->r, 7);
        if (a->care > a->end)
            a->care = a->start;
        if (kb) {
            jr_cents amount;
            if (!budget_amount(kb, a->start, &amount))
                amount = 0;
            plan_budget(b, a, amount);
        }
        int64_t rid;
        if (referral_create(&b->ctx, y->bsn, &req, NULL, &rid, &b->err) != JR_OK)
            fail_exit("referral_create", &b->err);
        if (assignment_create(&b->ctx, rid, b->agb[a->prov], a->start, a->end, a->number,
                              &b->err) != JR_OK)
            fail_exit("assignment_create", &b->err);
        if (care_start(&b->ctx, a->number, b->agb[a->prov], a->care, &b->err) != JR_OK)
            fail_exit("care_start", &b->err);
        if (step && (j + 1) % step == 0) {
            char g[32];
            say("    ... %s assignments (%.1f s)\n", grp(j + 1, g), now_s() - t0);
        }
    }
}

/* ---- the CSV file ---- */

typedef struct {
    char number[JR_REF_MAX];
    const char *agb, *gem;
    char period[8], dagtekening[JR_DATE_ISO_LEN];
} bbatch;

typedef struct {
    char ref[JR_REF_MAX];
    char asg[24];
    const char *bsn;
    const jr_product *prod;
    jr_date begin, end;
    int64_t volume;
    const char *unit;
    jr_cents tariff, amount;
    bool credit;
    char credit_ref[JR_REF_MAX];
} bline;

typedef struct {
    bline line;
    int prov, gem;
} kept_line;

typedef struct {
    FILE *full, *tenth;
    int64_t lines, tenth_max, tenth_lines;
    int64_t batches;
    int64_t faults[4]; /* tariff, amount, unknown assignment, duplicate reference */
    int64_t credits;
} csv_out;

static void emit(csv_out *o, const bbatch *b, const bline *l)
{
    char buf[512], d1[JR_DATE_ISO_LEN], d2[JR_DATE_ISO_LEN], t[JR_MONEY_BUF], m[JR_MONEY_BUF];
    int n = snprintf(buf, sizeof buf, "%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%lld,%s,%s,%s,%s,%s\n",
                     b->number, b->agb, b->gem, b->period, b->dagtekening, l->ref, l->asg, l->bsn,
                     l->prod->category, l->prod->code, date_format(l->begin, d1),
                     date_format(l->end, d2), (long long)l->volume, l->unit,
                     money_format_plain(l->tariff, t), money_format_plain(l->amount, m),
                     l->credit ? "C" : "D", l->credit ? l->credit_ref : "");
    fwrite(buf, 1, (size_t)n, o->full);
    if (o->tenth_lines < o->tenth_max) {
        fwrite(buf, 1, (size_t)n, o->tenth);
        o->tenth_lines++;
    }
    o->lines++;
}

static void price(bline *l)
{
    product_tariff(l->prod, l->begin, &l->tariff);
    l->amount = decl_expected_amount(l->volume, l->unit, l->tariff);
}

/* month_lines: the good lines assignment a declares in month m (0, 1 or 2) */
static int month_lines(bench *b, const basg *a, jr_month m, bline *out)
{
    jr_date first = month_first_day(m), last = month_last_day(m);
    jr_date from = a->care > first ? a->care : first;
    jr_date until = a->end < last ? a->end : last;
    if (from > until)
        return 0;
    bline l;
    memset(&l, 0, sizeof l);
    snprintf(l.asg, sizeof l.asg, "%s", a->number);
    l.bsn = b->youth[a->youth].bsn;
    l.begin = from;
    l.end = until;
    if (a->kind == K_RES) {
        l.prod = b->ints[a->p1];
        l.unit = "14";
        l.volume = until - from + 1;
        price(&l);
        out[0] = l;
        return 1;
    }
    int n = 0;
    for (int i = 0; i < 2; i++) {
        int k = i == 0 ? a->p1 : a->p2;
        if (k < 0)
            break;
        jr_cents share = a->p2 < 0 ? a->target : i == 0 ? a->target * 2 / 3 : a->target / 3;
        int64_t hours = share / b->fg_tariff[k];
        if (hours < 1)
            hours = 1;
        bline *x = &out[n++];
        *x = l;
        x->prod = b->fgs[k];
        if (rng_permille(&b->r, 200)) {
            x->unit = "01";
            x->volume = hours * 60 - (hours > 1 ? 30 * rng_int(&b->r, 2) : 0);
        } else {
            x->unit = "04";
            x->volume = hours;
        }
        price(x);
    }
    return n;
}

static void next_ref(bench *b, int prov, char ref[JR_REF_MAX])
{
    snprintf(ref, JR_REF_MAX, "R%s-%07lld", b->agb[prov], (long long)++b->refseq[prov]);
}

static void batch_head(bench *b, bbatch *h, char kind, int prov, int gem, jr_month m)
{
    month_format(m, h->period);
    date_format(month_last_day(m) + 5, h->dagtekening);
    h->agb = b->agb[prov];
    h->gem = b->cat->municipalities[gem].cbs;
    snprintf(h->number, sizeof h->number, "%c%s-%s-%s", kind, h->period, h->agb, h->gem);
}

static void write_month(bench *b, csv_out *o, const int *order, const int *off, jr_month m,
                        kept_line **kept, int *nkept, int *capkept)
{
    int ngem = b->cat->nmunicipalities;
    int fault_turn = (int)(o->faults[0] + o->faults[1] + o->faults[2] + o->faults[3]);
    *nkept = 0;
    for (int p = 0; p < b->nprov; p++)
        for (int g = 0; g < ngem; g++) {
            bbatch h;
            bool open = false;
            for (int k = off[p * ngem + g]; k < off[p * ngem + g + 1]; k++) {
                bline lines[2];
                int n = month_lines(b, &b->asg[order[k]], m, lines);
                for (int i = 0; i < n; i++) {
                    bline *l = &lines[i];
                    if (!open) {
                        batch_head(b, &h, 'D', p, g, m);
                        o->batches++;
                        open = true;
                    }
                    next_ref(b, p, l->ref);
                    int fault = rng_permille(&b->r, FAULT_PERMILLE) ? fault_turn++ % 4 : -1;
                    if (fault == 0) { /* a tariff that is not the contract's: 0611 */
                        l->tariff += 100;
                        l->amount = decl_expected_amount(l->volume, l->unit, l->tariff);
                    } else if (fault == 1) { /* amount is not volume x tariff: 9346 */
                        l->amount += 1;
                    } else if (fault == 2) { /* an assignment that does not exist: 9338 */
                        snprintf(l->asg, sizeof l->asg, "TW%s9%07d", h.gem,
                                 rng_int(&b->r, 10000000));
                    }
                    emit(o, &h, l);
                    if (fault == 3) /* the same line twice: the second is 8021 */
                        emit(o, &h, l);
                    if (fault >= 0) {
                        o->faults[fault]++;
                    } else if (rng_permille(&b->r, CREDIT_PERMILLE)) {
                        if (*nkept == *capkept) {
                            *capkept = *capkept ? *capkept * 2 : 256;
                            kept_line *nk = realloc(*kept, (size_t)*capkept * sizeof *nk);
                            if (!nk) {
                                fprintf(stderr, "jeugdregio-bench: out of memory\n");
                                exit(1);
                            }
                            *kept = nk;
                        }
                        (*kept)[*nkept].line = *l;
                        (*kept)[*nkept].prov = p;
                        (*kept)[*nkept].gem = g;
                        (*nkept)++;
                    }
                }
            }
        }
    /* corrections of the month: per provider and municipality one batch that
       credits each kept line and declares it again under a new reference */
    for (int i = 0; i < *nkept; i++) {
        kept_line *k = &(*kept)[i];
        bbatch h;
        batch_head(b, &h, 'K', k->prov, k->gem, m);
        if (i == 0 || k->prov != (*kept)[i - 1].prov || k->gem != (*kept)[i - 1].gem)
            o->batches++;
        bline c = k->line;
        c.credit = true;
        snprintf(c.credit_ref, sizeof c.credit_ref, "%s", k->line.ref);
        snprintf(c.ref, sizeof c.ref, "C%s", k->line.ref);
        emit(o, &h, &c);
        bline again = k->line;
        next_ref(b, k->prov, again.ref);
        emit(o, &h, &again);
        o->credits++;
    }
}

static FILE *open_csv(const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "jeugdregio-bench: %s: %s\n", path, strerror(errno));
        exit(1);
    }
    setvbuf(f, NULL, _IOFBF, 1 << 20);
    fprintf(f, "%s\n", decl_csv_header());
    return f;
}

static void write_csv(bench *b, const char *full, const char *tenth, int64_t tenth_max, csv_out *o)
{
    memset(o, 0, sizeof *o);
    o->full = open_csv(full);
    o->tenth = open_csv(tenth);
    o->tenth_max = tenth_max;
    /* assignments grouped by provider and municipality (a counting sort) */
    int ngem = b->cat->nmunicipalities;
    size_t ngroups = (size_t)b->nprov * (size_t)ngem;
    int *off = xcalloc(ngroups + 1, sizeof *off);
    int *order = xcalloc((size_t)b->nasg, sizeof *order);
    for (int j = 0; j < b->nasg; j++)
        off[b->asg[j].prov * ngem + b->asg[j].gem + 1]++;
    for (size_t i = 0; i < ngroups; i++)
        off[i + 1] += off[i];
    int *fill = xcalloc(ngroups, sizeof *fill);
    for (int j = 0; j < b->nasg; j++) {
        int g = b->asg[j].prov * ngem + b->asg[j].gem;
        order[off[g] + fill[g]++] = j;
    }
    free(fill);
    kept_line *kept = NULL;
    int nkept = 0, capkept = 0;
    jr_month m0 = date_month(b->y0);
    for (int i = 0; i < 12; i++)
        write_month(b, o, order, off, m0 + i, &kept, &nkept, &capkept);
    free(kept);
    free(order);
    free(off);
    if (fclose(o->full) != 0 || fclose(o->tenth) != 0) {
        fprintf(stderr, "jeugdregio-bench: writing the CSV files failed: %s\n", strerror(errno));
        exit(1);
    }
}

/* ---- the measured import ---- */

typedef struct {
    int64_t lines, accepted, rejected, batches;
    double seconds;
    long rss_before_kb, peak_kb;
    bool peak_reset;
} import_result;

static void import_file(const jr_catalog *cat, jr_date today, const char *db, const char *csv,
                        const char *label, import_result *r)
{
    memset(r, 0, sizeof *r);
    jr_error err;
    jr_error_clear(&err);
    jr_store *st;
    if (store_open(db, &st, &err) != JR_OK)
        fail_exit("store_open", &err);
    jr_ctx ctx = {.store = st, .cat = cat, .actor = "bench", .today = today};
    FILE *in = fopen(csv, "rb");
    if (!in) {
        fprintf(stderr, "jeugdregio-bench: %s: %s\n", csv, strerror(errno));
        exit(1);
    }
    sync();
    r->peak_reset = reset_peak();
    r->rss_before_kb = proc_kb("VmRSS");
    jr_decl_session *s = NULL;
    double t0 = now_s();
    jr_status rc = decl_session_begin(&ctx, csv, &s, &err);
    if (rc == JR_OK)
        rc = decl_csv_read(in, csv, s, &err);
    if (rc == JR_OK)
        rc = decl_session_commit(s, &err);
    r->seconds = now_s() - t0;
    r->peak_kb = proc_kb("VmHWM");
    say("[%s] RSS at the end: anonymous %.1f MB, file %.1f MB, shared %.1f MB\n", label,
        mb(proc_kb("RssAnon")), mb(proc_kb("RssFile")), mb(proc_kb("RssShmem")));
    fclose(in);
    if (rc != JR_OK)
        fail_exit(label, &err);
    r->lines = decl_session_nlines(s);
    r->batches = decl_session_nbatches(s);
    for (int i = 0; i < decl_session_nbatches(s); i++) {
        r->accepted += decl_session_batch(s, i)->n_accepted;
        r->rejected += decl_session_batch(s, i)->n_rejected;
    }
    decl_session_free(s);
    char g1[32], g2[32], g3[32], g4[32];
    say("[%s] %s lines in %s batches: %.2f s, %s lines/s; accepted %s, rejected %s\n", label,
        grp(r->lines, g1), grp(r->batches, g2), r->seconds,
        grp((int64_t)((double)r->lines / r->seconds), g3), grp(r->accepted, g4),
        grp(r->rejected, (char[32]){0}));
    say("[%s] RSS before %.1f MB, peak during the import (VmHWM) %.1f MB%s\n", label,
        mb(r->rss_before_kb), mb(r->peak_kb),
        r->peak_reset ? "" : " (the peak could not be reset: includes the setup)");
    /* untimed: the reason codes of the rejected lines, to show the checks at work */
    jr_stmt *q = store_prepare(st,
                               "SELECT code, count(*) FROM decl_line WHERE status = 'R'"
                               " GROUP BY code ORDER BY 2 DESC",
                               &err);
    if (q) {
        say("[%s] rejected by code:", label);
        while (store_step(q, &err) == STORE_ROW)
            say(" %s %s", store_col_text(q, 0), grp(store_col_int(q, 1), g1));
        store_reset(q);
        say("\n");
    }
    store_close(st);
}

/* ---- the baseline: a bare SQLite insert of the same rows ---- */

typedef struct {
    int64_t rows;
    double seconds;
} base_result;

static void sqlite_check(sqlite3 *db, int rc, const char *what)
{
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        fprintf(stderr, "jeugdregio-bench: baseline %s: %s\n", what, sqlite3_errmsg(db));
        exit(1);
    }
}

static void baseline(const char *dbpath, const char *csvpath, base_result *r)
{
    memset(r, 0, sizeof *r);
    remove_db(dbpath);
    sqlite3 *db;
    if (sqlite3_open_v2(dbpath, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
        SQLITE_OK) {
        fprintf(stderr, "jeugdregio-bench: baseline open %s failed\n", dbpath);
        exit(1);
    }
    /* the PRAGMAs of store_sqlite.c */
    sqlite_check(db,
                 sqlite3_exec(db,
                              "PRAGMA page_size = 16384; PRAGMA journal_mode = WAL;"
                              " PRAGMA synchronous = NORMAL;"
                              " PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536;"
                              " PRAGMA temp_store = MEMORY;",
                              NULL, NULL, NULL),
                 "pragma");
    /* decl_line's columns and types, without indexes and constraints */
    sqlite_check(db,
                 sqlite3_exec(db,
                              "CREATE TABLE decl_line (id INTEGER PRIMARY KEY, batch_id INTEGER,"
                              " provider_id INTEGER, ref TEXT, assignment_id INTEGER,"
                              " assignment_number TEXT, youth_id INTEGER, bsn TEXT,"
                              " category TEXT, product TEXT, begin_date TEXT, end_date TEXT,"
                              " volume INTEGER, unit TEXT, tariff_cents INTEGER,"
                              " amount_cents INTEGER, credit INTEGER, credit_ref TEXT,"
                              " status TEXT, code TEXT, credited INTEGER, debit_key INTEGER)",
                              NULL, NULL, NULL),
                 "create");
    FILE *in = fopen(csvpath, "rb");
    if (!in) {
        fprintf(stderr, "jeugdregio-bench: %s: %s\n", csvpath, strerror(errno));
        exit(1);
    }
    sync();
    double t0 = now_s();
    sqlite_check(db, sqlite3_exec(db, "BEGIN", NULL, NULL, NULL), "begin");
    sqlite3_stmt *ins;
    sqlite_check(db,
                 sqlite3_prepare_v2(db,
                                    "INSERT INTO decl_line (batch_id, provider_id, ref,"
                                    " assignment_id, assignment_number, youth_id, bsn, category,"
                                    " product, begin_date, end_date, volume, unit, tariff_cents,"
                                    " amount_cents, credit, credit_ref, status, code, credited)"
                                    " VALUES (?, ?, ?, NULL, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                                    " ?, ?, 'A', '8001', 0)",
                                    -1, &ins, NULL),
                 "prepare");
    /* CSV column -> parameter: the raw field of each column decl_line has */
    static const char *const cols[] = {
        "declaratienummer", "agb",         "referentie", "toewijzingnummer", "bsn",
        "productcategorie", "productcode", "begindatum", "einddatum",        "volume",
        "eenheid",          "tarief",      "bedrag",     "debet_credit",     "vorige_referentie"};
    enum { NCOLS = sizeof cols / sizeof cols[0] };
    int map[NCOLS];
    jr_error err;
    jr_error_clear(&err);
    jr_csv *c = csv_open(in);
    char **f;
    int n;
    if (!c || csv_next(c, &f, &n, &err) != 1) {
        fprintf(stderr, "jeugdregio-bench: baseline: no header in %s\n", csvpath);
        exit(1);
    }
    for (int k = 0; k < NCOLS; k++) {
        map[k] = -1;
        for (int i = 0; i < n; i++)
            if (strcmp(f[i], cols[k]) == 0)
                map[k] = i;
        if (map[k] < 0) {
            fprintf(stderr, "jeugdregio-bench: baseline: no column %s\n", cols[k]);
            exit(1);
        }
    }
    int rc;
    while ((rc = csv_next(c, &f, &n, &err)) == 1) {
        for (int k = 0; k < NCOLS; k++) {
            const char *v = f[map[k]];
            if (k == NCOLS - 1 && !*v)
                sqlite3_bind_null(ins, k + 1);
            else
                sqlite3_bind_text(ins, k + 1, v, -1, SQLITE_STATIC);
        }
        if (sqlite3_step(ins) != SQLITE_DONE)
            sqlite_check(db, SQLITE_ERROR, "insert");
        sqlite3_reset(ins);
        r->rows++;
    }
    if (rc < 0) {
        fprintf(stderr, "jeugdregio-bench: baseline: %s\n", err.message);
        exit(1);
    }
    sqlite3_finalize(ins);
    sqlite_check(db, sqlite3_exec(db, "COMMIT", NULL, NULL, NULL), "commit");
    r->seconds = now_s() - t0;
    csv_close(c);
    fclose(in);
    sqlite3_close(db);
    char g1[32], g2[32];
    say("[bare insert] %s rows: %.2f s, %s rows/s\n", grp(r->rows, g1), r->seconds,
        grp((int64_t)((double)r->rows / r->seconds), g2));
}

/* ---- main ---- */

/* ---- 6. the monitor's figures ---------------------------------------------------------- */

/* Each figure set of the monitor, computed and freed: the call a dashboard
 * makes, as system (every row, nothing hidden). */
static jr_status fig_volume(const jr_ctx *c, const jr_period *p, const char *g, jr_error *e)
{
    jr_figures_volume v;
    return figures_volume(c, p, g, NULL, &v, e);
}

static jr_status fig_referrals(const jr_ctx *c, const jr_period *p, const char *g, jr_error *e)
{
    jr_figures_referrals r;
    return figures_referrals(c, p, g, NULL, &r, e);
}

static jr_status fig_spending(const jr_ctx *c, const jr_period *p, const char *g, jr_error *e)
{
    jr_figures_spending *s = xcalloc(1, sizeof *s);
    jr_status rc = figures_spending(c, p, g, NULL, s, e);
    if (rc == JR_OK)
        figures_spending_free(s);
    free(s);
    return rc;
}

static jr_status fig_ambulant(const jr_ctx *c, const jr_period *p, const char *g, jr_error *e)
{
    jr_figures_ambulant *a = xcalloc(1, sizeof *a);
    jr_status rc = figures_ambulant(c, p, g, NULL, a, e);
    free(a);
    return rc;
}

/* the benchmark is the whole region's whichever municipality looks */
static jr_status fig_benchmark(const jr_ctx *c, const jr_period *p, const char *g, jr_error *e)
{
    (void)g;
    jr_figures_benchmark *b = xcalloc(1, sizeof *b);
    jr_status rc = figures_benchmark(c, p, b, e);
    free(b);
    return rc;
}

static jr_status fig_quotes(const jr_ctx *c, const jr_period *p, const char *g, jr_error *e)
{
    jr_figures_quotes *q = xcalloc(1, sizeof *q);
    jr_status rc = figures_quotes(c, p, g, NULL, q, e);
    if (rc == JR_OK)
        figures_quotes_free(q);
    free(q);
    return rc;
}

/* the budget control of the period's year */
static jr_status fig_control(const jr_ctx *c, const jr_period *p, const char *g, jr_error *e)
{
    jr_budget_control *b = xcalloc(1, sizeof *b);
    jr_status rc = budgetctl_control(c, (int32_t)p->year, g, b, e);
    free(b);
    return rc;
}

static jr_status fig_signals(const jr_ctx *c, const jr_period *p, const char *g, jr_error *e)
{
    jr_signals sig;
    jr_status rc = signals_find(c, p, g, NULL, &sig, e);
    if (rc == JR_OK)
        signals_free(&sig);
    return rc;
}

/* fig_took: prints one figure set's time and keeps the slowest in *worst */
static void fig_took(const char *name, double dt, double *worst)
{
    say(" %s %.0f ms", name, 1000 * dt);
    *worst = dt > *worst ? dt : *worst;
}

/* impact_scenario: every product's and keuzebudget's catalog figure on
 * 1 July of the bench year moved by bp basis points, as a tariff model
 * would propose them */
static void impact_scenario(const jr_catalog *cat, const char *name, int32_t bp,
                            jr_imp_method method, jr_imp_scenario *sc)
{
    memset(sc, 0, sizeof *sc);
    snprintf(sc->name, sizeof sc->name, "%s", name);
    sc->method = method;
    jr_date mid;
    date_from_ymd(BENCH_YEAR, 7, 1, &mid);
    jr_error err;
    jr_error_clear(&err);
    for (int i = 0; i < cat->nproducts; i++) {
        jr_cents t;
        if (product_tariff(&cat->products[i], mid, &t) &&
            impact_set_tariff(sc, cat, cat->products[i].code, money_index(t, bp), "bench", &err) !=
                JR_OK)
            fail_exit("impact_set_tariff", &err);
    }
    for (int i = 0; i < cat->nbudgets; i++) {
        jr_cents t;
        if (budget_amount(&cat->budgets[i], mid, &t) &&
            impact_set_budget(sc, cat, cat->budgets[i].code, money_index(t, bp), "bench", &err) !=
                JR_OK)
            fail_exit("impact_set_budget", &err);
    }
}

/* impact_phase: the impact analysis of the bench year (issue 12) for the
 * region under two scenarios (+3 % capped, -2 % uncapped), computed and
 * rendered as the API answers it, three times; prints each and the best
 * against the target (5 s). */
static void impact_phase(const jr_ctx *ctx)
{
    jr_imp_scenario sc[2];
    impact_scenario(ctx->cat, "plus 3 procent", 300, JR_IMP_CAPPED, &sc[0]);
    impact_scenario(ctx->cat, "min 2 procent", -200, JR_IMP_UNCAPPED, &sc[1]);
    double best = 1e9, best_cpu = 1e9;
    int64_t lines = 0;
    jr_cents diff[2] = {0, 0};
    say("[impact] the region, %d, 2 scenarios:", BENCH_YEAR);
    for (int k = 0; k < 3; k++) {
        jr_error err;
        jr_error_clear(&err);
        jr_impact r;
        double t0 = now_s(), c0 = cpu_s();
        if (impact_analyse(ctx, BENCH_YEAR, sc, 2, NULL, &r, &err) != JR_OK)
            fail_exit("impact_analyse", &err);
        json_t *o = render_impact(&r, JR_IMP_LOSERS_DEFAULT);
        if (!o)
            fail_exit("render_impact", &err);
        json_decref(o);
        double dt = now_s() - t0, dc = cpu_s() - c0;
        lines = r.lines;
        for (int s = 0; s < 2; s++)
            diff[s] = r.total.scen[s] - r.total.current;
        impact_free(&r);
        say(" %.0f ms (cpu %.0f ms)", 1000 * dt, 1000 * dc);
        best = dt < best ? dt : best;
        best_cpu = dc < best_cpu ? dc : best_cpu;
    }
    char d0[JR_MONEY_BUF], d1[JR_MONEY_BUF];
    char g[32];
    say("\n[impact] %s lines priced; difference %s / %s; best %.0f ms, cpu %.0f ms (target 5 "
        "s: %s)\n",
        grp(lines, g), money_format_nl(diff[0], d0), money_format_nl(diff[1], d1), 1000 * best,
        1000 * best_cpu, best <= 5.0 ? "met" : "missed");
}

/* figures_phase: times every figure set on the imported store db for the
 * catalog's largest municipality and for the region, over the year's
 * second quarter and the whole year, and prints each with the slowest
 * against the targets. */
static void figures_phase(const jr_catalog *cat, jr_date today, const char *db)
{
    static const struct {
        const char *name;
        jr_status (*fn)(const jr_ctx *, const jr_period *, const char *, jr_error *);
    } sets[] = {{"volume", fig_volume},       {"referrals", fig_referrals},
                {"spending", fig_spending},   {"ambulantisering", fig_ambulant},
                {"benchmark", fig_benchmark}, {"quotes", fig_quotes},
                {"control", fig_control},     {"signals", fig_signals}};
    const jr_municipality *big = &cat->municipalities[0];
    for (int i = 1; i < cat->nmunicipalities; i++)
        if (cat->municipalities[i].youth_population > big->youth_population)
            big = &cat->municipalities[i];
    jr_store *st;
    jr_error err;
    jr_error_clear(&err);
    if (store_open(db, &st, &err) != JR_OK)
        fail_exit("store_open", &err);
    jr_ctx ctx = {.store = st, .cat = cat, .actor = "bench", .today = today};
    char ptext[2][JR_PERIOD_TEXT_LEN];
    jr_period periods[2];
    snprintf(ptext[0], sizeof ptext[0], "%d-Q2", BENCH_YEAR);
    snprintf(ptext[1], sizeof ptext[1], "%d", BENCH_YEAR);
    double worst_gem = 0, worst_region = 0;
    for (int k = 0; k < 2; k++) {
        if (!period_parse(ptext[k], &periods[k]))
            fail_exit("period_parse", &err);
        for (int w = 0; w < 2; w++) {
            const char *g = w == 0 ? big->cbs : NULL;
            say("[figures] %s, %s:", w == 0 ? big->name : "the region", ptext[k]);
            double *worst = w == 0 ? &worst_gem : &worst_region;
            for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++) {
                double t0 = now_s();
                if (sets[i].fn(&ctx, &periods[k], g, &err) != JR_OK)
                    fail_exit(sets[i].name, &err);
                fig_took(sets[i].name, now_s() - t0, worst);
            }
            /* the care figures as the API answers them: computed and rendered */
            for (const figures_care_set *c = figures_care_sets; c->name; c++) {
                double t0 = now_s();
                json_t *o = c->fn(&ctx, g, NULL, &periods[k], &err);
                if (!o)
                    fail_exit(c->name, &err);
                json_decref(o);
                fig_took(c->name, now_s() - t0, worst);
            }
            say("\n");
        }
    }
    say("[figures] slowest: %s %.0f ms (target 200 ms: %s), the region %.0f ms (target 1 s: %s)\n",
        big->name, 1000 * worst_gem, worst_gem <= 0.2 ? "met" : "missed", 1000 * worst_region,
        worst_region <= 1.0 ? "met" : "missed");

    impact_phase(&ctx);

    /* the council report: every figure gathered, then laid out as a PDF */
    jr_council_report *rep = xcalloc(1, sizeof *rep);
    for (int w = 0; w < 2; w++) {
        const char *g = w == 0 ? big->cbs : NULL;
        double t0 = now_s();
        if (report_council(&ctx, &periods[0], g, rep, &err) != JR_OK)
            fail_exit("report_council", &err);
        double t1 = now_s();
        sbuf pdf = SBUF_INIT;
        if (report_pdf_render(rep, &pdf, &err) != JR_OK)
            fail_exit("report_pdf_render", &err);
        double t2 = now_s();
        say("[report] %s %s: figures %.0f ms, PDF %.0f ms, %zu bytes; total %.0f ms (target 2 s: "
            "%s)\n",
            w == 0 ? big->name : "the region", ptext[0], 1000 * (t1 - t0), 1000 * (t2 - t1),
            pdf.len, 1000 * (t2 - t0), t2 - t0 <= 2.0 ? "met" : "missed");
        sbuf_free(&pdf);
        report_council_free(rep);
    }
    free(rep);
    store_close(st);
}

static void usage(FILE *to)
{
    fprintf(to, "usage: jeugdregio-bench [--scale F] [--dir DIR] [--seed N] [--config FILE] "
                "[--keep] [--repeat N] [--figures DB] [--impact DB]\n"
                "  --scale F     fraction of the national year (450,000 youths, 700,000\n"
                "                assignments, 6,000,000 lines); default 1\n"
                "  --dir DIR     work directory for the databases and CSV files (default: a\n"
                "                new directory under $TMPDIR or /tmp); files are removed\n"
                "  --seed N      seed of the synthetic data (default 2025)\n"
                "  --config FILE region file (default $JEUGDREGIO_CONFIG, else\n"
                "                config/ijsselland.json)\n"
                "  --keep        keep the work files, with a copy of the store before the\n"
                "                imports (setup.db) for profiling `jeugdregio declare`\n"
                "  --repeat N    run the whole-year import and the bare insert N times each\n"
                "                (in pairs, on fresh copies of the store; default 1) and\n"
                "                summarise the best of each with the spread: a shared\n"
                "                machine varies by 10 to 15 %% from run to run\n"
                "  --figures DB  only time the monitor's figures and the council report on\n"
                "                DB, a store kept by an earlier --keep run (DIR/bench.db);\n"
                "                its migrations run first, as `jeugdregio` would\n"
                "  --impact DB   only time the impact analysis (two scenarios, the region)\n"
                "                on DB, a store kept by --keep\n");
}

static void parse_args(int argc, char **argv, options *o)
{
    o->scale = 1.0;
    o->dir = NULL;
    o->seed = 2025;
    o->config = NULL;
    o->keep = false;
    o->repeat = 1;
    o->figures_db = NULL;
    o->impact_db = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has = i + 1 < argc;
        if (strcmp(a, "--scale") == 0 && has) {
            char *end;
            o->scale = strtod(argv[++i], &end);
            if (*end || !(o->scale > 0 && o->scale <= 10)) {
                fprintf(stderr, "jeugdregio-bench: --scale takes a number in (0, 10]\n");
                exit(2);
            }
        } else if (strcmp(a, "--dir") == 0 && has) {
            o->dir = argv[++i];
        } else if (strcmp(a, "--seed") == 0 && has) {
            o->seed = strtoull(argv[++i], NULL, 10);
        } else if (strcmp(a, "--config") == 0 && has) {
            o->config = argv[++i];
        } else if (strcmp(a, "--keep") == 0) {
            o->keep = true;
        } else if (strcmp(a, "--repeat") == 0 && has) {
            char *end;
            long n = strtol(argv[++i], &end, 10);
            if (*end || n < 1 || n > 10) {
                fprintf(stderr, "jeugdregio-bench: --repeat takes a whole number from 1 to 10\n");
                exit(2);
            }
            o->repeat = (int)n;
        } else if (strcmp(a, "--figures") == 0 && has) {
            o->figures_db = argv[++i];
        } else if (strcmp(a, "--impact") == 0 && has) {
            o->impact_db = argv[++i];
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            exit(0);
        } else {
            usage(stderr);
            exit(2);
        }
    }
}

static int scaled(int64_t national, double scale, int64_t min)
{
    int64_t v = (int64_t)((double)national * scale + 0.5);
    return (int)(v < min ? min : v);
}

int main(int argc, char **argv)
{
    options opt;
    parse_args(argc, argv, &opt);
    if (opt.impact_db) { /* the impact analysis alone, on a kept national store */
        static jr_catalog icat;
        jr_error ierr;
        jr_error_clear(&ierr);
        const char *config = opt.config ? opt.config : region_default_path();
        if (region_load(config, &icat, &ierr) != JR_OK)
            fail_exit("region_load", &ierr);
        jr_store *st;
        if (store_open(opt.impact_db, &st, &ierr) != JR_OK)
            fail_exit("store_open", &ierr);
        jr_ctx ictx = {.store = st, .cat = &icat, .actor = "bench"};
        date_from_ymd(BENCH_YEAR + 1, 1, 15, &ictx.today);
        say("jeugdregio-bench: the impact analysis on %s, catalog %s (%s)\n", opt.impact_db,
            icat.region, config);
        impact_phase(&ictx);
        store_close(st);
        return 0;
    }
    if (opt.figures_db) { /* the figures alone, on a kept national store */
        static jr_catalog fcat;
        jr_error ferr;
        jr_error_clear(&ferr);
        const char *config = opt.config ? opt.config : region_default_path();
        if (region_load(config, &fcat, &ferr) != JR_OK)
            fail_exit("region_load", &ferr);
        jr_date ftoday; /* as the full run's */
        date_from_ymd(BENCH_YEAR + 1, 1, 15, &ftoday);
        say("jeugdregio-bench: the figures on %s, catalog %s (%s)\n", opt.figures_db, fcat.region,
            config);
        figures_phase(&fcat, ftoday, opt.figures_db);
        return 0;
    }
    char g1[32], g2[32], g3[32], g4[32];

    /* the work directory */
    char dir[900];
    bool made_dir = false;
    if (opt.dir) {
        snprintf(dir, sizeof dir, "%s", opt.dir);
        if (mkdir(dir, 0700) == 0)
            made_dir = true;
        else if (errno != EEXIST) {
            fprintf(stderr, "jeugdregio-bench: %s: %s\n", dir, strerror(errno));
            return 1;
        }
    } else {
        const char *tmp = getenv("TMPDIR");
        snprintf(dir, sizeof dir, "%s/jeugdregio-bench-XXXXXX", tmp && *tmp ? tmp : "/tmp");
        if (!mkdtemp(dir)) {
            fprintf(stderr, "jeugdregio-bench: mkdtemp %s: %s\n", dir, strerror(errno));
            return 1;
        }
        made_dir = true;
    }
    char db[1000], db_tenth[1000], db_base[1000], csv[1000], csv_tenth[1000];
    snprintf(db, sizeof db, "%s/bench.db", dir);
    snprintf(db_tenth, sizeof db_tenth, "%s/bench-tenth.db", dir);
    snprintf(db_base, sizeof db_base, "%s/baseline.db", dir);
    snprintf(csv, sizeof csv, "%s/declaraties-%d.csv", dir, BENCH_YEAR);
    snprintf(csv_tenth, sizeof csv_tenth, "%s/declaraties-%d-tiende.csv", dir, BENCH_YEAR);
    remove_db(db);
    remove_db(db_tenth);

    static jr_catalog cat;
    jr_error err;
    jr_error_clear(&err);
    const char *config = opt.config ? opt.config : region_default_path();
    if (region_load(config, &cat, &err) != JR_OK)
        fail_exit("region_load", &err);

    bench b;
    memset(&b, 0, sizeof b);
    b.cat = &cat;
    b.r.s = opt.seed;
    date_from_ymd(BENCH_YEAR, 1, 1, &b.y0);
    date_from_ymd(BENCH_YEAR, 12, 31, &b.y1);
    jr_date today; /* fixed, so that a run does not depend on the calendar */
    date_from_ymd(BENCH_YEAR + 1, 1, 15, &today);
    for (int i = 0; i < cat.nproducts; i++) {
        const jr_product *p = &cat.products[i];
        if (p->kind == JR_PK_FUNCTIEGROEP && b.nfg < 16) {
            product_tariff(p, b.y0, &b.fg_tariff[b.nfg]);
            b.fgs[b.nfg++] = p;
        } else if (p->kind == JR_PK_INTENSITY && b.nint < 16) {
            b.ints[b.nint++] = p;
        }
    }
    if (b.nfg == 0 || b.nint == 0 || cat.nbudgets == 0) {
        fprintf(stderr, "jeugdregio-bench: the catalog has no functiegroepen, intensities or "
                        "budgets\n");
        return 1;
    }
    b.nprov = scaled(NAT_PROVIDERS, opt.scale, MIN_PROVIDERS);
    b.nyouth = scaled(NAT_YOUTHS, opt.scale, 10);
    b.nasg = scaled(NAT_ASSIGNMENTS, opt.scale, 10);
    int64_t target_lines = scaled(NAT_LINES, opt.scale, 100);

    say("jeugdregio-bench: scale %g, seed %llu, year %d, catalog %s (%s)\n", opt.scale,
        (unsigned long long)opt.seed, BENCH_YEAR, cat.region, config);
    say("work directory %s; SQLite %s\n", dir, sqlite3_libversion());

    /* 1. setup */
    double t_setup = now_s();
    jr_store *st;
    if (store_open(db, &st, &err) != JR_OK)
        fail_exit("store_open", &err);
    b.ctx = (jr_ctx){.store = st, .cat = &cat, .actor = "bench", .today = today};
    if (store_begin(st, &err) != JR_OK)
        fail_exit("store_begin", &err);
    double t = now_s();
    setup_providers(&b);
    say("[setup] providers and contracts: %.2f s\n", now_s() - t);
    t = now_s();
    setup_youths(&b);
    double dt = now_s() - t;
    say("[setup] %s youths (youth_add): %.2f s, %s/s\n", grp(b.nyouth, g1), dt,
        grp((int64_t)(b.nyouth / dt), g2));
    t = now_s();
    setup_assignments(&b);
    dt = now_s() - t;
    say("[setup] %s assignments (referral_create + assignment_create + care_start): %.2f s, "
        "%s/s\n",
        grp(b.nasg, g1), dt, grp((int64_t)(b.nasg / dt), g2));
    t = now_s();
    if (store_commit(st, &err) != JR_OK)
        fail_exit("store_commit", &err);
    store_close(st); /* checkpoints the WAL into the database file */
    say("[setup] commit and close: %.2f s; setup total %.2f s\n", now_s() - t, now_s() - t_setup);
    int nres = 0;
    for (int j = 0; j < b.nasg; j++)
        nres += b.asg[j].kind == K_RES;
    say("[setup] %s residential assignments (%.1f %%), %s budget assignments\n", grp(nres, g1),
        100.0 * nres / b.nasg, grp(b.nasg - nres, g2));

    /* 2. the CSV files */
    t = now_s();
    csv_out o;
    write_csv(&b, csv, csv_tenth, target_lines / 10, &o);
    struct stat sb;
    stat(csv, &sb);
    say("[csv] %s lines in %s batches (%.0f MB), %.1f lines per assignment: %.2f s\n",
        grp(o.lines, g1), grp(o.batches, g2), (double)sb.st_size / 1048576.0,
        (double)o.lines / b.nasg, now_s() - t);
    int64_t nfault = o.faults[0] + o.faults[1] + o.faults[2] + o.faults[3];
    say("[csv] faulty: %s (%.1f %%): wrong tariff %s, wrong amount %s, unknown assignment %s, "
        "duplicate reference %s; %s corrections (credit and again)\n",
        grp(nfault, g1), 100.0 * (double)nfault / (double)o.lines, grp(o.faults[0], g2),
        grp(o.faults[1], g3), grp(o.faults[2], g4), grp(o.faults[3], (char[32]){0}),
        grp(o.credits, (char[32]){0}));
    say("[csv] the tenth file: the first %s lines\n", grp(o.tenth_lines, g1));

    /* the generator's memory is not the import's */
    free(b.asg);
    free(b.youth);
    free(b.agb);
    free(b.res_prov);
    free(b.refseq);
    malloc_trim(0);

    /* 3. the imports: the tenth into a copy of the setup, then the whole year */
    if (!copy_file(db, db_tenth)) {
        fprintf(stderr, "jeugdregio-bench: copying %s failed\n", db);
        return 1;
    }
    if (opt.keep) {
        char db_setup[1000];
        snprintf(db_setup, sizeof db_setup, "%s/setup.db", dir);
        if (!copy_file(db, db_setup)) {
            fprintf(stderr, "jeugdregio-bench: copying %s failed\n", db);
            return 1;
        }
    }
    char db_pristine[1000];
    snprintf(db_pristine, sizeof db_pristine, "%s/pristine.db", dir);
    if (opt.repeat > 1 && !copy_file(db, db_pristine)) {
        fprintf(stderr, "jeugdregio-bench: copying %s failed\n", db);
        return 1;
    }
    import_result tenth, full = {0};
    import_file(&cat, today, db_tenth, csv_tenth, "import 1/10", &tenth);
    remove_db(db_tenth);
    malloc_trim(0);

    /* 3b and 4: the whole-year import and the baseline, in pairs; the best
       of each is summarised, the peak memory is the highest seen */
    base_result base = {0};
    double t_min = 0, t_max = 0, b_min = 0, b_max = 0;
    long peak_max = 0;
    for (int r = 0; r < opt.repeat; r++) {
        char label[32] = "import";
        if (opt.repeat > 1) {
            snprintf(label, sizeof label, "import, run %d", r + 1);
            if (r > 0) {
                remove_db(db);
                if (!copy_file(db_pristine, db)) {
                    fprintf(stderr, "jeugdregio-bench: copying %s failed\n", db_pristine);
                    return 1;
                }
            }
        }
        import_result run;
        malloc_trim(0);
        import_file(&cat, today, db, csv, label, &run);
        base_result b;
        baseline(db_base, csv, &b);
        if (r == 0 || run.seconds < full.seconds)
            full = run;
        if (r == 0 || b.seconds < base.seconds)
            base = b;
        t_min = r == 0 || run.seconds < t_min ? run.seconds : t_min;
        t_max = r == 0 || run.seconds > t_max ? run.seconds : t_max;
        b_min = r == 0 || b.seconds < b_min ? b.seconds : b_min;
        b_max = r == 0 || b.seconds > b_max ? b.seconds : b_max;
        peak_max = run.peak_kb > peak_max ? run.peak_kb : peak_max;
        if (opt.repeat > 1)
            say("[run %d] import %.1f s, bare insert %.1f s, ratio %.2f\n", r + 1, run.seconds,
                b.seconds, run.seconds / b.seconds);
    }
    full.peak_kb = peak_max;
    remove_db(db_pristine);

    /* 5. the summary */
    double rate = (double)full.lines / full.seconds;
    double ratio = full.seconds / base.seconds;
    double growth = tenth.peak_kb > 0 ? (double)full.peak_kb / (double)tenth.peak_kb - 1.0 : 0;
    say("\n==== summary (scale %g) ====\n", opt.scale);
    if (opt.repeat > 1)
        say("best of %d runs each: import %.1f to %.1f s, bare insert %.1f to %.1f s\n", opt.repeat,
            t_min, t_max, b_min, b_max);
    say("lines: %s  import: %.1f s  %s lines/s  accepted %s rejected %s\n", grp(full.lines, g1),
        full.seconds, grp((int64_t)rate, g2), grp(full.accepted, g3), grp(full.rejected, g4));
    say("bare insert: %.1f s  %s lines/s   ratio %.2f\n", base.seconds,
        grp((int64_t)((double)base.rows / base.seconds), g1), ratio);
    say("peak RSS import: %.0f MB (1/10 file: %.0f MB; %+.0f %% for 10x the lines)\n",
        mb(full.peak_kb), mb(tenth.peak_kb), 100.0 * growth);
    say("target: >= 100,000 lines/s (%s), ratio <= 2.5 (%s), flat memory (%s)\n",
        rate >= 100000 ? "met" : "missed", ratio <= 2.5 ? "met" : "missed",
        growth <= 0.10 ? "met" : "missed");

    figures_phase(&cat, today, db);

    if (!opt.keep) {
        remove_db(db);
        remove_db(db_base);
        unlink(csv);
        unlink(csv_tenth);
        if (made_dir)
            rmdir(dir);
    } else {
        say("work files kept in %s\n", dir);
    }
    return 0;
}

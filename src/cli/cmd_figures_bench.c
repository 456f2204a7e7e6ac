/*
 * cmd_figures_bench.c: `jeugdregio figures benchmark|ambulantisering|
 * quotes|expensive --period P [--gemeente CBS] [--aanbieder AGB] [--limit N]
 * [--json]` (benchmark without --aanbieder: it is every provider's): the
 * figures of service/figures_bench.h as a Dutch table, or with --json the
 * shape of render/render_figures_bench.h that the API answers too.
 */
#include "cmd_figures_bench.h"

#include "../core/sbuf.h"
#include "../render/render_figures_bench.h"
#include "../service/figures_bench.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* bench_args: --period (required), --gemeente, with agb --aanbieder and,
 * with limit, --limit; opens the store; 0, -1 after --help, or the exit
 * code. */
static int bench_args(cli_env *env, const char *name, const char *about, int argc, char **argv,
                      jr_period *period, const char **gemeente, const char **agb, long long *limit)
{
    const char *ps = NULL, *ls = NULL;
    *gemeente = NULL;
    /* the options this subcommand takes, ended by a row without a name */
    cli_opt opts[5] = {
        {"period", OPT_STR, &ps, "PERIODE", "JJJJ, JJJJ-MM, JJJJ-Qn of JJJJ-Hn"},
        {"gemeente", OPT_STR, gemeente, "CBS", "deze gemeente (zonder: de regio)"},
    };
    int n = 2;
    if (agb) {
        *agb = NULL;
        opts[n++] = (cli_opt){"aanbieder", OPT_STR, agb, "AGB",
                              "alleen de productie van deze aanbieder (zonder: alle aanbieders)"};
    }
    if (limit)
        opts[n++] =
            (cli_opt){"limit", OPT_STR, &ls, "N", "hoogstens N jeugdigen (1-100, standaard 10)"};
    char usage[160], cmd[48];
    snprintf(usage, sizeof usage, "figures %s --period PERIODE [--gemeente CBS]%s%s", name,
             agb ? " [--aanbieder AGB]" : "", limit ? " [--limit N]" : "");
    snprintf(cmd, sizeof cmd, "figures %s", name);
    const char *pos[1];
    int npos, rc = cli_parse(env, usage, about, argc, argv, opts, pos, 0, &npos);
    if (rc)
        return rc;
    if (!ps)
        return cli_usage_error(cmd, "--period ontbreekt");
    if (!period_parse(ps, period))
        return cli_usage_error(
            cmd, "--period '%s' is geen periode (JJJJ, JJJJ-MM, JJJJ-Qn of JJJJ-Hn)", ps);
    if (limit) {
        *limit = 0;
        if (ls) {
            char *end = NULL;
            *limit = strtoll(ls, &end, 10);
            if (!*ls || *end || *limit < 1 || *limit > JR_FB_EXPENSIVE_MAX)
                return cli_usage_error(cmd, "--limit '%s' is geen getal van 1 tot en met 100", ls);
        }
    }
    return cli_open(env);
}

static int emit(json_t *o)
{
    if (!o) {
        fprintf(stderr, "Onvoldoende geheugen.\n");
        return EXIT_INTERNAL;
    }
    cli_emit(o);
    return EXIT_DONE;
}

/* a benchmark cell: "< 10" when hidden, "-" without a value */
static const char *cell_text(const jr_fb_cell *c, jr_fb_figure f, int64_t threshold, char buf[32])
{
    if (c->hidden)
        snprintf(buf, 32, "< %lld", (long long)threshold);
    else if (!c->has)
        snprintf(buf, 32, "-");
    else if (figures_bench_is_money(f)) {
        char m[JR_MONEY_BUF];
        str_copy(buf, 32, money_format_nl(c->value, m));
    } else
        stats_x10_text(c->value, buf);
    return buf;
}

int figures_sub_benchmark(cli_env *env, int argc, char **argv)
{
    jr_period period;
    const char *gemeente;
    int rc = bench_args(env, "benchmark",
                        "Toont alle gemeenten van de regio naast elkaar op dezelfde cijfers per "
                        "1.000 jeugdigen, met het regiogemiddelde (het totaal van de regio over "
                        "haar bevolking), de positie (1 = hoogste) en het verschil met de regio.",
                        argc, argv, &period, &gemeente, NULL, NULL);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    jr_figures_benchmark *b = malloc(sizeof *b);
    if (!b) {
        fprintf(stderr, "Onvoldoende geheugen.\n");
        return EXIT_INTERNAL;
    }
    jr_error err;
    jr_error_clear(&err);
    if (figures_benchmark(&env->ctx, &period, b, &err) != JR_OK) {
        free(b);
        return cli_fail(env, &err);
    }
    if (env->json) {
        rc = emit(render_figures_benchmark(b));
        free(b);
        return rc;
    }
    char pt[JR_PERIOD_TEXT_LEN];
    int64_t t = b->scope.threshold;
    printf("Benchmark %s, regio %s%s%s\n", period_format(&b->period, pt), b->scope.name,
           b->scope.agb[0] ? ", alleen aanbieder " : "", b->scope.agb);
    for (int k = 0; k < JR_FB_NFIGURES; k++) {
        jr_fb_figure f = (jr_fb_figure)k;
        char v[32], d[32];
        printf("\n  %-34s %14s %7s %14s\n", figures_bench_label(f), "waarde", "positie",
               "verschil");
        for (int i = 0; i < b->nrows; i++) {
            const jr_fb_row *r = &b->rows[i];
            const jr_fb_cell *c = &r->cells[k];
            char label[64], rank[16];
            snprintf(label, sizeof label, "%s%s %s", r->own ? "* " : "", r->gemeente, r->name);
            snprintf(rank, sizeof rank, c->rank ? "%d" : "-", c->rank);
            if (!c->has_diff)
                snprintf(d, sizeof d, "-");
            else if (figures_bench_is_money(f)) {
                char m[JR_MONEY_BUF];
                snprintf(d, sizeof d, "%s%s", c->diff > 0 ? "+" : "", money_format_nl(c->diff, m));
            } else
                snprintf(d, sizeof d, "%s%s", c->diff > 0 ? "+" : "", stats_x10_text(c->diff, v));
            printf("  %-34s %14s %7s %14s\n", label, cell_text(c, f, t, v), rank, d);
        }
        printf("  %-34s %14s\n", "regio", cell_text(&b->region.cells[k], f, t, v));
    }
    free(b);
    return EXIT_DONE;
}

static void amb_line(const char *label, const jr_fb_amb_point *p, int64_t t)
{
    char a[32], v[32], s[32], m[32], ac[JR_MONEY_BUF], vc[JR_MONEY_BUF];
    if (p->ambulant.hidden)
        snprintf(a, sizeof a, "< %lld", (long long)t);
    else
        snprintf(a, sizeof a, "%lld", (long long)p->ambulant.n);
    if (p->verblijf.hidden)
        snprintf(v, sizeof v, "< %lld", (long long)t);
    else
        snprintf(v, sizeof v, "%lld", (long long)p->verblijf.n);
    printf("  %-12s %9s %9s %8s %16s %16s %8s\n", label, a, v,
           p->youth_share_x10 < 0 ? "-" : stats_x10_text(p->youth_share_x10, s),
           money_format_nl(p->ambulant_cents, ac), money_format_nl(p->verblijf_cents, vc),
           p->money_share_x10 < 0 ? "-" : stats_x10_text(p->money_share_x10, m));
}

int figures_sub_ambulant(cli_env *env, int argc, char **argv)
{
    jr_period period;
    const char *gemeente, *agb;
    int rc = bench_args(env, "ambulantisering",
                        "Toont per maand het aandeel ambulant tegenover wonen/verblijf: in "
                        "jeugdigen (uniek, met een lopende toewijzing van die soort) en in geld "
                        "(geaccepteerde declaraties), met dezelfde maanden vorig jaar.",
                        argc, argv, &period, &gemeente, &agb, NULL);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    jr_figures_ambulant *a = malloc(sizeof *a);
    if (!a) {
        fprintf(stderr, "Onvoldoende geheugen.\n");
        return EXIT_INTERNAL;
    }
    jr_error err;
    jr_error_clear(&err);
    if (figures_ambulant(&env->ctx, &period, gemeente, agb, a, &err) != JR_OK) {
        free(a);
        return cli_fail(env, &err);
    }
    if (env->json) {
        rc = emit(render_figures_ambulant(a));
        free(a);
        return rc;
    }
    char pt[JR_PERIOD_TEXT_LEN], bt[JR_PERIOD_TEXT_LEN];
    int64_t t = a->scope.threshold;
    printf("Ambulantisering %s (vorig jaar: %s), %s%s%s%s\n\n", period_format(&a->period, pt),
           period_format(&a->before, bt), a->scope.gemeente[0] ? "gemeente " : "regio ",
           a->scope.name, a->scope.agb[0] ? ", alleen aanbieder " : "", a->scope.agb);
    printf("  %-12s %9s %9s %8s %16s %16s %8s\n", "maand", "ambulant", "verblijf", "% amb.",
           "geld ambulant", "geld verblijf", "% amb.");
    for (int i = 0; i < a->nmonths; i++) {
        char m[8], p[8], label[24];
        amb_line(month_format(a->now[i].month, m), &a->now[i], t);
        snprintf(label, sizeof label, "  %s", month_format(a->prev[i].month, p));
        amb_line(label, &a->prev[i], t);
    }
    amb_line("periode", &a->total, t);
    amb_line("vorig jaar", &a->total_prev, t);
    free(a);
    return EXIT_DONE;
}

static void quote_line(const jr_fb_quote_group *g, int64_t t)
{
    char label[64];
    snprintf(label, sizeof label, "%s%s%s", g->code, g->code[0] ? " " : "",
             g->name[0] ? g->name : "totaal");
    label[40] = '\0';
    if (g->hidden) {
        char h[32];
        snprintf(h, sizeof h, "< %lld", (long long)t);
        printf("  %-40s %10s\n", label, h);
        return;
    }
    char med[32], p90[32];
    if (g->answered > 0) {
        snprintf(med, sizeof med, "%lld%s", (long long)(g->median_x2 / 2),
                 g->median_x2 % 2 ? ",5" : "");
        snprintf(p90, sizeof p90, "%lld", (long long)g->p90);
    } else {
        snprintf(med, sizeof med, "-");
        snprintf(p90, sizeof p90, "-");
    }
    printf("  %-40s %10lld %10lld %10lld %6lld %8s %6s\n", label, (long long)g->requested,
           (long long)g->accepted, (long long)g->rejected, (long long)g->open, med, p90);
}

int figures_sub_quotes(cli_env *env, int argc, char **argv)
{
    jr_period period;
    const char *gemeente, *agb;
    int rc = bench_args(env, "quotes",
                        "Toont de offertes die in de periode zijn aangevraagd: geaccepteerd, "
                        "afgewezen en open, per type verwijzer en per aanbieder, met de tijd van "
                        "aanvraag tot antwoord in dagen (mediaan en 90e percentiel).",
                        argc, argv, &period, &gemeente, &agb, NULL);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    jr_figures_quotes q;
    jr_error err;
    jr_error_clear(&err);
    if (figures_quotes(&env->ctx, &period, gemeente, agb, &q, &err) != JR_OK) {
        figures_quotes_free(&q);
        return cli_fail(env, &err);
    }
    if (env->json) {
        rc = emit(render_figures_quotes(&q));
        figures_quotes_free(&q);
        return rc;
    }
    char pt[JR_PERIOD_TEXT_LEN];
    int64_t t = q.scope.threshold;
    printf("Offertes %s, %s%s%s%s\n\n", period_format(&q.period, pt),
           q.scope.gemeente[0] ? "gemeente " : "regio ", q.scope.name,
           q.scope.agb[0] ? ", alleen aanbieder " : "", q.scope.agb);
    printf("  %-40s %10s %10s %10s %6s %8s %6s\n", "", "gevraagd", "akkoord", "afgewezen", "open",
           "mediaan", "p90");
    quote_line(&q.total, t);
    printf("  per type verwijzer\n");
    for (int i = 0; i < q.nreferrers; i++)
        quote_line(&q.by_referrer[i], t);
    printf("  per aanbieder\n");
    for (int i = 0; i < q.nproviders; i++)
        quote_line(&q.by_provider[i], t);
    figures_quotes_free(&q);
    return EXIT_DONE;
}

int figures_sub_expensive(cli_env *env, int argc, char **argv)
{
    jr_period period;
    const char *gemeente, *agb;
    long long limit = 0;
    int rc = bench_args(env, "expensive",
                        "Toont de duurste jeugdigen van een gemeente in de periode (geaccepteerde "
                        "declaraties, debet min credit) met de toewijzingen erachter. "
                        "Persoonsgegevens: alleen voor wie de inwoners van die gemeente mag zien; "
                        "elke vraag komt in het auditlog.",
                        argc, argv, &period, &gemeente, &agb, &limit);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    jr_figures_expensive e;
    jr_error err;
    jr_error_clear(&err);
    if (figures_expensive(&env->ctx, &period, gemeente, agb, limit, &e, &err) != JR_OK) {
        figures_expensive_free(&e);
        return cli_fail(env, &err);
    }
    if (env->json) {
        rc = emit(render_figures_expensive(&e));
        figures_expensive_free(&e);
        return rc;
    }
    char pt[JR_PERIOD_TEXT_LEN], m[JR_MONEY_BUF], s[JR_DATE_ISO_LEN], en[JR_DATE_ISO_LEN];
    printf("Duurste jeugdigen %s, %s%s%s%s (hoogstens %lld)\n\n", period_format(&e.period, pt),
           e.gemeente[0] ? "gemeente " : "regio ", e.name, e.agb[0] ? ", alleen aanbieder " : "",
           e.agb, (long long)e.limit);
    for (int i = 0; i < e.n; i++) {
        const jr_fb_exp_youth *y = &e.youths[i];
        printf("%2d. jeugdige %lld (BSN %s): %s\n", i + 1, (long long)y->youth_id, y->bsn,
               money_format_nl(y->cents, m));
        for (int k = 0; k < y->nassignments; k++) {
            const jr_fb_exp_assignment *a = &y->assignments[k];
            printf("    %-14s %s %-30.30s %-8s %s..%s %14s\n", a->number, a->agb, a->provider_name,
                   a->product, date_format(a->start, s), date_format(a->end, en),
                   money_format_nl(a->cents, m));
        }
    }
    if (e.n == 0)
        printf("Geen geaccepteerde declaraties in de periode.\n");
    figures_expensive_free(&e);
    return EXIT_DONE;
}

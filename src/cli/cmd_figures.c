/*
 * cmd_figures.c: the monitor's figures on the command line (issue 11):
 * `jeugdregio figures SUB --period P [--gemeente CBS] [--aanbieder AGB]
 * [--json]`, one subcommand per figure set. The subcommands are rows of the
 * table `subs` below: adding one is a function and a row. Each parses its
 * own options with figures_args (the shared --period, --gemeente and
 * --aanbieder) and
 * prints a Dutch table, or with --json the shape of render/render_figures.h
 * that the API answers too.
 */
#include "../core/sbuf.h"
#include "cli.h"
#include "cmd_figures_bench.h"

#include "../render/render_figures.h"
#include "../render/render_figures_care.h"
#include "../service/figures.h"
#include "../service/figures_care.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The options every figures subcommand takes. */
typedef struct {
    jr_period period;
    const char *gemeente; /* NULL: the region */
    const char *agb;      /* NULL: every provider */
} figures_opts;

/* figures_args: parses argv (argv[0] the subcommand's name) for --period,
 * --gemeente and --aanbieder, opens the store; EXIT_DONE or the exit code
 * to return (-1 after --help). */
static int figures_args(cli_env *env, const char *name, const char *about, int argc, char **argv,
                        figures_opts *o)
{
    const char *period = NULL;
    o->gemeente = o->agb = NULL;
    const cli_opt opts[] = {
        {"period", OPT_STR, &period, "PERIODE", "JJJJ, JJJJ-MM, JJJJ-Qn of JJJJ-Hn"},
        {"gemeente", OPT_STR, &o->gemeente, "CBS", "deze gemeente (zonder: de regio)"},
        {"aanbieder", OPT_STR, &o->agb, "AGB",
         "alleen de productie van deze aanbieder, ook in de regio ernaast (zonder: alle)"},
        {0}};
    char usage[128], cmd[48];
    snprintf(usage, sizeof usage, "figures %s --period PERIODE [--gemeente CBS] [--aanbieder AGB]",
             name);
    snprintf(cmd, sizeof cmd, "figures %s", name);
    const char *pos[1];
    int npos, rc = cli_parse(env, usage, about, argc, argv, opts, pos, 0, &npos);
    if (rc)
        return rc;
    if (!period)
        return cli_usage_error(cmd, "--period ontbreekt");
    if (!period_parse(period, &o->period))
        return cli_usage_error(
            cmd, "--period '%s' is geen periode (JJJJ, JJJJ-MM, JJJJ-Qn of JJJJ-Hn)", period);
    return cli_open(env);
}

/* tenths as Dutch text: "12,3", "-0,5"; "-" when v < 0 and negative_none */
static const char *x10(int64_t v, bool negative_none, char buf[32])
{
    if (negative_none && v < 0)
        return "-";
    return stats_x10_text(v, buf);
}

static const char *count(const jr_fig_count *c, int64_t threshold, char buf[32])
{
    if (c->hidden)
        snprintf(buf, 32, "< %lld", (long long)threshold);
    else
        snprintf(buf, 32, "%lld", (long long)c->n);
    return buf;
}

static const char *growth(bool has, int64_t g, char buf[32])
{
    if (!has)
        return "-";
    char t[32];
    snprintf(buf, 32, "%s%s %%", g > 0 ? "+" : "", x10(g, false, t));
    return buf;
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

/* ", alleen aanbieder AGB" when the figures are one provider's production */
static const char *provider_note(const jr_fig_scope *s, char buf[40])
{
    if (!s->agb[0])
        return "";
    snprintf(buf, 40, ", alleen aanbieder %s", s->agb);
    return buf;
}

static void heading(const char *what, const jr_period *p, const jr_period *b, const jr_fig_scope *s)
{
    char pt[JR_PERIOD_TEXT_LEN], bt[JR_PERIOD_TEXT_LEN], pn[40];
    printf("%s %s (vorig jaar: %s), %s%s%s%s%s\n\n", what, period_format(p, pt),
           period_format(b, bt), s->gemeente[0] ? "gemeente " : "regio ", s->gemeente,
           s->gemeente[0] ? " " : "", s->name, provider_note(s, pn));
}

/* the region's heading beside a municipality's figures */
static void region_heading(const jr_fig_scope *s)
{
    char pn[40];
    printf("\nRegio %s%s\n", s->name, provider_note(s, pn));
}

/* ---- volume ---- */

static void volume_line(const char *label, const jr_fig_volume_row *r, int64_t threshold)
{
    char y[32], pt[32], sh[32];
    bool hide = r->youths.hidden;
    printf("  %-14s %10s %8lld %9lld %9lld %12s %12s\n", label, count(&r->youths, threshold, y),
           (long long)r->active, (long long)r->started, (long long)r->ended,
           hide ? "-" : x10(r->per_thousand_x10, true, pt),
           hide ? "-" : x10(r->share_x10, true, sh));
}

static void volume_table(const jr_fig_volume_row *now, const jr_fig_volume_row *prev,
                         int64_t threshold)
{
    printf("  %-14s %10s %8s %9s %9s %12s %12s\n", "", "jeugdigen", "actief", "gestart",
           "beeindigd", "per 1.000", "% van <18");
    volume_line("deze periode", now, threshold);
    volume_line("vorig jaar", prev, threshold);
}

static int sub_volume(cli_env *env, int argc, char **argv)
{
    figures_opts o;
    int rc = figures_args(env, "volume",
                          "Toont het aantal jeugdigen in zorg (uniek, met een toewijzing die op "
                          "minstens een dag van de periode loopt), de gestarte, beeindigde en "
                          "actieve toewijzingen, per 1.000 jeugdigen en als % van de jeugdigen "
                          "onder 18, met de regio ernaast en dezelfde periode vorig jaar.",
                          argc, argv, &o);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    jr_figures_volume v;
    jr_error err;
    jr_error_clear(&err);
    if (figures_volume(&env->ctx, &o.period, o.gemeente, o.agb, &v, &err) != JR_OK)
        return cli_fail(env, &err);
    if (env->json)
        return emit(render_figures_volume(&v));
    heading("Volume", &v.period, &v.before, &v.scope);
    volume_table(&v.now, &v.prev, v.scope.threshold);
    if (v.has_region) {
        region_heading(&v.region);
        volume_table(&v.region_now, &v.region_prev, v.region.threshold);
    }
    return EXIT_DONE;
}

/* ---- referrals ---- */

static void referral_table(const jr_fig_referral_row *now, const jr_fig_referral_row *prev,
                           int64_t threshold)
{
    char a[32], b[32];
    printf("  %-34s %10s %10s\n", "verwijzer", "periode", "vorig jaar");
    for (int i = 0; i < JR_FIG_REFERRER_TYPES; i++) {
        char label[64];
        snprintf(label, sizeof label, "%s %s", now->by_referrer[i].code, now->by_referrer[i].name);
        printf("  %-34s %10s %10s\n", label, count(&now->by_referrer[i].n, threshold, a),
               count(&prev->by_referrer[i].n, threshold, b));
    }
    printf("  %-34s %10s %10s\n", "route", "", "");
    for (int i = 0; i < JR_FIG_ROUTES; i++)
        printf("  %-34s %10s %10s\n", now->by_route[i].name,
               count(&now->by_route[i].n, threshold, a), count(&prev->by_route[i].n, threshold, b));
    printf("  %-34s %10s %10s\n", "totaal", count(&now->total, threshold, a),
           count(&prev->total, threshold, b));
}

static int sub_referrals(cli_env *env, int argc, char **argv)
{
    figures_opts o;
    int rc = figures_args(env, "referrals",
                          "Toont de verwijzingen met een verwijsdatum in de periode per type "
                          "verwijzer (iJw) en per route (elk keuzebudget apart, offerte, "
                          "verblijf, crisis, dyslexie), met de regio ernaast en dezelfde periode "
                          "vorig jaar.",
                          argc, argv, &o);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    jr_figures_referrals r;
    jr_error err;
    jr_error_clear(&err);
    if (figures_referrals(&env->ctx, &o.period, o.gemeente, o.agb, &r, &err) != JR_OK)
        return cli_fail(env, &err);
    if (env->json)
        return emit(render_figures_referrals(&r));
    heading("Verwijzingen", &r.period, &r.before, &r.scope);
    referral_table(&r.now, &r.prev, r.scope.threshold);
    if (r.has_region) {
        region_heading(&r.region);
        referral_table(&r.region_now, &r.region_prev, r.region.threshold);
    }
    return EXIT_DONE;
}

/* ---- spending ---- */

static void spend_groups(const char *title, const jr_fig_spend_group *g, int n)
{
    char a[JR_MONEY_BUF], b[JR_MONEY_BUF], gr[32];
    printf("  %-40s %16s %16s %10s\n", title, "periode", "vorig jaar", "groei");
    for (int i = 0; i < n; i++) {
        char label[64];
        if (strcmp(g[i].code, g[i].name) == 0)
            str_copy(label, sizeof label, g[i].name);
        else
            snprintf(label, sizeof label, "%s %s", g[i].code, g[i].name);
        label[40] = '\0';
        printf("  %-40s %16s %16s %10s\n", label, money_format_nl(g[i].now, a),
               money_format_nl(g[i].prev, b), growth(g[i].has_growth, g[i].growth_x10, gr));
    }
}

static void spend_table(const jr_fig_spend_row *r, int64_t threshold)
{
    char a[JR_MONEY_BUF], b[JR_MONEY_BUF], gr[32], y[32];
    printf("  totaal geaccepteerd %s (vorig jaar %s, groei %s)\n", money_format_nl(r->total, a),
           money_format_nl(r->total_prev, b), growth(r->has_growth, r->growth_x10, gr));
    printf("  jeugdigen %s, gemiddeld per jeugdige %s\n", count(&r->youths, threshold, y),
           r->has_per_youth ? money_format_nl(r->per_youth, a) : "-");
    printf("  toewijzingen %lld, gemiddeld per toewijzing %s\n\n", (long long)r->assignments,
           r->has_per_assignment ? money_format_nl(r->per_assignment, b) : "-");
    spend_groups("voorziening", r->by_voorziening, JR_VZ_COUNT);
    printf("\n");
    spend_groups("product (functiegroep)", r->by_product, r->nproducts);
    printf("\n");
    spend_groups("aanbieder", r->by_provider, r->nproviders);
}

static int sub_spending(cli_env *env, int argc, char **argv)
{
    figures_opts o;
    int rc = figures_args(env, "spending",
                          "Toont de uitgaven: geaccepteerde declaratieregels (debet min credit) "
                          "met een declaratieperiode in de periode, per voorziening, product en "
                          "aanbieder, gemiddeld per jeugdige en per toewijzing, met de groei "
                          "tegenover dezelfde periode vorig jaar en de regio ernaast.",
                          argc, argv, &o);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    jr_figures_spending *s = malloc(sizeof *s);
    if (!s) {
        fprintf(stderr, "Onvoldoende geheugen.\n");
        return EXIT_INTERNAL;
    }
    jr_error err;
    jr_error_clear(&err);
    if (figures_spending(&env->ctx, &o.period, o.gemeente, o.agb, s, &err) != JR_OK) {
        figures_spending_free(s);
        free(s);
        return cli_fail(env, &err);
    }
    if (env->json) {
        rc = emit(render_figures_spending(s));
        figures_spending_free(s);
        free(s);
        return rc;
    }
    heading("Uitgaven", &s->period, &s->before, &s->scope);
    spend_table(&s->spend, s->scope.threshold);
    if (s->has_region) {
        region_heading(&s->region);
        spend_table(&s->region_spend, s->region.threshold);
    }
    figures_spending_free(s);
    free(s);
    return EXIT_DONE;
}

/* ---- the care figures (service/figures_care.h) ---- */

/* sub_care: one of figures_care_sets (by argv[0]); the figures as JSON, with
 * or without --json (the table form of these figures is still to come) */
static int sub_care(cli_env *env, int argc, char **argv)
{
    const figures_care_set *set = figures_care_set_find(argv[0]);
    figures_opts o;
    int rc = figures_args(env, set->name, set->about, argc, argv, &o);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    jr_error err;
    jr_error_clear(&err);
    json_t *f = set->fn(&env->ctx, o.gemeente, o.agb, &o.period, &err);
    if (!f)
        return cli_fail(env, &err);
    if (env->json)
        return emit(f);
    char *text = json_dumps(f, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
    json_decref(f);
    if (!text) {
        fprintf(stderr, "Onvoldoende geheugen.\n");
        return EXIT_INTERNAL;
    }
    puts(text);
    free(text);
    return EXIT_DONE;
}

/* ---- the dispatcher ---- */

/* figures control lives with the begroting (cmd_begroting.c) */
int figures_control(cli_env *env, int argc, char **argv);

/* One figures subcommand: its name, its line in `figures --help`, and its
 * function (argv[0] is the subcommand's name). */
static const struct {
    const char *name;
    int (*fn)(cli_env *env, int argc, char **argv);
    const char *summary;
} subs[] = {
    {"volume", sub_volume, "jeugdigen in zorg en toewijzingen: gestart, beeindigd, actief"},
    {"referrals", sub_referrals, "verwijzingen per type verwijzer en per route"},
    {"spending", sub_spending, "uitgaven per voorziening, product en aanbieder, met groei"},
    {"durations", sub_care, "duur van beeindigde toewijzingen: gemiddelde, mediaan, CBS-klassen"},
    {"waiting", sub_care, "wachttijd verwijzing tot start zorg: mediaan en 90e percentiel"},
    {"endings", sub_care, "redenen van beeindiging (volgens plan, voortijdig), herinstroom"},
    {"concentration", sub_care, "aandeel van de vijf grootste aanbieders en HHI per voorziening"},
    {"budget", sub_care, "budgetgebruik van beeindigde budgettoewijzingen, vrijgevallen geld"},
    {"control", figures_control,
     "begrotingscontrole: begroting, gerealiseerd, verplicht, prognose"},
    {"benchmark", figures_sub_benchmark, "alle gemeenten naast elkaar per 1.000 jeugdigen"},
    {"ambulantisering", figures_sub_ambulant, "aandeel ambulant en verblijf per maand"},
    {"quotes", figures_sub_quotes,
     "offertes: gevraagd, geaccepteerd, afgewezen, tijd tot antwoord"},
    {"expensive", figures_sub_expensive,
     "de duurste jeugdigen van een gemeente (persoonsgegevens)"},
};

static void figures_help(FILE *to)
{
    fprintf(to, "Gebruik: jeugdregio figures ONDERDEEL --period PERIODE [--gemeente CBS] "
                "[--aanbieder AGB] [--json]\n\nDe cijfers van de monitor, binnen wat de "
                "gebruiker mag zien. --aanbieder AGB beperkt ze tot de productie van een "
                "aanbieder (de regio ernaast ook; niet bij benchmark en control; een aanbieder "
                "alleen de eigen).\n\nOnderdelen:\n");
    for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++)
        fprintf(to, "  %-14s %s\n", subs[i].name, subs[i].summary);
}

/*
 * COMMAND: figures
 * SUMMARY: de cijfers van de monitor: volume, verwijzingen, uitgaven, duur, wachttijd, ... (per
 * periode)
 */
int cmd_figures(cli_env *env, int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        figures_help(argc < 2 ? stderr : stdout);
        return argc < 2 ? EXIT_USAGE : EXIT_DONE;
    }
    for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++)
        if (strcmp(argv[1], subs[i].name) == 0)
            return subs[i].fn(env, argc - 1, argv + 1);
    cli_usage_error("figures", "onbekend onderdeel '%s'", argv[1]);
    figures_help(stderr);
    return EXIT_USAGE;
}

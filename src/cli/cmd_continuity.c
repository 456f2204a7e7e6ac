/*
 * cmd_continuity.c: provider continuity on the command line (issue 12,
 * service/continuity.h):
 *   jeugdregio continuity import FILE.csv   the yearly figures ("-": stdin)
 *   jeugdregio continuity --year JJJJ       the summary per revenue class
 *   jeugdregio continuity list [--year JJJJ] [--agb AGB]
 *   jeugdregio continuity years             the summary of every year
 * as Dutch tables, or with --json the shapes of render/render_continuity.h
 * that the API answers too (the summary: an array of one object per
 * revenue class).
 */
#include "cli.h"

#include "../render/render_continuity.h"
#include "../service/continuity.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int emit_or_fail(json_t *o)
{
    if (!o) {
        fprintf(stderr, "Onvoldoende geheugen.\n");
        return EXIT_INTERNAL;
    }
    cli_emit(o);
    return EXIT_DONE;
}

/* pct: tenths of a percent as "66,7 %", "-" for none */
static const char *pct(int64_t x10, char buf[24])
{
    if (x10 < 0)
        return "-";
    snprintf(buf, 24, "%lld,%lld %%", (long long)(x10 / 10), (long long)(x10 % 10));
    return buf;
}

static void print_summary(const jr_cont_summary *s)
{
    printf("Continuiteit %d: cijfers van %lld aanbieders\n\n", (int)s->year,
           (long long)s->providers);
    printf("  %-42s %10s %15s %14s %14s %14s %8s\n", "klasse", "aanbieders", "pos. resultaat",
           "rentabiliteit", "solvabiliteit", "current ratio", "risico");
    for (int c = 0; c < JR_CC_COUNT; c++) {
        const jr_cont_class_sum *k = &s->classes[c];
        if (c == JR_CC_UNKNOWN && k->t.providers == 0)
            continue;
        char b[JR_CS_COUNT][24];
        printf("  %-42s %10lld %15s %14s %14s %14s %8lld\n", continuity_class_name(k->cls),
               (long long)k->t.providers, pct(k->share_x10[0], b[0]), pct(k->share_x10[1], b[1]),
               pct(k->share_x10[2], b[2]), pct(k->share_x10[3], b[3]), (long long)k->t.at_risk);
    }
    printf("\n  Het aandeel telt de aanbieders met de cijfers voor dat signaal; ontbrekende "
           "cijfers tellen niet mee.\n");
    if (s->aggregate_only)
        return;
    printf("\nMogelijke continuiteitsrisico's (twee of meer signalen niet gehaald):\n");
    int64_t n = 0;
    for (int c = 0; c < JR_CC_COUNT; c++) {
        const jr_cont_class_sum *k = &s->classes[c];
        for (int64_t i = 0; i < k->t.at_risk; i++, n++)
            printf("  %s  (%s)\n", k->at_risk[i], continuity_class_code(k->cls));
    }
    if (n == 0)
        printf("  geen\n");
}

static int print_row(void *ud, const void *row)
{
    const jr_cont_row *r = row;
    json_t *items = ud;
    if (items) {
        json_array_append_new(items, render_cont_row(r));
        return 0;
    }
    static const char mark[3] = {'?', '+', '-'};
    printf("%d %s %-40.40s %-7s %c%c%c%c %d%s\n", (int)r->a.year, r->a.agb, r->a.name,
           continuity_class_code(r->cls), mark[r->verdict[0]], mark[r->verdict[1]],
           mark[r->verdict[2]], mark[r->verdict[3]], r->failed, r->at_risk ? " risico" : "");
    return 0;
}

static int do_import(cli_env *env, const char *file)
{
    FILE *in = strcmp(file, "-") == 0 ? stdin : fopen(file, "rb");
    jr_error err;
    cli_error_collect(env, &err);
    if (!in) {
        jr_fail(&err, JR_EIO, "file_unreadable", "bestand", "%s: niet te lezen: %s", file,
                strerror(errno));
        return cli_fail(env, &err);
    }
    int rc = cli_open(env);
    if (rc != EXIT_DONE) {
        if (in != stdin)
            fclose(in);
        return rc;
    }
    const char *base = strrchr(file, '/');
    jr_cont_import res;
    jr_status st = continuity_import(&env->ctx, in, base ? base + 1 : file, &res, &err);
    if (in != stdin)
        fclose(in);
    if (st != JR_OK)
        return cli_fail(env, &err);
    if (env->json)
        return emit_or_fail(render_cont_import(&res));
    printf("%s: %lld rijen ingelezen (%lld nieuw, %lld vervangen), jaren %d tot en met %d\n", file,
           (long long)res.rows, (long long)res.added, (long long)res.replaced, (int)res.year_min,
           (int)res.year_max);
    return EXIT_DONE;
}

/*
 * COMMAND: continuity
 * SUMMARY: de continuiteit van aanbieders: jaarcijfers inlezen (import) en de signalen per jaar
 */
int cmd_continuity(cli_env *env, int argc, char **argv)
{
    const char *year_s = NULL, *agb = NULL;
    const cli_opt opts[] = {{"year", OPT_STR, &year_s, "JJJJ", "het jaar van de cijfers"},
                            {"agb", OPT_STR, &agb, "AGB", "list: alleen deze aanbieder"},
                            {0}};
    const char *pos[2];
    int npos, rc = cli_parse(
                  env,
                  "continuity import BESTAND.csv | --year JJJJ | list [--year JJJJ] [--agb AGB] "
                  "| years",
                  "Leest de jaarcijfers van aanbieders in (kopregel agb,name,year,"
                  "total_revenue_cents,youth_revenue_cents,net_result_cents,equity_cents,"
                  "total_assets_cents,current_assets_cents,current_liabilities_cents; bedragen "
                  "in eurocenten, leeg is onbekend; een foute rij weigert het hele bestand; "
                  "hetzelfde jaar opnieuw vervangt de cijfers) of toont per jaar en omzetklasse "
                  "(jeugdhulpomzet boven of tot en met 2 miljoen euro) het aandeel aanbieders "
                  "met een positief resultaat, rentabiliteit boven 1,5 %, solvabiliteit boven "
                  "20 % en current ratio boven 1, en de aanbieders die er twee of meer niet halen.",
                  argc, argv, opts, pos, 2, &npos);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    const char *act = npos ? pos[0] : "";
    if (strcmp(act, "import") == 0) {
        if (npos != 2)
            return cli_usage_error("continuity", "geef een CSV-bestand: continuity import "
                                                 "BESTAND.csv");
        return do_import(env, pos[1]);
    }
    if (npos > 1 || (npos == 1 && strcmp(act, "list") != 0 && strcmp(act, "years") != 0))
        return cli_usage_error("continuity", "onbekende actie '%s': kies import, list of years",
                               act);
    int64_t year = 0;
    if (year_s && !cli_int("continuity", "--year", year_s, 0, 9999, &year))
        return EXIT_USAGE;
    jr_error err;
    if (strcmp(act, "list") == 0) {
        if ((rc = cli_open(env)) != EXIT_DONE)
            return rc;
        cli_error_collect(env, &err);
        json_t *items = env->json ? json_array() : NULL;
        if (env->json && !items)
            return emit_or_fail(NULL);
        if (continuity_list(&env->ctx, (int32_t)year, agb, print_row, items, &err) != JR_OK) {
            json_decref(items);
            return cli_fail(env, &err);
        }
        return env->json ? emit_or_fail(json_pack("{s:o}", "items", items)) : EXIT_DONE;
    }
    if (strcmp(act, "years") == 0) {
        if ((rc = cli_open(env)) != EXIT_DONE)
            return rc;
        cli_error_collect(env, &err);
        jr_cont_trend t;
        if (continuity_trend(&env->ctx, &t, &err) != JR_OK) {
            continuity_trend_free(&t);
            return cli_fail(env, &err);
        }
        if (env->json) {
            rc = emit_or_fail(render_cont_trend(&t));
        } else {
            for (int i = 0; i < t.n; i++) {
                print_summary(&t.years[i]);
                printf("\n");
            }
            if (t.n == 0)
                printf("Nog geen cijfers voor de continuiteit ingelezen.\n");
            rc = EXIT_DONE;
        }
        continuity_trend_free(&t);
        return rc;
    }
    if (!year_s)
        return cli_usage_error("continuity", "--year ontbreekt");
    if ((rc = cli_open(env)) != EXIT_DONE)
        return rc;
    cli_error_collect(env, &err);
    jr_cont_summary s;
    if (continuity_summary(&env->ctx, (int32_t)year, &s, &err) != JR_OK) {
        continuity_summary_free(&s);
        return cli_fail(env, &err);
    }
    if (env->json) {
        rc = emit_or_fail(render_cont_classes(&s));
    } else {
        print_summary(&s);
        rc = EXIT_DONE;
    }
    continuity_summary_free(&s);
    return rc;
}

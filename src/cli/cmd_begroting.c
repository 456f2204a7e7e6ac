/*
 * cmd_begroting.c: budget control on the command line (issue 11):
 * `jeugdregio begroting set|list` for the yearly begroting per
 * voorziening, and `jeugdregio figures control --period JJJJ [--gemeente
 * CBS]` (a row of cmd_figures.c's table) for the control figure: begroting,
 * realised, committed, forecast and the warning per voorziening, as a Dutch
 * table or with --json the shape of render/render_budgetctl.h that the API
 * answers too.
 */
#include "cli.h"

#include "../core/sbuf.h"
#include "../render/render_budgetctl.h"
#include "../service/budgetctl.h"

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

static int print_begroting(void *ud, const void *row)
{
    const jr_begroting *b = row;
    json_t *items = ud;
    if (items) {
        json_array_append_new(items, render_begroting(b));
        return 0;
    }
    char a[JR_MONEY_BUF];
    printf("%-5s %-16s %-16s %18s %-8s %-16s %s\n", b->gemeente, b->name,
           figures_voorziening_name(b->voorziening), money_format_nl(b->amount, a),
           b->taakveld[0] ? b->taakveld : "-", b->set_by, b->set_at);
    return 0;
}

/*
 * COMMAND: begroting
 * SUMMARY: de jaarbegroting per gemeente en voorziening vastleggen en inzien (begroting set, list)
 */
int cmd_begroting(cli_env *env, int argc, char **argv)
{
    const char *gemeente = NULL, *jaar = NULL, *voorziening = NULL, *bedrag = NULL,
               *taakveld = NULL;
    const cli_opt opts[] = {
        {"gemeente", OPT_STR, &gemeente, "CBS", "de gemeente (list: zonder is alle)"},
        {"jaar", OPT_STR, &jaar, "JJJJ", "het begrotingsjaar"},
        {"voorziening", OPT_STR, &voorziening, "NAAM",
         "ambulant, verblijf, crisis, dyslexie of overig"},
        {"bedrag", OPT_STR, &bedrag, "EURO", "het bedrag in euro, bijvoorbeeld 1234567.89"},
        {"taakveld", OPT_STR, &taakveld, "IV3", "Iv3-taakveld 6.72, 6.73 of 6.74 (optioneel)"},
        {0}};
    const char *pos[1];
    int npos, rc = cli_parse(env,
                             "begroting set --gemeente CBS --jaar JJJJ --voorziening NAAM "
                             "--bedrag EURO [--taakveld 6.72] | list [--gemeente CBS] --jaar JJJJ",
                             "Legt de begroting van een gemeente per jaar en voorziening vast "
                             "(opnieuw vastleggen vervangt het bedrag; het auditlog bewaart het "
                             "oude) of toont de begrotingen van een jaar.",
                             argc, argv, opts, pos, 1, &npos);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    const char *act = npos ? pos[0] : "";
    bool set = strcmp(act, "set") == 0;
    if (!set && strcmp(act, "list") != 0)
        return cli_usage_error("begroting", "geef een actie: set of list");
    int64_t year = 0;
    if (!jaar)
        return cli_usage_error("begroting", "--jaar ontbreekt");
    if (!cli_int("begroting", "--jaar", jaar, 0, 9999, &year))
        return EXIT_USAGE;
    jr_cents amount = 0;
    if (set) {
        if (!gemeente)
            return cli_usage_error("begroting", "--gemeente ontbreekt");
        if (!voorziening)
            return cli_usage_error("begroting", "--voorziening ontbreekt");
        if (!bedrag)
            return cli_usage_error("begroting", "--bedrag ontbreekt");
        if (!money_parse(bedrag, &amount))
            return cli_usage_error("begroting",
                                   "--bedrag '%s' is geen bedrag (euro, hoogstens twee decimalen, "
                                   "bijvoorbeeld 1234567.89)",
                                   bedrag);
    }
    if ((rc = cli_open(env)) != EXIT_DONE)
        return rc;
    jr_error err;
    cli_error_collect(env, &err);
    if (!set) {
        json_t *items = env->json ? json_array() : NULL;
        if (env->json && !items)
            return emit_or_fail(NULL);
        if (budgetctl_list(&env->ctx, gemeente, (int32_t)year, print_begroting, items, &err) !=
            JR_OK) {
            json_decref(items);
            return cli_fail(env, &err);
        }
        if (env->json)
            return emit_or_fail(json_pack("{s:i, s:o}", "year", (int)year, "items", items));
        return EXIT_DONE;
    }
    jr_begroting old;
    if (budgetctl_set(&env->ctx, gemeente, (int32_t)year, voorziening, amount, taakveld, &old,
                      &err) != JR_OK)
        return cli_fail(env, &err);
    jr_begroting now;
    memset(&now, 0, sizeof now);
    const jr_municipality *m = catalog_municipality(env->cat, gemeente);
    str_copy(now.gemeente, sizeof now.gemeente, gemeente);
    str_copy(now.name, sizeof now.name, m ? m->name : "");
    now.year = (int32_t)year;
    budgetctl_voorziening_parse(voorziening, &now.voorziening);
    now.amount = amount;
    str_copy(now.taakveld, sizeof now.taakveld, taakveld);
    str_copy(now.set_by, sizeof now.set_by, env->ctx.actor);
    if (env->json)
        return emit_or_fail(render_begroting(&now));
    char a[JR_MONEY_BUF], b[JR_MONEY_BUF];
    printf("Begroting %d %s van %s (%s): %s%s%s", (int)year,
           figures_voorziening_name(now.voorziening), now.name, now.gemeente,
           money_format_nl(amount, a), now.taakveld[0] ? ", taakveld " : "", now.taakveld);
    if (old.year)
        printf(" (was %s)\n", money_format_nl(old.amount, b));
    else
        printf(" (nieuw)\n");
    return EXIT_DONE;
}

/* ---- figures control ---- */

static const char *share(const jr_bc_row *r, char buf[32])
{
    if (!r->has_share)
        return "-";
    int64_t v = r->share_x10, a = v < 0 ? -v : v;
    snprintf(buf, 32, "%s%lld,%lld %%", v < 0 ? "-" : "", (long long)(a / 10), (long long)(a % 10));
    return buf;
}

static void control_line(const jr_bc_row *r)
{
    char b[JR_MONEY_BUF], re[JR_MONEY_BUF], c[JR_MONEY_BUF], n[JR_MONEY_BUF], f[JR_MONEY_BUF],
        s[32];
    printf("  %-16s %17s %17s %17s %17s %17s %9s  %-14s %s\n", r->name,
           r->has_budget ? money_format_nl(r->budget, b) : "-", money_format_nl(r->realised, re),
           money_format_nl(r->committed, c), money_format_nl(r->committed_new, n),
           money_format_nl(r->fc.forecast, f), share(r, s), forecast_level_name(r->level),
           r->mixed ? "gemengd" : forecast_method_name(r->fc.method));
}

/* figures_control: `jeugdregio figures control --period JJJJ [--gemeente
 * CBS] [--json]`, called by cmd_figures.c (argv[0] is "control") */
int figures_control(cli_env *env, int argc, char **argv);
int figures_control(cli_env *env, int argc, char **argv)
{
    const char *period = NULL, *gemeente = NULL;
    const cli_opt opts[] = {
        {"period", OPT_STR, &period, "JJJJ", "het begrotingsjaar"},
        {"gemeente", OPT_STR, &gemeente, "CBS", "deze gemeente (zonder: de regio)"},
        {0}};
    const char *pos[1];
    int npos, rc = cli_parse(env, "figures control --period JJJJ [--gemeente CBS]",
                             "Toont de begrotingscontrole van een jaar per voorziening: de "
                             "begroting, het gerealiseerde (geaccepteerde declaraties), de "
                             "verplichtingen (het onbestede deel van lopende toewijzingen), de "
                             "prognose tot het jaareinde met haar methode, en het signaal (op "
                             "koers, let op vanaf 95 %, overschrijding).",
                             argc, argv, opts, pos, 0, &npos);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    jr_period p;
    if (!period)
        return cli_usage_error("figures control", "--period ontbreekt");
    if (!period_parse(period, &p) || p.kind != JR_PERIOD_YEAR)
        return cli_usage_error("figures control", "--period '%s' is geen jaar (JJJJ)", period);
    if ((rc = cli_open(env)) != EXIT_DONE)
        return rc;
    jr_budget_control *c = malloc(sizeof *c);
    if (!c)
        return emit_or_fail(NULL);
    jr_error err;
    cli_error_collect(env, &err);
    if (budgetctl_control(&env->ctx, p.year, gemeente, c, &err) != JR_OK) {
        free(c);
        return cli_fail(env, &err);
    }
    if (env->json) {
        rc = emit_or_fail(render_budget_control(c));
        free(c);
        return rc;
    }
    printf("Begrotingscontrole %d, %s%s%s%s (gedeclareerd tot en met maand %d)\n\n", (int)c->year,
           c->scope.gemeente[0] ? "gemeente " : "regio ", c->scope.gemeente,
           c->scope.gemeente[0] ? " " : "", c->scope.name, c->last_month);
    printf("  %-16s %17s %17s %17s %17s %17s %9s  %-14s %s\n", "voorziening", "begroting",
           "gerealiseerd", "verplicht", "nog niet in r-r", "prognose", "% begr.", "signaal",
           "methode");
    for (int v = 0; v < JR_VZ_COUNT; v++)
        control_line(&c->rows[v]);
    control_line(&c->total);
    if (c->total.task_realised || c->total.task_committed) {
        char tr[JR_MONEY_BUF], tc[JR_MONEY_BUF];
        printf("\n  Taakbudgetten (taakgericht): %s betaald (in gerealiseerd), %s nog te betalen "
               "(in verplicht en in de prognose)\n",
               money_format_nl(c->total.task_realised, tr),
               money_format_nl(c->total.task_committed, tc));
    }
    printf("\n  %s\n", c->method);
    free(c);
    return EXIT_DONE;
}

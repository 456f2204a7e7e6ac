/*
 * cmd_settle.c: the settlement (local invoicing) of a declaration period.
 */
#include "../core/sbuf.h"
#include "cli.h"

#include "../service/settlement.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    cli_env *env;
    char gemeente[5];
    jr_cents total, grand;
    int64_t acc, rej;
} settle_ctx;

static void close_gemeente(settle_ctx *c)
{
    if (!c->gemeente[0] || c->env->json)
        return;
    char t[JR_MONEY_BUF];
    printf("  %-57s %16s\n\n", "totaal", money_format_nl(c->total, t));
}

static int print_row(void *ud, const void *row)
{
    settle_ctx *c = ud;
    const jr_settle_row *r = row;
    if (c->env->json) {
        cli_emit(render_settle_row(r));
        return 0;
    }
    if (strcmp(c->gemeente, r->gemeente) != 0) {
        close_gemeente(c);
        str_copy(c->gemeente, sizeof c->gemeente, r->gemeente);
        c->total = 0;
        const jr_municipality *m = catalog_municipality(c->env->cat, r->gemeente);
        printf("Gemeente %s %s\n", r->gemeente, m ? m->name : "(onbekend in de regio)");
        printf("  %-8s %-30s %-6s %6s %6s %16s\n", "AGB", "aanbieder", "product", "acc.", "afgew.",
               "bedrag");
    }
    char m[JR_MONEY_BUF], name[31];
    str_copy(name, sizeof name, r->provider_name);
    printf("  %-8s %-30s %-6s %6lld %6lld %16s\n", r->agb, name, r->product,
           (long long)r->n_accepted, (long long)r->n_rejected, money_format_nl(r->accepted, m));
    c->total += r->accepted;
    c->grand += r->accepted;
    c->acc += r->n_accepted;
    c->rej += r->n_rejected;
    return 0;
}

static int print_line(void *ud, const void *row)
{
    const jr_decl_outcome *o = row;
    char b[JR_DATE_ISO_LEN], e[JR_DATE_ISO_LEN], m[JR_MONEY_BUF];
    if (*(bool *)ud)
        cli_emit(render_line(o));
    else
        printf("  %-18s %-16s %-6s %s..%s %5lld %s %14s %s %s\n", o->ref, o->assignment, o->product,
               date_format(o->begin, b), date_format(o->end, e), (long long)o->volume, o->unit,
               money_format_nl(o->credit ? -o->amount : o->amount, m), o->code,
               o->accepted ? "" : o->message);
    return 0;
}

/* one task budget's terms in the period (settle --tasks) */
static int print_task(void *ud, const void *row)
{
    const cli_env *env = ud;
    const jr_task_term_row *r = row;
    if (env->json) {
        cli_emit(render_task_term(r));
        return 0;
    }
    char b[JR_MONEY_BUF], p[JR_MONEY_BUF], t[JR_MONEY_BUF], rem[JR_MONEY_BUF];
    printf("  %s %-8s %s %-32s budget %15s, %2d/%d termijnen betaald %15s (deze periode %s), "
           "resterend %s\n",
           r->gemeente, r->partner, r->product, r->partner_name, money_format_nl(r->budget, b),
           r->terms_paid, r->terms, money_format_nl(r->paid, p), money_format_nl(r->this_period, t),
           money_format_nl(r->remaining, rem));
    return 0;
}

/*
 * COMMAND: settle
 * SUMMARY: de afrekening per gemeente, aanbieder en product over een declaratieperiode
 */
int cmd_settle(cli_env *env, int argc, char **argv)
{
    const char *period = NULL, *gemeente = NULL, *agb = NULL, *product = NULL;
    bool lines = false, tasks = false;
    const cli_opt opts[] = {
        {"tasks", OPT_FLAG, &tasks, NULL,
         "de taakbudgetten (taakgericht): budget, betaalde termijnen, resterend"},
        {"period", OPT_STR, &period, "JJJJ-MM", "de declaratieperiode (maand)"},
        {"gemeente", OPT_STR, &gemeente, "CBS", "alleen deze gemeente"},
        {"agb", OPT_STR, &agb, "AGB", "alleen deze aanbieder"},
        {"lines", OPT_FLAG, &lines, NULL, "de regels achter de totalen tonen"},
        {"product", OPT_STR, &product, "CODE", "met --lines: alleen dit product"},
        {0}};
    const char *pos[1];
    int npos, rc = cli_parse(env,
                             "settle --period JJJJ-MM [--gemeente CBS] [--agb AGB] [--lines "
                             "[--product CODE] | --tasks]",
                             "Toont de afrekening van een periode: per gemeente (elke gemeente "
                             "betaalt haar eigen regels), aanbieder en product het geaccepteerde "
                             "bedrag (debet min credit) met het aantal geaccepteerde en "
                             "afgewezen regels.",
                             argc, argv, opts, pos, 0, &npos);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    jr_month m;
    if (!period)
        return cli_usage_error("settle", "--period ontbreekt");
    if (!month_parse(period, &m))
        return cli_usage_error("settle", "--period '%s' is geen maand (JJJJ-MM)", period);
    if ((rc = cli_open(env)) != EXIT_DONE)
        return rc;
    jr_error err;
    jr_error_clear(&err);
    if (tasks) {
        if (!env->json)
            printf("Taakbudgetten %s, regio %s (termijnen betaald tot en met de periode)\n", period,
                   env->cat->region);
        return settle_task_terms(&env->ctx, m, gemeente, agb, print_task, env, &err) == JR_OK
                   ? EXIT_DONE
                   : cli_fail(env, &err);
    }
    if (lines)
        return settle_lines(&env->ctx, m, gemeente, agb, product, print_line, &env->json, &err) ==
                       JR_OK
                   ? EXIT_DONE
                   : cli_fail(env, &err);
    settle_ctx c;
    memset(&c, 0, sizeof c);
    c.env = env;
    if (!env->json)
        printf("Afrekening periode %s, regio %s\n\n", period, env->cat->region);
    if (settle_period(&env->ctx, m, gemeente, agb, print_row, &c, &err) != JR_OK)
        return cli_fail(env, &err);
    close_gemeente(&c);
    if (!env->json) {
        char t[JR_MONEY_BUF];
        if (!c.gemeente[0])
            printf("Geen declaraties in periode %s.\n", period);
        else
            printf("Totaal regio: %s (%lld regels geaccepteerd, %lld afgewezen)\n",
                   money_format_nl(c.grand, t), (long long)c.acc, (long long)c.rej);
    }
    return EXIT_DONE;
}

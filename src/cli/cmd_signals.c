/*
 * cmd_signals.c: `jeugdregio signals --period P [--gemeente CBS] [--kind
 * K] [--lines] [--json]`: the material control signals of a period
 * (service/signals.h), one per line with its sentence, the lines behind
 * each with --lines; --json the shape of render/render_signals.h that the
 * API answers too.
 */
#include "cli.h"

#include "../core/sbuf.h"
#include "../render/render_signals.h"
#include "../service/signals.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void print_line(const jr_sig_line *l)
{
    char m[JR_MONEY_BUF], b[JR_DATE_ISO_LEN], e[JR_DATE_ISO_LEN];
    if (!l->assignment[0]) {
        printf("      %-8s %18s  %s\n", l->month, money_format_nl(l->cents, m), l->note);
        return;
    }
    printf("      %-8s %-16s %-9s %-6s %s..%s %18s  %s", l->month, l->assignment, l->bsn,
           l->product, date_format(l->begin, b), date_format(l->end, e),
           money_format_nl(l->cents, m), l->note);
    if (l->value_x10 >= 0)
        printf(" (%lld,%lld)", (long long)(l->value_x10 / 10), (long long)(l->value_x10 % 10));
    printf("\n");
}

/*
 * COMMAND: signals
 * SUMMARY: de signalen voor de materiële controle van een periode (signals --period P)
 */
int cmd_signals(cli_env *env, int argc, char **argv)
{
    const char *ps = NULL, *gemeente = NULL, *kind = NULL;
    bool lines = false;
    const cli_opt opts[] = {
        {"period", OPT_STR, &ps, "PERIODE", "JJJJ, JJJJ-MM, JJJJ-Qn of JJJJ-Hn"},
        {"gemeente", OPT_STR, &gemeente, "CBS", "deze gemeente (zonder: de regio)"},
        {"kind", OPT_STR, &kind, "SOORT",
         "alleen budget_vol, uren, buiten_zorg, credits of sprong"},
        {"lines", OPT_FLAG, &lines, NULL, "ook de regels achter elk signaal"},
        {0}};
    const char *pos[1];
    int npos, rc = cli_parse(env, "signals --period PERIODE [--gemeente CBS] [--kind SOORT]",
                             "Toont de signalen voor de materiële controle: aanbieders die bijna "
                             "het hele budget declareren, regels boven het aantal uren per week, "
                             "regels buiten de zorgperiode, veel credits en een plotselinge "
                             "sprong in een maand; met de regels erachter.",
                             argc, argv, opts, pos, 0, &npos);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    jr_period period;
    if (!ps)
        return cli_usage_error("signals", "--period ontbreekt");
    if (!period_parse(ps, &period))
        return cli_usage_error(
            "signals", "--period '%s' is geen periode (JJJJ, JJJJ-MM, JJJJ-Qn of JJJJ-Hn)", ps);
    if ((rc = cli_open(env)) != 0)
        return rc;
    jr_signals s;
    jr_error err;
    jr_error_clear(&err);
    if (signals_find(&env->ctx, &period, gemeente, kind, &s, &err) != JR_OK) {
        signals_free(&s);
        return cli_fail(env, &err);
    }
    if (env->json) {
        json_t *o = render_signals(&s);
        signals_free(&s);
        if (!o) {
            fprintf(stderr, "Onvoldoende geheugen.\n");
            return EXIT_INTERNAL;
        }
        cli_emit(o);
        return EXIT_DONE;
    }
    char pt[JR_PERIOD_TEXT_LEN];
    printf("Signalen %s, %s: %d\n", period_format(&period, pt), s.scope.name, s.n);
    for (int k = 0; k < JR_SIG_KINDS; k++)
        printf("  %-12s %-40s %lld\n", signal_kind_code((jr_signal_kind)k),
               signal_kind_name((jr_signal_kind)k), (long long)s.counts[k]);
    for (int i = 0; i < s.n; i++) {
        const jr_signal *g = &s.signals[i];
        printf("\n%-12s %s %s\n  %s\n", signal_kind_code(g->kind), g->agb, g->provider, g->text);
        for (int j = 0; lines && j < g->nlines; j++)
            print_line(&g->lines[j]);
        if (lines && g->count > g->nlines && g->nlines > 0)
            printf("      ... en nog %lld\n", (long long)(g->count - g->nlines));
    }
    signals_free(&s);
    return EXIT_DONE;
}

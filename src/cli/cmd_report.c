/*
 * cmd_report.c: `jeugdregio report --period P [--gemeente CBS] --out
 * FILE.pdf`: the council report (raadsrapportage) of one municipality, or
 * of the region without --gemeente, as a PDF (service/report.h gathers,
 * render/report_pdf.h lays out). The file is written whole or not at all.
 */
#include "cli.h"

#include "../core/sbuf.h"
#include "../render/report_pdf.h"
#include "../service/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * COMMAND: report
 * SUMMARY: de raadsrapportage van een gemeente of de regio als PDF (report --period P --out FILE)
 */
int cmd_report(cli_env *env, int argc, char **argv)
{
    const char *ps = NULL, *gemeente = NULL, *out = NULL;
    const cli_opt opts[] = {
        {"period", OPT_STR, &ps, "PERIODE", "JJJJ, JJJJ-MM, JJJJ-Qn of JJJJ-Hn"},
        {"gemeente", OPT_STR, &gemeente, "CBS", "deze gemeente (zonder: de regio)"},
        {"out", OPT_STR, &out, "BESTAND", "schrijf de PDF hier (\"-\": standaarduitvoer)"},
        {0}};
    const char *pos[1];
    int npos,
        rc = cli_parse(env, "report --period PERIODE [--gemeente CBS] --out BESTAND.pdf",
                       "Maakt de raadsrapportage jeugdhulp als PDF: kerncijfers naast vorig jaar, "
                       "uitgaven, verwijzingen, duur, wachttijd en beëindiging, budgetgebruik, "
                       "ambulantisering, concentratie, de vergelijking tussen gemeenten, "
                       "begroting en prognose, en de definities. Kleine groepen staan er als "
                       "\"< 10\": het rapport is openbaar.",
                       argc, argv, opts, pos, 0, &npos);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    jr_period period;
    if (!ps)
        return cli_usage_error("report", "--period ontbreekt");
    if (!period_parse(ps, &period))
        return cli_usage_error(
            "report", "--period '%s' is geen periode (JJJJ, JJJJ-MM, JJJJ-Qn of JJJJ-Hn)", ps);
    if (!out)
        return cli_usage_error("report", "--out ontbreekt (het PDF-bestand, of - )");
    if ((rc = cli_open(env)) != 0)
        return rc;

    jr_council_report *r = malloc(sizeof *r);
    if (!r) {
        fprintf(stderr, "Onvoldoende geheugen.\n");
        return EXIT_INTERNAL;
    }
    jr_error err;
    jr_error_clear(&err);
    sbuf pdf = {0};
    jr_status st = report_council(&env->ctx, &period, gemeente, r, &err);
    if (st == JR_OK)
        st = report_pdf_render(r, &pdf, &err);
    if (st == JR_OK)
        st = cli_write_file(out, pdf.data, pdf.len, &err);
    if (st == JR_OK && strcmp(out, "-") != 0) {
        char pt[JR_PERIOD_TEXT_LEN];
        if (env->json)
            cli_emit(json_pack("{s:s, s:s, s:s?, s:s, s:I}", "file", out, "period",
                               period_format(&period, pt), "gemeente",
                               r->gemeente[0] ? r->gemeente : NULL, "name", r->name, "bytes",
                               (json_int_t)pdf.len));
        else
            printf("%s: raadsrapportage %s %s (%zu bytes)\n", out,
                   r->gemeente[0] ? r->name : "regio", period_format(&period, pt), pdf.len);
    }
    report_council_free(r);
    free(r);
    sbuf_free(&pdf);
    return st == JR_OK ? EXIT_DONE : cli_fail(env, &err);
}

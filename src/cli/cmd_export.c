/*
 * cmd_export.c: `jeugdregio export FIGUUR --period P [--gemeente CBS]
 * [--aanbieder AGB] [--limit N] [--format xlsx|csv] [--table NAAM] --out
 * BESTAND`: a figure's
 * tables (render/export.h) as an Excel workbook or CSV, written whole or
 * not at all. "monitor" exports every figure of the monitor together.
 */
#include "cli.h"

#include "../core/sbuf.h"
#include "../render/export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * COMMAND: export
 * SUMMARY: de tabellen van een cijfer naar Excel (.xlsx) of CSV (export FIGUUR --period P --out F)
 */
int cmd_export(cli_env *env, int argc, char **argv)
{
    const char *ps = NULL, *gemeente = NULL, *agb = NULL, *out = NULL, *format = NULL,
               *table = NULL, *ls = NULL;
    const cli_opt opts[] = {
        {"period", OPT_STR, &ps, "PERIODE", "JJJJ, JJJJ-MM, JJJJ-Qn of JJJJ-Hn (control: JJJJ)"},
        {"gemeente", OPT_STR, &gemeente, "CBS", "deze gemeente (zonder: de regio)"},
        {"aanbieder", OPT_STR, &agb, "AGB",
         "alleen de productie van deze aanbieder (niet bij benchmark, control en signals)"},
        {"limit", OPT_STR, &ls, "N", "expensive: hoogstens N jeugdigen (1-100, standaard 10)"},
        {"format", OPT_STR, &format, "xlsx|csv",
         "standaard naar de extensie van --out, anders xlsx"},
        {"table", OPT_STR, &table, "NAAM", "alleen deze tabel (het tabblad)"},
        {"out", OPT_STR, &out, "BESTAND", "schrijf hier (\"-\": standaarduitvoer)"},
        {0}};
    char about[640];
    snprintf(about, sizeof about,
             "Schrijft de tabellen van een cijfer van de monitor als Excel-werkmap (een tabblad "
             "per tabel, echte getallen, bedragen en datums) of als CSV (';', decimale komma). "
             "FIGUUR is een van: %s.",
             export_names());
    const char *pos[1];
    int npos, rc = cli_parse(env,
                             "export FIGUUR --period PERIODE [--gemeente CBS] [--aanbieder AGB] "
                             "--out BESTAND",
                             about, argc, argv, opts, pos, 1, &npos);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    if (npos != 1)
        return cli_usage_error("export", "welk cijfer? (%s)", export_names());
    if (!export_known(pos[0]))
        return cli_usage_error("export", "onbekend cijfer '%s' (%s)", pos[0], export_names());
    jr_period period;
    if (!ps)
        return cli_usage_error("export", "--period ontbreekt");
    if (!period_parse(ps, &period))
        return cli_usage_error(
            "export", "--period '%s' is geen periode (JJJJ, JJJJ-MM, JJJJ-Qn of JJJJ-Hn)", ps);
    if (!out)
        return cli_usage_error("export", "--out ontbreekt (het bestand, of - )");
    bool csv;
    if (format) {
        if (strcmp(format, "csv") != 0 && strcmp(format, "xlsx") != 0)
            return cli_usage_error("export", "--format '%s': xlsx of csv", format);
        csv = strcmp(format, "csv") == 0;
    } else {
        size_t n = strlen(out);
        csv = n > 4 && strcmp(out + n - 4, ".csv") == 0;
    }
    int64_t limit = 0;
    if (ls && !cli_int("export", "--limit", ls, 1, 100, &limit))
        return EXIT_USAGE;
    if ((rc = cli_open(env)) != 0)
        return rc;

    jr_xtables ts;
    memset(&ts, 0, sizeof ts);
    jr_error err;
    jr_error_clear(&err);
    sbuf data = SBUF_INIT;
    jr_status st = export_figure(&env->ctx, pos[0], &period, gemeente, agb, limit, &ts, &err);
    jr_xtables view = ts;
    if (st == JR_OK && (st = export_view(&ts, pos[0], table, &view, &err)) != JR_OK) {
        /* an unknown table is a usage error on the command line */
        xtables_free(&ts);
        return cli_usage_error("export", "--table: %s", err.message);
    }
    if (st == JR_OK)
        st = export_bytes(&view, csv, &data, &err);
    if (st == JR_OK)
        st = cli_write_file(out, data.data ? data.data : "", data.len, &err);
    if (st == JR_OK && strcmp(out, "-") != 0) {
        size_t rows = 0;
        for (int i = 0; i < view.n; i++)
            rows += view.t[i].nrows;
        if (env->json)
            cli_emit(json_pack("{s:s, s:s, s:s, s:i, s:I, s:I}", "file", out, "figure", pos[0],
                               "format", csv ? "csv" : "xlsx", "tables", view.n, "rows",
                               (json_int_t)rows, "bytes", (json_int_t)data.len));
        else
            printf("%s: %s, %d %s, %zu rijen (%s)\n", out, pos[0], view.n,
                   view.n == 1 ? "tabel" : "tabellen", rows, csv ? "CSV" : "Excel");
    }
    xtables_free(&ts);
    sbuf_free(&data);
    return st == JR_OK ? EXIT_DONE : cli_fail(env, &err);
}

/*
 * cmd_declare.c: importing a declaration CSV file (through decl_csv_import,
 * as the API does) and listing the reason codes of the declaration checks.
 */
#include "cli.h"

#include "../io/decl_csv.h"
#include "../service/declaration.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

/* print_outcome: one line's outcome; ud is the bool "as JSON" */
static int print_outcome(void *ud, const void *row)
{
    const jr_decl_outcome *o = row;
    char m[JR_MONEY_BUF];
    if (*(const bool *)ud)
        cli_emit(render_outcome(o));
    else
        printf("  %-20s %s %s %s%s%s\n", o->ref, o->accepted ? "geaccepteerd" : "afgewezen  ",
               o->code, o->accepted ? money_format_nl(o->credit ? -o->amount : o->amount, m) : "",
               o->accepted ? "" : " ", o->accepted ? "" : o->message);
    return 0;
}

/* print_batch: a batch's totals (text only: JSON lists the lines) */
static int print_batch(void *ud, const jr_decl_batch_summary *b)
{
    char per[8], m[JR_MONEY_BUF];
    (void)ud;
    printf("Declaratie %s van %s aan gemeente %s, periode %s: %lld geaccepteerd (%s), "
           "%lld afgewezen%s\n",
           b->number, b->agb, b->gemeente, month_format(b->period, per), (long long)b->n_accepted,
           money_format_nl(b->accepted_amount, m), (long long)b->n_rejected,
           b->replayed ? " (al eerder ontvangen: niets gewijzigd)" : "");
    return 0;
}

/*
 * COMMAND: declare
 * SUMMARY: declaratieregels inlezen uit een CSV-bestand en per regel het resultaat tonen
 */
int cmd_declare(cli_env *env, int argc, char **argv)
{
    bool quiet = false;
    const cli_opt opts[] = {
        {"summary", OPT_FLAG, &quiet, NULL, "alleen de totalen per declaratie, niet elke regel"},
        {0}};
    const char *pos[1];
    int npos, rc = cli_parse(env, "declare BESTAND.csv [--summary]",
                             "Leest een CSV-bestand met declaratieregels (zie README), toetst "
                             "elke regel en slaat hem op als geaccepteerd of afgewezen met de "
                             "reden. Een fout in de vorm van het bestand weigert het hele bestand; "
                             "een declaratie die al eerder is ontvangen verandert niets.",
                             argc, argv, opts, pos, 1, &npos);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    if (npos != 1)
        return cli_usage_error("declare", "geef een CSV-bestand");
    FILE *in = strcmp(pos[0], "-") == 0 ? stdin : fopen(pos[0], "rb");
    jr_error err;
    jr_error_clear(&err);
    if (!in) {
        jr_fail(&err, JR_EIO, "file_unreadable", "bestand", "%s: niet te lezen: %s", pos[0],
                strerror(errno));
        return cli_fail(env, &err);
    }
    if ((rc = cli_open(env)) != EXIT_DONE) {
        if (in != stdin)
            fclose(in);
        return rc;
    }
    decl_import_report rep = {env->json ? NULL : print_batch,
                              quiet && !env->json ? NULL : print_outcome, &env->json};
    jr_status st = decl_csv_import(&env->ctx, in, pos[0], pos[0], &rep, &err);
    if (in != stdin)
        fclose(in);
    return st == JR_OK ? EXIT_DONE : cli_fail(env, &err);
}

/*
 * COMMAND: codes
 * SUMMARY: de redencodes van de declaratiecontroles met hun betekenis
 */
int cmd_codes(cli_env *env, int argc, char **argv)
{
    const cli_opt opts[] = {{0}};
    const char *pos[1];
    int npos, rc = cli_parse(env, "codes",
                             "Toont elke redencode van de declaratiecontroles: de iJw-retourcodes "
                             "en de eigen JR-codes.",
                             argc, argv, opts, pos, 0, &npos);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    int n;
    const jr_decl_code *codes = decl_codes(&n);
    for (int i = 0; i < n; i++) {
        if (env->json)
            cli_emit(json_pack("{s:s, s:s, s:s}", "code", codes[i].code, "source",
                               codes[i].ijw ? "iJw" : "jeugdregio", "message", codes[i].message));
        else
            printf("%s  %-10s %s\n", codes[i].code, codes[i].ijw ? "iJw" : "jeugdregio",
                   codes[i].message);
    }
    return EXIT_DONE;
}

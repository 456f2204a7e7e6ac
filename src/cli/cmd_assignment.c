/*
 * cmd_assignment.c: toewijzen (assign), the assignment's life (assignment
 * show/list/change/end/withdraw), start and stop of care (care) and the
 * budget ledger (ledger).
 */
#include "cli.h"

#include "../service/assignment.h"
#include "../service/care.h"

#include <stdio.h>
#include <string.h>

static void print_assignment(const jr_assignment *a)
{
    char s[JR_DATE_ISO_LEN], e[JR_DATE_ISO_LEN], m[4][JR_MONEY_BUF];
    printf("Toewijzing %s (%s)\n  jeugdige %s, gemeente %s, aanbieder %s\n", a->number, a->status,
           a->bsn, a->gemeente, a->agb);
    if (a->grant.is_budget)
        printf("  ambulant budget (categorie %s) %s t/m %s\n", a->grant.category,
               date_format(a->grant.start, s), date_format(a->grant.end, e));
    else
        printf("  %s: %lld %s (categorie %s) %s t/m %s\n", a->grant.product,
               (long long)a->grant.volume, unit_name(a->grant.unit), a->grant.category,
               date_format(a->grant.start, s), date_format(a->grant.end, e));
    if (a->care_start != JR_DATE_NONE)
        printf("  zorg gestart %s\n", date_format(a->care_start, s));
    if (a->care_stop != JR_DATE_NONE)
        printf("  zorg gestopt %s (reden %s: %s)\n", date_format(a->care_stop, s), a->stop_reason,
               stop_reason_name(a->stop_reason));
    printf("  toegekend %s | gebruikt %s | resterend %s | vrijgevallen %s\n",
           money_format_nl(a->ledger.granted, m[0]), money_format_nl(a->ledger.used, m[1]),
           money_format_nl(ledger_remaining(&a->ledger), m[2]),
           money_format_nl(a->ledger.released, m[3]));
}

/*
 * COMMAND: assign
 * SUMMARY: een open verwijzing toewijzen aan een gecontracteerde aanbieder (toewijzing)
 */
int cmd_assign(cli_env *env, int argc, char **argv)
{
    const char *referral = NULL, *agb = NULL, *start = NULL, *end = NULL;
    const cli_opt opts[] = {{"referral", OPT_STR, &referral, "ID", "de verwijzing"},
                            {"agb", OPT_STR, &agb, "AGB", "de aanbieder"},
                            {"start", OPT_STR, &start, "DATUM", "ingangsdatum"},
                            {"end", OPT_STR, &end, "DATUM",
                             "einddatum (standaard: de langste die het product toestaat)"},
                            {0}};
    const char *pos[1];
    int npos, rc = cli_parse(env, "assign --referral ID --agb AGB --start DATUM [--end DATUM]",
                             "Maakt een toewijzing voor een verwijzing met route budget, "
                             "verblijf, crisis of dyslexie. Een offerte wordt toegewezen met "
                             "'quote accept'.",
                             argc, argv, opts, pos, 0, &npos);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    int64_t rid;
    jr_date s, e = JR_DATE_NONE;
    if (!referral || !agb || !start)
        return cli_usage_error("assign", "--referral, --agb en --start zijn nodig");
    if (!cli_int("assign", "referral", referral, 1, INT64_MAX, &rid) ||
        !cli_date("assign", "start", start, &s) || (end && !cli_date("assign", "end", end, &e)))
        return EXIT_USAGE;
    if ((rc = cli_open(env)) != EXIT_DONE)
        return rc;
    jr_error err;
    cli_error_collect(env, &err);
    char number[24];
    jr_assignment a;
    if (assignment_create(&env->ctx, rid, agb, s, e, number, &err) != JR_OK ||
        assignment_get(&env->ctx, number, &a, &err) != JR_OK)
        return cli_fail(env, &err);
    if (env->json)
        cli_emit(render_assignment(&a));
    else
        print_assignment(&a);
    return EXIT_DONE;
}

static int list_row(void *ud, const void *row)
{
    const jr_assignment *a = row;
    char s[JR_DATE_ISO_LEN], e[JR_DATE_ISO_LEN], m[2][JR_MONEY_BUF];
    if (*(bool *)ud) {
        cli_emit(render_assignment(a));
        return 0;
    }
    printf("%-16s %s %s %s  %-6s %s t/m %s  %s gebruikt %s  %s\n", a->number, a->gemeente, a->agb,
           a->bsn, a->grant.is_budget ? "budget" : a->grant.product, date_format(a->grant.start, s),
           date_format(a->grant.end, e), money_format_nl(a->ledger.granted, m[0]),
           money_format_nl(a->ledger.used, m[1]), a->status);
    return 0;
}

/*
 * COMMAND: assignment
 * SUMMARY: toewijzingen tonen, wijzigen, beeindigen of intrekken
 */
int cmd_assignment(cli_env *env, int argc, char **argv)
{
    const char *gemeente = NULL, *agb = NULL, *bsn = NULL, *budget = NULL, *volume = NULL,
               *end = NULL, *reason = NULL, *date = NULL;
    const cli_opt opts[] = {
        {"gemeente", OPT_STR, &gemeente, "CBS", "list: alleen deze gemeente"},
        {"agb", OPT_STR, &agb, "AGB", "list: alleen deze aanbieder"},
        {"bsn", OPT_STR, &bsn, "BSN", "list: alleen deze jeugdige"},
        {"budget", OPT_STR, &budget, "EURO", "change: nieuw budget in euro's (bijv. 6000.00)"},
        {"volume", OPT_STR, &volume, "N", "change: nieuw volume (etmalen of uren)"},
        {"end", OPT_STR, &end, "DATUM", "change: nieuwe einddatum"},
        {"reason", OPT_STR, &reason, "CODE",
         "change: iJw RedenWijziging (bijv. 04 verlenging); end: toelichting"},
        {"date", OPT_STR, &date, "DATUM", "end: datum van beeindiging"},
        {0}};
    const char *pos[2];
    int npos, rc = cli_parse(env,
                             "assignment show NUMMER | list [--gemeente CBS] [--agb AGB] [--bsn "
                             "BSN] | change NUMMER [--budget EURO | --volume N] [--end DATUM] "
                             "--reason CODE | end NUMMER --date DATUM [--reason TEKST] | withdraw "
                             "NUMMER",
                             "Toont of beheert toewijzingen. Bij beeindigen valt het ongebruikte "
                             "budget terug naar de gemeente; intrekken (RedenWijziging 13) sluit "
                             "verdere declaraties uit.",
                             argc, argv, opts, pos, 2, &npos);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    const char *act = npos > 0 ? pos[0] : "";
    bool list = strcmp(act, "list") == 0;
    if (!list && (npos != 2 || (strcmp(act, "show") != 0 && strcmp(act, "change") != 0 &&
                                strcmp(act, "end") != 0 && strcmp(act, "withdraw") != 0)))
        return cli_usage_error("assignment", "geef een actie (show, list, change, end, withdraw) "
                                             "en een toewijzingnummer");
    jr_error err;
    cli_error_collect(env, &err);
    if ((rc = cli_open(env)) != EXIT_DONE)
        return rc;
    if (list)
        return assignment_list(&env->ctx, gemeente, agb, bsn, list_row, &env->json, &err) == JR_OK
                   ? EXIT_DONE
                   : cli_fail(env, &err);
    const char *number = pos[1];
    jr_status st = JR_OK;
    if (strcmp(act, "change") == 0) {
        int64_t amount = -1;
        jr_date e = JR_DATE_NONE;
        if (budget && volume)
            return cli_usage_error("assignment", "geef --budget of --volume, niet allebei");
        if (budget && !money_parse(budget, &amount))
            return cli_usage_error("assignment", "--budget '%s' is geen bedrag (zoals 6000.00)",
                                   budget);
        if (volume && !cli_int("assignment", "volume", volume, 1, 1000000, &amount))
            return EXIT_USAGE;
        if (end && !cli_date("assignment", "end", end, &e))
            return EXIT_USAGE;
        st = assignment_change(&env->ctx, number, amount, e, reason, &err);
    } else if (strcmp(act, "end") == 0) {
        jr_date d;
        if (!date)
            return cli_usage_error("assignment", "assignment end vraagt --date");
        if (!cli_date("assignment", "date", date, &d))
            return EXIT_USAGE;
        st = assignment_end(&env->ctx, number, d, reason, &err);
    } else if (strcmp(act, "withdraw") == 0) {
        st = assignment_withdraw(&env->ctx, number, &err);
    }
    jr_assignment a;
    if (st != JR_OK || assignment_get(&env->ctx, number, &a, &err) != JR_OK)
        return cli_fail(env, &err);
    if (env->json)
        cli_emit(render_assignment(&a));
    else
        print_assignment(&a);
    return EXIT_DONE;
}

/*
 * COMMAND: care
 * SUMMARY: start zorg en stop zorg melden voor een toewijzing (door de aanbieder)
 */
int cmd_care(cli_env *env, int argc, char **argv)
{
    const char *agb = NULL, *date = NULL, *reason = NULL;
    const cli_opt opts[] = {
        {"agb", OPT_STR, &agb, "AGB", "de aanbieder die de toewijzing heeft"},
        {"date", OPT_STR, &date, "DATUM", "datum van start of stop"},
        {"reason", OPT_STR, &reason, "CODE",
         "stop: iJw RedenBeeindiging (31 volgens plan, 32-35 voortijdig, 38 overstap, ...)"},
        {0}};
    const char *pos[2];
    int npos, rc = cli_parse(env,
                             "care start NUMMER --agb AGB --date DATUM | stop NUMMER --agb AGB "
                             "--date DATUM --reason CODE",
                             "Meldt start of stop van de zorg voor een toewijzing.", argc, argv,
                             opts, pos, 2, &npos);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    if (npos != 2 || (strcmp(pos[0], "start") != 0 && strcmp(pos[0], "stop") != 0))
        return cli_usage_error("care", "geef start of stop en een toewijzingnummer");
    jr_date d;
    if (!agb || !date)
        return cli_usage_error("care", "--agb en --date zijn nodig");
    if (!cli_date("care", "date", date, &d))
        return EXIT_USAGE;
    bool stop = strcmp(pos[0], "stop") == 0;
    if (stop && !reason)
        return cli_usage_error("care", "care stop vraagt --reason");
    if ((rc = cli_open(env)) != EXIT_DONE)
        return rc;
    jr_error err;
    jr_error_clear(&err);
    jr_status st = stop ? care_stop(&env->ctx, pos[1], agb, d, reason, &err)
                        : care_start(&env->ctx, pos[1], agb, d, &err);
    if (st != JR_OK)
        return cli_fail(env, &err);
    if (env->json)
        cli_emit(json_pack("{s:s, s:s, s:s}", "number", pos[1], "care", pos[0], "date", date));
    else
        printf("Zorg %s voor toewijzing %s op %s.\n", stop ? "gestopt" : "gestart", pos[1], date);
    return EXIT_DONE;
}

static int event_row(void *ud, const void *row)
{
    const jr_ledger_event *e = row;
    char d[JR_DATE_ISO_LEN], m[JR_MONEY_BUF];
    if (*(bool *)ud)
        cli_emit(render_ledger_event(e));
    else
        printf("  %s  %-12s %14s  %s\n", date_format(e->date, d), e->kind,
               money_format_nl(e->cents, m), e->note);
    return 0;
}

/*
 * COMMAND: ledger
 * SUMMARY: het budgetgrootboek van een toewijzing: toegekend, gebruikt, resterend, vrijgevallen
 */
int cmd_ledger(cli_env *env, int argc, char **argv)
{
    const cli_opt opts[] = {{0}};
    const char *pos[1];
    int npos, rc = cli_parse(env, "ledger NUMMER",
                             "Toont het grootboek van een toewijzing met zijn mutaties.", argc,
                             argv, opts, pos, 1, &npos);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    if (npos != 1)
        return cli_usage_error("ledger", "geef een toewijzingnummer");
    if ((rc = cli_open(env)) != EXIT_DONE)
        return rc;
    jr_error err;
    jr_error_clear(&err);
    jr_assignment a;
    if (assignment_get(&env->ctx, pos[0], &a, &err) != JR_OK)
        return cli_fail(env, &err);
    if (env->json)
        cli_emit(render_assignment(&a));
    else
        print_assignment(&a);
    if (!env->json)
        printf("Mutaties:\n");
    return ledger_events(&env->ctx, pos[0], event_row, &env->json, &err) == JR_OK
               ? EXIT_DONE
               : cli_fail(env, &err);
}

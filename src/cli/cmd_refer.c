/*
 * cmd_refer.c: the verwijzen process from the command line.
 */
#include "../core/sbuf.h"
#include "cli.h"

#include "../service/referrals.h"

#include <stdio.h>
#include <string.h>

/*
 * COMMAND: refer
 * SUMMARY: een jeugdige verwijzen (keuzebudget, offerte, verblijf, crisis of dyslexie)
 */
int cmd_refer(cli_env *env, int argc, char **argv)
{
    const char *bsn = NULL, *type = NULL, *route = NULL, *budget = NULL, *product = NULL,
               *volume = NULL, *result = NULL, *date = NULL, *name = NULL;
    const cli_opt opts[] = {
        {"bsn", OPT_STR, &bsn, "BSN", "de jeugdige (eerst registreren met youth add)"},
        {"referrer-type", OPT_STR, &type, "TYPE",
         "iJw type verwijzer: 01 gemeente, 02 huisarts, 03 jeugdarts, 04 GI, 05 medisch "
         "specialist, 06 geen, 08 rechter"},
        {"referrer-name", OPT_STR, &name, "NAAM", "naam van de verwijzer"},
        {"route", OPT_STR, &route, "ROUTE", "budget, offerte, verblijf, crisis of dyslexie"},
        {"budget", OPT_STR, &budget, "KB", "keuzebudget (route budget), bijvoorbeeld KB3"},
        {"product", OPT_STR, &product, "CODE", "intensiteit, crisis- of dyslexieproduct"},
        {"volume", OPT_STR, &volume, "N", "etmalen (verblijf) of uren (crisis, dyslexie)"},
        {"result", OPT_STR, &result, "TEKST", "het beoogde resultaat, in woorden"},
        {"date", OPT_STR, &date, "DATUM", "verwijsdatum (standaard vandaag)"},
        {0}};
    const char *pos[1];
    int npos, rc = cli_parse(env,
                             "refer --bsn BSN --referrer-type TYPE --route ROUTE [--budget KB | "
                             "--product CODE --volume N] --result TEKST [--date DATUM]",
                             "Legt een verwijzing vast. De regio bepaalt welke routes een "
                             "verwijzer mag gebruiken: een huisarts kiest uit twee keuzebudgetten "
                             "of vraagt een offerte, een GI vraagt altijd een offerte.",
                             argc, argv, opts, pos, 0, &npos);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    if (!bsn || !type || !route || !result)
        return cli_usage_error("refer", "--bsn, --referrer-type, --route en --result zijn nodig");
    jr_referral_req req;
    memset(&req, 0, sizeof req);
    str_copy(req.referrer_type, sizeof req.referrer_type, type);
    if (!route_parse(route, &req.route))
        return cli_usage_error("refer",
                               "--route '%s': kies budget, offerte, verblijf, crisis of "
                               "dyslexie",
                               route);
    str_copy(req.budget, sizeof req.budget, budget ? budget : "");
    str_copy(req.product, sizeof req.product, product ? product : "");
    str_copy(req.result, sizeof req.result, result);
    if (volume && !cli_int("refer", "volume", volume, 0, 100000, &req.volume))
        return EXIT_USAGE;
    if ((rc = cli_open(env)) != EXIT_DONE)
        return rc;
    req.date = env->ctx.today;
    if (date && !cli_date("refer", "date", date, &req.date))
        return EXIT_USAGE;
    jr_error err;
    cli_error_collect(env, &err);
    int64_t id;
    if (referral_create(&env->ctx, bsn, &req, name, &id, &err) != JR_OK)
        return cli_fail(env, &err);
    if (env->json)
        cli_emit(json_pack("{s:I, s:s, s:s}", "referral", (json_int_t)id, "route", route, "status",
                           "open"));
    else
        printf("Verwijzing %lld vastgelegd (route %s).\n", (long long)id, route);
    return EXIT_DONE;
}

/*
 * cmd_youth.c: registering youths and showing a youth's file (referrals and
 * assignments).
 */
#include "cli.h"

#include "../service/assignment.h"
#include "../service/referrals.h"
#include "../service/youth.h"

#include <stdio.h>
#include <string.h>

static int print_referral(void *ud, const void *row)
{
    const jr_referral *r = row;
    char d[JR_DATE_ISO_LEN];
    const char *what = r->req.route == JR_ROUTE_BUDGET ? r->req.budget : r->req.product;
    if (*(bool *)ud)
        cli_emit(json_pack("{s:s, s:I, s:s, s:s, s:s, s:s, s:s, s:I, s:s, s:o, s:s}", "type",
                           "referral", "id", (json_int_t)r->id, "gemeente", r->gemeente,
                           "referrer_type", r->req.referrer_type, "referrer_name", r->referrer_name,
                           "route", route_name(r->req.route), "product", what, "volume",
                           (json_int_t)r->req.volume, "result", r->req.result, "date",
                           render_date(r->req.date), "status", r->status));
    else
        printf("  verwijzing %lld  %s  %s (%s)  %s %s  %s: %s\n", (long long)r->id,
               date_format(r->req.date, d), r->referrer_name, r->req.referrer_type,
               route_name(r->req.route), what, r->status, r->req.result);
    return 0;
}

static int print_assignment(void *ud, const void *row)
{
    const jr_assignment *a = row;
    char s[JR_DATE_ISO_LEN], e[JR_DATE_ISO_LEN], m[JR_MONEY_BUF];
    if (*(bool *)ud)
        cli_emit(json_pack("{s:s, s:s, s:s, s:s, s:o, s:o, s:s, s:I}", "type", "assignment",
                           "number", a->number, "agb", a->agb, "product",
                           a->grant.is_budget ? "budget" : a->grant.product, "start",
                           render_date(a->grant.start), "end", render_date(a->grant.end), "status",
                           a->status, "granted_cents", (json_int_t)a->ledger.granted));
    else
        printf("  toewijzing %s  %s  %s t/m %s  %s  %s %s\n", a->number, a->agb,
               date_format(a->grant.start, s), date_format(a->grant.end, e),
               a->grant.is_budget ? "budget" : a->grant.product,
               money_format_nl(a->ledger.granted, m), a->status);
    return 0;
}

/*
 * COMMAND: youth
 * SUMMARY: jeugdigen registreren (youth add) en het dossier van een jeugdige tonen (youth show)
 */
int cmd_youth(cli_env *env, int argc, char **argv)
{
    const char *bsn = NULL, *birth = NULL, *gemeente = NULL;
    const cli_opt opts[] = {{"bsn", OPT_STR, &bsn, "BSN", "burgerservicenummer (elfproef)"},
                            {"birth", OPT_STR, &birth, "DATUM", "geboortedatum"},
                            {"gemeente", OPT_STR, &gemeente, "CBS", "woongemeente (CBS-code)"},
                            {0}};
    const char *pos[1];
    int npos,
        rc = cli_parse(env, "youth add --bsn BSN --birth DATUM --gemeente CBS | show --bsn BSN",
                       "Registreert een jeugdige of toont diens verwijzingen en "
                       "toewijzingen.",
                       argc, argv, opts, pos, 1, &npos);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    if (npos != 1 || (strcmp(pos[0], "add") != 0 && strcmp(pos[0], "show") != 0))
        return cli_usage_error("youth", "geef een actie: add of show");
    if (!bsn)
        return cli_usage_error("youth", "--bsn ontbreekt");
    jr_error err;
    cli_error_collect(env, &err);
    if (strcmp(pos[0], "show") == 0) {
        if ((rc = cli_open(env)) != EXIT_DONE)
            return rc;
        jr_youth y;
        if (youth_find(&env->ctx, bsn, &y, &err) != JR_OK)
            return cli_fail(env, &err);
        char d[JR_DATE_ISO_LEN];
        if (env->json)
            cli_emit(json_pack("{s:s, s:s, s:o, s:s}", "type", "youth", "bsn", y.bsn, "birth",
                               render_date(y.birth), "gemeente", y.gemeente));
        else
            printf("Jeugdige %s, geboren %s, woont in %s\n", y.bsn, date_format(y.birth, d),
                   y.gemeente);
        if (referral_list(&env->ctx, bsn, print_referral, &env->json, &err) != JR_OK ||
            assignment_list(&env->ctx, NULL, NULL, bsn, print_assignment, &env->json, &err) !=
                JR_OK)
            return cli_fail(env, &err);
        char eid[24];
        snprintf(eid, sizeof eid, "%lld", (long long)y.id);
        if (audit_record(&env->ctx, "jeugdige.ingezien", "youth", eid, "dossier", &err) != JR_OK)
            return cli_fail(env, &err);
        return EXIT_DONE;
    }
    jr_date b;
    if (!birth || !gemeente)
        return cli_usage_error("youth", "youth add vraagt --birth en --gemeente");
    if (!cli_date("youth", "birth", birth, &b))
        return EXIT_USAGE;
    if ((rc = cli_open(env)) != EXIT_DONE)
        return rc;
    if (youth_add(&env->ctx, bsn, b, gemeente, NULL, &err) != JR_OK)
        return cli_fail(env, &err);
    if (env->json)
        cli_emit(json_pack("{s:s, s:s, s:s}", "bsn", bsn, "birth", birth, "gemeente", gemeente));
    else
        printf("Jeugdige %s geregistreerd in gemeente %s.\n", bsn, gemeente);
    return EXIT_DONE;
}

/*
 * cmd_quote.c: the offerte process from the command line.
 */
#include "cli.h"

#include "../service/quote.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int print_quote(void *ud, const void *row)
{
    const jr_quote *q = row;
    char m[JR_MONEY_BUF];
    if (*(bool *)ud)
        cli_emit(render_quote(q));
    else
        printf("offerte %lld  verwijzing %lld  %s  %-12s %s %d mnd %s%s\n", (long long)q->id,
               (long long)q->referral_id, q->agb, q->status, money_format_nl(q->total, m),
               q->months, q->assignment[0] ? "toewijzing " : q->reason,
               q->assignment[0] ? q->assignment : "");
    return 0;
}

/* "FG2=10.5" -> product FG2, 1050 centi-hours */
static bool parse_hours(const char *s, jr_quote_line *l)
{
    const char *eq = strchr(s, '=');
    if (!eq || eq == s || (size_t)(eq - s) >= sizeof l->product)
        return false;
    memset(l, 0, sizeof *l);
    memcpy(l->product, s, (size_t)(eq - s));
    jr_cents v; /* hours with up to two decimals parse like money */
    if (!money_parse(eq + 1, &v) || v <= 0)
        return false;
    l->centi_hours = v;
    return true;
}

/*
 * COMMAND: quote
 * SUMMARY: offertes aanvragen, beantwoorden, accepteren of afwijzen
 */
int cmd_quote(cli_env *env, int argc, char **argv)
{
    const char *referral = NULL, *quote = NULL, *months = NULL, *plan = NULL, *start = NULL,
               *reason = NULL, *agb1 = NULL;
    cli_multi agbs = {0}, hours = {0};
    const cli_opt opts[] = {
        {"referral", OPT_STR, &referral, "ID", "request/list: de verwijzing (route offerte)"},
        {"agb", OPT_MULTI, &agbs, "AGB", "request: aanbieder(s); answer/list: de aanbieder"},
        {"quote", OPT_STR, &quote, "ID", "answer/accept/reject: de offerte"},
        {"hours", OPT_MULTI, &hours, "FG=UREN", "answer: uren per functiegroep, bijv. FG2=12.5"},
        {"months", OPT_STR, &months, "N", "answer: looptijd in maanden"},
        {"plan", OPT_STR, &plan, "TEKST", "answer: het plan in het kort"},
        {"start", OPT_STR, &start, "DATUM", "accept: ingangsdatum van de toewijzing"},
        {"reason", OPT_STR, &reason, "TEKST", "reject: de reden"},
        {0}};
    const char *pos[1];
    int npos, rc = cli_parse(env,
                             "quote request --referral ID --agb AGB... | answer --quote ID --agb "
                             "AGB --hours FG=UREN... --months N [--plan TEKST] | accept --quote "
                             "ID --start DATUM | reject --quote ID --reason TEKST | list "
                             "[--referral ID] [--agb AGB]",
                             "De offerteroute: de gemeente vraagt offertes, aanbieders antwoorden "
                             "met uren per functiegroep (p*q tegen de catalogustarieven), de "
                             "gemeente accepteert er een (een budgettoewijzing voor het totaal) of "
                             "wijst af met een reden.",
                             argc, argv, opts, pos, 1, &npos);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    const char *act = npos ? pos[0] : "";
    if (strcmp(act, "request") != 0 && strcmp(act, "answer") != 0 && strcmp(act, "accept") != 0 &&
        strcmp(act, "reject") != 0 && strcmp(act, "list") != 0)
        return cli_usage_error("quote", "geef een actie: request, answer, accept, reject of list");
    int64_t rid = 0, qid = 0, mon = 0;
    agb1 = agbs.n ? agbs.v[0] : NULL;
    if (referral && !cli_int("quote", "referral", referral, 1, INT64_MAX, &rid))
        return EXIT_USAGE;
    if (quote && !cli_int("quote", "quote", quote, 1, INT64_MAX, &qid))
        return EXIT_USAGE;
    if (strcmp(act, "list") != 0 && strcmp(act, "request") != 0 && !quote)
        return cli_usage_error("quote", "quote %s vraagt --quote", act);
    jr_error err;
    cli_error_collect(env, &err);
    jr_status st = JR_OK;
    char number[24] = "";
    if (strcmp(act, "list") == 0) {
        if ((rc = cli_open(env)) != EXIT_DONE)
            return rc;
        return quote_list(&env->ctx, rid, agb1, print_quote, &env->json, &err) == JR_OK
                   ? EXIT_DONE
                   : cli_fail(env, &err);
    }
    if (strcmp(act, "request") == 0) {
        if (!referral || agbs.n == 0)
            return cli_usage_error("quote", "quote request vraagt --referral en --agb");
        if ((rc = cli_open(env)) != EXIT_DONE)
            return rc;
        int64_t ids[CLI_MULTI_MAX];
        if ((st = quote_request(&env->ctx, rid, agbs.v, agbs.n, ids, &err)) != JR_OK)
            return cli_fail(env, &err);
        for (int i = 0; i < agbs.n; i++) {
            jr_quote q;
            if (quote_get(&env->ctx, ids[i], &q, &err) != JR_OK)
                return cli_fail(env, &err);
            print_quote(&env->json, &q);
        }
        return EXIT_DONE;
    }
    if (strcmp(act, "answer") == 0) {
        if (!agb1 || hours.n == 0 || !months)
            return cli_usage_error("quote", "quote answer vraagt --agb, --hours en --months");
        if (!cli_int("quote", "months", months, 1, 24, &mon))
            return EXIT_USAGE;
        jr_quote_line lines[CLI_MULTI_MAX];
        for (int i = 0; i < hours.n; i++)
            if (!parse_hours(hours.v[i], &lines[i]))
                return cli_usage_error("quote",
                                       "--hours '%s': schrijf FUNCTIEGROEP=UREN, bijv. "
                                       "FG2=12.5",
                                       hours.v[i]);
        if ((rc = cli_open(env)) != EXIT_DONE)
            return rc;
        st = quote_answer(&env->ctx, qid, agb1, lines, hours.n, (int32_t)mon, plan, NULL, &err);
    } else if (strcmp(act, "accept") == 0) {
        jr_date s;
        if (!start)
            return cli_usage_error("quote", "quote accept vraagt --start");
        if (!cli_date("quote", "start", start, &s))
            return EXIT_USAGE;
        if ((rc = cli_open(env)) != EXIT_DONE)
            return rc;
        st = quote_accept(&env->ctx, qid, s, number, &err);
    } else {
        if ((rc = cli_open(env)) != EXIT_DONE)
            return rc;
        st = quote_reject(&env->ctx, qid, reason, &err);
    }
    jr_quote q;
    if (st != JR_OK || quote_get(&env->ctx, qid, &q, &err) != JR_OK)
        return cli_fail(env, &err);
    print_quote(&env->json, &q);
    return EXIT_DONE;
}

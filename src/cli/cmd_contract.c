/*
 * cmd_contract.c: contracting a provider for products of a lot, and
 * listing contracts.
 */
#include "cli.h"

#include "../service/provider.h"

#include <stdio.h>
#include <string.h>

static int print_contract(void *ud, const void *row)
{
    const jr_contract *c = row;
    char f[JR_DATE_ISO_LEN], t[JR_DATE_ISO_LEN];
    if (*(bool *)ud)
        cli_emit(render_contract(c));
    else
        printf("%s  %-4s %-6s %s t/m %s\n", c->agb, c->lot, c->product, date_format(c->start, f),
               c->end == JR_DATE_NONE ? "open" : date_format(c->end, t));
    return 0;
}

/*
 * COMMAND: contract
 * SUMMARY: aanbieders contracteren per perceel en product (contract add) en contracten tonen
 */
int cmd_contract(cli_env *env, int argc, char **argv)
{
    const char *agb = NULL, *lot = NULL, *product = "*", *start = NULL, *end = NULL;
    const cli_opt opts[] = {
        {"agb", OPT_STR, &agb, "AGB", "de aanbieder"},
        {"lot", OPT_STR, &lot, "PERCEEL", "perceel uit de catalogus, bijvoorbeeld P1"},
        {"product", OPT_STR, &product, "CODE", "productcode of eigen code (FG2); * voor alle"},
        {"start", OPT_STR, &start, "DATUM", "ingangsdatum"},
        {"end", OPT_STR, &end, "DATUM", "einddatum (leeg: open)"},
        {0}};
    const char *pos[1];
    int npos, rc = cli_parse(env,
                             "contract add --agb AGB --lot PERCEEL [--product CODE] --start DATUM "
                             "[--end DATUM] | list [--agb AGB]",
                             "Contracteert een aanbieder voor producten van een perceel, of toont "
                             "de contracten.",
                             argc, argv, opts, pos, 1, &npos);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    if (npos != 1 || (strcmp(pos[0], "add") != 0 && strcmp(pos[0], "list") != 0))
        return cli_usage_error("contract", "geef een actie: add of list");
    jr_error err;
    cli_error_collect(env, &err);
    if (strcmp(pos[0], "list") == 0) {
        if ((rc = cli_open(env)) != EXIT_DONE)
            return rc;
        return contract_list(&env->ctx, agb, print_contract, &env->json, &err) == JR_OK
                   ? EXIT_DONE
                   : cli_fail(env, &err);
    }
    jr_date s, e = JR_DATE_NONE;
    if (!agb || !lot || !start)
        return cli_usage_error("contract", "contract add vraagt --agb, --lot en --start");
    if (!cli_date("contract", "start", start, &s) || (end && !cli_date("contract", "end", end, &e)))
        return EXIT_USAGE;
    if ((rc = cli_open(env)) != EXIT_DONE)
        return rc;
    int n = 0;
    if (contract_add(&env->ctx, agb, lot, product, s, e, &n, &err) != JR_OK)
        return cli_fail(env, &err);
    if (env->json)
        cli_emit(json_pack("{s:s, s:s, s:s, s:i}", "agb", agb, "lot", lot, "product", product,
                           "contracts", n));
    else
        printf("Aanbieder %s gecontracteerd voor %d product(en) van perceel %s.\n", agb, n, lot);
    return EXIT_DONE;
}

/*
 * cmd_provider.c: registering and listing providers (aanbieders).
 */
#include "cli.h"

#include "../service/provider.h"

#include <stdio.h>
#include <string.h>

static int print_provider(void *ud, const void *row)
{
    const jr_provider *p = row;
    if (*(bool *)ud)
        cli_emit(render_provider(p));
    else
        printf("%s  %-15s %s\n", p->agb, p->kind, p->name);
    return 0;
}

/*
 * COMMAND: provider
 * SUMMARY: aanbieders registreren (provider add) en tonen (provider list)
 */
int cmd_provider(cli_env *env, int argc, char **argv)
{
    const char *agb = NULL, *name = NULL, *kind = "instelling";
    const cli_opt opts[] = {
        {"agb", OPT_STR, &agb, "AGB", "AGB-code van de aanbieder (8 cijfers)"},
        {"name", OPT_STR, &name, "NAAM", "naam van de aanbieder"},
        {"kind", OPT_STR, &kind, "SOORT", "instelling (standaard) of vrijgevestigde"},
        {0}};
    const char *pos[1];
    int npos, rc = cli_parse(env, "provider add --agb AGB --name NAAM [--kind SOORT] | list",
                             "Registreert een aanbieder of toont alle aanbieders.", argc, argv,
                             opts, pos, 1, &npos);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    if (npos != 1 || (strcmp(pos[0], "add") != 0 && strcmp(pos[0], "list") != 0))
        return cli_usage_error("provider", "geef een actie: add of list");
    if ((rc = cli_open(env)) != EXIT_DONE)
        return rc;
    jr_error err;
    cli_error_collect(env, &err);
    if (strcmp(pos[0], "list") == 0)
        return provider_list(&env->ctx, print_provider, &env->json, &err) == JR_OK
                   ? EXIT_DONE
                   : cli_fail(env, &err);
    if (!agb || !name)
        return cli_usage_error("provider", "provider add vraagt --agb en --name");
    if (provider_add(&env->ctx, agb, name, kind, NULL, &err) != JR_OK)
        return cli_fail(env, &err);
    if (env->json)
        cli_emit(json_pack("{s:s, s:s, s:s}", "agb", agb, "name", name, "kind", kind));
    else
        printf("Aanbieder %s (%s) geregistreerd.\n", agb, name);
    return EXIT_DONE;
}

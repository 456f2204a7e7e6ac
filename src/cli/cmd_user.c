/*
 * cmd_user.c: user accounts from the command line (for the operator; in the
 * web application the beheerder does the same).
 */
#include "cli.h"

#include "../service/auth.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int print_user(void *ud, const void *row)
{
    const jr_user *u = row;
    const char *tenant = u->who.role == JR_ROLE_AANBIEDER ? u->who.agb : u->who.gemeente;
    if (*(bool *)ud)
        cli_emit(json_pack("{s:s, s:s, s:s, s:s, s:b}", "name", u->name, "display_name",
                           u->display_name, "role", role_name(u->who.role), "tenant", tenant,
                           "active", u->active));
    else
        printf("%-24s %-10s %-9s %s%s\n", u->name, role_name(u->who.role), tenant, u->display_name,
               u->active ? "" : " (geblokkeerd)");
    return 0;
}

/*
 * COMMAND: user
 * SUMMARY: gebruikersaccounts beheren (user add, list, passwd, disable, enable)
 */
int cmd_user(cli_env *env, int argc, char **argv)
{
    const char *name = NULL, *display = NULL, *role = NULL, *gemeente = NULL, *agb = NULL;
    const cli_opt opts[] = {
        {"name", OPT_STR, &name, "NAAM", "gebruikersnaam"},
        {"display-name", OPT_STR, &display, "TEKST", "volledige naam"},
        {"role", OPT_STR, &role, "ROL", "beheerder, rsj, toegang, gemeente, aanbieder of lezer"},
        {"gemeente", OPT_STR, &gemeente, "CBS", "voor toegang en gemeente: de gemeente"},
        {"agb", OPT_STR, &agb, "AGB", "voor aanbieder: de aanbieder"},
        {0}};
    const char *pos[1];
    int npos, rc = cli_parse(env,
                             "user add --name NAAM --role ROL [--gemeente CBS | --agb AGB] "
                             "[--display-name TEKST] | list | passwd --name NAAM | disable "
                             "--name NAAM | enable --name NAAM",
                             "Beheert gebruikersaccounts. Het wachtwoord (minstens 12 tekens) komt "
                             "uit de omgevingsvariabele JEUGDREGIO_PASSWORD, nooit van de "
                             "opdrachtregel.",
                             argc, argv, opts, pos, 1, &npos);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    const char *act = npos ? pos[0] : "";
    if (strcmp(act, "add") != 0 && strcmp(act, "list") != 0 && strcmp(act, "passwd") != 0 &&
        strcmp(act, "disable") != 0 && strcmp(act, "enable") != 0)
        return cli_usage_error("user", "geef een actie: add, list, passwd, disable of enable");
    if (strcmp(act, "list") != 0 && !name)
        return cli_usage_error("user", "--name ontbreekt");
    jr_role r = JR_ROLE_SYSTEM;
    if (strcmp(act, "add") == 0 && (!role || !role_parse(role, &r)))
        return cli_usage_error("user", "--role: kies beheerder, rsj, toegang, gemeente, aanbieder "
                                       "of lezer");
    const char *password = getenv("JEUGDREGIO_PASSWORD");
    if ((strcmp(act, "add") == 0 || strcmp(act, "passwd") == 0) && (!password || !*password))
        return cli_usage_error("user", "zet het wachtwoord in JEUGDREGIO_PASSWORD");
    if ((rc = cli_open(env)) != EXIT_DONE)
        return rc;
    jr_error err;
    cli_error_collect(env, &err);
    jr_status st = JR_OK;
    if (strcmp(act, "list") == 0)
        st = user_list(&env->ctx, print_user, &env->json, &err);
    else if (strcmp(act, "add") == 0)
        st = user_add(&env->ctx, name, display, r, gemeente, agb, password, &err);
    else if (strcmp(act, "passwd") == 0)
        st = user_set_password(&env->ctx, name, password, &err);
    else
        st = user_set_active(&env->ctx, name, strcmp(act, "enable") == 0, &err);
    if (st != JR_OK)
        return cli_fail(env, &err);
    if (strcmp(act, "list") != 0) {
        if (env->json)
            cli_emit(json_pack("{s:s, s:s}", "name", name, "done", act));
        else
            printf("Gebruiker %s: %s gedaan.\n", name, act);
    }
    return EXIT_DONE;
}

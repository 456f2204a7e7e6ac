/*
 * main.c: the jeugdregio command: global options, then one subcommand from
 * the generated table (see cli.h).
 */
#include "cli.h"

#include "../config/region.h"
#include "../store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int by_name(const void *a, const void *b)
{
    return strcmp(((const cli_command *)a)->name, ((const cli_command *)b)->name);
}

static void usage(void)
{
    printf("Gebruik: jeugdregio [--db PAD] [--config PAD] [--user NAAM] SUBCOMMANDO [OPTIES]\n\n"
           "Bekostiging van specialistische jeugdhulp voor een jeugdregio (Jeugdwet).\n\n"
           "Subcommando's:\n");
    size_t n = 0;
    while (cli_commands[n].name)
        n++;
    cli_command sorted[128];
    if (n > sizeof sorted / sizeof sorted[0])
        n = sizeof sorted / sizeof sorted[0];
    memcpy(sorted, cli_commands, n * sizeof sorted[0]);
    qsort(sorted, n, sizeof sorted[0], by_name);
    for (size_t i = 0; i < n; i++)
        printf("  %-12s %s\n", sorted[i].name, sorted[i].summary);
    printf("\nGlobale opties:\n"
           "  --db PAD       database (standaard $JEUGDREGIO_DB of var/jeugdregio.db)\n"
           "  --config PAD   regiobestand (standaard $JEUGDREGIO_CONFIG of "
           "config/ijsselland.json)\n"
           "  --user NAAM    wie de wijziging doet, voor het auditlog (standaard $USER)\n"
           "\n'jeugdregio SUBCOMMANDO --help' toont de opties van een subcommando.\n");
}

int main(int argc, char **argv)
{
    cli_env env;
    memset(&env, 0, sizeof env);
    const char *db = getenv("JEUGDREGIO_DB");
    env.db_path = db && *db ? db : "var/jeugdregio.db";
    env.config_path = region_default_path();
    const char *cfg_env = getenv("JEUGDREGIO_CONFIG");
    env.config_explicit = cfg_env && *cfg_env;
    const char *user = getenv("USER");
    env.actor = user && *user ? user : "cli";
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        const char **dest = strcmp(a, "--db") == 0       ? &env.db_path
                            : strcmp(a, "--config") == 0 ? &env.config_path
                            : strcmp(a, "--user") == 0   ? &env.actor
                                                         : NULL;
        if (dest) {
            if (i + 1 >= argc) {
                fprintf(stderr, "jeugdregio: %s mist een waarde\n", a);
                return EXIT_USAGE;
            }
            *dest = argv[++i];
            env.config_explicit |= dest == &env.config_path;
        } else if (strncmp(a, "--db=", 5) == 0) {
            env.db_path = a + 5;
        } else if (strncmp(a, "--config=", 9) == 0) {
            env.config_path = a + 9;
            env.config_explicit = true;
        } else if (strncmp(a, "--user=", 7) == 0) {
            env.actor = a + 7;
        } else if (strcmp(a, "--json") == 0) {
            env.json = true;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage();
            return EXIT_DONE;
        } else {
            break;
        }
    }
    if (i >= argc) {
        usage();
        return EXIT_USAGE;
    }
    const cli_command *cmd = NULL;
    for (const cli_command *c = cli_commands; c->name; c++)
        if (strcmp(c->name, argv[i]) == 0)
            cmd = c;
    if (!cmd) {
        fprintf(stderr, "jeugdregio: onbekend subcommando '%s' (jeugdregio --help toont ze)\n",
                argv[i]);
        return EXIT_USAGE;
    }
    int rc = cmd->fn(&env, argc - i, argv + i);
    store_close(env.store);
    free(env.cat);
    fflush(stdout);
    return rc;
}

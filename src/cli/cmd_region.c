/*
 * cmd_region.c: which region a database belongs to, and binding it anew.
 */
#include "cli.h"

#include "../service/region_binding.h"

#include <stdio.h>

/*
 * COMMAND: region
 * SUMMARY: bij welke regio de database hoort (en opnieuw koppelen)
 */
int cmd_region(cli_env *env, int argc, char **argv)
{
    bool rebind = false;
    const cli_opt opts[] = {{"bind", OPT_FLAG, &rebind, NULL,
                             "de database koppelen aan het regiobestand van --config (beheerder)"},
                            {0}};
    const char *pos[1];
    int npos, rc = cli_parse(env, "region [--bind]",
                             "Toont bij welke regio de database hoort en welk regiobestand "
                             "ze gebruikt. Met --bind wordt de database bewust gekoppeld aan het "
                             "regiobestand van --config (bijvoorbeeld na een verhuizing van het "
                             "bestand of een nieuwe naam van de regio); dat komt in het auditlog.",
                             argc, argv, opts, pos, 0, &npos);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    if (rebind && !env->config_explicit) {
        fprintf(stderr, "region: --bind vraagt om --config BESTAND (het nieuwe regiobestand)\n");
        return EXIT_USAGE;
    }
    env->rebinding = rebind;
    if ((rc = cli_open(env)) != EXIT_DONE)
        return rc;
    jr_error err;
    jr_error_clear(&err);
    if (rebind && region_binding_rebind(&env->ctx, &err) != JR_OK)
        return cli_fail(env, &err);
    jr_region_binding b;
    bool found;
    if (region_binding_get(env->store, &b, &found, &err) != JR_OK)
        return cli_fail(env, &err);
    if (env->json) {
        cli_emit(found ? json_pack("{s:b, s:s, s:s, s:s}", "bound", 1, "region", b.region,
                                   "config_path", b.config_path, "bound_at", b.bound_at)
                       : json_pack("{s:b, s:s}", "bound", 0, "region", env->cat->region));
        return EXIT_DONE;
    }
    if (found)
        printf("Database %s hoort bij regio %s\nRegiobestand: %s\nGekoppeld op: %s\n", env->db_path,
               b.region, b.config_path, b.bound_at);
    else
        printf("Database %s is niet aan een regio gekoppeld (ouder dan de koppeling); ze wordt "
               "geopend met %s (regio %s). Koppelen: jeugdregio --db %s --config %s region "
               "--bind\n",
               env->db_path, env->cat->source, env->cat->region, env->db_path, env->cat->source);
    return EXIT_DONE;
}

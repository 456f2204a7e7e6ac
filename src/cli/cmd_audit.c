/*
 * cmd_audit.c: reading the audit log.
 */
#include "cli.h"

#include <stdio.h>

static int print_row(void *ud, const void *row)
{
    const jr_audit_row *a = row;
    if (*(bool *)ud)
        cli_emit(render_audit_row(a));
    else
        printf("%s  %-10s %-24s %s %s  %s\n", a->at, a->actor, a->action, a->entity, a->entity_id,
               a->detail);
    return 0;
}

/*
 * COMMAND: audit
 * SUMMARY: het auditlog: wie wat wanneer wijzigde (nieuwste eerst)
 */
int cmd_audit(cli_env *env, int argc, char **argv)
{
    const char *entity = NULL, *id = NULL, *actor = NULL, *limit = "50";
    const cli_opt opts[] = {
        {"entity", OPT_STR, &entity, "SOORT",
         "alleen deze soort: provider, youth, referral, quote, assignment, decl_batch"},
        {"id", OPT_STR, &id, "ID", "alleen dit record (met --entity)"},
        {"actor", OPT_STR, &actor, "NAAM", "alleen wijzigingen van deze gebruiker"},
        {"limit", OPT_STR, &limit, "N", "hoogstens N regels (standaard 50)"},
        {0}};
    const char *pos[1];
    int npos,
        rc = cli_parse(env, "audit [--entity SOORT [--id ID]] [--actor NAAM] [--limit N]",
                       "Toont het auditlog, nieuwste eerst.", argc, argv, opts, pos, 0, &npos);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    int64_t n;
    if (!cli_int("audit", "limit", limit, 1, 1000000, &n))
        return EXIT_USAGE;
    if ((rc = cli_open(env)) != EXIT_DONE)
        return rc;
    jr_error err;
    jr_error_clear(&err);
    return audit_list(&env->ctx, entity, id, actor, n, print_row, &env->json, &err) == JR_OK
               ? EXIT_DONE
               : cli_fail(env, &err);
}

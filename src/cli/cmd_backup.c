/*
 * cmd_backup.c: backup and restore of the whole database on the command
 * line (service/backup.h, docs/operations.md):
 *   jeugdregio backup BESTAND              a consistent copy, while others work
 *   jeugdregio restore BESTAND [--replace] the database replaced by a backup
 */
#include "cli.h"

#include "../service/backup.h"

#include <stdio.h>

static json_t *meta_json(const char *file, const store_backup_meta *m)
{
    return json_pack("{s:s, s:i, s:s, s:I, s:s?}", "file", file, "migrations", m->migrations,
                     "last_migration", m->last_migration, "audit_rows", (json_int_t)m->audit_rows,
                     "last_change", m->last_change[0] ? m->last_change : NULL);
}

static int report(cli_env *env, const char *what, const char *file, const store_backup_meta *m)
{
    if (env->json) {
        json_t *o = meta_json(file, m);
        if (!o)
            return EXIT_INTERNAL;
        cli_emit(o);
    } else
        printf("%s %s: %d migraties (laatste %s), %lld auditregels, laatste wijziging %s.\n", what,
               file, m->migrations, m->last_migration, (long long)m->audit_rows,
               m->last_change[0] ? m->last_change : "geen");
    return EXIT_DONE;
}

/*
 * COMMAND: backup
 * SUMMARY: een volledige, consistente kopie van de database maken (ook terwijl er gewerkt wordt)
 */
int cmd_backup(cli_env *env, int argc, char **argv)
{
    const cli_opt opts[] = {{0}};
    const char *pos[1];
    int npos, rc = cli_parse(env, "backup BESTAND",
                             "Maakt met SQLite's online-back-up een volledige kopie van de "
                             "database in een nieuw bestand (nooit over een bestaand bestand; "
                             "bij een fout blijft er niets half achter).",
                             argc, argv, opts, pos, 1, &npos);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    if (npos != 1)
        return cli_usage_error("backup", "geef het bestand voor de back-up: backup BESTAND");
    if ((rc = cli_open(env)) != EXIT_DONE)
        return rc;
    jr_error err;
    jr_error_clear(&err);
    store_backup_meta m;
    if (backup_make(&env->ctx, pos[0], &m, &err) != JR_OK)
        return cli_fail(env, &err);
    return report(env, "Back-up gemaakt in", pos[0], &m);
}

/*
 * COMMAND: restore
 * SUMMARY: de database vervangen door een back-up (met --replace over bestaande gegevens)
 */
int cmd_restore(cli_env *env, int argc, char **argv)
{
    bool replace = false;
    const cli_opt opts[] = {
        {"replace", OPT_FLAG, &replace, NULL,
         "ook als de database al gegevens bevat: die worden allemaal vervangen"},
        {0}};
    const char *pos[1];
    int npos,
        rc = cli_parse(env, "restore BESTAND [--replace]",
                       "Vervangt de hele database door de back-up in BESTAND, in één keer of "
                       "helemaal niet; een back-up van een oudere versie krijgt daarna de nieuwe "
                       "migraties. Stop eerst een draaiende server (jeugdregio serve) op deze "
                       "database.",
                       argc, argv, opts, pos, 1, &npos);
    if (rc)
        return rc < 0 ? EXIT_DONE : rc;
    if (npos != 1)
        return cli_usage_error("restore", "geef het bestand van de back-up: restore BESTAND");
    if ((rc = cli_open(env)) != EXIT_DONE)
        return rc;
    jr_error err;
    jr_error_clear(&err);
    store_backup_meta m;
    if (backup_restore(&env->ctx, pos[0], replace, &m, &err) != JR_OK)
        return cli_fail(env, &err);
    return report(env, "Hersteld uit", pos[0], &m);
}

/*
 * backup.c (service): backup and restore (see backup.h).
 */
#include "backup.h"

#include <stdio.h>

static jr_status may(const jr_ctx *ctx, jr_error *err)
{
    if (ctx->who.role == JR_ROLE_SYSTEM || ctx->who.role == JR_ROLE_BEHEERDER)
        return JR_OK;
    return jr_fail(err, JR_EFORBIDDEN, "forbidden", "",
                   "Alleen een beheerder maakt en herstelt back-ups.");
}

jr_status backup_make(const jr_ctx *ctx, const char *dest, store_backup_meta *meta, jr_error *err)
{
    jr_status rc = may(ctx, err);
    if (rc == JR_OK)
        rc = store_backup(ctx->store, dest, meta, err);
    if (rc != JR_OK)
        return rc;
    char detail[160];
    snprintf(detail, sizeof detail, "%d migraties, %lld auditregels, laatste wijziging %s",
             meta->migrations, (long long)meta->audit_rows,
             meta->last_change[0] ? meta->last_change : "geen");
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    rc = audit_record(ctx, "database.backup", "database", dest, detail, err);
    return svc_finish(ctx, rc, err);
}

jr_status backup_restore(const jr_ctx *ctx, const char *src, bool replace, store_backup_meta *meta,
                         jr_error *err)
{
    jr_status rc = may(ctx, err);
    if (rc != JR_OK)
        return rc;
    /* the file first: a bad backup is refused before the database is looked at */
    if ((rc = store_backup_info(src, meta, err)) != JR_OK)
        return rc;
    bool data = false;
    if ((rc = store_has_data(ctx->store, &data, err)) != JR_OK)
        return rc;
    if (data && !replace)
        return jr_fail(err, JR_ECONFLICT, "restore_not_empty", "db",
                       "De database bevat al gegevens; herstellen vervangt ze allemaal door de "
                       "back-up. Geef --replace om dat te doen (maak eerst een back-up van wat er "
                       "nu staat). Er is niets gewijzigd.");
    if ((rc = store_restore(ctx->store, src, meta, err)) != JR_OK)
        return rc;
    char detail[200];
    snprintf(detail, sizeof detail, "%d migraties, %lld auditregels, laatste wijziging %s%s",
             meta->migrations, (long long)meta->audit_rows,
             meta->last_change[0] ? meta->last_change : "geen",
             data ? "; de gegevens die er stonden zijn vervangen" : "");
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    rc = audit_record(ctx, "database.hersteld", "database", src, detail, err);
    return svc_finish(ctx, rc, err);
}

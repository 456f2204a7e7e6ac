/*
 * backup.h (service): backup and restore of the whole database
 * (docs/operations.md), for the command line only: a server that wrote
 * backups to its own disk on request would be a door nobody needs.
 *
 * Who may: the system principal (the command line) and beheerder; every
 * other role JR_EFORBIDDEN. A backup appends the audit row
 * database.backup to the live database after the copy (so the copy holds
 * the log as it was); a restore appends database.hersteld to the restored
 * database, with the file and the backup's newest change.
 */
#ifndef JR_BACKUP_H
#define JR_BACKUP_H

#include "../store/store.h"
#include "svc.h"

/* backup_make: a consistent copy into the new file dest (store_backup:
 * never over an existing file, nothing left behind on failure). */
jr_status backup_make(const jr_ctx *ctx, const char *dest, store_backup_meta *meta, jr_error *err);

/* backup_restore: replaces the whole database with src. A database that
 * holds data (providers, youths, declarations, users) is replaced only
 * with replace true (else JR_ECONFLICT, code restore_not_empty, nothing
 * changed). src is checked first (store_backup_info); a refusal changes
 * nothing, and the copy lands whole or not at all. */
jr_status backup_restore(const jr_ctx *ctx, const char *src, bool replace, store_backup_meta *meta,
                         jr_error *err);

#endif

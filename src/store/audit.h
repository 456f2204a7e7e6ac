/*
 * audit.h (store): the audit log's table (audit): one row per change, who
 * did what to which entity, and when. Rows are only ever appended.
 *
 * The service (service/audit.c) decides what is recorded and who may read
 * it; these functions only write and read the rows. Timestamps come from
 * store_timestamp, so they sort as text in the order of time.
 */
#ifndef JR_STORE_AUDIT_H
#define JR_STORE_AUDIT_H

#include "../core/err.h"
#include "store.h"

#include <stdint.h>

/* One row of the audit log, as read back. */
typedef struct {
    int64_t id;
    char at[32];
    char actor[64];
    char action[48];
    char entity[24];
    char entity_id[48];
    char detail[384];
} jr_audit_row;

/* store_audit_insert: appends a row stamped now (store_timestamp). Every
 * text must be non-NULL; the caller keeps ownership. JR_EDB on failure. */
jr_status store_audit_insert(jr_store *st, const char *actor, const char *action,
                             const char *entity, const char *entity_id, const char *detail,
                             jr_error *err);

/* store_audit_list: the rows newest first, at most limit, filtered on the
 * entity, the entity id and the actor where those are non-NULL (NULL: any).
 * fn(ud, row) sees each row as a const jr_audit_row * (valid during the
 * call only); non-zero stops. JR_EDB on failure. */
jr_status store_audit_list(jr_store *st, const char *entity, const char *entity_id,
                           const char *actor, int64_t limit, int (*fn)(void *ud, const void *row),
                           void *ud, jr_error *err);

#endif

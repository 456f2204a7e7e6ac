/*
 * audit.h (service): the audit log as the services keep it: every change a
 * service makes appends one row (who, what, which entity, when), in the
 * same transaction as the change; reading it is for the roles that may
 * (JR_ACT_AUDIT_READ). svc.h includes this header, so every service can
 * record. The rows themselves are kept by store/audit.h.
 */
#ifndef JR_AUDIT_H
#define JR_AUDIT_H

#include "../core/err.h"
#include "../store/audit.h"

#include <stdint.h>

typedef struct jr_ctx jr_ctx; /* svc.h */

/* audit_record: appends one audit row (who = ctx->actor, "onbekend" when
 * there is none; when = now; detail NULL: empty). No access check: the
 * service that changed something records it. */
jr_status audit_record(const jr_ctx *ctx, const char *action, const char *entity,
                       const char *entity_id, const char *detail, jr_error *err);

/* audit_list: the newest rows first, at most limit, optionally of one
 * entity (and id) or one actor (NULL: any). fn (a jr_row_fn) sees each
 * row as a const jr_audit_row *. JR_EFORBIDDEN unless the principal may
 * read the audit log. */
jr_status audit_list(const jr_ctx *ctx, const char *entity, const char *entity_id,
                     const char *actor, int64_t limit, int (*fn)(void *ud, const void *row),
                     void *ud, jr_error *err);

#endif

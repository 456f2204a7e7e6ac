/*
 * audit.c (service): the audit log: recording a change and reading the log
 * for those who may.
 */
#include "audit.h"
#include "svc.h"

jr_status audit_record(const jr_ctx *ctx, const char *action, const char *entity,
                       const char *entity_id, const char *detail, jr_error *err)
{
    return store_audit_insert(ctx->store, ctx->actor && ctx->actor[0] ? ctx->actor : "onbekend",
                              action, entity, entity_id, detail ? detail : "", err);
}

jr_status audit_list(const jr_ctx *ctx, const char *entity, const char *entity_id,
                     const char *actor, int64_t limit, int (*fn)(void *ud, const void *row),
                     void *ud, jr_error *err)
{
    jr_status rc = svc_may(ctx, JR_ACT_AUDIT_READ, err);
    if (rc != JR_OK)
        return rc;
    return store_audit_list(ctx->store, entity, entity_id, actor, limit, fn, ud, err);
}

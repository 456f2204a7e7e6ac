/*
 * audit.c: the audit log (who changed what, when) and the service
 * transaction helpers every process shares.
 */
#include "../core/sbuf.h"
#include "svc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

jr_status audit_record(const jr_ctx *ctx, const char *action, const char *entity,
                       const char *entity_id, const char *detail, jr_error *err)
{
    jr_stmt *s = store_prepare(ctx->store,
                               "INSERT INTO audit (at, actor, action, entity, entity_id, detail)"
                               " VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?, ?, ?, ?, ?)",
                               err);
    if (!s)
        return JR_EDB;
    store_bind_text(s, 1, ctx->actor && ctx->actor[0] ? ctx->actor : "onbekend");
    store_bind_text(s, 2, action);
    store_bind_text(s, 3, entity);
    store_bind_text(s, 4, entity_id);
    store_bind_text(s, 5, detail ? detail : "");
    return store_step(s, err) == STORE_DONE ? JR_OK : JR_EDB;
}

jr_date svc_today(void)
{
    const char *env = getenv("JEUGDREGIO_TODAY");
    jr_date d;
    if (env && date_parse(env, &d))
        return d;
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, &d);
    return d;
}

jr_status svc_finish(const jr_ctx *ctx, jr_status rc, jr_error *err)
{
    if (rc != JR_OK) {
        store_rollback(ctx->store);
        return rc;
    }
    rc = store_commit(ctx->store, err);
    if (rc != JR_OK)
        store_rollback(ctx->store);
    return rc;
}

static void audit_from_row(const void *ud, jr_stmt *s, void *row)
{
    jr_audit_row *a = row;
    (void)ud;
    a->id = store_col_int(s, 0);
    str_copy(a->at, sizeof a->at, store_col_text(s, 1));
    str_copy(a->actor, sizeof a->actor, store_col_text(s, 2));
    str_copy(a->action, sizeof a->action, store_col_text(s, 3));
    str_copy(a->entity, sizeof a->entity, store_col_text(s, 4));
    str_copy(a->entity_id, sizeof a->entity_id, store_col_text(s, 5));
    str_copy(a->detail, sizeof a->detail, store_col_text(s, 6));
}

jr_status audit_list(const jr_ctx *ctx, const char *entity, const char *entity_id,
                     const char *actor, int64_t limit, jr_row_fn fn, void *ud, jr_error *err)
{
    jr_status rc = svc_may(ctx, JR_ACT_AUDIT_READ, err);
    if (rc != JR_OK)
        return rc;
    jr_stmt *s = store_prepare(ctx->store,
                               "SELECT id, at, actor, action, entity, entity_id, detail FROM audit"
                               " WHERE (?1 IS NULL OR entity = ?1) AND (?2 IS NULL OR"
                               " entity_id = ?2) AND (?3 IS NULL OR actor = ?3)"
                               " ORDER BY id DESC LIMIT ?4",
                               err);
    if (!s)
        return JR_EDB;
    store_bind_text(s, 1, entity);
    store_bind_text(s, 2, entity_id);
    store_bind_text(s, 3, actor);
    store_bind_int(s, 4, limit);
    jr_audit_row a;
    return store_each(s, audit_from_row, NULL, &a, fn, ud, err);
}

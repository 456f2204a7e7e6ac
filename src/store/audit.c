/*
 * audit.c (store): the SQL of the audit log: append a row, list rows newest
 * first. The filters are written as column = COALESCE(?, column), which
 * keeps every column when a filter is NULL (the columns are NOT NULL) and
 * lets PostgreSQL type the parameter from the column, where "? IS NULL"
 * leaves it untyped.
 */
#include "audit.h"
#include "../core/sbuf.h"

jr_status store_audit_insert(jr_store *st, const char *actor, const char *action,
                             const char *entity, const char *entity_id, const char *detail,
                             jr_error *err)
{
    jr_stmt *s = store_prepare(st,
                               "INSERT INTO audit (at, actor, action, entity, entity_id, detail)"
                               " VALUES (?, ?, ?, ?, ?, ?)",
                               err);
    if (!s)
        return JR_EDB;
    char now[STORE_TS_LEN];
    store_bind_text(s, 1, store_timestamp(0, now));
    store_bind_text(s, 2, actor);
    store_bind_text(s, 3, action);
    store_bind_text(s, 4, entity);
    store_bind_text(s, 5, entity_id);
    store_bind_text(s, 6, detail);
    return store_step(s, err) == STORE_DONE ? JR_OK : JR_EDB;
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

jr_status store_audit_list(jr_store *st, const char *entity, const char *entity_id,
                           const char *actor, int64_t limit, int (*fn)(void *ud, const void *row),
                           void *ud, jr_error *err)
{
    jr_stmt *s = store_prepare(st,
                               "SELECT id, at, actor, action, entity, entity_id, detail FROM audit"
                               " WHERE entity = COALESCE(?, entity)"
                               " AND entity_id = COALESCE(?, entity_id)"
                               " AND actor = COALESCE(?, actor)"
                               " ORDER BY id DESC LIMIT ?",
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

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

static const char *const role_names[] = {"system",   "beheerder", "rsj",  "toegang",
                                         "gemeente", "aanbieder", "lezer"};

const char *role_name(jr_role r)
{
    return (unsigned)r < sizeof role_names / sizeof role_names[0] ? role_names[r] : "";
}

bool role_parse(const char *s, jr_role *out)
{
    for (unsigned i = 1; s && i < sizeof role_names / sizeof role_names[0]; i++)
        if (strcmp(s, role_names[i]) == 0) {
            *out = (jr_role)i;
            return true;
        }
    return false;
}

/* rows: roles; columns: the jr_action values in order */
static const bool may_table[][8] = {
    /*               prov   youth  refer  provide pers.  settle audit  users */
    [JR_ROLE_SYSTEM] = {1, 1, 1, 1, 1, 1, 1, 1},   [JR_ROLE_BEHEERDER] = {1, 1, 1, 1, 1, 1, 1, 1},
    [JR_ROLE_RSJ] = {1, 0, 0, 0, 1, 1, 0, 0},      [JR_ROLE_TOEGANG] = {0, 1, 1, 0, 1, 1, 0, 0},
    [JR_ROLE_GEMEENTE] = {0, 0, 0, 0, 1, 1, 0, 0}, [JR_ROLE_AANBIEDER] = {0, 0, 0, 1, 1, 1, 0, 0},
    [JR_ROLE_LEZER] = {0, 0, 0, 0, 0, 1, 0, 0},
};

jr_status svc_may(const jr_ctx *ctx, jr_action action, jr_error *err)
{
    static const char *const what[] = {"aanbieders en contracten beheren",
                                       "jeugdigen registreren",
                                       "verwijzen en toewijzen",
                                       "offertes beantwoorden, zorg melden of declareren",
                                       "persoonsgegevens inzien",
                                       "afrekeningen inzien",
                                       "het auditlog inzien",
                                       "gebruikers beheren"};
    unsigned r = (unsigned)ctx->who.role;
    if (r < sizeof may_table / sizeof may_table[0] && (unsigned)action < 8 && may_table[r][action])
        return JR_OK;
    return jr_fail(err, JR_EFORBIDDEN, "forbidden", "", "De rol %s mag niet: %s.",
                   role_name(ctx->who.role), (unsigned)action < 8 ? what[action] : "dit");
}

bool svc_gemeente_scope(const jr_ctx *ctx, const char **gemeente)
{
    *gemeente = NULL;
    switch (ctx->who.role) {
    case JR_ROLE_SYSTEM:
    case JR_ROLE_BEHEERDER:
    case JR_ROLE_RSJ:
        return true;
    case JR_ROLE_TOEGANG:
    case JR_ROLE_GEMEENTE:
        *gemeente = ctx->who.gemeente;
        return true;
    case JR_ROLE_AANBIEDER:
    case JR_ROLE_LEZER:
        return false;
    }
    return false;
}

bool svc_sees(const jr_ctx *ctx, const char *gemeente, const char *agb)
{
    if (ctx->who.role == JR_ROLE_AANBIEDER)
        return agb && strcmp(agb, ctx->who.agb) == 0;
    const char *own;
    if (!svc_gemeente_scope(ctx, &own))
        return false;
    return own == NULL || (gemeente && strcmp(gemeente, own) == 0);
}

void svc_scope(const jr_ctx *ctx, const char **gemeente, const char **agb, bool *none)
{
    *none = false;
    const char **mine = NULL, *own = NULL;
    switch (ctx->who.role) {
    case JR_ROLE_TOEGANG:
    case JR_ROLE_GEMEENTE:
        mine = gemeente;
        own = ctx->who.gemeente;
        break;
    case JR_ROLE_AANBIEDER:
        mine = agb;
        own = ctx->who.agb;
        break;
    default:
        return;
    }
    if (*mine && strcmp(*mine, own) != 0)
        *none = true;
    *mine = own;
}

jr_ctx svc_system(const jr_ctx *ctx)
{
    jr_ctx sys = *ctx;
    memset(&sys.who, 0, sizeof sys.who);
    return sys;
}

jr_status svc_list_scope(const jr_ctx *ctx, const char **gemeente, const char **agb, bool *none,
                         jr_error *err)
{
    *none = true;
    jr_status rc = svc_may(ctx, JR_ACT_PERSONAL_READ, err);
    if (rc == JR_OK)
        svc_scope(ctx, gemeente, agb, none);
    return rc;
}

/*
 * users.c: the app_user and app_session tables' queries (see users.h).
 */
#include "users.h"
#include "../core/sbuf.h"

#include <string.h>

jr_status store_user_insert(jr_store *st, const char *name, const char *display_name,
                            const char *role, const char *gemeente, const char *agb,
                            const char *pw_hash, jr_error *err)
{
    jr_stmt *s = store_prepare(st,
                               "INSERT INTO app_user (name, display_name, role, gemeente, agb,"
                               " pw_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                               err);
    if (!s)
        return JR_EDB;
    char now[STORE_TS_LEN];
    store_bind_text(s, 1, name);
    store_bind_text(s, 2, display_name);
    store_bind_text(s, 3, role);
    store_bind_text(s, 4, gemeente);
    store_bind_text(s, 5, agb);
    store_bind_text(s, 6, pw_hash);
    store_bind_text(s, 7, store_timestamp(0, now));
    if (store_step(s, err) != STORE_DONE)
        return err && err->status == JR_ECONFLICT ? JR_ECONFLICT : JR_EDB;
    return JR_OK;
}

/* user_from_row: columns id, name, display_name, role, gemeente, agb, active */
static void user_from_row(const void *ud, jr_stmt *s, void *row)
{
    jr_user_row *u = row;
    (void)ud;
    memset(u, 0, sizeof *u);
    u->id = store_col_int(s, 0);
    str_copy(u->name, sizeof u->name, store_col_text(s, 1));
    str_copy(u->display_name, sizeof u->display_name, store_col_text(s, 2));
    str_copy(u->role, sizeof u->role, store_col_text(s, 3));
    str_copy(u->gemeente, sizeof u->gemeente, store_col_text(s, 4));
    str_copy(u->agb, sizeof u->agb, store_col_text(s, 5));
    u->active = store_col_int(s, 6) != 0;
}

jr_status store_user_by_name(jr_store *st, const char *name, const char *now, jr_user_row *out,
                             jr_user_secret *secret, jr_error *err)
{
    jr_stmt *s = store_prepare(
        st,
        "SELECT id, name, display_name, role, gemeente, agb, active, pw_hash, failed_logins,"
        " CASE WHEN locked_until > ? THEN 1 ELSE 0 END FROM app_user WHERE name = ?",
        err);
    if (!s)
        return JR_EDB;
    store_bind_text(s, 1, now);
    store_bind_text(s, 2, name);
    store_step_result r = store_step(s, err);
    if (r == STORE_ERROR)
        return JR_EDB;
    if (r == STORE_DONE)
        return JR_ENOTFOUND;
    user_from_row(NULL, s, out);
    if (secret) {
        str_copy(secret->pw_hash, sizeof secret->pw_hash, store_col_text(s, 7));
        secret->failed_logins = store_col_int(s, 8);
        secret->locked = store_col_int(s, 9) != 0;
    }
    store_reset(s);
    return JR_OK;
}

jr_status store_user_list(jr_store *st, int (*fn)(void *ud, const void *row), void *ud,
                          jr_error *err)
{
    jr_stmt *s = store_prepare(st,
                               "SELECT id, name, display_name, role, gemeente, agb, active"
                               " FROM app_user ORDER BY name",
                               err);
    if (!s)
        return JR_EDB;
    jr_user_row u;
    return store_each(s, user_from_row, NULL, &u, fn, ud, err);
}

jr_status store_user_set_password(jr_store *st, int64_t id, const char *pw_hash, jr_error *err)
{
    jr_stmt *s = store_prepare(st,
                               "UPDATE app_user SET pw_hash = ?, failed_logins = 0,"
                               " locked_until = NULL WHERE id = ?",
                               err);
    if (!s)
        return JR_EDB;
    store_bind_text(s, 1, pw_hash);
    store_bind_int(s, 2, id);
    return store_step(s, err) == STORE_DONE ? JR_OK : JR_EDB;
}

jr_status store_user_set_active(jr_store *st, int64_t id, bool active, jr_error *err)
{
    jr_stmt *s = store_prepare(st, "UPDATE app_user SET active = ? WHERE id = ?", err);
    if (!s)
        return JR_EDB;
    store_bind_int(s, 1, active);
    store_bind_int(s, 2, id);
    return store_step(s, err) == STORE_DONE ? JR_OK : JR_EDB;
}

jr_status store_user_set_failures(jr_store *st, int64_t id, int64_t failed_logins,
                                  const char *locked_until, jr_error *err)
{
    jr_stmt *s = store_prepare(st,
                               "UPDATE app_user SET failed_logins = ?,"
                               " locked_until = COALESCE(?, locked_until) WHERE id = ?",
                               err);
    if (!s)
        return JR_EDB;
    store_bind_int(s, 1, failed_logins);
    store_bind_text(s, 2, locked_until);
    store_bind_int(s, 3, id);
    return store_step(s, err) == STORE_DONE ? JR_OK : JR_EDB;
}

jr_status store_session_insert(jr_store *st, const char *token_hash, int64_t user_id,
                               const char *csrf, const char *now, const char *expires_at,
                               const char *client, jr_error *err)
{
    jr_stmt *s = store_prepare(st,
                               "INSERT INTO app_session (token_hash, user_id, csrf, created_at,"
                               " expires_at, last_seen, client) VALUES (?, ?, ?, ?, ?, ?, ?)",
                               err);
    if (!s)
        return JR_EDB;
    store_bind_text(s, 1, token_hash);
    store_bind_int(s, 2, user_id);
    store_bind_text(s, 3, csrf);
    store_bind_text(s, 4, now);
    store_bind_text(s, 5, expires_at);
    store_bind_text(s, 6, now);
    store_bind_text(s, 7, client);
    return store_step(s, err) == STORE_DONE ? JR_OK : JR_EDB;
}

jr_status store_session_live(jr_store *st, const char *token_hash, const char *now,
                             const char *idle_since, const char *touch_before, jr_user_row *out,
                             char *csrf, size_t csrf_cap, bool *stale, jr_error *err)
{
    jr_stmt *s =
        store_prepare(st,
                      "SELECT u.id, u.name, u.display_name, u.role, u.gemeente, u.agb, u.active,"
                      " s.csrf, CASE WHEN s.last_seen < ? THEN 1 ELSE 0 END"
                      " FROM app_session s JOIN app_user u ON u.id = s.user_id"
                      " WHERE s.token_hash = ? AND u.active = 1 AND s.expires_at > ?"
                      " AND s.last_seen > ?",
                      err);
    if (!s)
        return JR_EDB;
    store_bind_text(s, 1, touch_before);
    store_bind_text(s, 2, token_hash);
    store_bind_text(s, 3, now);
    store_bind_text(s, 4, idle_since);
    store_step_result r = store_step(s, err);
    if (r == STORE_ERROR)
        return JR_EDB;
    if (r == STORE_DONE)
        return JR_ENOTFOUND;
    user_from_row(NULL, s, out);
    if (csrf)
        str_copy(csrf, csrf_cap, store_col_text(s, 7));
    if (stale)
        *stale = store_col_int(s, 8) != 0;
    store_reset(s);
    return JR_OK;
}

jr_status store_session_touch(jr_store *st, const char *token_hash, const char *now, jr_error *err)
{
    jr_stmt *s =
        store_prepare(st, "UPDATE app_session SET last_seen = ? WHERE token_hash = ?", err);
    if (!s)
        return JR_EDB;
    store_bind_text(s, 1, now);
    store_bind_text(s, 2, token_hash);
    return store_step(s, err) == STORE_DONE ? JR_OK : JR_EDB;
}

jr_status store_session_delete(jr_store *st, const char *token_hash, jr_error *err)
{
    jr_stmt *s = store_prepare(st, "DELETE FROM app_session WHERE token_hash = ?", err);
    if (!s)
        return JR_EDB;
    store_bind_text(s, 1, token_hash);
    return store_step(s, err) == STORE_DONE ? JR_OK : JR_EDB;
}

jr_status store_session_delete_user(jr_store *st, int64_t user_id, jr_error *err)
{
    jr_stmt *s = store_prepare(st, "DELETE FROM app_session WHERE user_id = ?", err);
    if (!s)
        return JR_EDB;
    store_bind_int(s, 1, user_id);
    return store_step(s, err) == STORE_DONE ? JR_OK : JR_EDB;
}

/*
 * auth.c: accounts, Argon2id password hashes, sessions and login
 * throttling (see auth.h).
 */
#include "auth.h"
#include "../core/sbuf.h"

#include "../domain/ident.h"
#include "provider.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

static jr_status sodium_ready(jr_error *err)
{
    if (sodium_init() < 0)
        return jr_fail(err, JR_ENOMEM, "crypto", "", "libsodium kon niet starten.");
    return JR_OK;
}

static void random_hex(char out[JR_TOKEN_HEX])
{
    unsigned char b[32];
    randombytes_buf(b, sizeof b);
    sodium_bin2hex(out, JR_TOKEN_HEX, b, sizeof b);
}

static void token_hash(const char *token, char out[JR_TOKEN_HEX])
{
    unsigned char h[32];
    crypto_generichash(h, sizeof h, (const unsigned char *)token, strlen(token), NULL, 0);
    sodium_bin2hex(out, JR_TOKEN_HEX, h, sizeof h);
}

static jr_status hash_password(const char *password, char out[crypto_pwhash_STRBYTES],
                               jr_error *err)
{
    if (password == NULL || strlen(password) < JR_PASSWORD_MIN)
        return jr_fail(err, JR_EINVAL, "password_weak", "wachtwoord",
                       "Een wachtwoord heeft minstens %d tekens.", JR_PASSWORD_MIN);
    if (strlen(password) > 256)
        return jr_fail(err, JR_EINVAL, "password_long", "wachtwoord",
                       "Een wachtwoord heeft hoogstens 256 tekens.");
    if (crypto_pwhash_str(out, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen voor Argon2id.");
    return JR_OK;
}

static jr_status end_sessions(const jr_ctx *ctx, int64_t user_id, jr_error *err)
{
    jr_stmt *s = store_prepare(ctx->store, "DELETE FROM app_session WHERE user_id = ?", err);
    if (!s)
        return JR_EDB;
    store_bind_int(s, 1, user_id);
    return store_step(s, err) == STORE_DONE ? JR_OK : JR_EDB;
}

jr_status user_add(const jr_ctx *ctx, const char *name, const char *display_name, jr_role role,
                   const char *gemeente, const char *agb, const char *password, jr_error *err)
{
    jr_status rc = svc_may(ctx, JR_ACT_USER_ADMIN, err);
    if (rc == JR_OK)
        rc = sodium_ready(err);
    if (rc != JR_OK)
        return rc;
    if (!name || strlen(name) < 2 || strlen(name) >= 64 ||
        strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789._-@") != strlen(name))
        return jr_fail(
            err, JR_EINVAL, "name_invalid", "naam",
            "Een gebruikersnaam heeft 2 tot 63 tekens: kleine letters, cijfers, . _ - @.");
    if (role == JR_ROLE_SYSTEM)
        return jr_fail(err, JR_EINVAL, "role_invalid", "rol",
                       "Kies een rol: beheerder, rsj, toegang, gemeente, aanbieder of lezer.");
    bool needs_gemeente = role == JR_ROLE_TOEGANG || role == JR_ROLE_GEMEENTE;
    if (needs_gemeente && !catalog_municipality(ctx->cat, gemeente))
        return jr_fail(err, JR_EINVAL, "gemeente_unknown", "gemeente",
                       "De rol %s hoort bij een gemeente van de regio; '%s' is er geen.",
                       role_name(role), gemeente ? gemeente : "");
    if (role == JR_ROLE_AANBIEDER) {
        jr_provider p;
        if ((rc = provider_find(ctx, agb ? agb : "", &p, err)) != JR_OK)
            return rc;
    }
    char hash[crypto_pwhash_STRBYTES];
    if ((rc = hash_password(password, hash, err)) != JR_OK)
        return rc;
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    jr_stmt *s = store_prepare(ctx->store,
                               "INSERT INTO app_user (name, display_name, role, gemeente, agb,"
                               " pw_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, datetime('now'))",
                               err);
    if (!s)
        return svc_finish(ctx, JR_EDB, err);
    store_bind_text(s, 1, name);
    store_bind_text(s, 2, display_name && *display_name ? display_name : name);
    store_bind_text(s, 3, role_name(role));
    store_bind_text(s, 4, needs_gemeente ? gemeente : NULL);
    store_bind_text(s, 5, role == JR_ROLE_AANBIEDER ? agb : NULL);
    store_bind_text(s, 6, hash);
    if (store_step(s, err) != STORE_DONE) {
        if (err && err->status == JR_ECONFLICT)
            jr_fail(err, JR_ECONFLICT, "user_exists", "naam", "Gebruiker %s bestaat al.", name);
        return svc_finish(ctx, err ? err->status : JR_EDB, err);
    }
    char detail[96];
    snprintf(detail, sizeof detail, "rol %s %s", role_name(role),
             needs_gemeente              ? gemeente
             : role == JR_ROLE_AANBIEDER ? agb
                                         : "");
    rc = audit_record(ctx, "gebruiker.toegevoegd", "user", name, detail, err);
    return svc_finish(ctx, rc, err);
}

/* user_from_row: columns id, name, display_name, role, gemeente, agb, active */
static void user_from_row(const void *ud, jr_stmt *s, void *row)
{
    jr_user *u = row;
    (void)ud;
    memset(u, 0, sizeof *u);
    u->id = store_col_int(s, 0);
    str_copy(u->name, sizeof u->name, store_col_text(s, 1));
    str_copy(u->display_name, sizeof u->display_name, store_col_text(s, 2));
    role_parse(store_col_text(s, 3), &u->who.role);
    str_copy(u->who.gemeente, sizeof u->who.gemeente, store_col_text(s, 4));
    str_copy(u->who.agb, sizeof u->who.agb, store_col_text(s, 5));
    u->active = store_col_int(s, 6) != 0;
}

static jr_status find_user(const jr_ctx *ctx, const char *name, jr_user *u, char *hash,
                           size_t hash_cap, int64_t *fails, bool *locked, jr_error *err)
{
    jr_stmt *s = store_prepare(
        ctx->store,
        "SELECT id, name, display_name, role, gemeente, agb, active, pw_hash, failed_logins,"
        " locked_until IS NOT NULL AND locked_until > datetime('now') FROM app_user WHERE name = ?",
        err);
    if (!s)
        return JR_EDB;
    store_bind_text(s, 1, name);
    store_step_result r = store_step(s, err);
    if (r == STORE_ERROR)
        return JR_EDB;
    if (r == STORE_DONE)
        return JR_ENOTFOUND;
    user_from_row(NULL, s, u);
    if (hash)
        str_copy(hash, hash_cap, store_col_text(s, 7));
    if (fails)
        *fails = store_col_int(s, 8);
    if (locked)
        *locked = store_col_int(s, 9) != 0;
    store_reset(s);
    return JR_OK;
}

jr_status user_set_password(const jr_ctx *ctx, const char *name, const char *password,
                            jr_error *err)
{
    jr_user u;
    jr_status rc = svc_may(ctx, JR_ACT_USER_ADMIN, err);
    if (rc == JR_OK)
        rc = sodium_ready(err);
    if (rc != JR_OK)
        return rc;
    if ((rc = find_user(ctx, name, &u, NULL, 0, NULL, NULL, err)) == JR_ENOTFOUND)
        return jr_fail(err, JR_ENOTFOUND, "user_unknown", "naam", "Gebruiker %s bestaat niet.",
                       name);
    if (rc != JR_OK)
        return rc;
    char hash[crypto_pwhash_STRBYTES];
    if ((rc = hash_password(password, hash, err)) != JR_OK)
        return rc;
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    jr_stmt *s = store_prepare(ctx->store,
                               "UPDATE app_user SET pw_hash = ?, failed_logins = 0,"
                               " locked_until = NULL WHERE id = ?",
                               err);
    if (!s)
        return svc_finish(ctx, JR_EDB, err);
    store_bind_text(s, 1, hash);
    store_bind_int(s, 2, u.id);
    rc = store_step(s, err) == STORE_DONE ? JR_OK : JR_EDB;
    if (rc == JR_OK)
        rc = end_sessions(ctx, u.id, err);
    if (rc == JR_OK)
        rc = audit_record(ctx, "gebruiker.wachtwoord", "user", name, "", err);
    return svc_finish(ctx, rc, err);
}

jr_status user_set_active(const jr_ctx *ctx, const char *name, bool active, jr_error *err)
{
    jr_user u;
    jr_status rc = svc_may(ctx, JR_ACT_USER_ADMIN, err);
    if (rc != JR_OK)
        return rc;
    if ((rc = find_user(ctx, name, &u, NULL, 0, NULL, NULL, err)) == JR_ENOTFOUND)
        return jr_fail(err, JR_ENOTFOUND, "user_unknown", "naam", "Gebruiker %s bestaat niet.",
                       name);
    if (rc != JR_OK)
        return rc;
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    jr_stmt *s = store_prepare(ctx->store, "UPDATE app_user SET active = ? WHERE id = ?", err);
    if (!s)
        return svc_finish(ctx, JR_EDB, err);
    store_bind_int(s, 1, active);
    store_bind_int(s, 2, u.id);
    rc = store_step(s, err) == STORE_DONE ? JR_OK : JR_EDB;
    if (rc == JR_OK && !active)
        rc = end_sessions(ctx, u.id, err);
    if (rc == JR_OK)
        rc = audit_record(ctx, active ? "gebruiker.actief" : "gebruiker.geblokkeerd", "user", name,
                          "", err);
    return svc_finish(ctx, rc, err);
}

jr_status user_list(const jr_ctx *ctx, jr_row_fn fn, void *ud, jr_error *err)
{
    jr_status rc = svc_may(ctx, JR_ACT_USER_ADMIN, err);
    if (rc != JR_OK)
        return rc;
    jr_stmt *s = store_prepare(ctx->store,
                               "SELECT id, name, display_name, role, gemeente, agb, active"
                               " FROM app_user ORDER BY name",
                               err);
    if (!s)
        return JR_EDB;
    jr_user u;
    return store_each(s, user_from_row, NULL, &u, fn, ud, err);
}

static jr_status login_failed(const jr_ctx *ctx, const jr_user *u, int64_t fails,
                              const char *client, jr_error *err)
{
    jr_stmt *s = store_prepare(
        ctx->store,
        "UPDATE app_user SET failed_logins = CASE WHEN ?1 >= ?2 THEN 0 ELSE ?1 END,"
        " locked_until = CASE WHEN ?1 >= ?2 THEN datetime('now', ?3) ELSE locked_until END"
        " WHERE id = ?4",
        err);
    if (!s)
        return JR_EDB;
    char lock[32];
    snprintf(lock, sizeof lock, "+%d minutes", JR_LOGIN_LOCK_MIN);
    store_bind_int(s, 1, fails + 1);
    store_bind_int(s, 2, JR_LOGIN_MAX_FAILS);
    store_bind_text(s, 3, lock);
    store_bind_int(s, 4, u->id);
    if (store_step(s, err) != STORE_DONE)
        return JR_EDB;
    char detail[96];
    snprintf(detail, sizeof detail, "poging %lld vanaf %s%s", (long long)fails + 1,
             client ? client : "-",
             fails + 1 >= JR_LOGIN_MAX_FAILS ? "; account tijdelijk dicht" : "");
    return audit_record(ctx, "inloggen.mislukt", "user", u->name, detail, err);
}

jr_status auth_login(const jr_ctx *ctx, const char *name, const char *password, const char *client,
                     char token[JR_TOKEN_HEX], char csrf[JR_TOKEN_HEX], jr_user *user,
                     jr_error *err)
{
    jr_status rc = sodium_ready(err);
    if (rc != JR_OK)
        return rc;
    char hash[crypto_pwhash_STRBYTES] = "";
    int64_t fails = 0;
    bool locked = false;
    jr_user u;
    rc = find_user(ctx, name ? name : "", &u, hash, sizeof hash, &fails, &locked, err);
    if (rc != JR_OK && rc != JR_ENOTFOUND)
        return rc;
    bool known = rc == JR_OK;
    const char *pw = password ? password : "";
    /* verify even for unknown names, so timing does not tell who exists */
    bool ok = known && crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0;
    if (!known) {
        char dummy[crypto_pwhash_STRBYTES];
        if (crypto_pwhash_str(dummy, pw, strlen(pw), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
            return jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen voor Argon2id.");
    }
    if (known && locked)
        return jr_fail(err, JR_EAUTH, "login_locked", "",
                       "Te veel mislukte pogingen: dit account is tijdelijk dicht. Probeer het "
                       "over %d minuten opnieuw.",
                       JR_LOGIN_LOCK_MIN);
    if (!ok || !u.active) {
        if (known) {
            if ((rc = store_begin(ctx->store, err)) != JR_OK)
                return rc;
            rc = svc_finish(ctx, login_failed(ctx, &u, fails, client, err), err);
            if (rc != JR_OK)
                return rc;
        }
        return jr_fail(err, JR_EAUTH, "login_failed", "",
                       "Onbekende gebruiker of onjuist wachtwoord.");
    }
    random_hex(token);
    random_hex(csrf);
    char th[JR_TOKEN_HEX], max[32];
    token_hash(token, th);
    snprintf(max, sizeof max, "+%d hours", JR_SESSION_MAX_HOURS);
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    jr_stmt *s = store_prepare(ctx->store,
                               "INSERT INTO app_session (token_hash, user_id, csrf, created_at,"
                               " expires_at, last_seen, client) VALUES (?, ?, ?, datetime('now'),"
                               " datetime('now', ?), datetime('now'), ?)",
                               err);
    if (!s)
        return svc_finish(ctx, JR_EDB, err);
    store_bind_text(s, 1, th);
    store_bind_int(s, 2, u.id);
    store_bind_text(s, 3, csrf);
    store_bind_text(s, 4, max);
    store_bind_text(s, 5, client ? client : "");
    rc = store_step(s, err) == STORE_DONE ? JR_OK : JR_EDB;
    jr_stmt *r =
        rc == JR_OK
            ? store_prepare(ctx->store, "UPDATE app_user SET failed_logins = 0 WHERE id = ?", err)
            : NULL;
    if (rc == JR_OK && r) {
        store_bind_int(r, 1, u.id);
        rc = store_step(r, err) == STORE_DONE ? JR_OK : JR_EDB;
    }
    if (rc == JR_OK) {
        jr_ctx as = auth_ctx(ctx, &u);
        rc = audit_record(&as, "inloggen", "user", u.name, client ? client : "", err);
    }
    if (user)
        *user = u;
    return svc_finish(ctx, rc, err);
}

jr_status auth_session(const jr_ctx *ctx, const char *token, jr_user *user, char csrf[JR_TOKEN_HEX],
                       jr_error *err)
{
    jr_status rc = sodium_ready(err);
    if (rc != JR_OK)
        return rc;
    if (token == NULL || strlen(token) != JR_TOKEN_HEX - 1)
        return jr_fail(err, JR_EAUTH, "no_session", "", "Log eerst in.");
    char th[JR_TOKEN_HEX], idle[32];
    token_hash(token, th);
    snprintf(idle, sizeof idle, "-%d minutes", JR_SESSION_IDLE_MIN);
    jr_stmt *s =
        store_prepare(ctx->store,
                      "SELECT u.id, u.name, u.display_name, u.role, u.gemeente, u.agb, u.active,"
                      " s.csrf, s.last_seen < datetime('now', '-1 minutes')"
                      " FROM app_session s JOIN app_user u ON u.id = s.user_id"
                      " WHERE s.token_hash = ? AND u.active = 1 AND s.expires_at > datetime('now')"
                      " AND s.last_seen > datetime('now', ?)",
                      err);
    if (!s)
        return JR_EDB;
    store_bind_text(s, 1, th);
    store_bind_text(s, 2, idle);
    store_step_result r = store_step(s, err);
    if (r == STORE_ERROR)
        return JR_EDB;
    if (r == STORE_DONE)
        return jr_fail(err, JR_EAUTH, "session_expired", "",
                       "Uw sessie is verlopen of bestaat niet: log opnieuw in.");
    jr_user u;
    user_from_row(NULL, s, &u); /* active: the query asks for it */
    if (csrf)
        str_copy(csrf, JR_TOKEN_HEX, store_col_text(s, 7));
    bool touch = store_col_int(s, 8) != 0;
    store_reset(s);
    if (touch) { /* at most once a minute: reading stays a read */
        jr_stmt *t = store_prepare(
            ctx->store, "UPDATE app_session SET last_seen = datetime('now') WHERE token_hash = ?",
            err);
        if (!t)
            return JR_EDB;
        store_bind_text(t, 1, th);
        if (store_step(t, err) != STORE_DONE)
            return JR_EDB;
    }
    if (user)
        *user = u;
    return JR_OK;
}

jr_status auth_logout(const jr_ctx *ctx, const char *token, jr_error *err)
{
    jr_user u;
    jr_status rc = auth_session(ctx, token, &u, NULL, err);
    if (rc != JR_OK)
        return rc;
    char th[JR_TOKEN_HEX];
    token_hash(token, th);
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    jr_stmt *s = store_prepare(ctx->store, "DELETE FROM app_session WHERE token_hash = ?", err);
    if (!s)
        return svc_finish(ctx, JR_EDB, err);
    store_bind_text(s, 1, th);
    rc = store_step(s, err) == STORE_DONE ? JR_OK : JR_EDB;
    if (rc == JR_OK) {
        jr_ctx as = auth_ctx(ctx, &u);
        rc = audit_record(&as, "uitloggen", "user", u.name, "", err);
    }
    return svc_finish(ctx, rc, err);
}

jr_ctx auth_ctx(const jr_ctx *ctx, const jr_user *user)
{
    jr_ctx c = *ctx;
    c.actor = user->name;
    c.who = user->who;
    return c;
}

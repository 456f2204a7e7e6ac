/*
 * auth.c: accounts, Argon2id password hashes, sessions and login
 * throttling (see auth.h). The rows are read and written by store/users.c;
 * this file decides the moments (now, a session's end, a lock's end) and
 * binds them as store_timestamps.
 */
#include "auth.h"
#include "../core/sbuf.h"

#include "../domain/ident.h"
#include "../store/users.h"
#include "provider.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

_Static_assert(crypto_pwhash_STRBYTES <= STORE_PW_HASH_LEN, "a password hash fits its row");

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

/* password_check: the rules of a password (JR_PASSWORD_MIN to 256
 * characters), as a refusal joined to the checks so far (jr_refuse). */
static jr_status password_check(const char *password, jr_status so_far, jr_error *err)
{
    if (password == NULL || strlen(password) < JR_PASSWORD_MIN)
        return jr_refuse(err, so_far, "password_weak", "wachtwoord",
                         "Een wachtwoord heeft minstens %d tekens.", JR_PASSWORD_MIN);
    if (strlen(password) > 256)
        return jr_refuse(err, so_far, "password_long", "wachtwoord",
                         "Een wachtwoord heeft hoogstens 256 tekens.");
    return so_far;
}

static jr_status hash_password(const char *password, char out[crypto_pwhash_STRBYTES],
                               jr_error *err)
{
    jr_status rc = password_check(password, JR_OK, err);
    if (rc != JR_OK)
        return rc;
    if (crypto_pwhash_str(out, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen voor Argon2id.");
    return JR_OK;
}

jr_status user_add(const jr_ctx *ctx, const char *name, const char *display_name, jr_role role,
                   const char *gemeente, const char *agb, const char *password, jr_error *err)
{
    jr_status rc = svc_may(ctx, JR_ACT_USER_ADMIN, err);
    if (rc == JR_OK)
        rc = sodium_ready(err);
    if (rc != JR_OK)
        return rc;
    /* every field is checked before refusing: naam, rol, gemeente, agb (a
       look-up: an unknown provider as the first refusal answers alone, as
       before), wachtwoord */
    if (!name || strlen(name) < 2 || strlen(name) >= 64 ||
        strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789._-@") != strlen(name))
        rc = jr_refuse(
            err, rc, "name_invalid", "naam",
            "Een gebruikersnaam heeft 2 tot 63 tekens: kleine letters, cijfers, . _ - @.");
    if (role == JR_ROLE_SYSTEM)
        rc = jr_refuse(err, rc, "role_invalid", "rol",
                       "Kies een rol: beheerder, rsj, toegang, gemeente, aanbieder of lezer.");
    bool needs_gemeente = role == JR_ROLE_TOEGANG || role == JR_ROLE_GEMEENTE;
    if (needs_gemeente && !catalog_municipality(ctx->cat, gemeente))
        rc = jr_refuse(err, rc, "gemeente_unknown", "gemeente",
                       "De rol %s hoort bij een gemeente van de regio; '%s' is er geen.",
                       role_name(role), gemeente ? gemeente : "");
    if (role == JR_ROLE_AANBIEDER) {
        jr_provider p;
        jr_error e;
        jr_error_clear(&e);
        if (provider_find(ctx, agb ? agb : "", &p, &e) != JR_OK)
            rc = jr_refuse_error(err, rc, &e);
        if (rc != JR_OK && rc != JR_EINVAL)
            return rc;
    }
    rc = password_check(password, rc, err);
    if (rc != JR_OK)
        return rc;
    char hash[crypto_pwhash_STRBYTES];
    if ((rc = hash_password(password, hash, err)) != JR_OK)
        return rc;
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    rc = store_user_insert(ctx->store, name, display_name && *display_name ? display_name : name,
                           role_name(role), needs_gemeente ? gemeente : NULL,
                           role == JR_ROLE_AANBIEDER ? agb : NULL, hash, err);
    if (rc != JR_OK) {
        if (rc == JR_ECONFLICT)
            jr_fail(err, JR_ECONFLICT, "user_exists", "naam", "Gebruiker %s bestaat al.", name);
        return svc_finish(ctx, rc, err);
    }
    char detail[96];
    snprintf(detail, sizeof detail, "rol %s %s", role_name(role),
             needs_gemeente              ? gemeente
             : role == JR_ROLE_AANBIEDER ? agb
                                         : "");
    rc = audit_record(ctx, "gebruiker.toegevoegd", "user", name, detail, err);
    return svc_finish(ctx, rc, err);
}

/* user_from_row: the account of a store row. A role name this build does
 * not know (a newer release's, a hand edit) must never fall back to the
 * zero role, which is JR_ROLE_SYSTEM: the account reads as an inactive
 * lezer, so it can neither log in nor keep a session. */
static void user_from_row(const jr_user_row *r, jr_user *u)
{
    memset(u, 0, sizeof *u);
    u->id = r->id;
    str_copy(u->name, sizeof u->name, r->name);
    str_copy(u->display_name, sizeof u->display_name, r->display_name);
    bool known = role_parse(r->role, &u->who.role);
    str_copy(u->who.gemeente, sizeof u->who.gemeente, r->gemeente);
    str_copy(u->who.agb, sizeof u->who.agb, r->agb);
    u->active = r->active && known;
    if (!known)
        u->who.role = JR_ROLE_LEZER;
}

/* find_user: the account called name, and its secrets when secret is not
 * NULL (locked: a lock lasts beyond now); JR_ENOTFOUND, err untouched. */
static jr_status find_user(const jr_ctx *ctx, const char *name, jr_user *u, jr_user_secret *secret,
                           jr_error *err)
{
    char now[STORE_TS_LEN];
    jr_user_row row;
    jr_status rc = store_user_by_name(ctx->store, name, store_timestamp(0, now), &row, secret, err);
    if (rc == JR_OK)
        user_from_row(&row, u);
    return rc;
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
    if ((rc = find_user(ctx, name, &u, NULL, err)) == JR_ENOTFOUND)
        return jr_fail(err, JR_ENOTFOUND, "user_unknown", "naam", "Gebruiker %s bestaat niet.",
                       name);
    if (rc != JR_OK)
        return rc;
    char hash[crypto_pwhash_STRBYTES];
    if ((rc = hash_password(password, hash, err)) != JR_OK)
        return rc;
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    rc = store_user_set_password(ctx->store, u.id, hash, err);
    if (rc == JR_OK)
        rc = store_session_delete_user(ctx->store, u.id, err);
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
    if ((rc = find_user(ctx, name, &u, NULL, err)) == JR_ENOTFOUND)
        return jr_fail(err, JR_ENOTFOUND, "user_unknown", "naam", "Gebruiker %s bestaat niet.",
                       name);
    if (rc != JR_OK)
        return rc;
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    rc = store_user_set_active(ctx->store, u.id, active, err);
    if (rc == JR_OK && !active)
        rc = store_session_delete_user(ctx->store, u.id, err);
    if (rc == JR_OK)
        rc = audit_record(ctx, active ? "gebruiker.actief" : "gebruiker.geblokkeerd", "user", name,
                          "", err);
    return svc_finish(ctx, rc, err);
}

/* user_list_row: hands a store row to the caller of user_list as a jr_user */
struct user_list_ud {
    jr_row_fn fn;
    void *ud;
};

static int user_list_row(void *ud, const void *row)
{
    const struct user_list_ud *l = ud;
    jr_user u;
    user_from_row(row, &u);
    return l->fn(l->ud, &u);
}

jr_status user_list(const jr_ctx *ctx, jr_row_fn fn, void *ud, jr_error *err)
{
    jr_status rc = svc_may(ctx, JR_ACT_USER_ADMIN, err);
    if (rc != JR_OK)
        return rc;
    struct user_list_ud l = {fn, ud};
    return store_user_list(ctx->store, user_list_row, &l, err);
}

static jr_status login_failed(const jr_ctx *ctx, const jr_user *u, int64_t fails,
                              const char *client, jr_error *err)
{
    /* the attempt that reaches the limit locks the account and starts the
       count again */
    bool lock = fails + 1 >= JR_LOGIN_MAX_FAILS;
    char until[STORE_TS_LEN];
    jr_status rc =
        store_user_set_failures(ctx->store, u->id, lock ? 0 : fails + 1,
                                lock ? store_timestamp(JR_LOGIN_LOCK_MIN * 60, until) : NULL, err);
    if (rc != JR_OK)
        return rc;
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
    jr_user_secret secret = {.pw_hash = ""};
    jr_user u;
    rc = find_user(ctx, name ? name : "", &u, &secret, err);
    if (rc != JR_OK && rc != JR_ENOTFOUND)
        return rc;
    bool known = rc == JR_OK;
    const char *pw = password ? password : "";
    /* verify even for unknown names, so timing does not tell who exists */
    bool ok = known && crypto_pwhash_str_verify(secret.pw_hash, pw, strlen(pw)) == 0;
    if (!known) {
        char dummy[crypto_pwhash_STRBYTES];
        if (crypto_pwhash_str(dummy, pw, strlen(pw), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
            return jr_fail(err, JR_ENOMEM, "no_memory", "", "Onvoldoende geheugen voor Argon2id.");
    }
    if (known && secret.locked)
        return jr_fail(err, JR_EAUTH, "login_locked", "",
                       "Te veel mislukte pogingen: dit account is tijdelijk dicht. Probeer het "
                       "over %d minuten opnieuw.",
                       JR_LOGIN_LOCK_MIN);
    if (!ok || !u.active) {
        if (known) {
            if ((rc = store_begin(ctx->store, err)) != JR_OK)
                return rc;
            rc = svc_finish(ctx, login_failed(ctx, &u, secret.failed_logins, client, err), err);
            if (rc != JR_OK)
                return rc;
        }
        return jr_fail(err, JR_EAUTH, "login_failed", "",
                       "Onbekende gebruiker of onjuist wachtwoord.");
    }
    random_hex(token);
    random_hex(csrf);
    char th[JR_TOKEN_HEX], now[STORE_TS_LEN], until[STORE_TS_LEN];
    token_hash(token, th);
    if ((rc = store_begin(ctx->store, err)) != JR_OK)
        return rc;
    rc = store_session_insert(ctx->store, th, u.id, csrf, store_timestamp(0, now),
                              store_timestamp(JR_SESSION_MAX_HOURS * 3600, until),
                              client ? client : "", err);
    if (rc == JR_OK)
        rc = store_user_set_failures(ctx->store, u.id, 0, NULL, err);
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
    char th[JR_TOKEN_HEX], now[STORE_TS_LEN], idle[STORE_TS_LEN], touch[STORE_TS_LEN];
    token_hash(token, th);
    store_timestamp(0, now);
    jr_user_row row;
    bool stale = false;
    rc = store_session_live(ctx->store, th, now, store_timestamp(-JR_SESSION_IDLE_MIN * 60, idle),
                            store_timestamp(-60, touch), &row, csrf, csrf ? JR_TOKEN_HEX : 0,
                            &stale, err);
    if (rc == JR_ENOTFOUND)
        return jr_fail(err, JR_EAUTH, "session_expired", "",
                       "Uw sessie is verlopen of bestaat niet: log opnieuw in.");
    if (rc != JR_OK)
        return rc;
    /* last seen over a minute ago: touched at most once a minute, so that
       reading stays a read */
    if (stale && (rc = store_session_touch(ctx->store, th, now, err)) != JR_OK)
        return rc;
    jr_user u;
    user_from_row(&row, &u);
    if (!u.active)
        return jr_fail(err, JR_EAUTH, "session_expired", "",
                       "Uw sessie is verlopen of bestaat niet: log opnieuw in.");
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
    rc = store_session_delete(ctx->store, th, err);
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

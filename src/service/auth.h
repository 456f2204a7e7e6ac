/*
 * auth.h: user accounts, passwords and login sessions.
 *
 * Passwords are hashed with Argon2id (libsodium crypto_pwhash_str, the
 * interactive limits). A login yields a random session token (given to the
 * client once, stored only as its BLAKE2b hash) and a CSRF token; sessions
 * end after JR_SESSION_IDLE_MIN minutes without use and at most
 * JR_SESSION_MAX_HOURS after login. JR_LOGIN_MAX_FAILS failed attempts lock
 * an account for JR_LOGIN_LOCK_MIN minutes. Wrong name and wrong password
 * get the same answer.
 */
#ifndef JR_AUTH_H
#define JR_AUTH_H

#include "svc.h"

#define JR_TOKEN_HEX 65 /* 32 random bytes as hex, and NUL */
#define JR_SESSION_IDLE_MIN 30
#define JR_SESSION_MAX_HOURS 8
#define JR_LOGIN_MAX_FAILS 5
#define JR_LOGIN_LOCK_MIN 15
#define JR_PASSWORD_MIN 12

typedef struct {
    int64_t id;
    char name[64];
    char display_name[128];
    jr_principal who;
    bool active;
} jr_user;

/* user_add: a new account (beheerder only). toegang and gemeente name a
 * municipality of the region, aanbieder a registered provider's AGB. Name,
 * role, municipality, AGB and password are checked before refusing: err
 * holds the first refusal, err's list (jr_error_collect) each of them in
 * that order; an unknown AGB as the first refusal answers agb_unknown
 * (JR_ENOTFOUND) alone, as a look-up does. */
jr_status user_add(const jr_ctx *ctx, const char *name, const char *display_name, jr_role role,
                   const char *gemeente, const char *agb, const char *password, jr_error *err);
/* user_set_password: a new password; ends the user's sessions. */
jr_status user_set_password(const jr_ctx *ctx, const char *name, const char *password,
                            jr_error *err);
/* user_set_active: (de)activates an account; deactivation ends its sessions. */
jr_status user_set_active(const jr_ctx *ctx, const char *name, bool active, jr_error *err);
/* user_list: each jr_user, by name. */
jr_status user_list(const jr_ctx *ctx, jr_row_fn fn, void *ud, jr_error *err);

/* auth_login: checks name and password; on success fills token, csrf and
 * user. client (an address, for the audit log) may be NULL. */
jr_status auth_login(const jr_ctx *ctx, const char *name, const char *password, const char *client,
                     char token[JR_TOKEN_HEX], char csrf[JR_TOKEN_HEX], jr_user *user,
                     jr_error *err);
/* auth_session: the user and CSRF token of a live session; JR_EAUTH when the
 * token is unknown or the session expired. Refreshes its idle timer. */
jr_status auth_session(const jr_ctx *ctx, const char *token, jr_user *user, char csrf[JR_TOKEN_HEX],
                       jr_error *err);
jr_status auth_logout(const jr_ctx *ctx, const char *token, jr_error *err);

/* auth_ctx: ctx acting as user (actor = user name, principal = user's). */
jr_ctx auth_ctx(const jr_ctx *ctx, const jr_user *user);

#endif

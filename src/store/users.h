/*
 * users.h: the app_user and app_session tables: user accounts with their
 * password hash and failed-login count, and the login sessions, stored by
 * the hash of their token.
 *
 * The queries of the account and session service (service/auth.c), written
 * once here in the SQL SQLite and PostgreSQL share. Every moment is a
 * timestamp of store_timestamp, bound by the caller: the service decides
 * how long a session lives and a lock lasts; these functions only read and
 * write rows, and compare the moments they are given.
 *
 * Ownership: texts are copied into the caller's row structs; a list hands
 * each row to its callback in a buffer of its own, valid for that call only
 * (non-zero from the callback stops the list).
 */
#ifndef JR_STORE_USERS_H
#define JR_STORE_USERS_H

#include "store.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* room for a password hash (libsodium's crypto_pwhash_STRBYTES) */
#define STORE_PW_HASH_LEN 128

/* One account row, without its secrets. role is the role's name
 * (beheerder, rsj, toegang, gemeente, aanbieder, lezer). */
typedef struct {
    int64_t id;
    char name[64];
    char display_name[128];
    char role[16];
    char gemeente[5];
    char agb[9];
    bool active;
} jr_user_row;

/* What a login checks besides the row: the stored hash, the failed
 * attempts since the last success or lock, and whether a lock holds. */
typedef struct {
    char pw_hash[STORE_PW_HASH_LEN];
    int64_t failed_logins;
    bool locked;
} jr_user_secret;

/* store_user_insert: a new account created now. gemeente and agb may be
 * NULL. JR_ECONFLICT (err filled) when the name is taken. */
jr_status store_user_insert(jr_store *st, const char *name, const char *display_name,
                            const char *role, const char *gemeente, const char *agb,
                            const char *pw_hash, jr_error *err);
/* store_user_by_name: the account called name in *out and, when secret is
 * not NULL, its secrets in *secret; locked when its lock lasts beyond now
 * (a store_timestamp). JR_ENOTFOUND (err untouched) when there is none. */
jr_status store_user_by_name(jr_store *st, const char *name, const char *now, jr_user_row *out,
                             jr_user_secret *secret, jr_error *err);
/* store_user_list: fn(ud, const jr_user_row *) for each account by name. */
jr_status store_user_list(jr_store *st, int (*fn)(void *ud, const void *row), void *ud,
                          jr_error *err);
/* store_user_set_password: a new hash for account id; clears its failed
 * attempts and lock. */
jr_status store_user_set_password(jr_store *st, int64_t id, const char *pw_hash, jr_error *err);
/* store_user_set_active: (de)activates account id. */
jr_status store_user_set_active(jr_store *st, int64_t id, bool active, jr_error *err);
/* store_user_set_failures: account id's failed attempts become
 * failed_logins; locked_until (a store_timestamp) sets a lock, NULL keeps
 * the lock it has. */
jr_status store_user_set_failures(jr_store *st, int64_t id, int64_t failed_logins,
                                  const char *locked_until, jr_error *err);

/* store_session_insert: a session of user_id under token_hash, begun and
 * last seen at now, ending at expires_at (store_timestamps). */
jr_status store_session_insert(jr_store *st, const char *token_hash, int64_t user_id,
                               const char *csrf, const char *now, const char *expires_at,
                               const char *client, jr_error *err);
/* store_session_live: the active account of the session token_hash and its
 * CSRF token (csrf of csrf_cap bytes, may be NULL), when the session ends
 * after now and was last seen after idle_since; *stale when it was last
 * seen before touch_before. JR_ENOTFOUND (err untouched) when there is no
 * such session. */
jr_status store_session_live(jr_store *st, const char *token_hash, const char *now,
                             const char *idle_since, const char *touch_before, jr_user_row *out,
                             char *csrf, size_t csrf_cap, bool *stale, jr_error *err);
/* store_session_touch: session token_hash was last seen at now. */
jr_status store_session_touch(jr_store *st, const char *token_hash, const char *now, jr_error *err);
/* store_session_delete: ends session token_hash. */
jr_status store_session_delete(jr_store *st, const char *token_hash, jr_error *err);
/* store_session_delete_user: ends every session of user_id. */
jr_status store_session_delete_user(jr_store *st, int64_t user_id, jr_error *err);

#endif

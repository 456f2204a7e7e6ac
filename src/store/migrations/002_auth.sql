-- 002_auth.sql: user accounts and login sessions.
-- Passwords are Argon2id hashes (libsodium crypto_pwhash_str); a session is
-- stored by the BLAKE2b hash of its token, so the database never holds a
-- usable token.

CREATE TABLE app_user (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('beheerder', 'rsj', 'toegang', 'gemeente', 'aanbieder', 'lezer')),
    gemeente TEXT,
    agb TEXT,
    pw_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE app_session (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES app_user (id),
    csrf TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    client TEXT NOT NULL
);
CREATE INDEX app_session_user ON app_session (user_id);

-- 009: every stored moment in one form, ISO 8601 UTC with milliseconds
-- ("2026-12-03T10:21:49.123Z"), the form of store_timestamp (src/store).
--
-- Until this release the rows below took their moment from SQLite's
-- datetime('now'): "2026-12-03 10:21:49", also UTC. The two forms do not
-- compare as text (' ' sorts before 'T'), and sessions, login locks and
-- lists now compare against a bound store_timestamp; so each such value is
-- rewritten to the new form (same second, .000 milliseconds), which sorts
-- with the new values in the order of time. A value of another shape (a
-- bare date written by hand, or one already in the new form) stays as it
-- is. The audit log and the iJw tables always took the new form
-- (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) and are not touched.
-- Only substr, length and || : SQL that SQLite and PostgreSQL share.

UPDATE schema_version SET applied_at = substr(applied_at, 1, 10) || 'T' || substr(applied_at, 12, 8) || '.000Z'
    WHERE length(applied_at) = 19 AND substr(applied_at, 11, 1) = ' ';

UPDATE provider SET created_at = substr(created_at, 1, 10) || 'T' || substr(created_at, 12, 8) || '.000Z'
    WHERE length(created_at) = 19 AND substr(created_at, 11, 1) = ' ';
UPDATE contract SET created_at = substr(created_at, 1, 10) || 'T' || substr(created_at, 12, 8) || '.000Z'
    WHERE length(created_at) = 19 AND substr(created_at, 11, 1) = ' ';
UPDATE youth SET created_at = substr(created_at, 1, 10) || 'T' || substr(created_at, 12, 8) || '.000Z'
    WHERE length(created_at) = 19 AND substr(created_at, 11, 1) = ' ';
UPDATE referral SET created_at = substr(created_at, 1, 10) || 'T' || substr(created_at, 12, 8) || '.000Z'
    WHERE length(created_at) = 19 AND substr(created_at, 11, 1) = ' ';
UPDATE assignment SET created_at = substr(created_at, 1, 10) || 'T' || substr(created_at, 12, 8) || '.000Z'
    WHERE length(created_at) = 19 AND substr(created_at, 11, 1) = ' ';
UPDATE decl_batch SET received_at = substr(received_at, 1, 10) || 'T' || substr(received_at, 12, 8) || '.000Z'
    WHERE length(received_at) = 19 AND substr(received_at, 11, 1) = ' ';

UPDATE app_user SET created_at = substr(created_at, 1, 10) || 'T' || substr(created_at, 12, 8) || '.000Z'
    WHERE length(created_at) = 19 AND substr(created_at, 11, 1) = ' ';
UPDATE app_user SET locked_until = substr(locked_until, 1, 10) || 'T' || substr(locked_until, 12, 8) || '.000Z'
    WHERE length(locked_until) = 19 AND substr(locked_until, 11, 1) = ' ';
UPDATE app_session SET created_at = substr(created_at, 1, 10) || 'T' || substr(created_at, 12, 8) || '.000Z'
    WHERE length(created_at) = 19 AND substr(created_at, 11, 1) = ' ';
UPDATE app_session SET expires_at = substr(expires_at, 1, 10) || 'T' || substr(expires_at, 12, 8) || '.000Z'
    WHERE length(expires_at) = 19 AND substr(expires_at, 11, 1) = ' ';
UPDATE app_session SET last_seen = substr(last_seen, 1, 10) || 'T' || substr(last_seen, 12, 8) || '.000Z'
    WHERE length(last_seen) = 19 AND substr(last_seen, 11, 1) = ' ';

#!/usr/bin/env bash
# backup.sh BIN: backup and restore (docs/operations.md) and what a full disk
# or a read-only database does (issue 14, Durability): a backup is a whole,
# intact, self-contained copy and never overwrites a file; a restore lands
# whole (an older backup brought up to date) or refuses a bad, newer or
# foreign file and changes nothing; a write the file system refuses (a file
# size limit standing in for a full disk) answers a clear error and leaves
# the database as it was; a read-only database is refused before anything
# runs.
set -euo pipefail
BIN=$(realpath "$1")
T=$(mktemp -d)
trap 'chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT
cd "$T"
export JEUGDREGIO_TODAY=2026-01-15
J() { "$BIN" --db "$T/a.db" "$@"; }
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
# fp DB: what a restore must bring back, row for row (the audit log without
# the rows about backups and restores themselves)
fp() {
  sqlite3 "$1" "SELECT count(*) FROM decl_line; SELECT count(*) FROM assignment;" \
    "SELECT count(*) FROM provider; SELECT count(*) FROM continuity_accounts;"
  sqlite3 "$1" ".mode list" "SELECT * FROM decl_line ORDER BY id" "SELECT * FROM ledger_event ORDER BY id" \
    "SELECT * FROM assignment ORDER BY id" "SELECT * FROM provider ORDER BY id" \
    "SELECT id, at, actor, action, entity, entity_id, detail FROM audit WHERE entity <> 'database' ORDER BY id" |
    sha256sum
}
code() { jq -r '.error.code' "$1"; }

J demo --youths 600 --providers 24 >/dev/null
before=$(fp a.db)

# a backup: whole, intact, one file in rollback-journal mode; the live
# database records it, the copy holds the log as it was
J --json backup b.db >out.json || fail "backup: $(cat out.json)"
[ "$(sqlite3 b.db 'PRAGMA integrity_check')" = ok ] || fail "backup not intact"
[ "$(sqlite3 b.db 'PRAGMA journal_mode')" = delete ] || fail "backup not self-contained"
[ "$(fp b.db)" = "$before" ] || fail "backup differs from the database"
[ "$(jq -r .migrations out.json)" = "$(sqlite3 a.db 'SELECT count(*) FROM schema_version')" ] ||
  fail "migrations: $(cat out.json)"
[ "$(sqlite3 a.db "SELECT count(*) FROM audit WHERE action = 'database.backup' AND entity_id = 'b.db'")" = 1 ] ||
  fail "no audit row for the backup"
[ "$(sqlite3 b.db "SELECT count(*) FROM audit WHERE entity = 'database'")" = 0 ] ||
  fail "the copy holds its own backup row"
ls | grep -q 'tmp-' && fail "temporary file left behind"

# never over an existing file
sum=$(sha256sum b.db)
J --json backup b.db >out.json && fail "backup over an existing file"
[ "$(code out.json)" = backup_exists ] || fail "code: $(cat out.json)"
[ "$(sha256sum b.db)" = "$sum" ] || fail "existing file changed"

# a change after the backup, then a restore: refused without --replace,
# then whole with it, the change gone and the restore in the audit log
J provider add --agb 79999999 --name "Na de back-up" --kind instelling >/dev/null
J --json restore b.db >out.json && fail "restore over data without --replace"
[ "$(code out.json)" = restore_not_empty ] || fail "code: $(cat out.json)"
[ "$(sqlite3 a.db "SELECT count(*) FROM provider WHERE agb = '79999999'")" = 1 ] ||
  fail "a refused restore changed the database"
J restore b.db --replace >out.txt || fail "restore: $(cat out.txt)"
[ "$(fp a.db)" = "$before" ] || fail "restored database differs from the backup"
[ "$(sqlite3 a.db "SELECT count(*) FROM provider WHERE agb = '79999999'")" = 0 ] ||
  fail "the change after the backup survived the restore"
[ "$(sqlite3 a.db "SELECT count(*) FROM audit WHERE action = 'database.hersteld'")" = 1 ] ||
  fail "no audit row for the restore"
[ "$(sqlite3 a.db 'PRAGMA integrity_check')" = ok ] || fail "restored database not intact"

# into a new database: no --replace needed
"$BIN" --db "$T/n.db" restore b.db >/dev/null || fail "restore into a new database"
[ "$(fp n.db)" = "$before" ] || fail "new database differs from the backup"

# refused files change nothing
now=$(fp a.db)
echo "geen database" >junk.db
J --json restore junk.db --replace >out.json && fail "restore of junk"
[ "$(code out.json)" = backup_invalid ] || fail "junk code: $(cat out.json)"
J --json restore missing.db --replace >out.json && fail "restore of a missing file"
[ "$(code out.json)" = backup_missing ] || fail "missing code: $(cat out.json)"
sqlite3 other.db "CREATE TABLE t (x); INSERT INTO t VALUES (1);"
J --json restore other.db --replace >out.json && fail "restore of a foreign database"
[ "$(code out.json)" = backup_invalid ] || fail "foreign code: $(cat out.json)"
cp b.db newer.db
sqlite3 newer.db "INSERT INTO schema_version VALUES ('999_toekomst.sql', '2030-01-01T00:00:00.000Z')"
J --json restore newer.db --replace >out.json && fail "restore of a newer version's backup"
[ "$(code out.json)" = backup_newer ] || fail "newer code: $(cat out.json)"
grep -q 999_toekomst out.json || fail "newer: the migration not named"
[ "$(fp a.db)" = "$now" ] || fail "a refused restore changed the database"

# an older version's backup (one without migration 017): restored, then
# brought up to date
cp b.db older.db
sqlite3 older.db "DELETE FROM schema_version WHERE name = '017_continuity.sql'; DROP TABLE continuity_accounts;"
"$BIN" --db "$T/o.db" restore older.db >/dev/null || fail "restore of an older backup"
[ "$(sqlite3 o.db "SELECT count(*) FROM schema_version WHERE name = '017_continuity.sql'")" = 1 ] ||
  fail "older backup not migrated"
[ "$(sqlite3 o.db "SELECT count(*) FROM continuity_accounts")" = 0 ] || fail "017 not applied"

# a full disk: a file size limit below what the import needs. The import
# is refused with disk_full, the database is intact and unchanged, and the
# same file imported again without the limit lands whole
H=agb,name,year,total_revenue_cents,youth_revenue_cents,net_result_cents,equity_cents,total_assets_cents,current_assets_cents,current_liabilities_cents
awk -v h="$H" 'BEGIN { print h; for (i = 10000; i < 40000; i++)
  printf "7%07d,Aanmelder met een lange naam om ruimte te vullen nummer %d,2021,100000000,90000000,2000000,50000000,100000000,20000000,10000000\n", i, i }' >groot.csv
now=$(fp a.db)
size=$(($(stat -c %s a.db) / 1024 + 256))
(
  trap '' XFSZ
  ulimit -f "$size"
  J --json continuity import groot.csv >out.json
) && fail "import under a full disk succeeded"
[ "$(code out.json)" = disk_full ] || fail "disk full code: $(cat out.json)"
jq -r .error.message out.json | grep -q "schijf is vol" || fail "message: $(cat out.json)"
[ "$(sqlite3 a.db 'PRAGMA integrity_check')" = ok ] || fail "database damaged by a full disk"
[ "$(fp a.db)" = "$now" ] || fail "a full disk left part of the import"
J continuity import groot.csv >/dev/null || fail "import after the disk was freed"
[ "$(sqlite3 a.db 'SELECT count(*) FROM continuity_accounts WHERE year = 2021')" = 30000 ] ||
  fail "import after the disk was freed incomplete"
# a backup that does not fit leaves nothing behind
(
  trap '' XFSZ
  ulimit -f 1024
  J --json backup vol.db >out.json
) && fail "backup under a full disk succeeded"
[ "$(code out.json)" = disk_full ] || fail "backup disk full code: $(cat out.json)"
ls | grep -q -e '^vol.db' && fail "a failed backup left a file: $(ls)"

# a read-only database: refused at once, nothing changed. As root file
# modes do not bind, so the check runs as nobody where setpriv exists
mkdir ro
cp b.db ro/r.db
chmod 444 ro/r.db
chmod 555 ro
sum=$(sha256sum ro/r.db)
as=()
if [ "$(id -u)" = 0 ]; then
  command -v setpriv >/dev/null || { echo "backup.sh: no setpriv, read-only check skipped" >&2; exit 0; }
  chmod 755 "$T"
  as=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
"${as[@]}" "$BIN" --db "$T/ro/r.db" --json provider list >out.json 2>/dev/null && fail "read-only database opened"
[ "$(code out.json)" = db_readonly ] || fail "read-only code: $(cat out.json)"
[ "$(sha256sum ro/r.db)" = "$sum" ] || fail "read-only database changed"
echo "backup.sh: OK"

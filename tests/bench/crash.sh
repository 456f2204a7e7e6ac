#!/usr/bin/env bash
# crash.sh: crash injection for the declaration import (issue 14,
# Durability; docs/operations.md, "Crash safety").
#
#   crash.sh JEUGDREGIO JEUGDREGIO-BENCH CONFIG [--scale F] [--kills N]
#            [--serve-kills M] [--seed S] [--dir DIR]
#
# Builds the benchmark's synthetic year at --scale (jeugdregio-bench --keep:
# the store before the imports and the year's declaration file, split here
# into one file per month), imports it once without interruption (the
# reference), then twice more under fire:
#   1. the command line: `jeugdregio declare` of month after month, killed
#      with SIGKILL at a random moment N times; after every kill the store is
#      checked, and the run starts again from the first month not known to
#      be done (a month whose commit landed just before the kill is sent
#      again, as an operator would);
#   2. the server: `jeugdregio serve` taking the months as uploads
#      (POST /api/v1/declarations), killed with SIGKILL at a random moment M
#      times and restarted; the client sends again every month whose answer
#      it did not get.
# The checks after every kill: the database intact (PRAGMA quick_check);
# every line accepted at most once; each month's lines stored all or not at
# all; every assignment's used budget equal to the sum of its accepted,
# uncredited lines; every batch's accepted count equal to its accepted lines;
# the spending summary equal to the lines. At the end, with every month in,
# the accepted lines, the ledgers and the summary must equal the
# reference's exactly. It prints the counts; any failure exits 1.
# Only the embedded SQLite backend exists today: the PostgreSQL run is for
# when that backend lands (issue 14).
set -euo pipefail
sqlite3() { command sqlite3 -cmd ".timeout 10000" "$@"; }
BIN=$(realpath "$1")
BENCH=$(realpath "$2")
CONFIG=$(realpath "$3")
shift 3
scale=0.003 kills=8 skills=4 seed=2025 dir=""
while [ $# -gt 0 ]; do
  case "$1" in
  --scale) scale=$2; shift 2 ;;
  --kills) kills=$2; shift 2 ;;
  --serve-kills) skills=$2; shift 2 ;;
  --seed) seed=$2; shift 2 ;;
  --dir) dir=$2; shift 2 ;;
  *) echo "crash.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
if [ -n "$dir" ]; then
  W=$(realpath -m "$dir")
  rm -rf "$W"
  mkdir -p "$W"
else
  W=$(mktemp -d)
fi
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill -9 "$SERVER_PID" 2>/dev/null || true
  [ -z "$dir" ] && rm -rf "$W"
  return 0
}
trap cleanup EXIT
export JEUGDREGIO_CONFIG=$CONFIG
RANDOM=$((seed % 32768))
fail() {
  echo "crash.sh: FAIL: $*" >&2
  exit 1
}
now_ms() { date +%s%3N; }

# ---- 0. the synthetic year, one file per month ----
"$BENCH" --scale "$scale" --seed "$seed" --keep --dir "$W/bench" --config "$CONFIG" >"$W/bench.txt" 2>&1 ||
  fail "jeugdregio-bench: $(tail -5 "$W/bench.txt")"
full=$(ls "$W"/bench/declaraties-*.csv | grep -v tiende | head -1)
mkdir -p "$W/m"
awk -F, -v d="$W/m" 'NR == 1 { h = $0; next }
  { f = d "/" $4 ".csv"; if (!(f in seen)) { print h > f; seen[f] = 1 } print > f }' "$full"
months=($(ls "$W"/m/*.csv))
declare -A want
total_lines=0
for f in "${months[@]}"; do
  p=$(basename "$f" .csv)
  want[$p]=$(($(wc -l <"$f") - 1))
  total_lines=$((total_lines + want[$p]))
done

# ---- the checks ----
check() { # DB WHAT: the invariants of a store at any moment
  [ -n "${CRASH_TRACE:-}" ] && echo "$(date +%T.%3N) check $2" >&2
  local db=$1 what=$2 out
  out=$(sqlite3 "$db" "PRAGMA quick_check") || fail "$what: quick_check: $out"
  [ "$out" = ok ] || fail "$what: database damaged: $out"
  out=$(sqlite3 "$db" "SELECT count(*) FROM (SELECT 1 FROM decl_line WHERE status = 'A'
      GROUP BY provider_id, ref HAVING count(*) > 1)")
  [ "$out" = 0 ] || fail "$what: $out lines accepted twice"
  out=$(sqlite3 "$db" "SELECT count(*) FROM assignment a
      LEFT JOIN assignment_use u ON u.assignment_id = a.id
      LEFT JOIN (SELECT assignment_id, sum(amount_cents) AS t FROM decl_line
                 WHERE status = 'A' AND credit = 0 AND credited = 0 GROUP BY 1) s
        ON s.assignment_id = a.id
      WHERE coalesce(u.used_cents, 0) <> coalesce(s.t, 0)")
  [ "$out" = 0 ] || fail "$what: $out ledgers differ from the sum of their lines"
  out=$(sqlite3 "$db" "SELECT count(*) FROM decl_batch b
      LEFT JOIN (SELECT batch_id, count(*) AS n FROM decl_line WHERE status = 'A'
                 GROUP BY batch_id) l ON l.batch_id = b.id
      WHERE b.n_accepted <> coalesce(l.n, 0)")
  [ "$out" = 0 ] || fail "$what: $out batches whose count differs from their lines"
  out=$(sqlite3 "$db" "SELECT (SELECT coalesce(sum(amount_cents), 0) FROM spend_month) -
      (SELECT coalesce(sum(amount_cents), 0) FROM decl_line
       WHERE status = 'A' AND credit = 0 AND credited = 0),
      (SELECT coalesce(sum(lines), 0) FROM spend_month) -
      (SELECT count(*) FROM decl_line WHERE status = 'A')")
  [ "$out" = "0|0" ] || fail "$what: spending summary differs from the lines ($out)"
  local p n
  while IFS='|' read -r p n; do
    [ -n "$p" ] || continue
    [ "$n" = 0 ] || [ "$n" = "${want[$p]:-x}" ] ||
      fail "$what: month $p has $n of its ${want[$p]:-?} lines: a file half stored"
  done < <(sqlite3 "$db" "SELECT b.period, count(l.id) FROM decl_batch b
      JOIN decl_line l ON l.batch_id = b.id GROUP BY b.period")
}
# fingerprint DB: what must equal the reference once every month is in
fingerprint() {
  sqlite3 "$1" "SELECT provider_id, ref, assignment_id, amount_cents, status, code, credited
      FROM decl_line ORDER BY provider_id, ref, status, id" \
    "SELECT assignment_id, used_cents, used_base FROM assignment_use ORDER BY 1" \
    "SELECT * FROM spend_month ORDER BY 1, 2, 3, 4" \
    "SELECT provider_id, number, n_accepted, n_rejected, accepted_cents FROM decl_batch ORDER BY 1, 2" |
    sha256sum | cut -c1-16
}
months_in() { # DB: how many months are stored
  sqlite3 "$1" "SELECT count(DISTINCT period) FROM decl_batch"
}

# ---- 1. the reference: every month once, no interruption ----
cp "$W/bench/setup.db" "$W/ref.db"
t0=$(now_ms)
for f in "${months[@]}"; do
  "$BIN" --db "$W/ref.db" declare "$f" --summary >/dev/null || fail "reference import of $f"
done
t_import=$(($(now_ms) - t0))
check "$W/ref.db" "reference"
ref=$(fingerprint "$W/ref.db")
accepted=$(sqlite3 "$W/ref.db" "SELECT count(*) FROM decl_line WHERE status = 'A'")
echo "crash: ${#months[@]} month files, $total_lines lines ($accepted accepted), reference import $t_import ms, fingerprint $ref"

# ---- 2. the command line under SIGKILL ----
cp "$W/bench/setup.db" "$W/cli.db"
rm -f "$W/cli.done"
touch "$W/cli.done"
k=0 landed_mid=0 nothing=0
while [ "$k" -lt "$kills" ]; do
  done_n=$(wc -l <"$W/cli.done")
  [ "$done_n" -ge "${#months[@]}" ] && { rm -f "$W/cli.done"; touch "$W/cli.done"; done_n=0; }
  # a moment within what is left of the run (and a little past its end)
  window=$((t_import * (${#months[@]} - done_n) / ${#months[@]} + t_import / 20 + 50))
  before=$(months_in "$W/cli.db")
  setsid bash -c '
    db=$1; done=$2; shift 2
    for f in "$@"; do
      "'"$BIN"'" --db "$db" declare "$f" --summary >/dev/null 2>&1 || exit 1
      echo "$f" >>"$done"
    done' _ "$W/cli.db" "$W/cli.done" "${months[@]:$done_n}" &
  pid=$!
  delay=$((RANDOM * 32768 + RANDOM))
  delay=$((delay % window))
  sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
  kill -9 -- -"$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  # every process of the group gone (a process being killed in the middle of
  # a write still holds its lock until it is)
  while kill -0 -- -"$pid" 2>/dev/null; do sleep 0.02; done
  k=$((k + 1))
  check "$W/cli.db" "command line, kill $k (after ${delay} ms)"
  after=$(months_in "$W/cli.db")
  [ "$after" = "$before" ] && nothing=$((nothing + 1))
  # a month stored whose name did not reach the done list: sent again
  [ "$after" -gt "$(wc -l <"$W/cli.done")" ] && landed_mid=$((landed_mid + 1))
done
# then to the end: every month again from the first not done
done_n=$(wc -l <"$W/cli.done")
for f in "${months[@]:$done_n}"; do
  "$BIN" --db "$W/cli.db" declare "$f" --summary >/dev/null || fail "completing the import with $f"
done
check "$W/cli.db" "command line, completed"
got=$(fingerprint "$W/cli.db")
[ "$got" = "$ref" ] || fail "command line: completed store $got differs from the reference $ref"
echo "crash: command line: $kills kills by SIGKILL, $nothing with no month landed since the last, $landed_mid with a landed month sent again; every check held after each; completed store equals the reference"

# ---- 3. the server under SIGKILL ----
cp "$W/bench/setup.db" "$W/srv.db"
export JEUGDREGIO_PASSWORD=crash-test-wachtwoord
"$BIN" --db "$W/srv.db" user add --name beheer --role beheerder >/dev/null
port=$((20000 + RANDOM % 20000))
start_server() {
  "$BIN" --db "$W/srv.db" serve --bind 127.0.0.1 --port "$port" >>"$W/serve.log" 2>&1 &
  SERVER_PID=$!
  local i
  for i in $(seq 1 200); do
    curl -s -o /dev/null "http://127.0.0.1:$port/api/v1/openapi.json" && break
    sleep 0.05
  done
  csrf=$(curl -s -c "$W/jar" -H 'Content-Type: application/json' \
    -d '{"name":"beheer","password":"crash-test-wachtwoord"}' "http://127.0.0.1:$port/api/v1/session" |
    sed -n 's/.*"csrf": *"\([0-9a-f]*\)".*/\1/p')
  [ -n "$csrf" ] || fail "server: no login ($(tail -3 "$W/serve.log"))"
}
# upload_from I: sends months I.. in order, one line per answered month
upload_from() {
  local i f code
  for ((i = $1; i < ${#months[@]}; i++)); do
    f=${months[$i]}
    code=$(curl -s -o "$W/up.json" -w '%{http_code}' -b "$W/jar" -H "X-CSRF-Token: $csrf" \
      -H 'Content-Type: text/csv' --data-binary "@$f" \
      "http://127.0.0.1:$port/api/v1/declarations?name=$(basename "$f")") || return 1
    [ "$code" = 200 ] || return 1
    echo "$f" >>"$W/srv.done"
  done
}
rm -f "$W/srv.done"
touch "$W/srv.done"
start_server
t0=$(now_ms)
upload_from 0 || fail "server: reference upload run"
t_upload=$(($(now_ms) - t0))
# the reference run above filled srv.db whole: start the fire on a fresh copy
kill -9 "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null || true
check "$W/srv.db" "server, uninterrupted"
[ "$(fingerprint "$W/srv.db")" = "$ref" ] || fail "server: uploads differ from the command line's import"
cp "$W/bench/setup.db" "$W/srv.db"
"$BIN" --db "$W/srv.db" user add --name beheer --role beheerder >/dev/null
rm -f "$W/srv.done"
touch "$W/srv.done"
k=0 resent=0
while [ "$k" -lt "$skills" ]; do
  done_n=$(wc -l <"$W/srv.done")
  [ "$done_n" -ge "${#months[@]}" ] && { rm -f "$W/srv.done"; touch "$W/srv.done"; done_n=0; }
  window=$((t_upload * (${#months[@]} - done_n) / ${#months[@]} + t_upload / 20 + 50))
  start_server
  upload_from "$done_n" >/dev/null 2>&1 &
  up=$!
  delay=$((RANDOM * 32768 + RANDOM))
  delay=$((delay % window))
  sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
  kill -9 "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  while kill -0 "$SERVER_PID" 2>/dev/null; do sleep 0.02; done
  wait "$up" 2>/dev/null || true
  SERVER_PID=""
  k=$((k + 1))
  check "$W/srv.db" "server, kill $k (after ${delay} ms)"
  [ "$(months_in "$W/srv.db")" -gt "$(wc -l <"$W/srv.done")" ] && resent=$((resent + 1))
done
start_server
upload_from "$(wc -l <"$W/srv.done")" || fail "server: completing the uploads"
kill -9 "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=""
check "$W/srv.db" "server, completed"
got=$(fingerprint "$W/srv.db")
[ "$got" = "$ref" ] || fail "server: completed store $got differs from the reference $ref"
echo "crash: server: $skills kills by SIGKILL during uploads (a run of uploads $t_upload ms), $resent with a stored month whose answer was lost, sent again; every check held after each; completed store equals the reference"
echo "crash: OK (SQLite; $total_lines lines per run)"

#!/usr/bin/env bash
# regions.sh BIN: the demo year for every region file, and the database's
# binding to its region (issue 13).
#  - `demo --region` builds a year for the second shipped region
#    (Zuid-Kennemerland/IJmond: taakgericht partners, dyslexie p*q) and for
#    the data-only fixture region (outputgericht profiles, a price per
#    provider): lines on tasks are refused with JR11 and none is paid, the
#    task terms of the year equal the region file's budgets per municipality,
#    the provider's own price is the one paid, the same seed gives the same year;
#  - a database opens with its own region file when no --config is given,
#    refuses another region's file (changing nothing), and is rebound only by
#    `region --bind`, which the audit log records.
set -euo pipefail
BIN=$(realpath "$1")
SRC=${JR_SOURCE_ROOT:?}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T"
unset JEUGDREGIO_CONFIG
export JEUGDREGIO_TODAY=2026-06-15
ZK="$SRC/config/zuid-kennemerland-ijmond.json"
OP="$SRC/tests/fixtures/region-output.json"
IJ="$SRC/config/ijsselland.json"
fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# ---- the second region's demo year
"$BIN" --db zk.db --json demo --region "$ZK" --youths 900 --providers 60 --seed 7 >zk.json 2>zk.err ||
  fail "demo on the second region: $(cat zk.err zk.json)"
[ "$(jq '.settlement | length' zk.json)" = 7 ] || fail "municipalities: $(jq -c .settlement zk.json)"
# the task terms paid in 2025: every term of the year, so the region file's budgets
want=$(jq -c '[.task_budgets[] | select(.year == 2025)] | group_by(.municipality)
  | map({key: .[0].municipality, value: (map(.amount | sub("\\.";"") | tonumber) | add)}) | from_entries' "$ZK")
got=$(jq -c '[.settlement[] | {key: .gemeente, value: .task_terms_paid_cents}] | from_entries' zk.json)
[ "$(jq -S . <<<"$want")" = "$(jq -S . <<<"$got")" ] || fail "task terms: want $want got $got"
# tasks are not billed per youth: lines on them are refused (JR11), never paid
sqlite3 zk.db "SELECT code, status FROM decl_line WHERE product IN ('45A01','43A01','46A01')" | sort -u >task-lines.txt
[ -s task-lines.txt ] || fail "the demo has no line on a task (a partner billing a youth)"
[ "$(cut -d'|' -f1 task-lines.txt | sort -u)" = JR11 ] || fail "task lines: $(cat task-lines.txt)"
[ "$(jq '[.settlement[].accepted_cents] | add' zk.json)" -gt 0 ] || fail "no dyslexie money accepted"
[ "$(sqlite3 zk.db "SELECT COUNT(*) FROM decl_line WHERE code = '8001' AND product <> '45D01'")" = 0 ] ||
  fail "accepted lines on other products than dyslexie"
# the partners hold the integral lot; their tasks go to the partner with the budget
[ "$(sqlite3 zk.db "SELECT COUNT(DISTINCT p.agb) FROM assignment a JOIN provider p ON p.id = a.provider_id
  WHERE a.product IN ('45A01','46A01')")" = 1 ] || fail "ambulant and crisis tasks: not only partner 98100014"
[ "$(sqlite3 zk.db "SELECT DISTINCT p.agb FROM assignment a JOIN provider p ON p.id = a.provider_id
  WHERE a.product = '43A01'")" = 98100025 ] || fail "verblijf task: not partner 98100025"
# the same seed, the same year
"$BIN" --db zk2.db --json demo --region "$ZK" --youths 900 --providers 60 --seed 7 >zk2.json 2>/dev/null
cmp -s zk.json zk2.json || fail "the same seed gave another year"

# ---- the fixture region: outputgericht profiles, a price per provider
"$BIN" --db op.db --json demo --region "$OP" --youths 600 --providers 40 >op.json 2>op.err ||
  fail "demo on the fixture region: $(cat op.err op.json)"
[ "$(sqlite3 op.db "SELECT COUNT(*) FROM decl_line d JOIN provider p ON p.id = d.provider_id
  WHERE d.code = '8001' AND d.product = '45P10' AND p.agb = '12345678' AND d.tariff_cents = 345000")" -gt 0 ] ||
  fail "no OP10 line paid at the provider's own price"
[ "$(sqlite3 op.db "SELECT COUNT(*) FROM decl_line WHERE code = '8001' AND product = '45P10' AND tariff_cents <> 345000")" = 0 ] ||
  fail "an OP10 line paid at another price than the provider's own"
[ "$(sqlite3 op.db "SELECT COUNT(*) FROM decl_line WHERE code = '8001' AND unit = '82' AND volume <> 1")" = 0 ] ||
  fail "an outputgericht line of more than one stuk accepted"
[ "$(sqlite3 op.db "SELECT COUNT(*) FROM decl_line WHERE code = 'JR12'")" -gt 0 ] ||
  fail "the demo's faults hold no JR12"

# ---- the binding
"$BIN" --db zk.db --json region >b.json
[ "$(jq -r .region b.json)" = "Zuid-Kennemerland en IJmond" ] || fail "binding: $(cat b.json)"
[ "$(jq -r .config_path b.json)" = "$(realpath "$ZK")" ] || fail "bound path: $(cat b.json)"
# without --config: the region's own file
"$BIN" --db zk.db --json settle --period 2025-03 >s.json
[ -s s.json ] && [ -z "$(jq -r .gemeente s.json | grep -v -x -e 0377 -e 0392 -e 0397 -e 0473 -e 0375 -e 0396 -e 0453)" ] ||
  fail "settle without --config: $(head -2 s.json)"
# another region's file: refused, nothing changed
before=$(sqlite3 zk.db "SELECT COUNT(*) FROM audit")
"$BIN" --db zk.db --config "$IJ" --json provider add --agb 12121212 --name X >m.json 2>/dev/null &&
  fail "another region's file accepted"
[ "$(jq -r .error.code m.json)" = region_mismatch ] || fail "mismatch code: $(cat m.json)"
[ "$(sqlite3 zk.db "SELECT COUNT(*) FROM audit")" = "$before" ] || fail "the refused opening wrote"
[ "$(sqlite3 zk.db "SELECT COUNT(*) FROM provider WHERE agb = '12121212'")" = 0 ] || fail "provider added"
JEUGDREGIO_CONFIG="$IJ" "$BIN" --db zk.db settle --period 2025-03 >/dev/null 2>&1 &&
  fail "JEUGDREGIO_CONFIG of another region accepted"
# rebinding: only explicitly, with a file, audited
"$BIN" --db zk.db region --bind >/dev/null 2>&1 && fail "region --bind without --config"
"$BIN" --db zk.db --config "$OP" region --bind >/dev/null
[ "$(sqlite3 zk.db "SELECT region FROM region_binding")" = "Proefregio Profielen" ] || fail "rebind"
[ "$(sqlite3 zk.db "SELECT COUNT(*) FROM audit WHERE action = 'regio.opnieuw_gekoppeld'")" = 1 ] ||
  fail "rebind not audited"
"$BIN" --db zk.db --config "$ZK" settle --period 2025-03 >/dev/null 2>&1 && fail "old region after rebind"
# a fresh database binds to the file it is first opened with
"$BIN" --db new.db --config "$OP" audit --limit 1 >/dev/null
[ "$(sqlite3 new.db "SELECT region FROM region_binding")" = "Proefregio Profielen" ] || fail "fresh binding"
[ "$(sqlite3 new.db "SELECT COUNT(*) FROM audit WHERE action = 'regio.gekoppeld'")" = 1 ] ||
  fail "binding not audited"
# a database from before the binding (data, no row) opens with any file and stays unbound
sqlite3 op.db "DELETE FROM region_binding"
"$BIN" --db op.db --config "$IJ" audit --limit 1 >/dev/null || fail "an unbound database with data refused"
[ "$(sqlite3 op.db "SELECT COUNT(*) FROM region_binding")" = 0 ] || fail "an old database bound silently"
"$BIN" --db op.db --config "$IJ" region | grep -q "niet aan een regio gekoppeld" || fail "unbound text"
echo "regions: OK"

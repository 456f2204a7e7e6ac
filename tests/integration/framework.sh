#!/usr/bin/env bash
# framework.sh BIN: `jeugdregio framework` end to end (issue 12,
# docs/framework.md): an agreement per lot with a contract under it, the
# first extension on 2025-01-01 moving the current end to 2026-12-31, a
# proposal on 2026-02-28 accepted and one on 2026-03-01 refused with exit 1
# and nothing stored, the proposal through its states (a step out of order
# refused), in werking refused before 2027-01-01 and accepted after the next
# extension, the history and the audit rows, and the covenant's status.
set -euo pipefail
BIN=$(realpath "$1")
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T"
export JEUGDREGIO_TODAY=2023-01-01
J() { "$BIN" --db "$T/d.db" "$@"; }
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
J provider add --agb 11111111 --name "De Linde" >/dev/null
J contract add --agb 11111111 --lot P1 --product FG2 --start 2023-01-01 >/dev/null
J contract add --agb 11111111 --lot P2 --product 44W01 --start 2023-01-01 >/dev/null
J framework add --lot P1 --name "Ambulant 2023" --start 2023-01-01 --end 2024-12-31 --json >a.json ||
  fail "add: $(cat a.json)"
[ "$(jq -r .id a.json)" = 1 ] || fail "agreement id: $(cat a.json)"
J framework link 1 --contract 1 --json >l.json || fail "link: $(cat l.json)"
[ "$(jq -c '[.contracts, .contract_list[0].agb, .contract_list[0].product]' l.json)" = '[1,"11111111","45F02"]' ] ||
  fail "linked: $(cat l.json)"
# a contract of another lot: refused, exit 1
if J framework link 1 --contract 2 2>err.txt >/dev/null; then fail "P2 contract linked to P1"; fi
grep -q "perceel P2" err.txt || fail "lot mismatch said: $(cat err.txt)"

# the first extension
if J framework extend 1 --start 2025-01-02 --months 24 2>err.txt >/dev/null; then fail "gap accepted"; fi
grep -q "2025-01-01" err.txt || fail "gap said: $(cat err.txt)"
JEUGDREGIO_TODAY=2024-09-01 J framework extend 1 --start 2025-01-01 --months 24 --json >e.json
[ "$(jq -c '[.current_end, .proposal_deadline, .next_extension_date, .extensions]' e.json)" = \
  '["2026-12-31","2026-02-28","2027-01-01",1]' ] || fail "after the extension: $(cat e.json)"

# 28 February 2026 accepted, 1 March refused
P() { J framework propose 1 --proposer-kind gemeente --proposer 0193 --title "Reistijd" \
  --description "Reistijd declarabel" --youth "Hulp in de dorpen" --contractor "Vergoed" \
  --client "Hogere uitgaven" "$@"; }
JEUGDREGIO_TODAY=2026-02-28 P --json >p.json || fail "28 February: $(cat p.json)"
[ "$(jq -c '[.id, .state, .submitted, .effect_date, .proposer_kind, .proposer]' p.json)" = \
  '[1,"ingediend","2026-02-28","2027-01-01","gemeente","0193"]' ] || fail "proposal: $(cat p.json)"
set +e
JEUGDREGIO_TODAY=2026-03-01 P >out.txt 2>err.txt
rc=$?
set -e
[ "$rc" = 1 ] || fail "1 March: exit $rc"
grep -q "1 maart 2026" err.txt || fail "1 March said: $(cat err.txt)"
[ "$(J framework proposals --json | jq '.items | length')" = 1 ] || fail "1 March stored a proposal"

# the states
export JEUGDREGIO_TODAY=2026-04-01
if J framework decide 1 --outcome aangenomen --reason "Goed" 2>err.txt >/dev/null; then
  fail "decided before the discussion"
fi
grep -q "in bespreking" err.txt || fail "out of order said: $(cat err.txt)"
J framework discuss 1 --note "Overleg" --json | jq -e '.state == "in_bespreking"' >/dev/null
J framework decide 1 --outcome aangenomen --reason "Past in het budget" --json |
  jq -e '.state == "besloten" and .outcome == "aangenomen"' >/dev/null
JEUGDREGIO_TODAY=2026-12-31 J framework effect 1 2>err.txt >/dev/null && fail "in werking before the extension date"
grep -q "2027-01-01" err.txt || fail "too early said: $(cat err.txt)"
JEUGDREGIO_TODAY=2027-01-01 J framework effect 1 2>err.txt >/dev/null && fail "in werking without the extension"
grep -q "niet verlengd" err.txt || fail "not extended said: $(cat err.txt)"
J framework extend 1 --start 2027-01-01 --months 12 >/dev/null
JEUGDREGIO_TODAY=2027-01-01 J framework effect 1 --json >w.json
[ "$(jq -c '[.history[].state]' w.json)" = '["ingediend","in_bespreking","besloten","in_werking"]' ] ||
  fail "history: $(cat w.json)"
[ "$(J audit --json --limit 100 | jq -s '[.[] | select(.entity == "wijzigingsvoorstel")] | length')" = 4 ] ||
  fail "audit rows: $(J audit --json --limit 100)"

# the covenant
J framework covenant-add --name "Convenant" --signed 2023-03-15 --lot P1 --lot P2 >/dev/null
J framework commitment 1 --title "Afschalen" --description "Binnen drie maanden" >/dev/null
J framework status 1 --commitment 1 --agb 11111111 --status in_uitvoering --date 2024-01-01 >/dev/null
J framework status 1 --commitment 1 --agb 11111111 --status gerealiseerd --date 2025-01-01 --note "70 %" >/dev/null
got=$(J framework covenants --json | jq -c '.items[0] | [.lots, (.statuses | map([.agb, .status, .date]))]')
[ "$got" = '[["P1","P2"],[["11111111","gerealiseerd","2025-01-01"]]]' ] || fail "covenant: $got"
if J framework status 1 --commitment 1 --agb 11111111 --status klaar --date 2025-01-01 2>/dev/null; then
  fail "status klaar accepted"
fi
echo "framework CLI: ok"

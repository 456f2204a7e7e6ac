#!/usr/bin/env bash
# cm.sh BIN: `jeugdregio cm` end to end (issue 12, docs/contract-management.md):
# a contract's municipality scope and the directory it filters, a bad
# municipality refused with exit code and nothing changed, a waiting time
# and contact details shown in the directory, the escalation protocol
# refusing a skipped step, the provider file as JSON with its production
# from the monitor's figures, and the audit rows.
set -euo pipefail
BIN=$(realpath "$1")
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T"
export JEUGDREGIO_TODAY=2026-01-15
J() { "$BIN" --db "$T/d.db" "$@"; }
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
J provider add --agb 73000001 --name "Jeugdzorg De Linde" >/dev/null
J provider add --agb 73000002 --name "Het Kompas" >/dev/null
J contract add --agb 73000001 --lot P1 --start 2024-01-01 >/dev/null
J contract add --agb 73000002 --lot P1 --product FG2 --start 2024-01-01 >/dev/null
K=$(J contract list --json | jq -rs '[.. | objects | select(.agb == "73000002" and .product == "45F02") | .id][0]')
[ -n "$K" ] && [ "$K" != null ] || fail "no contract id for 73000002"

# the scope: Dalfsen only; a code outside the region is refused and changes nothing
if J cm scope "$K" 0363 >out.txt 2>&1; then fail "0363 accepted"; fi
grep -q "hoort niet bij de regio" out.txt || fail "refusal said: $(cat out.txt)"
[ "$(J cm directory --product FG2 --gemeente 0193 --json | jq '.items | length')" = 2 ] ||
  fail "both in Zwolle before the scope"
J cm scope "$K" 0148 >/dev/null
got=$(J cm directory --product FG2 --gemeente 0193 --json | jq -c '[.items[].agb]')
[ "$got" = '["73000001"]' ] || fail "Zwolle after the scope: $got"
got=$(J cm directory --product FG2 --gemeente 0148 --json | jq -c '[.items[] | {agb, all_gemeenten, gemeenten}]')
[ "$got" = '[{"agb":"73000002","all_gemeenten":false,"gemeenten":["0148"]},{"agb":"73000001","all_gemeenten":true,"gemeenten":[]}]' ] ||
  fail "Dalfsen after the scope: $got"

# a waiting time and contact details, then in the directory
J cm waiting 73000002 5 --date 2026-01-10 >/dev/null
if J cm waiting 73000002 200 >out.txt 2>&1; then fail "200 weeks accepted"; fi
J cm details 73000002 --phone "038-123 4567" --email info@kompas.nl --place Dalfsen >/dev/null
got=$(J cm directory --name kompas --json | jq -c '.items[0] | {w: .waiting.weeks, on: .waiting.reported_on, e: .contact.email}')
[ "$got" = '{"w":5,"on":"2026-01-10","e":"info@kompas.nl"}' ] || fail "directory entry: $got"

# the escalation protocol
J cm escalate 73000002 --kind financieel --reason "Negatief resultaat" --date 2026-01-02 >out.txt
grep -q "Escalatie 1 is geopend" out.txt || fail "escalate said: $(cat out.txt)"
if J cm step 1 maatregel >out.txt 2>&1; then fail "a skipped step accepted"; fi
grep -q "stappen gaan op volgorde" out.txt || fail "step refusal said: $(cat out.txt)"
J cm step 1 gesprek --date 2026-01-05 --note "Gesprek" >/dev/null
got=$(J cm file 73000002 --json | jq -c '{s: [.escalations[0].steps[].step], n: .escalations[0].next_steps, c: [.contracts[].gemeenten]}')
[ "$got" = '{"s":["signaal","gesprek"],"n":["verbeterplan","afgesloten"],"c":[["0148"]]}' ] ||
  fail "file: $got"

# the file's production is the monitor's own figure with the provider filter
J cm file 73000002 --period 2025 --json | jq -S .production.spending >file.json
J figures spending --period 2025 --aanbieder 73000002 --json | jq -S . >figure.json
cmp -s file.json figure.json || fail "production differs from figures spending"
if J cm file 73000002 --period 2025-13 >out.txt 2>&1; then fail "period 2025-13 accepted"; fi
grep -q "Periode '2025-13' is ongeldig" out.txt || fail "period refusal said: $(cat out.txt)"
[ "$(grep -c Dossier out.txt)" = 0 ] || fail "a refused period printed the file"

# every change audited
got=$(J audit --json | jq -rs '[.. | objects | .action? // empty | select(test("^(contract.gemeenten|aanbieder.gegevens|aanbieder.wachttijd|escalatie)"))] | sort | join(",")')
[ "$got" = "aanbieder.gegevens,aanbieder.wachttijd,contract.gemeenten,escalatie.geopend,escalatie.stap" ] ||
  fail "audit: $got"
echo "cm: ok"

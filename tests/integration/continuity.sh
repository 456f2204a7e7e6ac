#!/usr/bin/env bash
# continuity.sh BIN: `jeugdregio continuity` end to end (issue 12): a file
# imported, the JSON of the summary compared with figures worked out by
# hand (the fixture of tests/integration/test_continuity.c, whose comment
# derives every share), a bad row refused with its line number and nothing
# stored, a re-import of the same year replacing a provider's figures, the
# list with its verdicts and the audit rows.
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
H=agb,name,year,total_revenue_cents,youth_revenue_cents,net_result_cents,equity_cents,total_assets_cents,current_assets_cents,current_liabilities_cents
cat >jaar.csv <<EOF
$H
11111111,Groot en gezond,2024,1000000000,300000000,20000000,500000000,1000000000,300000000,200000000
22222222,Groot en zwak,2024,1000000000,200000001,-100,100000000,1000000000,100000000,200000000
33333333,Precies op de grens,2024,100000000,100000000,1500000,20000000,100000000,5000000,5000000
44444444,Net erboven,2024,300000000,200000000,4500001,20000001,100000000,5000001,5000000
55555555,Onbekende omzet,2024,100000000,,0,,,,
66666666,Geen balans,2024,50000000,50000000,0,,0,10,0
11111111,Groot en gezond,2023,1000000000,300000000,-1,500000000,1000000000,300000000,200000000
77777777,Klein en gezond,2023,100000000,100000000,2000000,50000000,100000000,2,1
EOF
J continuity import jaar.csv >out.txt || fail "import: $(cat out.txt)"
grep -q "8 rijen ingelezen (8 nieuw, 0 vervangen), jaren 2023 tot en met 2024" out.txt ||
  fail "import said: $(cat out.txt)"

# the summary of 2024, one object per class, as worked out by hand
J continuity --year 2024 --json >s2024.json
want='[{"year":2024,"class":"gt2m","providers":2,"pct_positive_result":50,"pct_rentabiliteit":50,"pct_solvabiliteit":50,"pct_current_ratio":50,"at_risk":["22222222"]},{"year":2024,"class":"le2m","providers":3,"pct_positive_result":66.7,"pct_rentabiliteit":33.3,"pct_solvabiliteit":50,"pct_current_ratio":50,"at_risk":["33333333","66666666"]},{"year":2024,"class":"unknown","providers":1,"pct_positive_result":0,"pct_rentabiliteit":0,"pct_solvabiliteit":null,"pct_current_ratio":null,"at_risk":["55555555"]}]'
got=$(jq -c '[.[] | {year, class, providers, pct_positive_result, pct_rentabiliteit, pct_solvabiliteit, pct_current_ratio, at_risk}]' s2024.json)
[ "$got" = "$want" ] || fail "2024: $got"
# one decimal in the raw text too
grep -q '"pct_positive_result":66.7,' s2024.json && grep -q '"pct_rentabiliteit":33.3,' s2024.json ||
  fail "66.7 and 33.3 not written as such: $(cat s2024.json)"
[ "$(jq -c '.[1].counts.solvabiliteit' s2024.json)" = '{"met":1,"failed":1,"missing":1}' ] ||
  fail "le2m counts: $(jq -c '.[1].counts' s2024.json)"
# 2023: no provider without a youth-care revenue, so the two classes only
J continuity --year 2023 --json >s2023.json
got=$(jq -c '[.[] | [.class, .providers, .pct_positive_result, .pct_rentabiliteit, .pct_solvabiliteit, .pct_current_ratio, .at_risk]]' s2023.json)
[ "$got" = '[["gt2m",1,0,0,100,100,["11111111"]],["le2m",1,100,100,100,100,[]]]' ] ||
  fail "2023: $got"
# a year without figures: both required classes, empty
got=$(J continuity --year 2020 --json | jq -c '[.[] | [.class, .providers, .pct_positive_result, .at_risk]]')
[ "$got" = '[["gt2m",0,null,[]],["le2m",0,null,[]]]' ] || fail "2020: $got"
# the table in Dutch
J continuity --year 2024 >t.txt
grep -q "jeugdhulpomzet tot en met 2 miljoen euro *3 *66,7 % *33,3 % *50,0 % *50,0 % *2" t.txt ||
  fail "table: $(cat t.txt)"
grep -q "66666666  (le2m)" t.txt || fail "at risk: $(cat t.txt)"

# a bad row: refused with its line number, nothing stored
J audit --json --limit 1000 >audit-before.json
J continuity list --json >list-before.json
cat >fout.csv <<EOF
$H
88888888,Nieuw,2024,100,50,1,1,1,1,1
22222222,Vervangen,2024,100,50,1,1,1,1,1
1234,Kort,2024,100,50,1,1,1,1,1
EOF
if J continuity import fout.csv >out.txt 2>err.txt; then fail "bad file accepted"; fi
grep -q "regel 4: kolom agb" err.txt || fail "refusal: $(cat err.txt)"
J continuity import fout.csv --json >out.json 2>/dev/null && fail "bad file accepted (json)"
[ "$(jq -r '.error.code' out.json)" = csv_invalid ] || fail "json refusal: $(cat out.json)"
J continuity list --json >list-after.json
J audit --json --limit 1000 >audit-after.json
cmp -s list-before.json list-after.json || fail "a refused file changed the figures"
cmp -s audit-before.json audit-after.json || fail "a refused file wrote the audit log"

# importing the same year again replaces that provider's figures only
cat >opnieuw.csv <<EOF
$H
22222222,Groot en hersteld,2024,1000000000,250000000,30000000,400000000,1000000000,300000000,100000000
EOF
J continuity import opnieuw.csv >out.txt
grep -q "1 rijen ingelezen (0 nieuw, 1 vervangen)" out.txt || fail "re-import: $(cat out.txt)"
got=$(J continuity --year 2024 --json | jq -c '[.[] | [.class, .providers, .pct_positive_result, .at_risk]]')
[ "$got" = '[["gt2m",2,100,[]],["le2m",3,66.7,["33333333","66666666"]],["unknown",1,0,["55555555"]]]' ] ||
  fail "after re-import: $got"
got=$(J continuity list --year 2024 --agb 22222222 --json | jq -c '.items[] | [.name, .net_result_cents, .failed, .at_risk, .signals.current_ratio]')
[ "$got" = '["Groot en hersteld",30000000,0,false,"met"]' ] || fail "list: $got"
got=$(J continuity list --year 2024 --agb 55555555 --json | jq -c '.items[0] | [.youth_revenue_cents, .equity_cents, .class, .signals.solvabiliteit]')
[ "$got" = '[null,null,"unknown","missing"]' ] || fail "missing figures: $got"
J audit --json --limit 1000 >audit.json
grep -q 'continuiteit.vervangen' audit.json || fail "no audit row of the replacement"
grep -q 'was omzet=1000000000 jeugd=200000001 resultaat=-100' audit.json || fail "audit detail"

# the years, and usage errors
[ "$(J continuity years --json | jq -c '[.years[].year]')" = '[2023,2024]' ] || fail "years"
if J continuity >/dev/null 2>&1; then fail "no --year accepted"; fi
if J continuity import >/dev/null 2>&1; then fail "no file accepted"; fi
echo "continuity: import, summary, refusal, re-import and list as worked out by hand"

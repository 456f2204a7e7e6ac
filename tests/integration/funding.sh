#!/usr/bin/env bash
# funding.sh BIN: the funding variants through the command line's doors
# (issue 13), on the third region of tests/fixtures/region-output.json, a
# region made of data alone: an outputgericht profile at a price per
# provider is referred, assigned, declared and settled; a taakgericht task
# is assigned (its JW301 has neither Omvang nor Budget and validates against
# the XSD where ../shared/ijw is present) and a line on it is refused with
# JR11 by the CSV import; the shipped second region loads.
set -euo pipefail
BIN=$(realpath "$1")
SRC=${JR_SOURCE_ROOT:?}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T"
export JEUGDREGIO_TODAY=2024-06-15
export JEUGDREGIO_CONFIG="$SRC/tests/fixtures/region-output.json"
J() { "$BIN" --db "$T/a.db" "$@"; }
fail() {
  echo "FAIL: $*" >&2
  exit 1
}

"$BIN" --config "$SRC/config/zuid-kennemerland-ijmond.json" catalog --json >zk.json ||
  fail "the second region does not load: $(cat zk.json)"
[ "$(jq '.municipalities | length' zk.json)" = 7 ] || fail "municipalities: $(jq -c .municipalities zk.json)"
[ "$(jq -r '[.products[] | select(.code == "45A01") | .funding] | .[0]' zk.json)" = taakgericht ] ||
  fail "45A01 funding"

J provider add --agb 12345678 --name "Topzorg" >/dev/null
J provider add --agb 87654321 --name "Middenzorg" >/dev/null
J contract add --agb 12345678 --lot TOP --start 2024-01-01 >/dev/null
J contract add --agb 87654321 --lot TOP --start 2024-01-01 >/dev/null
J youth add --bsn 111222333 --birth 2012-05-01 --gemeente 0193 >/dev/null
J youth add --bsn 123456782 --birth 2011-02-01 --gemeente 0193 >/dev/null

# route product: the GP may not choose the top profile; the access team may
J --json refer --bsn 111222333 --referrer-type 02 --route product --product OP10 --result "Thuis" \
  --date 2024-01-05 >out.json 2>/dev/null && fail "GP referred to OP10"
[ "$(jq -r .error.code out.json)" = route_not_allowed ] || fail "GP code: $(cat out.json)"
J refer --bsn 111222333 --referrer-type 01 --route product --product OP10 --result "Thuis" \
  --date 2024-01-05 >/dev/null
J refer --bsn 123456782 --referrer-type 01 --route product --product HSWV --result "Veilig wonen" \
  --date 2024-01-05 >/dev/null
J --json assign --referral 1 --agb 12345678 --start 2024-01-01 --end 2024-12-31 >a1.json || fail "assign 1: $(cat a1.json)"
J --json assign --referral 2 --agb 12345678 --start 2024-01-01 --end 2024-12-31 >a2.json || fail "assign 2: $(cat a2.json)"
t1=$(jq -r '.number // .assignment // .id' a1.json)
t2=$(jq -r '.number // .assignment // .id' a2.json)
J care start "$t1" --agb 12345678 --date 2024-01-01 >/dev/null
J care start "$t2" --agb 12345678 --date 2024-01-01 >/dev/null

# JW301: the task has no Omvang and no Budget; the profile 12 stuks
mkdir out
J ijw export --type JW301 --out out >/dev/null
files=$(ls out/*.xml 2>/dev/null | wc -l)
[ "$files" -ge 1 ] || fail "no JW301 written"
grep -l "43T01" out/*.xml >/dev/null || fail "no JW301 for the task"
task=$(grep -l "43T01" out/*.xml | head -1)
python3 - "$task" <<'PY' || fail "the task's JW301 carries a volume or a budget"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
for tp in root.iter():
    if tp.tag.endswith('ToegewezenProduct'):
        kids = {c.tag.split('}')[1] for c in tp}
        code = [c for c in tp.iter() if c.tag.endswith('}Code')]
        if code and code[0].text == '43T01' and ('Omvang' in kids or 'Budget' in kids):
            sys.exit(1)
PY
V="$SRC/../shared/tools/ijw-validate"
if [ -x "$V" ] && [ -d "$SRC/../shared/ijw/xsd" ]; then
  "$V" out/*.xml >val.txt 2>&1 || fail "JW301 does not validate: $(cat val.txt)"
else
  echo "SKIP: no ../shared/ijw: the XSD check of JW301 did not run"
fi

# declarations: the provider's own price is accepted, the product's price
# refused (0611), a second stuk in a month refused (JR12), a line on the
# task refused (JR11)
H=declaratienummer,agb,gemeente,periode,dagtekening,referentie,toewijzingnummer,bsn,productcategorie,productcode,begindatum,einddatum,volume,eenheid,tarief,bedrag,debet_credit,vorige_referentie
{
  echo "$H"
  echo "D1,12345678,0193,2024-03,2024-04-03,R1,$t1,111222333,45,45P10,2024-03-01,2024-03-31,1,82,3450.00,3450.00,D,"
  echo "D1,12345678,0193,2024-03,2024-04-03,R2,$t1,111222333,45,45P10,2024-02-01,2024-02-29,1,82,3100.00,3100.00,D,"
  echo "D1,12345678,0193,2024-03,2024-04-03,R3,$t1,111222333,45,45P10,2024-04-01,2024-04-30,2,82,3450.00,6900.00,D,"
  echo "D1,12345678,0193,2024-03,2024-04-03,R4,$t2,123456782,43,43T01,2024-03-01,2024-03-31,1,82,100.00,100.00,D,"
} >d.csv
J --json declare d.csv >r.json || true
got=$(jq -s -c '[.[] | [.line, .code]]' r.json)
[ "$(jq -s -r '.[] | select(.line == "R1") | .code' r.json)" = 8001 ] || fail "R1: $got"
[ "$(jq -s -r '.[] | select(.line == "R4") | .code' r.json)" = JR11 ] || fail "R4 (task): $got"
# the other two lines are in other months than the batch (9319); in their own batches:
{
  echo "$H"
  echo "D2,12345678,0193,2024-04,2024-05-03,R5,$t1,111222333,45,45P10,2024-04-01,2024-04-30,1,82,3100.00,3100.00,D,"
  echo "D2,12345678,0193,2024-04,2024-05-03,R6,$t1,111222333,45,45P10,2024-04-01,2024-04-30,2,82,3450.00,6900.00,D,"
  echo "D2,12345678,0193,2024-04,2024-05-03,R7,$t1,111222333,45,45P10,2024-04-01,2024-04-30,1,82,3450.00,3450.00,D,"
} >d2.csv
J --json declare d2.csv >r2.json || true
got=$(jq -s -c '[.[] | [.line, .code]]' r2.json)
[ "$got" = '[["R5","0611"],["R6","JR12"],["R7","8001"]]' ] || fail "April: $got"

# settled: two stuks at the provider's price
J --json settle --period 2024-03 >s.json
[ "$(jq -s '[.[] | .accepted_cents] | add' s.json)" = 345000 ] || fail "settle March: $(cat s.json)"
J --json settle --period 2024-04 >s.json
[ "$(jq -s '[.[] | .accepted_cents] | add' s.json)" = 345000 ] || fail "settle April: $(cat s.json)"
# task budgets in the settlement: the terms due by the end of the period,
# the term of the period itself, and what remains; to the cent
J --json settle --period 2024-03 --tasks >t.json
got=$(jq -s -c '[.[] | [.gemeente, .terms_paid, .paid_cents, .this_period_cents, .remaining_cents]]' t.json)
[ "$got" = '[["0193",3,3000000,1000000,9000005],["0150",1,2000000,0,6000000]]' ] || fail "task terms March: $got"
J --json settle --period 2024-12 --tasks --gemeente 0193 >t.json
got=$(jq -s -c '[.[] | [.gemeente, .terms_paid, .paid_cents, .this_period_cents, .remaining_cents]]' t.json)
[ "$got" = '[["0193",12,12000005,1000005,0]]' ] || fail "task terms December: $got"
J --json settle --period 2024-01 --tasks --gemeente 0150 >t.json
[ "$(jq -s -c '[.[] | [.terms_paid, .this_period_cents]]' t.json)" = '[[1,2000000]]' ] || fail "January: $(cat t.json)"
[ "$(J --json settle --period 2025-03 --tasks | wc -c)" = 0 ] || fail "2025 has no task budgets"
echo "funding: ok"

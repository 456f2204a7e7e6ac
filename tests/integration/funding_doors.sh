#!/usr/bin/env bash
# funding_doors.sh BIN: the funding variants through the doors funding.sh
# does not drive (issue 13), on the third region of
# tests/fixtures/region-output.json: a server on that region takes
# declarations over HTTP (POST /api/v1/declarations) and a JW323 is
# imported (ijw import, its JW325); in each door a taakgericht line is
# refused (JR11, JW325 9340), an outputgericht line of 2 stuks refused
# (JR12, 9321), the provider's own price accepted (8001) and the product's
# price refused (0611). Then the task budgets over HTTP per role
# (GET /api/v1/settlements/task-budgets) and in budget control (figures
# control, GET /api/v1/figures/control), figures worked out by hand below.
set -euo pipefail
BIN=$(realpath "$1")
SRC=${JR_SOURCE_ROOT:?}
T=$(mktemp -d)
SERVER=
cleanup() {
  if [ -n "$SERVER" ]; then
    kill "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
  fi
  rm -rf "$T"
}
trap cleanup EXIT
cd "$T"
export JEUGDREGIO_TODAY=2024-07-15
export JEUGDREGIO_CONFIG="$SRC/tests/fixtures/region-output.json"
J() { "$BIN" --db "$T/a.db" "$@"; }
fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# the region of funding.sh: Topzorg (12345678, partner of the task, its own
# price for OP10: 3450.00 instead of 3100.00), two youths of Zwolle, one on
# the top profile OP10 (outputgericht per month), one on the task HSWV
J provider add --agb 12345678 --name "Topzorg" >/dev/null
J provider add --agb 87654321 --name "Middenzorg" >/dev/null
J contract add --agb 12345678 --lot TOP --start 2024-01-01 >/dev/null
J youth add --bsn 111222333 --birth 2012-05-01 --gemeente 0193 >/dev/null
J youth add --bsn 123456782 --birth 2011-02-01 --gemeente 0193 >/dev/null
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

export JEUGDREGIO_PASSWORD=proefregio-wachtwoord
J user add --name beheer --role beheerder >/dev/null
J user add --name rsj --role rsj >/dev/null
J user add --name zwolle --role gemeente --gemeente 0193 >/dev/null
J user add --name toegang-deventer --role toegang --gemeente 0150 >/dev/null
J user add --name topzorg --role aanbieder --agb 12345678 >/dev/null
J user add --name middenzorg --role aanbieder --agb 87654321 >/dev/null
J user add --name lezer --role lezer >/dev/null

J serve --port 0 >serve.out 2>serve.err &
SERVER=$!
port=
for _ in $(seq 1 100); do
  port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' serve.out)
  [ -n "$port" ] && break
  kill -0 "$SERVER" 2>/dev/null || fail "the server did not start: $(cat serve.err)"
  sleep 0.1
done
[ -n "$port" ] || fail "the server gave no port: $(cat serve.out serve.err)"
URL="http://127.0.0.1:$port"

# login NAME: a cookie jar NAME.jar and the CSRF token in NAME.csrf
login() {
  curl -sS -c "$1.jar" -H 'Content-Type: application/json' \
    -d "{\"name\": \"$1\", \"password\": \"$JEUGDREGIO_PASSWORD\"}" "$URL/api/v1/session" >"$1.login"
  jq -r .csrf "$1.login" >"$1.csrf"
  [ "$(cat "$1.csrf")" != null ] || fail "login $1: $(cat "$1.login")"
}
# get NAME PATH: the body to stdout, the status to NAME.status
get() {
  curl -sS -b "$1.jar" -o "$1.body" -w '%{http_code}' "$URL$2" >"$1.status"
  cat "$1.body"
}
for u in beheer rsj zwolle toegang-deventer topzorg middenzorg lezer; do login "$u"; done

H=declaratienummer,agb,gemeente,periode,dagtekening,referentie,toewijzingnummer,bsn,productcategorie,productcode,begindatum,einddatum,volume,eenheid,tarief,bedrag,debet_credit,vorige_referentie
# lines (one batch, one month): the product's price, 2 stuks, the provider's
# own price, a line on the task
lines() { # BATCH PERIOD FIRST LAST DAGTEKENING PREFIX
  echo "$H"
  echo "$1,12345678,0193,$2,$5,${6}1,$t1,111222333,45,45P10,$3,$4,1,82,3100.00,3100.00,D,"
  echo "$1,12345678,0193,$2,$5,${6}2,$t1,111222333,45,45P10,$3,$4,2,82,3450.00,6900.00,D,"
  echo "$1,12345678,0193,$2,$5,${6}3,$t1,111222333,45,45P10,$3,$4,1,82,3450.00,3450.00,D,"
  echo "$1,12345678,0193,$2,$5,${6}4,$t2,123456782,43,43T01,$3,$4,1,82,100.00,100.00,D,"
}

# ---- the HTTP door: May 2024 uploaded by the provider ----
lines H5 2024-05 2024-05-01 2024-05-31 2024-06-03 H >may.csv
code=$(curl -sS -b topzorg.jar -H "X-CSRF-Token: $(cat topzorg.csrf)" -H 'Content-Type: text/csv' \
  --data-binary @may.csv -o may.json -w '%{http_code}' "$URL/api/v1/declarations?name=may.csv")
[ "$code" = 200 ] || fail "POST /api/v1/declarations: $code $(cat may.json)"
got=$(jq -c '[.lines[] | [.line // .ref, .code]]' may.json)
[ "$got" = '[["H1","0611"],["H2","JR12"],["H3","8001"],["H4","JR11"]]' ] || fail "HTTP May: $got"
# the task line's message names the task budget
jq -r '.lines[] | select(.code == "JR11") | .message' may.json | grep -qi taak ||
  fail "JR11 message: $(jq -c '.lines[3]' may.json)"
# the municipality may not declare (403), and nothing of it is stored
code=$(curl -sS -b zwolle.jar -H "X-CSRF-Token: $(cat zwolle.csrf)" -H 'Content-Type: text/csv' \
  --data-binary @may.csv -o /dev/null -w '%{http_code}' "$URL/api/v1/declarations?name=may.csv")
[ "$code" = 403 ] || fail "gemeente POST /api/v1/declarations: $code"

# ---- the JW323 door: June 2024, converted by the provider, imported ----
lines J6 2024-06 2024-06-01 2024-06-30 2024-07-03 J >june.csv
J ijw convert june.csv --out june.xml --ident JUNI0001 >/dev/null || fail "ijw convert"
mkdir answers
J --json ijw import june.xml --out answers >imp.json || true
jw325=$(ls answers/*JW325*.xml 2>/dev/null | head -1)
[ -n "$jw325" ] || fail "no JW325 written: $(cat imp.json)"
got=$(python3 - "$jw325" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
out = []
for p in root.iter():
    if p.tag.endswith('}Prestatie'):
        ref = [c.text for c in p.iter() if c.tag.endswith('}ReferentieNummer')]
        codes = sorted({c.text for c in p.iter() if c.tag.endswith('}RetourCode')})
        out.append('%s:%s' % (ref[0] if ref else '?', '+'.join(codes)))
print(' '.join(sorted(out)))
PY
)
[ "$got" = "J1:0611 J2:9321 J3:8001 J4:9340" ] || fail "JW325 June: $got"

# the settlement: one stuk a month at the provider's own price
J --json settle --period 2024-05 >s.json
[ "$(jq -s '[.[] | .accepted_cents] | add' s.json)" = 345000 ] || fail "settle May: $(cat s.json)"
J --json settle --period 2024-06 >s.json
[ "$(jq -s '[.[] | .accepted_cents] | add' s.json)" = 345000 ] || fail "settle June: $(cat s.json)"

# ---- the task budgets over HTTP, per role ----
# June 2024: Zwolle 120000.05 in 12 terms (10000.00 each, 10000.05 in
# December): 6 paid, 60000.00, the June term 10000.00, 60000.05 remains;
# Deventer 80000.00 in 4 terms: 2 paid (January, April), 40000.00, no
# term in June, 40000.00 remains.
tb="/api/v1/settlements/task-budgets?period=2024-06"
rows() { jq -c '[.items[] | [.gemeente, .partner, .product, .terms_paid, .terms, .paid_cents, .this_period_cents, .remaining_cents]]'; }
both='[["0193","12345678","43T01",6,12,6000000,1000000,6000005],["0150","12345678","43T01",2,4,4000000,0,4000000]]'
for u in beheer rsj topzorg lezer; do
  got=$(get "$u" "$tb" | rows)
  [ "$(cat "$u.status")" = 200 ] || fail "$u task budgets: $(cat "$u.status") $(cat "$u.body")"
  [ "$got" = "$both" ] || fail "$u task budgets: $got"
done
[ "$(get beheer "$tb" | jq -c '[.total, .budget_cents, .paid_cents, .this_period_cents, .remaining_cents]')" = \
  '[2,20000005,10000000,1000000,10000005]' ] || fail "sums: $(cat beheer.body)"
[ "$(get zwolle "$tb" | rows)" = '[["0193","12345678","43T01",6,12,6000000,1000000,6000005]]' ] ||
  fail "gemeente: $(cat zwolle.body)"
[ "$(get zwolle "$tb&gemeente=0150" | jq .total)" = 0 ] || fail "gemeente sees Deventer: $(cat zwolle.body)"
[ "$(get toegang-deventer "$tb" | jq -c '[.items[] | .gemeente]')" = '["0150"]' ] ||
  fail "toegang: $(cat toegang-deventer.body)"
[ "$(get middenzorg "$tb" | jq .total)" = 0 ] || fail "a provider that is no partner: $(cat middenzorg.body)"
[ "$(get beheer "$tb&agb=87654321" | jq .total)" = 0 ] || fail "agb filter: $(cat beheer.body)"
[ "$(get beheer "$tb&limit=1&offset=1" | jq -c '[.total, (.items | length), .items[0].gemeente, .budget_cents]')" = \
  '[2,1,"0150",20000005]' ] || fail "paging: $(cat beheer.body)"
# December: the remainder cent in the last term
[ "$(get zwolle "/api/v1/settlements/task-budgets?period=2024-12" | rows)" = \
  '[["0193","12345678","43T01",12,12,12000005,1000005,0]]' ] || fail "December: $(cat zwolle.body)"
# a bad period: problem details, in Dutch, naming the parameter
get beheer "/api/v1/settlements/task-budgets?period=2024-13" >/dev/null
[ "$(cat beheer.status)" = 400 ] || fail "bad period: $(cat beheer.status)"
[ "$(jq -r '.status' beheer.body)" = 400 ] || fail "problem details: $(cat beheer.body)"
jq -e '[.. | strings] | any(test("JJJJ-MM"))' beheer.body >/dev/null || fail "message: $(cat beheer.body)"
# unauthenticated: 401
[ "$(curl -sS -o /dev/null -w '%{http_code}' "$URL$tb")" = 401 ] || fail "no session"

# ---- budget control: the task's money in the voorziening of 43T01 (43:
# wonen/verblijf). Zwolle's L is 6 (accepted lines up to June): the terms
# January..June are realised (6 x 10000.00), July..December committed
# (5 x 10000.00 + 10000.05), the forecast of verblijf the whole budget.
# Ambulant: the accepted stuks (March none here: May and June 3450.00
# each) at the run-rate. Deventer has no accepted line: L = 0, every term
# committed, the forecast its budget.
J --json figures control --period 2024 --gemeente 0193 >c.json || fail "figures control: $(cat c.json)"
vz() { jq -c --arg v "$2" '.rows[] | select(.voorziening == $v) |
  [.realised_cents, .committed_cents, .committed_new_cents, .task_realised_cents, .task_committed_cents, .forecast_cents]' "$1"; }
[ "$(jq .last_month c.json)" = 6 ] || fail "L: $(jq .last_month c.json)"
[ "$(vz c.json verblijf)" = '[6000000,6000005,6000005,6000000,6000005,12000005]' ] ||
  fail "Zwolle verblijf: $(vz c.json verblijf)"
# the monthly series: the realised terms in their months, nothing after L
[ "$(jq -c '.rows[] | select(.voorziening == "verblijf") | .monthly_cents[0:7]' c.json)" = \
  '[1000000,1000000,1000000,1000000,1000000,1000000,0]' ] || fail "monthly: $(jq -c .rows c.json)"
# the total holds it: verblijf's forecast plus ambulant's
amb=$(jq '.rows[] | select(.voorziening == "ambulant") | .forecast_cents' c.json)
[ "$(jq .total.forecast_cents c.json)" = $((amb + 12000005)) ] || fail "total: $(jq -c .total c.json)"
[ "$(jq .total.task_committed_cents c.json)" = 6000005 ] || fail "total task: $(jq -c .total c.json)"
J --json figures control --period 2024 --gemeente 0150 >d.json
[ "$(vz d.json verblijf)" = '[0,8000000,8000000,0,8000000,8000000]' ] || fail "Deventer: $(vz d.json verblijf)"
# the region: the sum of its municipalities
J --json figures control --period 2024 >r.json
[ "$(vz r.json verblijf)" = '[6000000,14000005,14000005,6000000,14000005,20000005]' ] ||
  fail "region verblijf: $(vz r.json verblijf)"
# the text view says how much of it is task money
J figures control --period 2024 --gemeente 0193 | grep -q "Taakbudgetten (taakgericht): € 60.000,00 betaald (in gerealiseerd), € 60.000,05 nog te betalen" ||
  fail "text view: $(J figures control --period 2024 --gemeente 0193)"
# the same over HTTP, for the lezer (aggregates)
get lezer "/api/v1/figures/control?period=2024&gemeente=0193" >h.json
[ "$(vz h.json verblijf)" = "$(vz c.json verblijf)" ] || fail "HTTP control: $(cat h.json)"
# the export holds the task money in its own columns (CSV: ';', decimal comma)
J export control --gemeente 0193 --period 2024 --table begroting --out c.csv >/dev/null ||
  fail "export control"
sed -n 1p c.csv | grep -q "Gerealiseerd;waarvan taakbudget;Verplicht;waarvan taakbudget;" ||
  fail "export header: $(sed -n 1p c.csv)"
grep -i "^verblijf;" c.csv | grep -q ";60000,00;60000,00;60000,05;60000,05;" ||
  fail "export verblijf row: $(grep -i '^verblijf;' c.csv)"
# a year without task budgets holds none
J --json figures control --period 2025 --gemeente 0193 >n.json
[ "$(jq .total.task_committed_cents n.json)" = 0 ] || fail "2025: $(jq -c .total n.json)"
echo "funding doors: ok"

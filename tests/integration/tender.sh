#!/usr/bin/env bash
# tender.sh BIN: `jeugdregio tender` end to end (issue 12, docs/tenders.md):
# a tender from a JSON file, a question after the nota van inlichtingen
# closed refused naming the phase, registrations (one a combination), a
# score before the assessment refused, scores, the award refused the day
# before its date and then made, its JSON (who passes and why not), the
# contracts refused on the standstill's last day and made the day after,
# a later entry admitted with contracts, the supply, the audit rows. The
# clock is moved with JEUGDREGIO_TODAY.
set -euo pipefail
BIN=$(realpath "$1")
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T"
J() { "$BIN" --db "$T/d.db" "$@"; }
on() { # on DAY COMMAND...: the command with the clock on DAY
  local d=$1
  shift
  JEUGDREGIO_TODAY=$d J "$@"
}
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
cat >t.json <<'EOF'
{"name": "Dyslexie 2026",
 "dates": {"publication": "2026-02-01", "qa_end": "2026-02-14", "registration_end": "2026-02-28",
           "assessment_start": "2026-03-02", "assessment_end": "2026-03-13", "award": "2026-03-16",
           "contract_start": "2026-04-06"},
 "lots": [{"lot": "P4", "products": ["45D01"]}],
 "criteria": [{"name": "Kwaliteit", "weight": 60, "min_score": 6},
              {"name": "Visie", "weight": 40, "min_score": 5}]}
EOF
on 2026-01-10 tender add t.json --json >t.out || fail "add: $(cat t.out)"
[ "$(jq -r .phase t.out)" = concept ] || fail "phase: $(cat t.out)"
lot=$(jq -r '.lots[0].id' t.out)
# weights of 90 refused, nothing stored
jq '.criteria[1].weight = 30' t.json >bad.json
if on 2026-01-10 tender add bad.json 2>err.txt; then fail "weights 90 accepted"; fi
grep -q "tellen op tot 90; dat moet precies 100 zijn" err.txt || fail "weights: $(cat err.txt)"
[ "$(on 2026-01-10 tender list --json | jq '.items | length')" = 1 ] || fail "a refused tender was stored"

on 2026-02-14 tender ask 1 --text "Mag een combinatie?" >/dev/null
if on 2026-02-15 tender ask 1 --text "Te laat?" 2>err.txt; then fail "question after the nvi"; fi
grep -q "nota van inlichtingen, van 2026-02-01 tot en met 2026-02-14; vandaag is 2026-02-15" err.txt ||
  fail "nvi: $(cat err.txt)"
on 2026-02-20 tender answer 1 1 --text "Ja." >/dev/null

on 2026-02-28 tender register "$lot" --agb 11111111 --name "Leesbureau" --product 45D01:20 \
  --sub 22222222:Onderaannemer >/dev/null
on 2026-02-28 tender register "$lot" --agb 33333333 --name "Letterhuis" --product 45D01 >/dev/null
if on 2026-03-01 tender register "$lot" --agb 44444444 --name "Te laat" --product 45D01 2>err.txt; then
  fail "registration after the deadline"
fi
grep -q "fase inschrijving" err.txt || fail "deadline: $(cat err.txt)"

if on 2026-03-01 tender score 1 --criterion 1 --score 7 --motivation "goed" 2>err.txt; then
  fail "score before the assessment"
fi
on 2026-03-02 tender score 1 --criterion 1 --score 6 --motivation "precies het minimum" >/dev/null
on 2026-03-02 tender score 1 --criterion 2 --score 5 --motivation "precies het minimum" >/dev/null
on 2026-03-13 tender score 2 --criterion 1 --score 5 --motivation "onder de maat" >/dev/null
on 2026-03-13 tender score 2 --criterion 2 --score 9 --motivation "sterk" >/dev/null

if on 2026-03-15 tender award "$lot" 2>err.txt; then fail "award before its date"; fi
grep -q "Gunnen kan pas vanaf 2026-03-16" err.txt || fail "award date: $(cat err.txt)"
on 2026-03-16 tender award "$lot" --json >a.out
[ "$(jq -c . a.out)" = '{"awarded":1,"rejected":1}' ] || fail "award: $(cat a.out)"
on 2026-03-16 tender registrations 1 --json >r.json
# 11111111 exactly at both minimums: 60 x 60 + 40 x 50 = 5600, passes
[ "$(jq -c '.items[] | select(.agb == "11111111") | [.status, .result.weighted, .result.passes]' r.json)" = \
  '["gegund",5600,true]' ] || fail "11111111: $(cat r.json)"
[ "$(jq -c '.items[] | select(.agb == "33333333") | [.status, .result.below]' r.json)" = \
  '["afgewezen",["Kwaliteit"]]' ] || fail "33333333: $(cat r.json)"

if on 2026-04-05 tender contract "$lot" 2>err.txt; then fail "contract during the standstill"; fi
grep -q "standstill van 2026-03-17 tot en met 2026-04-05" err.txt || fail "standstill: $(cat err.txt)"
on 2026-04-06 tender contract "$lot" --json >c.out
[ "$(jq .contracts c.out)" = 1 ] || fail "contracts: $(cat c.out)"
[ "$(J contract list --agb 11111111 --json | jq -r '.product + " " + .start')" = "45D01 2026-04-06" ] ||
  fail "contract: $(J contract list --agb 11111111 --json)"

# later entry: registered, scored, admitted for spread with the figures
on 2026-06-01 tender register "$lot" --agb 44444444 --name "Nieuwkomer" --product 45D01 >/dev/null
on 2026-06-01 tender score 3 --criterion 1 --score 7 --motivation "goed" >/dev/null
on 2026-06-01 tender score 3 --criterion 2 --score 6 --motivation "voldoende" >/dev/null
if on 2026-06-02 tender admit 3 --decision toegelaten --reason voldoende_aanbod \
  --grounds "Een aanbieder voor 45D01 in de hele regio" 2>err.txt; then
  fail "admitted with a refusal reason"
fi
on 2026-06-02 tender supply --product 45D01 --json >s.json
[ "$(jq -c '.products' s.json)" = \
  '[{"product":"45D01","name":"'"$(jq -r '.products[0].name' s.json)"'","providers":1,"capacity":20,"with_capacity":1}]' ] ||
  fail "supply: $(cat s.json)"
on 2026-06-02 tender admit 3 --decision toegelaten --reason spreiding \
  --grounds "Een aanbieder voor 45D01 in de hele regio (supply 2026-06-02)" --json >adm.json
[ "$(jq -c . adm.json)" = '{"decision":"toegelaten","contracts":1}' ] || fail "admission: $(cat adm.json)"
[ "$(on 2026-06-02 tender supply --product 45D01 --json | jq '.products[0].providers')" = 2 ] ||
  fail "supply after the admission"

# the audit log: the tender's rows and a registration's
J audit --json >audit.json
for a in aanbesteding.aangemaakt aanbesteding.vraag aanbesteding.antwoord aanbesteding.inschrijving \
  aanbesteding.score aanbesteding.gunning aanbesteding.contract aanbesteding.toetreding; do
  jq -e --arg a "$a" 'if type == "array" then . else [.] end | map(select(.action == $a)) | length > 0' \
    <(jq -s '[.[] | if has("items") then .items[] else . end]' audit.json) >/dev/null ||
    fail "no audit row $a"
done
echo "tender: ok"

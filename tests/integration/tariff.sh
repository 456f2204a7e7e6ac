#!/usr/bin/env bash
# tariff.sh BIN: `jeugdregio tariff` end to end (issue 12, docs/tariffs.md):
# the example norms of 2025 and 2026 imported, the build-up of FG1 and of
# wonen midden compared with the figures worked out by hand in
# tests/unit/test_tariff.c, a norms file with a bad field refused naming it
# (nothing stored), a refused edit, the proposal of 2026 with the VNG mix
# and with OVA alone (the crisis tariff on half a cent), the region's own
# figure of 2025 kept, and an adopted region file that the
# region loader loads and that carries the adopted tariffs.
set -euo pipefail
BIN=$(realpath "$1")
SRC=${JR_SOURCE_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T"
export JEUGDREGIO_TODAY=2025-11-15
J() { "$BIN" --db "$T/d.db" "$@"; }
fail() {
  echo "FAIL: $*" >&2
  exit 1
}

J tariff norms import "$SRC/config/ijsselland-tariff-norms-2025.json" >out.txt || fail "import 2025: $(cat out.txt)"
J tariff norms import "$SRC/config/ijsselland-tariff-norms-2026.json" >out.txt || fail "import 2026: $(cat out.txt)"
grep -q "normen 2026 ingelezen (7 functiegroepen, 6 intensiteiten)" out.txt || fail "import said: $(cat out.txt)"
[ "$(J tariff years --json | jq -c '[.items[].year]')" = '[2025,2026]' ] || fail "years"

# FG1 of 2026 by hand: 3,291.00 a month ... overhead 11.485 -> 11.49, tariff 59.93
J tariff model --year 2026 --json >m.json
got=$(jq -c '.lines[] | select(.code == "FG1") | [.tariff_cents, [.steps[] | .result_cents], .steps[7].value, .steps[7].rounded]' m.json)
[ "$got" = '[5993,[3949200,4265136,4594104,4594104,5972335,5972335,4594,5743,5993,5993],1149,true]' ] ||
  fail "FG1: $got"
got=$(jq -c '.lines[] | select(.code == "WMIDDEN") | [.product, .staff_fg, .tariff_cents, .steps[1].value, .steps[7].value, .steps[7].value_unit]' m.json)
[ "$got" = '["44W04","FG1",26578,44792513,32850,"etmalen_x100"]' ] || fail "WMIDDEN: $got"
J tariff model --year 2026 >m.txt
grep -q "Overhead over de personeelskosten per uur  *25,00 %  *€ 11,49  *€ 57,43  (afgerond)" m.txt ||
  fail "the Dutch build-up: $(head -20 m.txt)"

# a norms file with a holiday pay of 250 %: refused naming norm and field, nothing stored
jq '.year = 2027 | .functiegroepen[1].holiday_bp = 25000' "$SRC/config/ijsselland-tariff-norms-2026.json" >bad.json
if J tariff norms import bad.json >out.txt 2>&1; then fail "a bad norms file accepted"; fi
grep -q "FG2: vakantietoeslag 250,00 % ligt buiten de grenzen 0,00 % tot en met 20,00 %" out.txt ||
  fail "refusal: $(cat out.txt)"
[ "$(J tariff years --json | jq -c '[.items[].year]')" = '[2025,2026]' ] || fail "2027 stored after a refusal"
# an unknown code and a staff functiegroep without norms, both named
jq '.year = 2027 | .functiegroepen[0].code = "FG9" | .intensities[0].staff_fg = "FG8"' \
  "$SRC/config/ijsselland-tariff-norms-2026.json" >bad2.json
if J tariff norms import bad2.json >out.txt 2>&1; then fail "unknown codes accepted"; fi
grep -q "FG9 is geen functiegroep van de regiocatalogus" out.txt || fail "FG9: $(cat out.txt)"
grep -q "PLEEG: het personeel rekent met functiegroep 'FG8'" out.txt || fail "FG8: $(cat out.txt)"

# an edit out of bounds: refused, the norm as it was
if J tariff norm set --year 2026 --code FG2 holiday_bp=25000 >out.txt 2>&1; then fail "edit accepted"; fi
grep -q "FG2.*vakantietoeslag 250,00 %" out.txt || fail "edit refusal: $(cat out.txt)"
[ "$(J tariff model --year 2026 --json | jq '.lines[] | select(.code == "FG2") | .norms.holiday_bp')" = 800 ] ||
  fail "FG2 changed by a refused edit"

# the proposal of 2026 with the VNG mix (80 % OVA 3.20 %, 20 % PCC 2.50 %: 3.06 %):
# FG1 58.16 -> 59.9397 -> 59.94, +1.78 (31 per mille); crisis 125.00 -> 128.825 -> 128.83
J tariff proposal --year 2026 --json >p.json
[ "$(jq '.index.factor_e8' p.json)" = 103060000 ] || fail "factor: $(jq -c .index p.json)"
got=$(jq -c '[.rows[] | select(.code == "FG1" or .code == "CRISIS") | [.code, .current_cents, .model_cents, .indexed_cents, .proposed_cents, .source, .diff_cents, .diff_per_mille]]' p.json)
[ "$got" = '[["FG1",5816,5993,5994,5994,"index",178,31],["CRISIS",12500,null,12883,12883,"index",383,31]]' ] ||
  fail "2026 vng: $got"
[ "$(jq '.rows | length' p.json)" = 18 ] || fail "every product with a tariff: $(jq '.rows | length' p.json)"
# the same year by OVA alone (3.20 %): 58.16 -> 60.021 -> 60.02; 125.00 -> 129.00
J tariff norm set --year 2026 index_method=ova >/dev/null
got=$(J tariff proposal --year 2026 --json | jq -c '[.rows[] | select(.code == "FG1" or .code == "CRISIS") | [.indexed_cents, .diff_per_mille]]')
[ "$got" = '[[6002,32],[12900,32]]' ] || fail "2026 ova: $got"
# basis model: the model where it prices the product, the index elsewhere
got=$(J tariff proposal --year 2026 --basis model --json | jq -c '[.rows[] | select(.code == "FG1" or .code == "CRISIS") | [.proposed_cents, .source]]')
[ "$got" = '[[5993,"model"],[12900,"index"]]' ] || fail "2026 model: $got"
# 2025: the region file sets the crisis tariff itself (125.00), which stands
got=$(J tariff proposal --year 2025 --json | jq -c '[.rows[] | select(.code == "FG1" or .code == "CRISIS") | [.current_cents, .indexed_cents, .region_set, .proposed_cents, .source]]')
[ "$got" = '[[5600,5816,false,5816,"index"],[12000,12462,true,12500,"regio"]]' ] || fail "2025: $got"
# no norms and no OVA for 2031: refused
if J tariff proposal --year 2031 >out.txt 2>&1; then fail "2031 without an index"; fi
grep -q "Voor 2031 zijn er geen tariefnormen en geen OVA-index" out.txt || fail "2031: $(cat out.txt)"

# (who may adopt is the service's rule, asked as every role by tests/http/test_http.c's
# matrix: the command line acts for the operator of the machine)

# adoption on basis model: the region file loads and carries the new tariffs; 2025 is as it was
J tariff adopt --year 2026 --basis model --out nieuw.json >out.txt || fail "adopt: $(cat out.txt)"
grep -q "Catalogus 2026 vastgesteld (basis model): 18 producten" out.txt || fail "adopt said: $(cat out.txt)"
"$BIN" --config nieuw.json catalog --json >c.json || fail "the adopted region file does not load"
got=$(jq -c '[.products[] | select(.short_code == "FG1" or .short_code == "CRISIS" or .short_code == "WMIDDEN") | [.short_code, [.tariffs[] | select(.from == "2026-01-01") | [.cents, .derived]], [.tariffs[] | select(.from == "2025-01-01") | .cents]]]' c.json)
[ "$got" = '[["FG1",[[5993,false]],[5816]],["WMIDDEN",[[26578,false]],[25963]],["CRISIS",[[12900,false]],[12500]]]' ] ||
  fail "adopted tariffs: $got"
cmp -s "$SRC/config/ijsselland.json" nieuw.json && fail "the region file unchanged"
[ "$(J tariff proposal --year 2026 --json | jq -c '.adopted | [.by, .basis]')" = '["cli","model"]' ] ||
  fail "adoption not recorded"
n=$(J audit --json --limit 1000 | jq -s '[.[] | select(.action == "tarief.vastgesteld")] | length')
[ "$n" = 18 ] || fail "audit rows of the adoption: $n"
J audit --json --limit 1000 | jq -s -e '[.[] | select(.action == "tarief.norm" and .entity_id == "2026/index")][0].detail == "index_method vng -> ova"' >/dev/null ||
  fail "the edit's audit row"
echo "tariff: ok"

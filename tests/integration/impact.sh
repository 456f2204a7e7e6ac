#!/usr/bin/env bash
# impact.sh BIN: `jeugdregio impact` end to end on a small demo year. The
# JSON's sums are checked against the demo's own lines read back with
# sqlite3 (each line's volume x the scenario's tariff, half up); the
# workbook is opened as what it is (a zip of SpreadsheetML) and its cells
# checked against the JSON: real number cells in euros for amounts, whole
# numbers for per mille, text for codes; the CSV likewise. Refusals (an
# unknown product, a negative tariff, malformed JSON, a bad row of a
# production file) exit 1 naming the place and write nothing.
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
J demo --youths 400 --providers 20 >/dev/null

cat >A.json <<'EOF'
{"name": "A", "method": "capped",
 "tariffs": {"45F01": 6000, "45F02": 8343, "45F03": 9413, "44W01": 7000},
 "budgets": {"KB1": 90000}}
EOF
cat >B.json <<'EOF'
{"name": "B", "method": "uncapped", "tariffs": {"45F01": 5500, "45F02": 7777}}
EOF

J impact --year 2025 --scenario A.json --scenario B.json --json >r.json
J impact --year 2025 --scenario A.json --scenario B.json >r.txt
grep -q "Impactanalyse 2025: productie uit de database" r.txt || fail "text: $(head -3 r.txt)"
grep -q "Grootste verliezers onder B" r.txt || fail "losers in the text"

# B is uncapped: its total is every accepted line of 2025 priced by hand
sqlite3 -separator ' ' d.db "SELECT l.product, l.unit, l.volume, l.amount_cents, l.credit
  FROM decl_batch b JOIN decl_line l ON l.id BETWEEN b.first_line AND b.last_line
  WHERE b.period BETWEEN '2025-01' AND '2025-12' AND l.status = 'A'" >lines.txt
[ -s lines.txt ] || fail "the demo has no lines in 2025"

python3 - <<'EOF' || fail "sums"
import json, sys
r = json.load(open("r.json"))
tb = {"45F01": 5500, "45F02": 7777}
def price(vol, unit, t):
    num = vol * t
    den = 60 if unit == "01" else 1
    return (num * 2 + den) // (2 * den)   # half up, positive
cur = scen = 0
n = 0
for ln in open("lines.txt"):
    p, unit, vol, amt, credit = ln.split()
    vol, amt, sign = int(vol), int(amt), -1 if credit == "1" else 1
    cur += sign * amt
    scen += sign * (price(vol, unit, tb[p]) if p in tb else amt)
    n += 1
def check(c, what):
    if not c:
        sys.exit("sums: " + what)
check(r["lines"] == n, "lines %d != %d" % (r["lines"], n))
check(r["total"]["current_cents"] == cur, "realised %d != %d" % (r["total"]["current_cents"], cur))
b = r["total"]["scenarios"][1]
check(b["name"] == "B" and b["cents"] == scen, "B %d != %d" % (b["cents"], scen))
check(b["difference_cents"] == scen - cur, "difference")
q = abs(scen - cur) * 1000
pm = (q * 2 + cur) // (2 * cur)
check(b["permille"] == (pm if scen >= cur else -pm), "per mille %r" % b["permille"])
# rows add up to the total, per provider and per municipality
for key in ("providers", "municipalities"):
    for s in range(2):
        check(sum(x["scenarios"][s]["cents"] for x in r[key]) == r["total"]["scenarios"][s]["cents"],
              key + " sum")
    check(sum(x["current_cents"] for x in r[key]) == cur, key + " realised")
# the losers: sorted by loss, all losing
l = r["losers"][1]["providers"]
d = [x["scenarios"][1]["difference_cents"] for x in l]
check(all(v < 0 for v in d) and d == sorted(d), "losers %r" % d)
check(r["scenarios"][0]["capped_assignments"] >= 0, "caps")
check([u["product"] for u in r["scenarios"][1]["unpriced"]] ==
      sorted(u["product"] for u in r["scenarios"][1]["unpriced"]), "unpriced sorted")
EOF

# the catalog's own tariffs and budgets of the year price the year as it was billed
J impact --year 2025 --template >cat.json
J impact --year 2025 --scenario cat.json --json >same.json
python3 -c "
import json; r = json.load(open('same.json')); t = r['total']
assert t['scenarios'][0]['cents'] == t['current_cents'] and t['scenarios'][0]['permille'] == 0, t
assert r['scenarios'][0]['capped_assignments'] == 0 and r['scenarios'][0]['unpriced'] == [], r['scenarios']
" || fail "the catalog's scenario changes the year"

J impact --year 2025 --scenario A.json --scenario B.json --xlsx i.xlsx >out.txt
grep -q "i.xlsx: impactanalyse 2025, 5 tabellen (Excel)" out.txt || fail "confirmation: $(cat out.txt)"
J impact --year 2025 --scenario A.json --scenario B.json --export-csv i.csv >/dev/null

python3 - <<'EOF' || fail "workbook"
import json, sys, zipfile
import xml.etree.ElementTree as ET
ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
z = zipfile.ZipFile("i.xlsx")
wb = ET.fromstring(z.read("xl/workbook.xml"))
names = [s.get("name") for s in wb.find("m:sheets", ns)]
sst = ["".join(t.text or "" for t in si.iter("{%s}t" % ns["m"]))
       for si in ET.fromstring(z.read("xl/sharedStrings.xml"))]
st = ET.fromstring(z.read("xl/styles.xml"))
fmts = {int(f.get("numFmtId")): f.get("formatCode") for f in st.iter("{%s}numFmt" % ns["m"])}
xfs = [int(x.get("numFmtId", 0)) for x in st.find("m:cellXfs", ns)]
def sheet(i):
    cells = {}
    for c in ET.fromstring(z.read("xl/worksheets/sheet%d.xml" % i)).iter("{%s}c" % ns["m"]):
        v = c.find("m:v", ns)
        kind = c.get("t", "n")
        val = None if v is None else (sst[int(v.text)] if kind == "s" else float(v.text))
        cells[c.get("r")] = (kind, val, fmts.get(xfs[int(c.get("s", 0))], "builtin"))
    return cells
def check(c, what):
    if not c:
        sys.exit("workbook: " + what)
check(names == ["totaal", "aanbieders", "gemeenten", "verliezers-1", "verliezers-2"], str(names))
r = json.load(open("r.json"))
p = sheet(2)
check(p["A1"][1].startswith("Impactanalyse 2025: per aanbieder"), "title %r" % (p["A1"],))
check([p[c][1] for c in ("A3", "B3", "C3", "D3", "E3", "F3", "G3")] ==
      ["AGB", "Naam", "Gerealiseerd", "A", "Verschil A", "Promille A", "B"], "header")
for i, x in enumerate(r["providers"]):
    row = 4 + i
    check(p["A%d" % row][:2] == ("s", x["agb"]), "AGB as text, row %d" % row)
    kind, val, fmt = p["C%d" % row]
    check(kind == "n" and round(val * 100) == x["current_cents"] and "€" in fmt, "realised %r" % (p["C%d" % row],))
    for s, col in ((0, "D"), (1, "G")):
        kind, val, fmt = p["%s%d" % (col, row)]
        check(kind == "n" and round(val * 100) == x["scenarios"][s]["cents"], "scenario amount row %d" % row)
    kind, val, fmt = p["E%d" % row]
    check(kind == "n" and round(val * 100) == x["scenarios"][0]["difference_cents"], "difference")
    pm = x["scenarios"][0]["permille"]
    if pm is None:
        check("F%d" % row not in p or p["F%d" % row][1] is None, "no per mille")
    else:
        check(p["F%d" % row][:2] == ("n", float(pm)) and p["F%d" % row][2] == "#,##0", "per mille %r" % (p["F%d" % row],))
n = len(r["providers"])
check(p["B%d" % (4 + n)][1] == "Totaal" and round(p["C%d" % (4 + n)][1] * 100) == r["total"]["current_cents"], "total row")
t = sheet(1)
check(round(t["D4"][1] * 100) == r["total"]["scenarios"][0]["cents"], "region total")
l = sheet(5)
check(sum(1 for k in l if k.startswith("A")) == 2 + len(r["losers"][1]["providers"]), "a row per loser")
EOF

head -c 3 i.csv | od -An -tx1 | grep -q "ef bb bf" || fail "csv bom"
grep -q "^AGB;Naam;Gerealiseerd;A;Verschil A;Promille A;B;Verschil B;Promille B" i.csv || fail "csv header"

# refusals: exit 1, the place named, nothing written
echo '{"name": "C", "tariffs": {"99X99": 100}}' >C.json
if J impact --year 2025 --scenario C.json --xlsx c.xlsx 2>err.txt >/dev/null; then fail "unknown product accepted"; fi
grep -q "C.json: Scenario 'C': 99X99 is geen productcode" err.txt || fail "unknown product: $(cat err.txt)"
[ ! -e c.xlsx ] || fail "a refused analysis wrote its file"
echo '{"name": "N", "tariffs": {"45F01": -1}}' >N.json
if J impact --year 2025 --scenario N.json 2>err.txt >/dev/null; then fail "negative tariff accepted"; fi
grep -q "negatief" err.txt || fail "negative tariff: $(cat err.txt)"
printf '{"name": "M",\n "tariffs": {\n  "45F01" 1}}\n' >M.json
if J impact --year 2025 --scenario M.json 2>err.txt >/dev/null; then fail "malformed JSON accepted"; fi
grep -q "M.json: regel 3" err.txt || fail "malformed JSON: $(cat err.txt)"
set +e
J impact --year 2025 >/dev/null 2>&1
[ $? -eq 2 ] || fail "no scenario is a usage error"
set -e

# a file of the old model: a profile mapped to its product; a bad row named by its line
printf 'profile,product\nOP03,45F02\n' >prof.csv
printf 'agb,gemeente,profile,product,unit,volume,amount_cents\n12345678,0193,OP03,,04,20,160000\n' >old.csv
J impact --year 2022 --scenario A.json --csv old.csv --profiles prof.csv --json >o.json
python3 -c "
import json; r = json.load(open('o.json'))
assert r['source'] == 'bestand' and r['lines'] == 1, r
assert r['total']['current_cents'] == 160000 and r['total']['scenarios'][0]['cents'] == 20 * 8343, r['total']
assert r['scenarios'][0]['capped_assignments'] is None
" || fail "old model"
printf 'agb,gemeente,profile,product,unit,volume,amount_cents\n12345678,0193,OP03,,04,20,160000\n12345678,0193,OP07,,04,2,100\n' >bad.csv
if J impact --year 2022 --scenario A.json --csv bad.csv --profiles prof.csv 2>err.txt >/dev/null; then fail "bad row accepted"; fi
grep -q "bad.csv: regel 3, kolom product" err.txt || fail "bad row: $(cat err.txt)"
echo ok

#!/usr/bin/env bash
# export.sh BIN: `jeugdregio export` end to end on a small demo year. The
# workbook is opened as what it is (a zip of SpreadsheetML) and its cells
# are checked against the figures' JSON: real number cells with the euro
# format for amounts, one decimal for rates, date cells for dates, text for
# text, one sheet per table with its title and header; the CSV likewise
# (BOM, ';', decimal comma). Refusals write nothing; the same export gives
# the same bytes.
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
J demo --youths 800 --providers 30 >/dev/null

J figures spending --gemeente 0193 --period 2025-Q2 --json >spending.json
J export spending --gemeente 0193 --period 2025-Q2 --out s.xlsx >out.txt
grep -q "s.xlsx: spending, 4 tabellen" out.txt || fail "confirmation: $(cat out.txt)"
J figures expensive --gemeente 0193 --period 2025 --json >expensive.json
J export expensive --gemeente 0193 --period 2025 --out e.xlsx >/dev/null
J figures durations --gemeente 0193 --period 2025 --json >durations.json
J export durations --gemeente 0193 --period 2025 --out d.xlsx >/dev/null

python3 - <<'EOF' || fail "workbook"
import json, re, sys, zipfile
from datetime import date, timedelta

def book(path):
    z = zipfile.ZipFile(path)
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    import xml.etree.ElementTree as ET
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    names = [s.get("name") for s in wb.find("m:sheets", ns)]
    sst = [ "".join(t.text or "" for t in si.iter("{%s}t" % ns["m"]))
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")) ]
    st = ET.fromstring(z.read("xl/styles.xml"))
    fmts = {int(f.get("numFmtId")): f.get("formatCode") for f in st.iter("{%s}numFmt" % ns["m"])}
    xfs = [int(x.get("numFmtId", 0)) for x in st.find("m:cellXfs", ns)]
    sheets = {}
    for i, n in enumerate(names, 1):
        ws = ET.fromstring(z.read("xl/worksheets/sheet%d.xml" % i))
        cells = {}
        for c in ws.iter("{%s}c" % ns["m"]):
            v = c.find("m:v", ns)
            kind = c.get("t", "n")
            val = None if v is None else (sst[int(v.text)] if kind == "s" else float(v.text))
            fid = xfs[int(c.get("s", 0))]
            cells[c.get("r")] = (kind, val, fmts.get(fid, str(fid)))
        sheets[n] = cells
    return names, sheets

def check(cond, what):
    if not cond:
        sys.exit("workbook: " + what)

names, sh = book("s.xlsx")
check(names == ["uitgaven", "uitgaven-voorziening", "uitgaven-product", "uitgaven-aanbieder"], str(names))
s = json.load(open("spending.json"))
v = sh["uitgaven-voorziening"]
check(v["A1"][1].startswith("Uitgaven per voorziening, gemeente Zwolle, 2025-Q2"), "title " + str(v["A1"]))
check([v[c][1] for c in ("A3", "B3", "C3", "D3")] == ["Voorziening", "Uitgaven", "Uitgaven vorig jaar", "Groei (%)"], "header")
for i, g in enumerate(s["spending"]["by_voorziening"]):
    kind, val, fmt = v["B%d" % (4 + i)]
    check(kind == "n" and round(val * 100) == g["cents"], "amount of %s: %r" % (g["code"], v["B%d" % (4 + i)]))
    check("€" in fmt and "0.00" in fmt, "euro format: " + fmt)
    check(v["A%d" % (4 + i)] == ("s", g["code"], "0"), "text cell")
n = len(s["spending"]["by_voorziening"])
check(v["A%d" % (4 + n)][1] == "Totaal" and round(v["B%d" % (4 + n)][1] * 100) == s["spending"]["cents"], "total row")
tot = sh["uitgaven"]
check(tot["E4"] == ("n", float(s["spending"]["youths"]), "#,##0"), "youths as a whole number: %r" % (tot["E4"],))
# the providers: one row each
check(sum(1 for r in sh["uitgaven-aanbieder"] if r.startswith("A")) == 3 + len(s["spending"]["by_provider"]), "a row per provider and the total")

names, sh = book("e.xlsx")
e = json.load(open("expensive.json"))
x = sh["duurste"]
y = e["youths"][0]
check(x["A4"] == ("s", y["bsn"], "0"), "the BSN stays text (leading zeros)")
kind, val, fmt = x["G4"]
start = date.fromisoformat(y["assignments"][0]["start"])
check(kind == "n" and fmt == "yyyy-mm-dd" and date(1899, 12, 30) + timedelta(days=int(val)) == start, "a date cell: %r" % (x["G4"],))

names, sh = book("d.xlsx")
d = json.load(open("durations.json"))
kind, val, fmt = sh["duur"]["E4"]
check(kind == "n" and fmt == "0.0" and val == d["by_voorziening"][0]["median_days"], "a median in tenths: %r" % (sh["duur"]["E4"],))
EOF

# CSV: the one table asked, as Dutch spreadsheets read it
J export spending --gemeente 0193 --period 2025-Q2 --table uitgaven-voorziening --out v.csv >/dev/null
head -c 3 v.csv | od -An -tx1 | grep -q "ef bb bf" || fail "no BOM"
sed -n 1p v.csv | grep -q $'^\xEF\xBB\xBFVoorziening;Uitgaven;Uitgaven vorig jaar;Groei (%)\r$' || fail "csv header: $(sed -n 1p v.csv)"
want=$(python3 -c '
import json; s = json.load(open("spending.json"))["spending"]
g = s["by_voorziening"][0]
print("%s;%d,%02d;" % (g["code"], g["cents"] // 100, g["cents"] % 100))')
sed -n 2p v.csv | grep -qF "$want" || fail "csv row: $(sed -n 2p v.csv), want $want"
tail -1 v.csv | grep -q "^Totaal;" || fail "csv total row"
# every table of a figure, each after its title
J export referrals --gemeente 0193 --period 2025-Q2 --format csv --out - >r.csv
grep -q $'^\xEF\xBB\xBFVerwijzingen per verwijzer, gemeente Zwolle, 2025-Q2' r.csv || fail "csv titles"
grep -q "^Verwijzingen per route, gemeente Zwolle, 2025-Q2" r.csv || fail "csv second table"
# the monitor workbook: every figure of the monitor
J export monitor --period 2025 --out m.xlsx | grep -q "monitor, 1[0-9] tabellen" || fail "monitor workbook"

# the same export gives the same bytes
J export spending --gemeente 0193 --period 2025-Q2 --out s2.xlsx >/dev/null
cmp -s s.xlsx s2.xlsx || fail "two exports differ"

# refusals write nothing
rc=0
J export nosuch --period 2025 --out bad.xlsx 2>err.txt || rc=$?
[ "$rc" -eq 2 ] && grep -q "onbekend cijfer 'nosuch'" err.txt || fail "unknown figure: $rc $(cat err.txt)"
rc=0
J export control --period 2025-Q2 --out bad.xlsx 2>err.txt || rc=$?
[ "$rc" -eq 1 ] && grep -q "JJJJ" err.txt || fail "control per quarter: $rc $(cat err.txt)"
rc=0
J export spending --period 2025 --table nosuch --out bad.csv 2>err.txt || rc=$?
[ "$rc" -eq 2 ] && grep -q "uitgaven-aanbieder" err.txt || fail "unknown table: $rc $(cat err.txt)"
rc=0
J export spending --period 2025 --format ods --out bad.ods 2>/dev/null || rc=$?
[ "$rc" -eq 2 ] || fail "bad format: $rc"
rc=0
J export spending --gemeente 9999 --period 2025 --out bad.xlsx 2>/dev/null || rc=$?
[ "$rc" -eq 1 ] || fail "unknown municipality: $rc"
ls bad.* 2>/dev/null && fail "a refused export wrote a file"
echo "export: all checks passed"

#!/usr/bin/env bash
# report_pdf.sh BIN: the council report (raadsrapportage) end to end with the
# built jeugdregio binary on a small demo year. The PDF is read back with
# poppler (pdfinfo, pdftotext) and rendered to images (pdftoppm); checked:
# its pages, the page numbers in every footer and in the table of contents,
# the municipality, the period, Dutch money, hidden small groups, the same
# figures as `figures volume --json`, identical bytes for the same input,
# the region's report, refusals that write nothing, and the audit log.
set -euo pipefail
BIN=$(realpath "$1")
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T"
export JEUGDREGIO_TODAY=2026-01-15
J() { "$BIN" --db "$T/d.db" --user raadsgriffie "$@"; }
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
J demo --youths 800 --providers 30 >/dev/null

J report --gemeente 0193 --period 2025-Q2 --out r.pdf >out.txt
grep -q "r.pdf: raadsrapportage Zwolle 2025-Q2" out.txt || fail "no confirmation: $(cat out.txt)"
pages=$(pdfinfo r.pdf | awk '/^Pages:/ {print $2}')
[ "$pages" -ge 10 ] || fail "only $pages pages"
pdfinfo r.pdf | grep -q "^Title: *Raadsrapportage jeugdhulp Zwolle 2025-Q2$" || fail "title"
pdfinfo r.pdf | grep -q "^CreationDate: .*2026" || fail "creation date is not the report's date"
pdfinfo r.pdf | grep -q "A4" || fail "not A4"

pdftotext -layout r.pdf all.txt
for want in "Raadsrapportage jeugdhulp" "Gemeente Zwolle" "Regio IJsselland" \
  "2e kwartaal 2025 (1 april 2025 t/m 30 juni 2025)" "Opgesteld op 15 januari 2026 door raadsgriffie" \
  "1. Kerncijfers" "8. Vergelijking tussen gemeenten" "9. Begroting en prognose" \
  "10. Signalen voor de controle" "Plotselinge sprong in de maandomzet" \
  "Bijlage: definities" "< 10" "keuzebudget KB1" "Terugkeer"; do
  grep -qF -- "$want" all.txt || fail "missing: $want"
done
grep -qE "€ [0-9]{1,3}(\.[0-9]{3})*,[0-9]{2}" all.txt || fail "no amount in Dutch notation"
grep -qE "[0-9]+\.[0-9]+e" all.txt && fail "an amount in scientific notation"

# every page has its footer with the right number
for ((k = 1; k <= pages; k++)); do
  pdftotext -layout -f "$k" -l "$k" r.pdf p.txt
  grep -q "pagina $k van $pages" p.txt || fail "page $k has no 'pagina $k van $pages'"
done
# the table of contents points at the page where each section starts
while IFS='|' read -r title page; do
  pdftotext -layout -f "$page" -l "$page" r.pdf p.txt
  head -3 p.txt | grep -qF "$title" || fail "contents: '$title' is not on page $page"
done < <(pdftotext -layout -f 1 -l 1 r.pdf - | sed -n '/^Inhoud/,/^$/p' |
  sed -nE 's/^([0-9]+\. .*[^ ]|Bijlage: definities) +([0-9]+)$/\1|\2/p')
n=$(pdftotext -layout -f 1 -l 1 r.pdf - | sed -n '/^Inhoud/,/^$/p' | grep -cE ' [0-9]+$')
[ "$n" -eq 11 ] || fail "contents has $n entries, not 11"

# the key figures are the figure service's own
youths=$(J figures volume --gemeente 0193 --period 2025-Q2 --json |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["now"]["youths"])')
grep -qE "^ *Jeugdigen in zorg +$youths " all.txt || fail "youths in care is not $youths"

# rendered: one image per page, none blank
pdftoppm -r 30 -gray r.pdf pg
imgs=(pg-*.pgm)
[ "${#imgs[@]}" -eq "$pages" ] || fail "${#imgs[@]} images for $pages pages"
python3 - "${imgs[@]}" <<'EOF' || fail "a blank page"
import sys
for path in sys.argv[1:]:
    data = open(path, "rb").read()
    # P5 header: magic, width, height, maxval, then the pixels
    parts = data.split(b"\n", 3)
    pixels = parts[3]
    dark = sum(1 for b in pixels if b < 128)
    if dark < 50:
        sys.exit(f"{path}: {dark} dark pixels")
EOF

# the same report twice gives the same bytes
J report --gemeente 0193 --period 2025-Q2 --out r2.pdf >/dev/null
cmp -s r.pdf r2.pdf || fail "two runs differ"

# the region's report, and the PDF on standard output
J report --period 2025 --out - >regio.pdf
head -c 5 regio.pdf | grep -q "%PDF-" || fail "stdout is no PDF"
pdftotext -layout regio.pdf regio.txt
grep -q "Regio IJsselland" regio.txt || fail "region report"
grep -q "Gemeente Zwolle" regio.txt && fail "region report names a municipality on its cover"
grep -q "het jaar 2025" regio.txt || fail "region report period"

# refusals write nothing
rc=0
J report --gemeente 9999 --period 2025-Q2 --out bad.pdf 2>err.txt || rc=$?
[ "$rc" -eq 1 ] || fail "unknown municipality: exit $rc"
grep -q "9999" err.txt || fail "unknown municipality: $(cat err.txt)"
[ ! -e bad.pdf ] || fail "refused report wrote a file"
rc=0
J report --period 2025-Q5 --out bad.pdf 2>/dev/null || rc=$?
[ "$rc" -eq 2 ] || fail "bad period: exit $rc"
rc=0
J report --gemeente 0193 --period 2025-Q2 2>/dev/null || rc=$?
[ "$rc" -eq 2 ] || fail "no --out: exit $rc"
rc=0
J report --period 2025 --out "$T/no/such/dir/r.pdf" 2>err.txt || rc=$?
[ "$rc" -ne 0 ] || fail "unwritable path accepted"
grep -q "niet te schrijven" err.txt || fail "unwritable: $(cat err.txt)"

# every report made is in the audit log
made=$(J audit --entity report | grep -c "rapport.raad")
[ "$made" -eq 4 ] || fail "$made audit rows for 4 reports"
J audit --entity report | grep -q "raadsgriffie rapport.raad *report 0193" || fail "audit row"
echo "report_pdf: $pages pages, all checks passed"

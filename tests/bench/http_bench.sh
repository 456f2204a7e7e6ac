#!/usr/bin/env bash
# http_bench.sh: the web application's benchmark (not a test). On a fresh
# demo database it starts `jeugdregio serve`, logs in, and measures with wrk
# the requests per second and latency percentiles of a budget-ledger read
# (GET /api/assignments/{number}), then times declaration uploads of 10,000
# lines each (POST /api/declarations) and prints their latency percentiles
# and lines per second. Target: >= 10,000 reads/s with p99 < 10 ms.
#
# usage: http_bench.sh JEUGDREGIO_BINARY SOURCE_ROOT [--youths N] [--seconds S] [--uploads N]
#        [--connections N]   (wrk runs on the same 2 cores as the server: one
#        thread and 8 connections by default, so the load does not starve it)
set -euo pipefail
bin=$1 root=$2
shift 2
youths=15000 seconds=10 uploads=10 conns=8
while [ $# -gt 0 ]; do
  case $1 in
    --youths) youths=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --uploads) uploads=$2; shift 2 ;;
    --connections) conns=$2; shift 2 ;;
    *) echo "http_bench: unknown option $1" >&2; exit 2 ;;
  esac
done
for t in wrk curl sqlite3; do
  command -v $t >/dev/null || { echo "http_bench: $t is missing (apt-get install $t)" >&2; exit 2; }
done
work=$(mktemp -d "${TMPDIR:-/tmp}/jeugdregio-httpbench-XXXXXX")
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
export JEUGDREGIO_CONFIG="$root/config/ijsselland.json"
db=$work/demo.db
echo "demo database: $youths youths ..."
"$bin" --db "$db" demo --youths "$youths" >/dev/null
"$bin" --db "$db" serve --port 0 --web "$root/web" >"$work/serve.out" 2>"$work/serve.err" &
server=$!
for _ in $(seq 100); do grep -q "luistert op" "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
url=$(grep -o 'http://[^ ]*/' "$work/serve.out" | head -1)
[ -n "$url" ] || { echo "http_bench: the server did not start"; cat "$work/serve.err"; exit 1; }
login() {
  curl -s -c "$work/$1.jar" -H 'Content-Type: application/json' \
    -d "{\"name\":\"$1\",\"password\":\"jeugdregio-demo\"}" "${url}api/session" |
    sed -n 's/.*"csrf": *"\([0-9a-f]*\)".*/\1/p'
}
cookie() { awk '$6 == "jr_session" {print $7}' "$work/$1.jar"; }

# 1. budget-ledger reads by the beheerder
login beheerder >/dev/null
number=$(sqlite3 "$db" "SELECT number FROM assignment WHERE is_budget = 1 ORDER BY id LIMIT 1")
echo "ledger read: GET ${url}api/assignments/$number, wrk 1 thread, $conns connections, ${seconds} s"
wrk -t1 -c"$conns" -d"${seconds}s" --latency -H "Cookie: jr_session=$(cookie beheerder)" \
  "${url}api/assignments/$number" >"$work/wrk.out"
rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.out")
p50=$(awk '/^ +50%/ {print $2}' "$work/wrk.out")
p99=$(awk '/^ +99%/ {print $2}' "$work/wrk.out")
non2xx=$(awk '/Non-2xx/ {print $NF}' "$work/wrk.out")
echo "  requests/s: $rps   p50: $p50   p99: $p99   non-2xx: ${non2xx:-0}"

# 2. declaration uploads of 10,000 lines by a provider
csrf=$(login aanbieder1)
agb=$(sqlite3 "$db" "SELECT agb FROM app_user WHERE name = 'aanbieder1'")
sqlite3 -separator ',' "$db" "SELECT a.number, y.bsn, a.gemeente FROM assignment a
  JOIN youth y ON y.id = a.youth_id JOIN provider p ON p.id = a.provider_id
  WHERE p.agb = '$agb' AND a.is_budget = 1" >"$work/asg.csv"
[ -s "$work/asg.csv" ] || { echo "http_bench: aanbieder1 has no budget assignments"; exit 1; }
header=$("$bin" --db "$db" declare --help >/dev/null; head -1 "$root/docs/examples/declaratie.csv")
times=()
for u in $(seq "$uploads"); do
  f=$work/upload-$u.csv
  # per municipality one batch; lines spread over the provider's assignments
  awk -F, -v u="$u" -v agb="$agb" -v header="$header" 'BEGIN { print header }
    { n[NR] = $1; b[NR] = $2; g[NR] = $3 } END {
      for (i = 0; i < 10000; i++) { k = i % NR + 1; key[g[k]] = key[g[k]] i "," k ";" }
      for (gm in key) { m = split(key[gm], items, ";")
        for (j = 1; j < m; j++) { split(items[j], p, ","); k = p[2]
          printf "U%d-%s,%s,%s,2025-12,2026-01-05,U%d-%d,%s,%s,45,45F03,2025-12-01,2025-12-31,1,04,91.39,91.39,D,\n", \
            u, gm, agb, gm, u, p[1], n[k], b[k] } } }' "$work/asg.csv" >"$f"
  t=$(curl -s -o "$work/upload.json" -w '%{time_total}' -b "$work/aanbieder1.jar" \
    -H "X-CSRF-Token: $csrf" -H 'Content-Type: text/csv' --data-binary "@$f" "${url}api/declarations")
  grep -q '"batches"' "$work/upload.json" || { echo "upload $u failed:"; head -c 400 "$work/upload.json"; echo; exit 1; }
  times+=("$t")
done
printf '%s\n' "${times[@]}" | sort -n >"$work/times"
n=$(wc -l <"$work/times")
pct() { awk -v p="$1" -v n="$n" 'NR == int((n - 1) * p / 100) + 1 { printf "%.0f ms", $1 * 1000 }' "$work/times"; }
total=$(awk '{ s += $1 } END { print s }' "$work/times")
echo "declaration upload: $uploads x 10,000 lines (POST ${url}api/declarations)"
echo "  p50: $(pct 50)   p99: $(pct 99)   lines/s: $(awk -v s="$total" -v u="$uploads" 'BEGIN { printf "%.0f", u * 10000 / s }')"
echo "target: >= 10,000 reads/s with p99 < 10 ms"

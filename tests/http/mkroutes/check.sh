#!/usr/bin/env bash
# check.sh: tools/mkroutes.awk takes good.c (three routes, flags, two
# handlers, a comment block) and refuses each bad_*.c with a message that
# begins as its "expect:" line says, file and line included.
set -uo pipefail
awk_script=$1
dir=$(dirname "$0")
cd "$dir" || exit 2
fail=0
out=$(awk -f "$awk_script" good.c) || { echo "good.c refused" >&2; fail=1; }
for want in '{HTTP_GET, "/api/v1/things", things_show, 0},' \
    '{HTTP_GET, "/api/v1/things/{id}", things_show, HTTP_ROUTE_WRITES | HTTP_ROUTE_V1ONLY},' \
    '{HTTP_POST, "/api/v1/things", things_add, HTTP_ROUTE_CSV},' \
    'const int router_nroutes = 3;'; do
    grep -qF -- "$want" <<<"$out" || { echo "good.c: the table lacks $want" >&2; fail=1; }
done
for f in bad_*.c; do
    want=$(sed -n 's|^/\* expect: \(.*\) \*/$|\1|p' "$f")
    if got=$(awk -f "$awk_script" "$f" 2>&1 >/dev/null); then
        echo "$f: taken, should be refused with: $want" >&2
        fail=1
    elif [[ "$(head -1 <<<"$got")" != "$want"* ]]; then
        echo "$f: refused with '$(head -1 <<<"$got")', expected '$want'" >&2
        fail=1
    fi
done
[ $fail -eq 0 ] && echo "mkroutes: good.c taken, $(ls bad_*.c | wc -l) bad files refused as expected"
exit $fail

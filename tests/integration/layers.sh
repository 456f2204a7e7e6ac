#!/usr/bin/env bash
# layers.sh: the layer rules of docs/architecture.md, checked on the source
# tree (the test 'layers'). Fails, naming each offending line, when
#  1. a file of the services, the domain or the store mentions a path of an
#     interface (src/ijw, src/http, src/cli): the issue's own check,
#     `grep -rl 'ijw/\|http/\|cli/' src/service src/domain src/store`;
#  2. SQL text or a statement call stands outside src/store: a string literal
#     that starts a statement (SELECT, INSERT INTO, UPDATE .. SET, DELETE
#     FROM, CREATE, DROP, ALTER, BEGIN, COMMIT, ROLLBACK, SAVEPOINT, PRAGMA),
#     or a call of store_prepare/store_exec/store_step/store_col_*;
#  3. the domain does I/O or reaches the store: an include of the store,
#     the services, the region loader or a library of the outside world,
#     or a call that reads or writes a file, the environment or the clock;
#  4. an interface runs a transaction (src/ijw, src/cli, src/io, src/render,
#     src/http but for server.c's one writer transaction around a handler):
#     the services own them;
#  5. an interface's meson.build compiles the sources of a service, the
#     domain or the store (each layer lists its own in src/meson.build).
set -uo pipefail
root=${1:-$(cd "$(dirname "$0")/../.." && pwd)} # meson passes the source root
cd "$root" || exit 2
fail=0
report() { # report TITLE LINES
    if [ -n "$2" ]; then
        printf 'layers: %s\n%s\n' "$1" "$2" >&2
        fail=1
    fi
}

report "an interface path named in the services, domain or store:" \
    "$(grep -rn 'ijw/\|http/\|cli/' src/service src/domain src/store)"

sql='"[^"]*\b(SELECT|INSERT INTO|UPDATE [a-z_]+ SET|DELETE FROM|CREATE (TABLE|INDEX|UNIQUE|VIEW|TEMP)|DROP (TABLE|INDEX)|ALTER TABLE|BEGIN( IMMEDIATE| TRANSACTION)?"|COMMIT"|ROLLBACK|SAVEPOINT|PRAGMA)\b'
report "SQL text outside src/store:" \
    "$(grep -rnE "$sql" src --include='*.c' --include='*.h' | grep -v '^src/store/')"
report "a statement call outside src/store:" \
    "$(grep -rnE '\bstore_(prepare|exec|step|col_[a-z]+|bind_[a-z]+|reset|each)\(' src \
        --include='*.c' --include='*.h' | grep -v '^src/store/')"
report "I/O, the store or a service reached from the domain:" \
    "$(grep -rnE '#include [<"](sqlite3\.h|libpq|microhttpd\.h|libxml/|unistd\.h|\.\./store/|\.\./service/|\.\./config/)|\b(fopen|fprintf|printf|puts|fwrite|fread|getenv|time|clock_gettime)\(' src/domain)"
report "a transaction run by an interface (the services own them):" \
    "$(grep -rnE '\bstore_(begin|begin_write|commit|rollback)\(|\bsvc_finish\(' src/ijw src/cli src/io \
        src/render src/http | grep -v '^src/http/server\.c:')"
report "an interface's meson.build that compiles a service, domain or store source:" \
    "$(grep -rnE "'\.\./(service|domain|store)/" src --include=meson.build)"

[ $fail -eq 0 ] && echo "layers: the interfaces, services, domain and store keep to their layers"
exit $fail

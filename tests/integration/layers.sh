#!/bin/sh
# layers.sh: the layers hold (docs: src/ijw only reads and writes XML).
#   1. nothing under src/service, src/domain or src/store includes a file of
#      an interface (src/ijw, src/http, src/cli);
#   2. src/ijw holds no SQL and runs no transaction: it calls services.
# Run from the source root (meson passes it as the first argument).
cd "${1:-.}" || exit 2
fail=0
hits=$(grep -rnE '#include *"[^"]*(ijw|http|cli)/' src/service src/domain src/store)
if [ -n "$hits" ]; then
  echo "a service, domain rule or store module includes an interface:"
  echo "$hits"
  fail=1
fi
hits=$(grep -nE 'store_(prepare|exec|begin|commit|rollback)\(|svc_finish\(|"(SELECT|INSERT|UPDATE|DELETE) ' \
  src/ijw/*.c src/ijw/*.h | grep -v '^src/ijw/schema_tables.c:')
if [ -n "$hits" ]; then
  echo "SQL or a transaction in src/ijw (it belongs in a service and its store module):"
  echo "$hits"
  fail=1
fi
exit $fail

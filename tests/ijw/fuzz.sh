#!/usr/bin/env bash
# fuzz.sh: fuzzes the iJw reader with libFuzzer (Debian's clang: -fsanitize=fuzzer).
# Not part of the default test run.
#
#   tests/ijw/fuzz.sh [SECONDS]    fuzz for SECONDS (default 60), corpus from tests/ijw/samples
#   tests/ijw/fuzz.sh --smoke      run every sample once through the fuzz target and stop
#
# Builds the core library with clang and ASan+UBSan (+ fuzzer instrumentation)
# in build-fuzz/, links tests/ijw/fuzz_ijw.c against it and runs it with
# FUZZ_IJW_IMPORT=1 (every input is also imported into a scratch store) and,
# when the official XSDs are found ($JR_IJW_XSD_DIR, else ../shared/ijw/xsd),
# FUZZ_IJW_XSD so that any input the XSDs refuse but the project accepts
# stops the run. Crashing inputs land in build-fuzz/crashes/.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
secs=60
smoke=0
case "${1:-}" in
  --smoke) smoke=1 ;;
  "") ;;
  *) secs=$1 ;;
esac
command -v clang >/dev/null || { echo "fuzz.sh: clang is needed (apt-get install clang)" >&2; exit 2; }
b=build-fuzz
if [ ! -d "$b" ]; then
  CC=clang meson setup "$b" --buildtype=debugoptimized -Db_sanitize=address,undefined \
    -Db_lundef=false "-Dc_args=-fsanitize=fuzzer-no-link -Wno-unknown-warning-option" >/dev/null
fi
ninja -C "$b" src/libjr.a >/dev/null
pkgs="libxml-2.0 sqlite3 jansson libsodium"
clang -O1 -g -fsanitize=fuzzer,address,undefined -I src $(pkg-config --cflags $pkgs) \
  tests/ijw/fuzz_ijw.c "$b/src/libjr.a" $(pkg-config --libs $pkgs) -o "$b/fuzz_ijw"
xsd=${JR_IJW_XSD_DIR:-$root/../shared/ijw/xsd}
export FUZZ_IJW_IMPORT=1
export JEUGDREGIO_CONFIG=${JEUGDREGIO_CONFIG:-$root/config/ijsselland.json}
[ -f "$xsd/basisschema.xsd" ] && export FUZZ_IJW_XSD=$xsd
mkdir -p "$b/corpus" "$b/crashes"
cp tests/ijw/samples/*.xml "$b/corpus/"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
if [ "$smoke" = 1 ]; then
  exec "$b/fuzz_ijw" -runs=0 tests/ijw/samples/*.xml
fi
exec "$b/fuzz_ijw" -max_total_time="$secs" -max_len=65536 -timeout=10 \
  -artifact_prefix="$b/crashes/" "$b/corpus"

#!/usr/bin/env bash
# pgserver.sh start|stop DIR: a throw-away PostgreSQL 15 server for tests.
# start: initdb in DIR/data, listen only on a unix socket in DIR on a free
# port (fsync off: test data is disposable), print "SOCKDIR PORT" on stdout.
# stop: stop the server started in DIR. PostgreSQL refuses to run as root, so
# as root the server runs as the 'postgres' user (DIR is made accessible).
set -euo pipefail
cmd=${1:?usage: pgserver.sh start|stop DIR}
dir=${2:?usage: pgserver.sh start|stop DIR}
bin=${PG_BINDIR:-/usr/lib/postgresql/15/bin}
as=()
if [ "$(id -u)" -eq 0 ]; then as=(runuser -u postgres --); fi
case "$cmd" in
start)
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  if [ ${#as[@]} -gt 0 ]; then chown postgres: "$dir"; chmod 755 "$dir"; fi
  "${as[@]}" "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  # a free port: try from a random base until one is not in use
  port=$(( 20000 + RANDOM % 20000 ))
  while ss -ltn 2>/dev/null | grep -q ":$port " || [ -e "$dir/.s.PGSQL.$port" ]; do port=$((port + 1)); done
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
    -o "-c listen_addresses='' -c unix_socket_directories='$dir' -p $port -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  echo "$port" >"$dir/port"
  echo "$dir $port"
  ;;
stop)
  dir=$(cd "$dir" && pwd)
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
  ;;
*) echo "usage: pgserver.sh start|stop DIR" >&2; exit 2 ;;
esac

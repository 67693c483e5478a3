# Sourced by test.sh: a throwaway PostgreSQL server on loopback for one test run, installed from Debian if missing.
#   start_throwaway_postgres PORT   — initialises a cluster in a temporary folder and starts it; sets POSTGRES_TEST_URL
#   stop_throwaway_postgres         — stops it and removes the folder

postgres_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

require_postgres() {
  [ -n "$(postgres_bin)" ] || need_package /usr/lib/postgresql postgresql
  install_missing_packages
}

start_throwaway_postgres() {
  local port="$1" bin
  bin="$(postgres_bin)"
  POSTGRES_TEST_DIR="$(mktemp -d)"
  # The server refuses to run as root; as root it runs as the package's postgres user.
  local as=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$POSTGRES_TEST_DIR"
    as=(runuser -u postgres --)
  fi
  "${as[@]}" "$bin/initdb" -D "$POSTGRES_TEST_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${as[@]}" "$bin/pg_ctl" -D "$POSTGRES_TEST_DIR/data" -l "$POSTGRES_TEST_DIR/server.log" -w \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $POSTGRES_TEST_DIR -c fsync=off -c max_connections=300" start >/dev/null
  POSTGRES_TEST_URL="Host=127.0.0.1;Port=$port;Username=postgres"
  POSTGRES_TEST_AS=("${as[@]}")
  POSTGRES_TEST_BIN="$bin"
}

stop_throwaway_postgres() {
  [ -n "${POSTGRES_TEST_DIR:-}" ] || return 0
  "${POSTGRES_TEST_AS[@]}" "$POSTGRES_TEST_BIN/pg_ctl" -D "$POSTGRES_TEST_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$POSTGRES_TEST_DIR"
  POSTGRES_TEST_DIR=""
}

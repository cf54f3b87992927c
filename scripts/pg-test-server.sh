#!/usr/bin/env bash
# A private, throw-away PostgreSQL server for tests and benchmarks.
#
#   scripts/pg-test-server.sh start   # start (or reuse) it; prints the Npgsql connection string
#   scripts/pg-test-server.sh url     # prints the connection string if it is running (exit 1 if not)
#   scripts/pg-test-server.sh stop    # stops it and removes its data folder
#   scripts/pg-test-server.sh status  # exit 0 when it is running
#
# The server listens on 127.0.0.1 only, on a private port (ANALYTICS_PG_PORT, default 55432),
# trusts every local connection (no password: it holds test data only), and keeps its data under
# the temp folder (ANALYTICS_PG_DIR, default ${TMPDIR:-/tmp}/analytics-pg-PORT). It creates the
# database analytics_test. Tests read the printed string from ANALYTICS_TEST_PG, e.g.
#
#   export ANALYTICS_TEST_PG="$(scripts/pg-test-server.sh start)"
#
# initdb refuses to run as root, so as root the server runs as the `postgres` user (runuser).
# When no PostgreSQL binaries are found and we are root, Debian's postgresql package is installed.
set -euo pipefail

PORT="${ANALYTICS_PG_PORT:-55432}"
BASE="${ANALYTICS_PG_DIR:-${TMPDIR:-/tmp}/analytics-pg-${PORT}}"
DATA="$BASE/data"
LOG="$BASE/server.log"
DB="analytics_test"
SUPERUSER="postgres"
LOCK="${TMPDIR:-/tmp}/analytics-pg-${PORT}.lock"

log() { echo "pg-test-server: $*" >&2; }

find_bin() {
    if [[ -n "${PG_BIN:-}" && -x "$PG_BIN/pg_ctl" ]]; then echo "$PG_BIN"; return 0; fi
    local v
    for v in 15 16 17 14 13; do
        if [[ -x "/usr/lib/postgresql/$v/bin/pg_ctl" ]]; then echo "/usr/lib/postgresql/$v/bin"; return 0; fi
    done
    return 1
}

ensure_installed() {
    if BIN="$(find_bin)"; then return 0; fi
    if [[ "$(id -u)" != 0 ]]; then
        log "no PostgreSQL server binaries found (looked in /usr/lib/postgresql/*/bin); set PG_BIN"
        exit 1
    fi
    log "installing Debian's postgresql package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    # The package starts a cluster on 5432 on some systems; ours is separate, leave that one alone.
    BIN="$(find_bin)" || { log "postgresql installed but pg_ctl not found"; exit 1; }
}

# Runs a server binary as the owner of the data folder (postgres when we are root).
as_owner() {
    if [[ "$(id -u)" == 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

conn_string() {
    # Timeout: opening a connection may wait longer than Npgsql's 15 s on a 2-core machine under load (the suite's
    # parallel classes beside other work); a failed test should mean a wrong answer, not a slow machine.
    echo "Host=127.0.0.1;Port=${PORT};Database=${DB};Username=${SUPERUSER};Timeout=120"
}

is_running() {
    [[ -f "$DATA/postmaster.pid" ]] || return 1
    as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1 || return 1
    "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -d postgres -U "$SUPERUSER"
}

start() {
    ensure_installed
    if is_running; then
        ensure_database
        conn_string
        return 0
    fi
    # A stale folder (crashed server, old run) is started again if it is a cluster, else rebuilt.
    if [[ ! -f "$DATA/PG_VERSION" ]]; then
        rm -rf "$BASE"
        mkdir -p "$BASE"
        if [[ "$(id -u)" == 0 ]]; then chown postgres:postgres "$BASE"; fi
        chmod 700 "$BASE"
        as_owner "$BIN/initdb" -D "$DATA" -U "$SUPERUSER" -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$BASE/initdb.log" 2>&1 \
            || as_owner "$BIN/initdb" -D "$DATA" -U "$SUPERUSER" -A trust -E UTF8 --locale=C --no-sync >"$BASE/initdb.log" 2>&1 \
            || { log "initdb failed:"; cat "$BASE/initdb.log" >&2; exit 1; }
        # Loopback only, trust: a private test server. The socket lives in our own folder.
        as_owner tee "$DATA/pg_hba.conf" >/dev/null <<'EOF'
local   all all              trust
host    all all 127.0.0.1/32 trust
EOF
        as_owner tee -a "$DATA/postgresql.conf" >/dev/null <<EOF
# analytics test server
listen_addresses = '127.0.0.1'
port = ${PORT}
unix_socket_directories = '${BASE}'
max_connections = 100
shared_buffers = 256MB
max_wal_size = 2GB
logging_collector = off
EOF
    fi
    rm -f "$DATA/postmaster.pid" 2>/dev/null || true
    # 9>&-: the server must not inherit (and so hold forever) the lock of this script.
    if ! as_owner "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start >/dev/null 9>&-; then
        log "server did not start; last lines of $LOG:"
        tail -n 20 "$LOG" >&2 || true
        exit 1
    fi
    local i
    for i in $(seq 1 60); do
        if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -d postgres -U "$SUPERUSER"; then break; fi
        sleep 0.5
    done
    ensure_database
    conn_string
}

ensure_database() {
    local exists
    exists="$("$BIN/psql" -h 127.0.0.1 -p "$PORT" -U "$SUPERUSER" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '${DB}'")"
    if [[ "$exists" != "1" ]]; then
        "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U "$SUPERUSER" "$DB"
    fi
}

stop() {
    if BIN="$(find_bin)" && [[ -f "$DATA/PG_VERSION" ]]; then
        as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$BASE"
}

cmd="${1:-}"
case "$cmd" in
    start|stop)
        # One start/stop at a time: test processes may call start concurrently.
        exec 9>"$LOCK"
        flock -w 120 9 || { log "could not take $LOCK"; exit 1; }
        "$cmd"
        ;;
    url)
        BIN="$(find_bin)" || exit 1
        if is_running; then conn_string; else log "not running (start it with: $0 start)"; exit 1; fi
        ;;
    status)
        BIN="$(find_bin)" || exit 1
        is_running
        ;;
    *)
        echo "usage: $0 start|stop|url|status" >&2
        exit 2
        ;;
esac

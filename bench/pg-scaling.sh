#!/usr/bin/env bash
# Cost per row of each read command on the PostgreSQL store (docs/scaling.md §3). Rerunnable.
#
#   bash bench/pg-scaling.sh [SIZES…]        # default: 1000000 applications
#
# For each size N: generates N applications and 0.82 N outages, at most 1,000,000 (seed 189) with the CLI under
# $SCALING_DIR/N/data (skipped when the files are there), ingests applications, the revised applications,
# outages and customers into the database scaling_N of a private PostgreSQL server (skipped with
# SCALING_REUSE=1 when that database already holds applications), VACUUM ANALYZEs, counts the rows each
# command's scope selects (the store's own scope SQL, bench/pg-scope-sql.sh), then times every read command
# SCALING_RUNS times with GNU time (wall, peak RSS, user + sys CPU) and the load average before each run:
#
#   metrics-year      metrics --year $SCALING_YEAR --format json
#   metrics-week      metrics --county $SCALING_COUNTY --from $SCALING_WEEK_FROM --to $SCALING_WEEK_TO --format json
#   applications-month applications --county $SCALING_COUNTY --from $SCALING_MONTH_FROM --to $SCALING_MONTH_TO --format csv
#   ledger-county     ledger --county $SCALING_COUNTY --no-risk --date $SCALING_THURSDAY
#   report-utility    report semiannual --utility $SCALING_UTILITY --half $SCALING_HALF
#   report-small-utility  the same for $SCALING_SMALL_UTILITY
#
# Results: $SCALING_DIR/results.tsv (appended to by every run: delete it for a fresh table; size, command, run, exit, wall s, peak RSS KB, user s, sys s, load 1 min,
# rows in scope: application revisions, outage steps, customers rows) and a Markdown table on stdout.
#
# Environment (all optional):
#   SCALING_DIR      data, logs and outputs (default /tmp/scaling; never the repo)
#   SCALING_PG_PORT  private PostgreSQL port (default 55474); the server is started with scripts/pg-test-server.sh
#                    and stopped at the end if this script started it
#   SCALING_RUNS     runs of each command (default 2)
#   SCALING_REUSE=1  keep an already ingested scaling_N database
#   SCALING_KEEP=1   keep the data files and the databases afterwards (default: both removed)
#   SCALING_NO_BUILD=1  reuse src/Cli/bin/Release
#   SCALING_ONLY     a regular expression: time only the commands whose name matches (e.g. 'metrics-week')
#   SCALING_NAME     suffix of the command names in results.tsv (e.g. "-bulkweek" when SCALING_WEEK_* changes)
# The default week (2026-11-09 – 11-15) is the last whole week before the generator's first filing (as of 11-18):
# a week that contains a bulk first load selects every application of the county (see docs/scaling.md §3).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source "$ROOT/bench/pg-scope-sql.sh"
SIZES=("$@")
[[ ${#SIZES[@]} -gt 0 ]] || SIZES=(1000000)
DIR="${SCALING_DIR:-/tmp/scaling}"
PORT="${SCALING_PG_PORT:-55474}"
RUNS="${SCALING_RUNS:-2}"
YEAR="${SCALING_YEAR:-2025}"
COUNTY="${SCALING_COUNTY:-yaodu}"
WEEK_FROM="${SCALING_WEEK_FROM:-2026-11-09}"; WEEK_TO="${SCALING_WEEK_TO:-2026-11-15}"
MONTH_FROM="${SCALING_MONTH_FROM:-2026-10-01}"; MONTH_TO="${SCALING_MONTH_TO:-2026-10-31}"
THURSDAY="${SCALING_THURSDAY:-2026-11-26}"
UTILITY="${SCALING_UTILITY:-sgcc-linfen}"; SMALL_UTILITY="${SCALING_SMALL_UTILITY:-sxdl-anze}"
HALF="${SCALING_HALF:-2026H1}"
DLL="$ROOT/src/Cli/bin/Release/net10.0/analytics.dll"
TIME=/usr/bin/time
log() { echo "pg-scaling: $*" >&2; }
[[ -x $TIME ]] || { log "GNU time ($TIME) is needed: apt-get install time"; exit 1; }
case "$DIR" in "$ROOT"|"$ROOT"/*) log "SCALING_DIR must be outside the repository"; exit 2 ;; esac

if [[ "${SCALING_NO_BUILD:-0}" != 1 ]]; then
    mkdir -p "$DIR"
    dotnet build -c Release src/Cli -v quiet -nologo >"$DIR/build.log" 2>&1 || { tail -n 30 "$DIR/build.log" >&2; exit 1; }
fi
CLI=(dotnet "$DLL")

STARTED=0
if ! ANALYTICS_PG_PORT="$PORT" bash scripts/pg-test-server.sh status 2>/dev/null; then STARTED=1; fi
ANALYTICS_PG_PORT="$PORT" bash scripts/pg-test-server.sh start >/dev/null
cleanup() { if [[ $STARTED == 1 && "${SCALING_KEEP:-0}" != 1 ]]; then ANALYTICS_PG_PORT="$PORT" bash scripts/pg-test-server.sh stop || true; fi; }
trap cleanup EXIT
pg() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres "$@"; }

RESULTS="$DIR/results.tsv"
mkdir -p "$DIR"
[[ -f "$RESULTS" ]] || : >"$RESULTS"

# Rows each command's scope selects: application revisions, outage steps, customers rows (tab separated).
scope_rows() { # DB FROM TO COUNTY UTILITY
    scope_bounds "$2" "$3"
    local a o c
    a="$(pg -d "$1" -tAc "SELECT count(*) FROM ($(app_sql "$S_START" "$S_END" "$S_LIFE" "$4" "$5")) q")"
    o="$(pg -d "$1" -tAc "SELECT count(*) FROM ($(outage_sql "$S_END" "$S_OUT" "$4" "$5")) q")"
    c="$(pg -d "$1" -tAc "SELECT count(*) FROM ($(customers_sql "$S_Y0" "$S_Y1" "$4" "$5")) q")"
    printf '%s\t%s\t%s' "$a" "$o" "$c"
}

timed() { # SIZE NAME ROWS -- COMMAND…
    local size="$1" name="$2" rows="$3"; shift 4
    local logs="$DIR/$size/logs" run
    [[ "$name" =~ ${SCALING_ONLY:-.} ]] || return 0
    mkdir -p "$logs"
    for run in $(seq 1 "$RUNS"); do
        local la; la="$(cut -d' ' -f1 /proc/loadavg)"
        local tf="$logs/$name.$run.time"
        log "[$size] $name run $run (load $la): $*"
        set +e
        $TIME -o "$tf" -f '%e %M %U %S' "$@" >"$logs/$name.$run.out" 2>"$logs/$name.$run.err"
        local rc=$?
        set -e
        [[ $rc -eq 0 ]] || log "[$size] $name: exit $rc: $(head -c 300 "$logs/$name.$run.err")"
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$name" "$run" "$rc" "$(tail -n 1 "$tf" | tr ' ' '\t')" "$la" "$rows" >>"$RESULTS"
    done
}

for N in "${SIZES[@]}"; do
    D="$DIR/$N"
    DB="scaling_$N"
    STORE=(--store "Host=127.0.0.1;Port=$PORT;Database=$DB;Username=postgres;Command Timeout=0" --key-file "$D/key")
    mkdir -p "$D/out"
    # The generator makes at most 1,000,000 outages a run (~1.2 steps each): above ~1.2M applications the
    # outage steps stop growing with N.
    M="$(awk -v n="$N" 'BEGIN { m = n * 0.82; if (m > 1000000) m = 1000000; printf "%d", m }')"
    if [[ ! -f "$D/data/customers.csv" ]]; then
        log "[$N] generating $N applications, $M outages (load $(cut -d' ' -f1-3 /proc/loadavg))"
        $TIME -f "generate: %e s wall, %M KB peak" "${CLI[@]}" generate --applications "$N" --outages "$M" --seed 189 --out "$D/data" >"$D/generate.log" 2>&1
    fi
    have="$(pg -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'")"
    if [[ "${SCALING_REUSE:-0}" != 1 || "$have" != 1 ]] || ! pg -d "$DB" -tAc "SELECT 1 FROM application_revisions LIMIT 1" 2>/dev/null | grep -q 1; then
        pg -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
        for f in "applications $D/data/applications.csv --as-of 2026-11-18" "applications $D/data/applications-revised.csv --as-of 2026-11-25" \
                 "outages $D/data/outages.csv" "customers $D/data/customers.csv"; do
            # shellcheck disable=SC2086 # the words of $f are the arguments
            $TIME -f "%e s wall, %M KB peak (load $(cut -d' ' -f1 /proc/loadavg))" "${CLI[@]}" ingest $f "${STORE[@]}" >>"$D/ingest.log" 2>&1 \
                || { log "[$N] ingest $f failed:"; tail -n 5 "$D/ingest.log" >&2; exit 1; }
        done
    fi
    pg -d "$DB" -c "VACUUM ANALYZE"
    pg -d "$DB" -tAc "SELECT 'store: ' || (SELECT count(*) FROM application_revisions) || ' application revisions, '
                      || (SELECT count(*) FROM outage_steps) || ' outage steps, ' || pg_size_pretty(pg_database_size('$DB'))" | tee "$D/store.txt" >&2

    LEDGER_FROM="$(date -u -d "$THURSDAY - 7 days" +%Y)-01-01"; LEDGER_TO="$(date -u -d "$THURSDAY - 1 day" +%F)"
    HY="${HALF:0:4}"; if [[ "${HALF:4}" == H1 ]]; then H_FROM="$HY-01-01"; H_TO="$HY-06-30"; else H_FROM="$HY-07-01"; H_TO="$HY-12-31"; fi
    timed "$N" metrics-year "$(scope_rows "$DB" "$YEAR-01-01" "$YEAR-12-31" "" "")" -- \
        "${CLI[@]}" metrics --year "$YEAR" --format json "${STORE[@]}"
    timed "$N" "metrics-week${SCALING_NAME:-}" "$(scope_rows "$DB" "$WEEK_FROM" "$WEEK_TO" "$COUNTY" "")" -- \
        "${CLI[@]}" metrics --county "$COUNTY" --from "$WEEK_FROM" --to "$WEEK_TO" --format json "${STORE[@]}"
    timed "$N" applications-month "$(scope_rows "$DB" "$MONTH_FROM" "$MONTH_TO" "$COUNTY" "")" -- \
        "${CLI[@]}" applications --county "$COUNTY" --from "$MONTH_FROM" --to "$MONTH_TO" --format csv --out "$D/out/applications.csv" "${STORE[@]}"
    timed "$N" ledger-county "$(scope_rows "$DB" "$LEDGER_FROM" "$LEDGER_TO" "$COUNTY" "")" -- \
        "${CLI[@]}" ledger --county "$COUNTY" --no-risk --date "$THURSDAY" --out "$D/out/ledger" "${STORE[@]}"
    # report semiannual asks for the same half a year earlier through the half (ReportCommand.cs).
    timed "$N" report-utility "$(scope_rows "$DB" "$((HY - 1))${H_FROM:4}" "$H_TO" "" "$UTILITY")" -- \
        "${CLI[@]}" report semiannual --utility "$UTILITY" --half "$HALF" --out "$D/out/report-$UTILITY.pdf" "${STORE[@]}"
    timed "$N" report-small-utility "$(scope_rows "$DB" "$((HY - 1))${H_FROM:4}" "$H_TO" "" "$SMALL_UTILITY")" -- \
        "${CLI[@]}" report semiannual --utility "$SMALL_UTILITY" --half "$HALF" --out "$D/out/report-$SMALL_UTILITY.pdf" "${STORE[@]}"

    if [[ "${SCALING_KEEP:-0}" != 1 ]]; then
        pg -d postgres -c "DROP DATABASE IF EXISTS $DB"
        rm -rf "$D/data" "$D/out"
    fi
done

# Markdown: the best (lowest wall) run of each command; µs per row = wall / (revisions + steps + customers rows).
echo "| size | command | rows in scope (revisions + outage steps + customers) | wall s (best of $RUNS) | CPU s | peak RSS MB | µs wall per row in scope | load (1 min) | exit |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|"
sort -t$'\t' -k1,1n -k2,2 -k5,5g "$RESULTS" | awk -F'\t' '
    !seen[$1 FS $2]++ {
        rows = $10 + $11 + $12
        printf "| %s | %s | %d + %d + %d = %d | %.2f | %.2f | %.0f | %.1f | %s | %s |\n",
            $1, $2, $10, $11, $12, rows, $5, $7 + $8, $6 / 1024, (rows > 0 ? $5 * 1e6 / rows : 0), $9, $4 }'

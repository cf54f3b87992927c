#!/usr/bin/env bash
# Read-side benchmark of issue 12, rerunnable: the questions of the issue on generated embedded stores of several
# sizes, each timed with GNU time (wall s, peak RSS), the two ingest steps of the applications (rows/s), and the
# DuckDB reference over the same CSV files, all in one run. Prints one Markdown table.
#
#   bash bench/read-side.sh [SIZE…]      default: 100000 1000000 10000000 (applications)
#   bash bench/read-side.sh DATA_DIR     (or READSIDE_DATA=DATA_DIR) the old usage: one run on existing CSV files
#
# For each SIZE N the data is generated once under BENCH_DIR/data-N (reused when present): N applications and
# 0.82 × N outage events (~1.2 restoration steps each, so about as many step rows as applications), seed 189.
# `analytics generate` writes at most 1,000,000 outage events a run (GeneratorOptions.MaxOutages), so above
# ~1.22M applications the outages stay at 1,000,000 events (~1.2M step rows; a note under the table says so).
# A DATA_DIR holds applications.csv, applications-revised.csv, outages.csv, customers.csv (from `analytics
# generate`); its size column is the folder's name. Arguments may mix sizes and folders.
# Each size gets a fresh store BENCH_DIR/run-N/store.db (key file, outputs out-*, errors err-* beside it).
#   BENCH_DIR  scratch folder (default /tmp/analytics-readside; never the repo). Measured at 100k and 1M: 240 B of
#              CSV and 382 B of store per application, 166 B of CSV and 231 B of store per outage event; so 1M takes
#              ~0.93 GB, 10M ~2.6 GB of CSV + ~4.1 GB of store, and the first ingest's write-ahead log doubles the
#              store for a while (~11 GB free for the three default sizes)
#   BENCH_KEEP_STORE=1  reuse each size's store of the last run (skip the ingest; its rows then read "reused")
#   COUNTY     the county of the one-county questions (default yaodu)
#   READSIDE_QUICK=1  only the questions of the issue (metrics, one county's ledger, the DuckDB reference), not the
#              other read commands (all counties' and the city's ledgers, both reports, a county's week of applications
#              and findings)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_DIR="${BENCH_DIR:-/tmp/analytics-readside}"
COUNTY="${COUNTY:-yaodu}"
MAX_OUTAGES=1000000
TIME=/usr/bin/time
SIZES=("$@")
[[ -n "${READSIDE_DATA:-}" ]] && SIZES+=("$READSIDE_DATA")
[[ ${#SIZES[@]} -gt 0 ]] || SIZES=(100000 1000000 10000000)
for s in "${SIZES[@]}"; do
    [[ "$s" =~ ^[0-9]+$ || -f "$s/applications.csv" ]] || { echo "bench: $s is neither a number of applications nor a folder with applications.csv" >&2; exit 2; }
done
mkdir -p "$BENCH_DIR"
BENCH_DIR="$(cd "$BENCH_DIR" && pwd)"
cd "$ROOT"
START_S=$SECONDS
LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"
dotnet build -c Release src/Cli -v quiet -nologo >"$BENCH_DIR/build.log" 2>&1 || { cat "$BENCH_DIR/build.log"; exit 1; }
dotnet build -c Release bench/DuckDb.Reference -v quiet -nologo >"$BENCH_DIR/build-duckdb.log" 2>&1 || { cat "$BENCH_DIR/build-duckdb.log"; exit 1; }
CLI=(dotnet "$ROOT/src/Cli/bin/Release/net10.0/analytics.dll")
DUCKDB=(dotnet "$ROOT/bench/DuckDb.Reference/bin/Release/net10.0/DuckDb.Reference.dll")
RESULTS="$BENCH_DIR/results.tsv"   # order size question wall rss_kb rows exit; "-" for none (read collapses empty tab fields)
: >"$RESULTS"
NOTES=()
FAILED=0

# timed ORDER SIZE NAME ROWS-FROM-STDOUT(0/1) -- COMMAND…: runs COMMAND under GNU time in $RUN, appends a result row.
timed() {
    local order="$1" size="$2" name="$3" count="$4"; shift 5
    local file="${name//[^A-Za-z0-9]/_}" rc=0 rows=-
    $TIME -f '%e %M' -o "$RUN/t" "$@" >"$RUN/out-$file" 2>"$RUN/err-$file" || rc=$?
    [[ $rc -eq 0 ]] || { echo "bench: $size $name exit $rc (see $RUN/err-$file)" >&2; FAILED=1; }
    local wall rss
    read -r wall rss < <(grep -E '^[0-9.]+ [0-9]+$' "$RUN/t" | tail -n 1 || echo "- 0")
    # "已载入 N 行" / "loaded N rows": the rows read from the file.
    [[ "$count" == 1 ]] && rows="$(grep -oE '(载入|loaded) [0-9,]+' "$RUN/out-$file" | head -n 1 | grep -oE '[0-9,]+' | tr -d , || true)"
    [[ -n "$rows" ]] || rows=-
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$order" "$size" "$name" "$wall" "$rss" "$rows" "$rc" >>"$RESULTS"
}

for SIZE in "${SIZES[@]}"; do
    if [[ "$SIZE" =~ ^[0-9]+$ ]]; then
        DATA="$BENCH_DIR/data-$SIZE"
        M=$(( SIZE * 82 / 100 ))
        if (( M > MAX_OUTAGES )); then
            M=$MAX_OUTAGES
            NOTES+=("$SIZE: outages capped at ${MAX_OUTAGES} events (generate's bound), not 0.82 × $SIZE")
        fi
        if [[ ! -f "$DATA/applications.csv" ]]; then
            rm -rf "$DATA"
            echo "bench: generating $SIZE applications, $M outages into $DATA" >&2
            $TIME -f '%e %M' -o "$BENCH_DIR/t-generate-$SIZE" "${CLI[@]}" generate --applications "$SIZE" --outages "$M" --seed 189 --out "$DATA" >&2
            read -r gwall grss <"$BENCH_DIR/t-generate-$SIZE"
            NOTES+=("$SIZE: generated in $gwall s, peak RSS $((grss / 1024)) MB, $(du -sm "$DATA" | cut -f1) MB of CSV")
        else
            NOTES+=("$SIZE: data of an earlier run reused ($DATA, $(du -sm "$DATA" | cut -f1) MB of CSV)")
        fi
        LABEL="$SIZE"
    else
        DATA="$(cd "$SIZE" && pwd)"
        LABEL="$(basename "$DATA")"
    fi
    RUN="$BENCH_DIR/run-$LABEL"
    mkdir -p "$RUN"
    S=(--store "$RUN/store.db" --key-file "$RUN/key")
    echo "bench: $LABEL" >&2
    if [[ -z "${BENCH_KEEP_STORE:-}" || ! -f "$RUN/store.db" ]]; then
        rm -f "$RUN/store.db" "$RUN/store.db-wal" "$RUN/store.db-shm" "$RUN/key"
        timed 1 "$LABEL" "ingest applications (first filing)" 1 -- "${CLI[@]}" ingest applications "$DATA/applications.csv" --as-of 2026-11-18 "${S[@]}"
        timed 2 "$LABEL" "ingest applications (revised filing)" 1 -- "${CLI[@]}" ingest applications "$DATA/applications-revised.csv" --as-of 2026-11-25 "${S[@]}"
        "${CLI[@]}" ingest outages "$DATA/outages.csv" "${S[@]}" >"$RUN/out-ingest-outages" 2>&1 || { echo "bench: $LABEL ingest outages failed (see $RUN/out-ingest-outages)" >&2; FAILED=1; }
        "${CLI[@]}" ingest customers "$DATA/customers.csv" "${S[@]}" >"$RUN/out-ingest-customers" 2>&1 || { echo "bench: $LABEL ingest customers failed (see $RUN/out-ingest-customers)" >&2; FAILED=1; }
    else
        printf '%s\t%s\t%s\t-\t-\t-\treused\n' 1 "$LABEL" "ingest applications (first filing)" >>"$RESULTS"
        printf '%s\t%s\t%s\t-\t-\t-\treused\n' 2 "$LABEL" "ingest applications (revised filing)" >>"$RESULTS"
    fi
    timed 3 "$LABEL" "metrics --year 2025" 0 -- "${CLI[@]}" metrics --year 2025 --format json "${S[@]}"
    # A week inside the data, and the week the generator's bulk first filing (as of 2026-11-18) falls in: a week's
    # scope holds the applications filed in it (metrics.md §8), so that week holds every application of the county.
    timed 4 "$LABEL" "metrics --county $COUNTY, 2026-11-02…08" 0 -- "${CLI[@]}" metrics --county "$COUNTY" --from 2026-11-02 --to 2026-11-08 --format json "${S[@]}"
    timed 5 "$LABEL" "metrics --county $COUNTY, 2026-11-16…22 (bulk filing)" 0 -- "${CLI[@]}" metrics --county "$COUNTY" --from 2026-11-16 --to 2026-11-22 --format json "${S[@]}"
    timed 6 "$LABEL" "ledger --county $COUNTY --date 2026-11-05 --no-risk" 0 -- "${CLI[@]}" ledger --county "$COUNTY" --date 2026-11-05 --no-risk --out "$RUN/ledger" "${S[@]}"
    timed 7 "$LABEL" "ledger --county $COUNTY --date 2026-11-19 --no-risk (bulk filing)" 0 -- "${CLI[@]}" ledger --county "$COUNTY" --date 2026-11-19 --no-risk --out "$RUN/ledger" "${S[@]}"
    timed 8 "$LABEL" "DuckDB reference (CSV)" 0 -- "${DUCKDB[@]}" "$DATA"
    # The other read commands, for "every read command under 500 MB" (READSIDE_QUICK=1 leaves them out).
    if [[ -z "${READSIDE_QUICK:-}" ]]; then
        timed 9 "$LABEL" "ledger --all --date 2026-11-05 --no-risk" 0 -- "${CLI[@]}" ledger --all --date 2026-11-05 --no-risk --out "$RUN/ledger-all" "${S[@]}"
        timed 10 "$LABEL" "ledger --city --date 2026-11-05" 0 -- "${CLI[@]}" ledger --city --date 2026-11-05 --out "$RUN/ledger-city" "${S[@]}"
        timed 11 "$LABEL" "report city --half 2026H1" 0 -- "${CLI[@]}" report city --half 2026H1 --out "$RUN/city.pdf" "${S[@]}"
        timed 12 "$LABEL" "report semiannual --utility sgcc-linfen --half 2026H1" 0 -- "${CLI[@]}" report semiannual --utility sgcc-linfen --half 2026H1 --out "$RUN/sgcc.pdf" "${S[@]}"
        timed 13 "$LABEL" "applications --county $COUNTY, 2026-11-02…08" 0 -- "${CLI[@]}" applications --county "$COUNTY" --from 2026-11-02 --to 2026-11-08 "${S[@]}"
        timed 14 "$LABEL" "findings --county $COUNTY, 2026-11-02…08" 0 -- "${CLI[@]}" findings --county "$COUNTY" --from 2026-11-02 --to 2026-11-08 "${S[@]}"
    fi
    NOTES+=("$LABEL: store $(du -m "$RUN/store.db" | cut -f1) MB; $(cat "$RUN/out-DuckDB_reference__CSV_" 2>/dev/null || true)")
done

echo "| question | size | wall | peak RSS | rows/s |"
echo "|---|---:|---:|---:|---:|"
# Grouped by question, the sizes in the order given.
awk -F'\t' '{ print $1 "\t" NR "\t" $0 }' "$RESULTS" | sort -t$'\t' -k1,1n -k2,2n | cut -f3- |
while IFS=$'\t' read -r _ size name wall rss rows rc; do
    if [[ "$rc" == reused ]]; then
        printf '| %s | %s | (store reused) | | |\n' "$name" "$size"
        continue
    fi
    rate=""
    [[ "$rows" != - ]] && rate="$(awk -v r="$rows" -v w="$wall" 'BEGIN { if (w > 0) printf "%.0f", r / w }') ($rows rows)"
    status=""
    [[ "$rc" == 0 ]] || status=" (exit $rc)"
    printf '| %s | %s | %s s%s | %s MB | %s |\n' "$name" "$size" "$wall" "$status" "$(( ${rss:-0} / 1024 ))" "$rate"
done
echo
for n in "${NOTES[@]}"; do echo "- $n"; done
echo "- $(nproc) cores; load average $LOAD_START at start, $(cut -d' ' -f1-3 /proc/loadavg) at end; $((SECONDS - START_S)) s end to end"
exit $FAILED

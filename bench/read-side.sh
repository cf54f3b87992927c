#!/usr/bin/env bash
# Read-side benchmark of issue 12, rerunnable: the three questions of the issue on a large embedded store,
# each timed with GNU time (wall s, peak RSS), and the DuckDB reference over the same CSV files.
#
#   bash bench/read-side.sh [DATA_DIR]
#
# DATA_DIR holds applications.csv, applications-revised.csv, outages.csv, customers.csv (from
# `analytics generate`); without it, 1,000,000 applications and ~1,000,000 outage steps are generated
# (seed 189) under BENCH_DIR. The store is made fresh each run. Prints a Markdown table.
#   BENCH_DIR  scratch folder (default /tmp/analytics-readside; never the repo)
#   BENCH_KEEP_STORE=1  reuse the store of the last run (skip the ingest)
#   COUNTY     the county of the one-county questions (default yaodu)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_DIR="${BENCH_DIR:-/tmp/analytics-readside}"
COUNTY="${COUNTY:-yaodu}"
TIME=/usr/bin/time
mkdir -p "$BENCH_DIR"
cd "$ROOT"
dotnet build -c Release src/Cli -v quiet -nologo >"$BENCH_DIR/build.log" 2>&1 || { cat "$BENCH_DIR/build.log"; exit 1; }
CLI=(dotnet "$ROOT/src/Cli/bin/Release/net10.0/analytics.dll")
DATA="${1:-$BENCH_DIR/data}"
if [[ ! -f "$DATA/applications.csv" ]]; then
    "${CLI[@]}" generate --applications 1000000 --outages 820000 --seed 189 --out "$DATA" >&2
fi
S=(--store "$BENCH_DIR/store.db" --key-file "$BENCH_DIR/key")
if [[ -z "${BENCH_KEEP_STORE:-}" || ! -f "$BENCH_DIR/store.db" ]]; then
rm -f "$BENCH_DIR/store.db" "$BENCH_DIR/store.db-wal" "$BENCH_DIR/store.db-shm" "$BENCH_DIR/key"
"${CLI[@]}" ingest applications "$DATA/applications.csv" --as-of 2026-11-18 "${S[@]}" >&2
"${CLI[@]}" ingest applications "$DATA/applications-revised.csv" --as-of 2026-11-25 "${S[@]}" >&2
"${CLI[@]}" ingest outages "$DATA/outages.csv" "${S[@]}" >&2
"${CLI[@]}" ingest customers "$DATA/customers.csv" "${S[@]}" >&2
fi

row() {
    local name="$1"; shift
    $TIME -f '%e %M' -o "$BENCH_DIR/t" "$@" >"$BENCH_DIR/out-$name" 2>"$BENCH_DIR/err-$name" || echo "bench: $name exit $?" >&2
    read -r wall rss <"$BENCH_DIR/t"
    printf '| %s | %s s | %.0f MB |\n' "$name" "$wall" "$((rss / 1024))"
}
dotnet build -c Release bench/DuckDb.Reference -v quiet -nologo >"$BENCH_DIR/build-duckdb.log" 2>&1 || { cat "$BENCH_DIR/build-duckdb.log"; exit 1; }
echo "| question | wall | peak RSS |"
echo "|---|---|---|"
row "metrics --year 2025" "${CLI[@]}" metrics --year 2025 --format json "${S[@]}"
# A week inside the data, and the week the generator's bulk first filing (as of 2026-11-18) falls in: a week's
# scope holds the applications filed in it (metrics.md §8), so that week holds every application of the county.
row "metrics --county $COUNTY, 2026-11-02…08" "${CLI[@]}" metrics --county "$COUNTY" --from 2026-11-02 --to 2026-11-08 --format json "${S[@]}"
row "metrics --county $COUNTY, 2026-11-16…22 (bulk filing)" "${CLI[@]}" metrics --county "$COUNTY" --from 2026-11-16 --to 2026-11-22 --format json "${S[@]}"
row "ledger --county $COUNTY --date 2026-11-05 --no-risk" "${CLI[@]}" ledger --county "$COUNTY" --date 2026-11-05 --no-risk --out "$BENCH_DIR/ledger" "${S[@]}"
row "ledger --county $COUNTY --date 2026-11-19 --no-risk (bulk filing)" "${CLI[@]}" ledger --county "$COUNTY" --date 2026-11-19 --no-risk --out "$BENCH_DIR/ledger" "${S[@]}"
row "DuckDB reference (CSV)" dotnet "$ROOT/bench/DuckDb.Reference/bin/Release/net10.0/DuckDb.Reference.dll" "$DATA"
echo "store: $(du -m "$BENCH_DIR/store.db" | cut -f1) MB; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"

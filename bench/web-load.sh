#!/usr/bin/env bash
# Load benchmark of `analytics serve` (issue 14): a generated store (APPS applications, default 20000), a bureau
# account, the server on a loopback port, then SESSIONS concurrent sessions for SECONDS against the API
# (bench/Web.Bench). Prints requests/s, p50/p95 latency, errors, the overview's warm time to first byte and the
# server's peak memory (VmHWM) and the machine's load average (1/5/15 min) at the start and the end — read every figure
# with it: the machine is shared. The cold overview is printed as the time from the server's start until /bureau serves
# the overview itself (not the progress page the server shows while it warms the overview at start-up). PORT (default 18480) picks the loopback port. Not run in CI.
# STORE=PATH (with KEY_FILE=PATH) serves an existing embedded store instead (e.g. the 1M store of docs/performance.md);
# it must hold the account bench / bench-password-1 (`echo bench-password-1 | analytics user add bench --role bureau`).
set -euo pipefail
cd "$(dirname "$0")/.."
APPS="${APPS:-20000}"; SESSIONS="${SESSIONS:-20}"; SECONDS_="${SECONDS_:-60}"; PORT="${PORT:-18480}"
work="$(mktemp -d)"; trap 'kill "${server:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
dotnet build src/Cli -c Release -v q >/dev/null
dotnet build bench/Web.Bench -c Release -v q >/dev/null
if [ -n "${STORE:-}" ]; then
  A="dotnet src/Cli/bin/Release/net10.0/analytics.dll --store $STORE --key-file ${KEY_FILE:-$work/key}"
else
  A="dotnet src/Cli/bin/Release/net10.0/analytics.dll --store $work/analytics.db --key-file $work/key"
  $A generate --applications "$APPS" --outages $((APPS / 10)) --out "$work/data" >/dev/null
  $A ingest applications "$work/data/applications.csv" "$work/data/applications-revised.csv" >/dev/null
  $A ingest outages "$work/data/outages.csv" >/dev/null
  $A ingest customers "$work/data/customers.csv" >/dev/null
  echo 'bench-password-1' | $A user add bench --role bureau >/dev/null
fi
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
started=$(date +%s.%N)
$A serve --urls "http://127.0.0.1:$PORT" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 120); do curl -s -o /dev/null "http://127.0.0.1:$PORT/login" && break; sleep 0.5; done
jar="$work/jar"
curl -s -c "$jar" -H 'X-Analytics-Request: 1' -H 'Content-Type: application/json' \
  -d '{"name":"bench","password":"bench-password-1"}' "http://127.0.0.1:$PORT/api/login" >/dev/null
# The first overview: the server warms it in the background from its start (OverviewWarmup), so this request may get
# the progress page; then poll until the overview itself is served, and print how long after the start that was.
curl -s -b "$jar" -o /dev/null -w 'overview first request: time to first byte %{time_starttransfer}s\n' "http://127.0.0.1:$PORT/bureau"
until curl -s -b "$jar" -o "$work/page" "http://127.0.0.1:$PORT/bureau" && grep -q 'id="city-targets"' "$work/page"; do sleep 1; done
echo "overview ready: $(echo "$(date +%s.%N) - $started" | bc) s after the server was started"
for _ in 1 2 3; do curl -s -b "$jar" -o /dev/null -w 'overview warm: time to first byte %{time_starttransfer}s\n' "http://127.0.0.1:$PORT/bureau"; done
# every question of the load once, so the run measures the warm server (WARM=0 to include the first answers)
if [ "${WARM:-1}" = 1 ]; then
  for q in /api/metrics '/api/metrics?from=2026-01-01&to=2026-06-30' '/api/metrics?county=yaodu' '/api/metrics?utility=sgcc-linfen&from=2025-01-01&to=2025-12-31'; do
    curl -s -b "$jar" -o /dev/null -w "first answer $q: %{time_total}s\n" "http://127.0.0.1:$PORT$q"
  done
fi
dotnet bench/Web.Bench/bin/Release/net10.0/Web.Bench.dll "http://127.0.0.1:$PORT" bench bench-password-1 "$SESSIONS" "$SECONDS_"
grep -E 'VmHWM|VmRSS' "/proc/$server/status" 2>/dev/null || true
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"

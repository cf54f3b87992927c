#!/usr/bin/env bash
# Load benchmark of `analytics serve` (issue 14): a generated store (APPS applications, default 20000), a bureau
# account, the server on a loopback port, then SESSIONS concurrent sessions for SECONDS against the API
# (bench/Web.Bench). Prints requests/s, p50/p95 latency, errors, the overview's warm time to first byte and the
# server's peak memory (VmHWM). Not run in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
APPS="${APPS:-20000}"; SESSIONS="${SESSIONS:-20}"; SECONDS_="${SECONDS_:-60}"; PORT="${PORT:-18480}"
work="$(mktemp -d)"; trap 'kill "${server:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
dotnet build src/Cli -c Release -v q >/dev/null
dotnet build bench/Web.Bench -c Release -v q >/dev/null
A="dotnet src/Cli/bin/Release/net10.0/analytics.dll --store $work/analytics.db --key-file $work/key"
$A generate --applications "$APPS" --outages $((APPS / 10)) --out "$work/data" >/dev/null
$A ingest applications "$work/data/applications.csv" "$work/data/applications-revised.csv" >/dev/null
$A ingest outages "$work/data/outages.csv" >/dev/null
$A ingest customers "$work/data/customers.csv" >/dev/null
echo 'bench-password-1' | $A user add bench --role bureau >/dev/null
$A serve --urls "http://127.0.0.1:$PORT" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 60); do curl -s -o /dev/null "http://127.0.0.1:$PORT/login" && break; sleep 0.5; done
jar="$work/jar"
curl -s -c "$jar" -H 'X-Analytics-Request: 1' -H 'Content-Type: application/json' \
  -d '{"name":"bench","password":"bench-password-1"}' "http://127.0.0.1:$PORT/api/login" >/dev/null
curl -s -b "$jar" -o /dev/null "http://127.0.0.1:$PORT/bureau"   # warm
for _ in 1 2 3; do curl -s -b "$jar" -o /dev/null -w 'overview warm: time to first byte %{time_starttransfer}s\n' "http://127.0.0.1:$PORT/bureau"; done
dotnet bench/Web.Bench/bin/Release/net10.0/Web.Bench.dll "http://127.0.0.1:$PORT" bench bench-password-1 "$SESSIONS" "$SECONDS_"
grep -E 'VmHWM|VmRSS' "/proc/$server/status" 2>/dev/null || true

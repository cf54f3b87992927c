#!/usr/bin/env bash
# Runs every test of the solution. PostgreSQL tests need a server: when ANALYTICS_TEST_PG is not set,
# this script starts a private one (scripts/pg-test-server.sh) for the run and stops it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The browser tests (tests/Web.Tests) drive Debian's chromium through chromium-driver: install them when missing and
# we may (root). Without them those tests fail; under CI=true they never skip.
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing chromium and chromium-driver for the browser tests…" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver) >/dev/null 2>&1 \
      || echo "warning: could not install chromium chromium-driver; the browser tests will fail." >&2
  else
    echo "warning: chromium/chromedriver missing and not root; the browser tests will fail." >&2
  fi
fi

started=""
if [ -z "${ANALYTICS_TEST_PG:-}" ] && [ -f scripts/pg-test-server.sh ]; then
  ANALYTICS_TEST_PG="$(bash scripts/pg-test-server.sh start)"
  export ANALYTICS_TEST_PG
  started=1
fi
cleanup() { if [ -n "$started" ]; then bash scripts/pg-test-server.sh stop >/dev/null 2>&1 || true; fi; }
trap cleanup EXIT

log="$(mktemp)"
set +e
dotnet test Analytics.sln -c Release 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e
# One plain closing line for any reader: sum the per-assembly summaries of `dotnet test`.
awk '/(Passed|Failed)! +- +Failed: /{
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$rc"

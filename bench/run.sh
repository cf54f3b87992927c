#!/usr/bin/env bash
# End-to-end benchmark of the real command line (`analytics`), rerunnable.
#
#   bash bench/run.sh [SIZES…]          # default: 100000 1000000 applications
#
# For each size N it generates N applications and N/10 outages (seed 189), then times with GNU time
# (wall s, peak RSS, user s, sys s) every step a user runs: ingest into a fresh embedded store and into
# a fresh PostgreSQL database, the reference `psql \copy` of the same CSV into a plain table of text
# columns on the same server, the other files, metrics, applications CSV, ledgers (with and without the
# risk model), risk, the PDFs (when the build has them), and once the demo. It prints Markdown tables
# and replaces the block between the markers in docs/performance.md.
#
# Environment (all optional):
#   BENCH_DIR        where data, stores and outputs go (default /tmp/analytics-bench; never the repo)
#   BENCH_PG=0       skip PostgreSQL
#   BENCH_PG_PORT    port of the private PostgreSQL server (default 55442: not the tests' 55432, so a
#                    test run stopping its server cannot pull ours away mid-measurement)
#   BENCH_NO_BUILD=1 reuse src/Cli/bin/Release (skip `dotnet build -c Release src/Cli`)
#   BENCH_NO_DEMO=1  skip the demo
#   BENCH_DOC        the document to update (default docs/performance.md; BENCH_DOC=- updates none)
#   BENCH_KEEP=1     keep the generated data and stores under BENCH_DIR afterwards
#   BENCH_OUTAGE_RATIO  outages generated per application (default 0.1: N/10 outages, ~1.2 steps each;
#                    0.82 gives about as many outage step rows as applications)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SIZES=("$@")
[[ ${#SIZES[@]} -gt 0 ]] || SIZES=(100000 1000000)
BENCH_DIR="${BENCH_DIR:-/tmp/analytics-bench}"
BENCH_PG="${BENCH_PG:-1}"
PG_PORT="${BENCH_PG_PORT:-55442}"
DOC="${BENCH_DOC:-$ROOT/docs/performance.md}"
DLL="$ROOT/src/Cli/bin/Release/net10.0/analytics.dll"
TIME=/usr/bin/time
AS_OF_FIRST=2026-11-18     # the generator's first applications filing (End − 7 days)
AS_OF_REVISED=2026-11-25   # its revised filing (End)
THURSDAY=2026-11-26
HALF=2026H1

log() { echo "bench: $*" >&2; }
[[ -x $TIME ]] || { log "GNU time ($TIME) is needed: apt-get install time"; exit 1; }

mkdir -p "$BENCH_DIR"
RESULTS="$BENCH_DIR/results.tsv"     # size step exit wall_s rss_kb user_s sys_s rows note
ENVFILE="$BENCH_DIR/environment.md"
: >"$RESULTS"
: >"$ENVFILE"
: >"$BENCH_DIR/pg-cpu.tsv"
: >"$BENCH_DIR/split.tsv"

# ---------------------------------------------------------------------------------------------
# step SIZE NAME ROWS-REGEX -- COMMAND…   runs COMMAND under GNU time; stdout/stderr kept in logs/.
# ROWS-REGEX (or "-") extracts a row count from stdout ("loaded N rows").
# Sets STEP_RC. Never fails the script: a failing step is recorded with its exit code.
step() {
    local size="$1" name="$2" rowsre="$3"; shift 4
    local logs="$BENCH_DIR/$size/logs"
    mkdir -p "$logs"
    local tf="$logs/$name.time"
    log "[$size] $name: $*"
    set +e
    $TIME -o "$tf" -f '%e %M %U %S' "$@" >"$logs/$name.out" 2>"$logs/$name.err"
    STEP_RC=$?
    set -e
    # GNU time writes "Command exited with non-zero status N" before the figures on failure.
    local fig; fig="$(tail -n 1 "$tf")"
    local rows=""
    if [[ "$rowsre" != "-" ]]; then
        rows="$(grep -oE "$rowsre" "$logs/$name.out" | grep -oE '[0-9]+' | head -n 1 || true)"
    fi
    local note=""
    if [[ $STEP_RC -ne 0 ]]; then
        if [[ $STEP_RC -eq 2 ]] && grep -qiE 'not available|Unrecognized command' "$logs/$name.err"; then
            note="not available in this build"
        else
            note="FAILED (exit $STEP_RC): $(head -c 160 "$logs/$name.err" | tr '\n\t' '  ')"
        fi
        log "[$size] $name: exit $STEP_RC — $note"
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$name" "$STEP_RC" $fig "$rows" "$note" >>"$RESULTS"
}

# The wall seconds of a recorded step (for ratios).
wall_of() { awk -F'\t' -v s="$1" -v n="$2" '$1==s && $2==n {print $4}' "$RESULTS" | tail -n 1; }
rows_of() { awk -F'\t' -v s="$1" -v n="$2" '$1==s && $2==n {print $8}' "$RESULTS" | tail -n 1; }

machine() {
    {
        echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
        echo "- commit: $(git -C "$ROOT" rev-parse --short HEAD) ($(git -C "$ROOT" rev-parse --abbrev-ref HEAD))"
        echo "- CPU: $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1), nproc $(nproc); memory $(free -g | awk '/^Mem:/ {print $2}') GB"
        echo "- dotnet $(dotnet --version); $(psql --version 2>/dev/null || echo 'psql: none')"
    } >>"$ENVFILE"
}

load_note() { # size label
    local la; la="$(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- $1: $2 load average (1/5/15 min) $la on $(nproc) cores" >>"$ENVFILE"
    log "[$1] $2 load average $la"
}

# ---------------------------------------------------------------------------------------------
if [[ "${BENCH_NO_BUILD:-0}" != 1 ]]; then
    log "building src/Cli in Release"
    dotnet build -c Release src/Cli -v quiet -nologo >"$BENCH_DIR/build.log" 2>&1 \
        || { tail -n 30 "$BENCH_DIR/build.log" >&2; exit 1; }
fi
[[ -f "$DLL" ]] || { log "$DLL not found (build failed?)"; exit 1; }
CLI=(dotnet "$DLL")
machine

# The split of `metrics` and of the risk model between loading the store and computing, which the
# command line does not print: a small program, written here and built against the Release build's
# own assemblies (nothing in src/ changes), times StoreData.Load, MetricsEngine.Compute (twice: cold
# and warm) and RiskModel.Train in one process, each with the process's CPU seconds.
build_split() {
    local dir="$BENCH_DIR/split-src"
    local bin; bin="$(dirname "$DLL")"
    rm -rf "$dir"
    mkdir -p "$dir"
    cat >"$dir/split.csproj" <<CSPROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <Reference Include="$bin/analytics.dll" /><Reference Include="$bin/Analytics.Domain.dll" />
    <Reference Include="$bin/Analytics.Store.dll" /><Reference Include="$bin/Analytics.Metrics.dll" />
    <Reference Include="$bin/Analytics.Risk.dll" />
  </ItemGroup>
</Project>
CSPROJ
    cat >"$dir/Program.cs" <<'CSHARP'
using System.Diagnostics;
using System.Globalization;
using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Metrics;
using Analytics.Risk;
using PolicyModel = Analytics.Domain.Policy.Policy;

var ic = CultureInfo.InvariantCulture;
var me = Process.GetCurrentProcess();
(double Wall, double Cpu) Time(Action a)
{
    me.Refresh();
    var cpu = me.TotalProcessorTime;
    var sw = Stopwatch.StartNew();
    a();
    me.Refresh();
    return (sw.Elapsed.TotalSeconds, (me.TotalProcessorTime - cpu).TotalSeconds);
}
void Print(string what, (double Wall, double Cpu) t) =>
    Console.WriteLine(string.Create(ic, $"{what}\t{t.Wall:F2}\t{t.Cpu:F2}\t{GC.GetTotalMemory(false) / 1048576.0:F0}"));

using var store = Analytics.Store.StoreFactory.Open(args[0]);
Analytics.Cli.StoreData data = null!;
Print("load-store", Time(() => data = Analytics.Cli.StoreData.Load(store, null)));
var input = new MetricsInput
{
    Applications = data.Applications, Revisions = data.Revisions, Outages = data.Outages,
    CustomersServed = data.CustomersServed, Policy = PolicyModel.Default, Calendar = WorkingDayCalendar.Default,
    Period = MetricsPeriod.Year(2026), AsOf = data.NewestAsOf!.Value,
};
MetricsResult? r = null;
Print("metrics-compute-cold", Time(() => r = MetricsEngine.Compute(input)));
r = null;
GC.Collect();
Print("metrics-compute-warm", Time(() => r = MetricsEngine.Compute(input)));
r = null;
GC.Collect();
var known = new DateTime(2026, 11, 25, 23, 59, 59);
Print("risk-train", Time(() => RiskModel.Train(data.Applications, new RiskModelOptions { KnownAt = known })));
me.Refresh();
Console.WriteLine(string.Create(ic, $"peak-working-set\t{me.PeakWorkingSet64 / 1048576.0:F0}"));
CSHARP
    dotnet build -c Release "$dir/split.csproj" -v quiet -nologo -o "$dir/out" >"$dir/build.log" 2>&1 \
        || { tail -n 20 "$dir/build.log" >&2; return 1; }
    # Run beside the CLI's own assemblies (symlinked), with its deps and runtime config.
    rm -rf "$BENCH_DIR/split-run"
    cp -rs "$bin" "$BENCH_DIR/split-run"
    cp "$dir/out/split.dll" "$BENCH_DIR/split-run/"
    SPLIT=(dotnet exec --depsfile "$BENCH_DIR/split-run/analytics.deps.json"
        --runtimeconfig "$BENCH_DIR/split-run/analytics.runtimeconfig.json" "$BENCH_DIR/split-run/split.dll")
}
SPLIT=()
if [[ "${BENCH_NO_SPLIT:-0}" != 1 ]]; then build_split || log "the split harness did not build; skipping it"; fi

PG_STARTED=0
PG_CS=""
if [[ "$BENCH_PG" == 1 ]]; then
    if ! ANALYTICS_PG_PORT="$PG_PORT" bash scripts/pg-test-server.sh status 2>/dev/null; then PG_STARTED=1; fi
    PG_CS="$(ANALYTICS_PG_PORT="$PG_PORT" bash scripts/pg-test-server.sh start)"
    log "PostgreSQL: $PG_CS"
    echo "- PostgreSQL server: $(psql -X -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -tAc 'show server_version'), private server of scripts/pg-test-server.sh (shared_buffers 256MB, fsync on), same machine" >>"$ENVFILE"
fi
cleanup() {
    if [[ $PG_STARTED == 1 ]]; then ANALYTICS_PG_PORT="$PG_PORT" bash scripts/pg-test-server.sh stop || true; fi
}
trap cleanup EXIT
pg() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"; }
# CPU seconds the PostgreSQL server has used so far: the postmaster's own and its reaped children's
# (cutime/cstime: the finished backends), plus its live children (checkpointer, WAL writer…).
PG_DATA="${TMPDIR:-/tmp}/analytics-pg-${PG_PORT}/data"
pg_cpu() {
    local pm; pm="$(head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null)" || { echo 0; return; }
    local ticks=0 pid
    ticks=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$pm/stat")
    for pid in $(pgrep -P "$pm"); do
        ticks=$((ticks + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
    done
    awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t / hz }'
}
# pg_step SIZE NAME ROWS-REGEX -- COMMAND…: step, plus the server's CPU seconds during it.
pg_step() {
    local before after; before="$(pg_cpu)"
    step "$@"
    sleep 1 # let the backend exit and be reaped, so its CPU lands in the postmaster's cutime
    after="$(pg_cpu)"
    printf '%s\t%s\t%s\n' "$1" "$2" "$(awk -v a="$after" -v b="$before" 'BEGIN { printf "%.2f", a - b }')" >>"$BENCH_DIR/pg-cpu.tsv"
}

for N in "${SIZES[@]}"; do
    M="$(awk -v n="$N" -v r="${BENCH_OUTAGE_RATIO:-0.1}" 'BEGIN { printf "%d", n * r }')"
    D="$BENCH_DIR/$N"
    rm -rf "$D"
    mkdir -p "$D"
    S=(--store "$D/bench.db" --key-file "$D/key")
    load_note "$N" "before"
    log "[$N] $N applications, $M outages"

    step "$N" generate '[0-9]+ rows' -- "${CLI[@]}" generate --applications "$N" --outages "$M" --seed 189 --out "$D/data"
    APPS_CSV="$D/data/applications.csv"
    step "$N" ingest-sqlite 'loaded [0-9]+ rows' -- "${CLI[@]}" ingest applications "$APPS_CSV" --as-of "$AS_OF_FIRST" "${S[@]}"

    if [[ "$BENCH_PG" == 1 ]]; then
        DB="bench_${N}_$$"
        pg -d postgres -c "drop database if exists $DB" -c "create database $DB"
        pg_step "$N" ingest-postgres 'loaded [0-9]+ rows' -- "${CLI[@]}" ingest applications "$APPS_CSV" --as-of "$AS_OF_FIRST" \
            --store "Host=127.0.0.1;Port=$PG_PORT;Database=$DB;Username=postgres" --key-file "$D/key"
        # The reference: the same file, as it is, into one text column per CSV header.
        COLS="$(head -n 1 "$APPS_CSV" | sed $'s/^\xef\xbb\xbf//; s/\r$//' | tr ',' '\n' | sed 's/.*/"&" text/' | paste -sd, -)"
        pg -d "$DB" -c "create table copy_reference ($COLS)"
        pg_step "$N" copy-reference 'COPY [0-9]+' -- psql -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$DB" \
            -c "\\copy copy_reference from '$APPS_CSV' with (format csv, header true)"
        pg -d postgres -c "drop database if exists $DB"
    fi

    step "$N" ingest-revised 'loaded [0-9]+ rows' -- "${CLI[@]}" ingest applications "$D/data/applications-revised.csv" --as-of "$AS_OF_REVISED" "${S[@]}"
    step "$N" ingest-outages 'loaded [0-9]+ rows' -- "${CLI[@]}" ingest outages "$D/data/outages.csv" "${S[@]}"
    step "$N" ingest-customers 'loaded [0-9]+ rows' -- "${CLI[@]}" ingest customers "$D/data/customers.csv" "${S[@]}"
    step "$N" ingest-notes 'loaded [0-9]+ rows' -- "${CLI[@]}" ingest notes "$D/data/notes.csv" "${S[@]}"
    load_note "$N" "after ingest"

    # metrics over a month without data: loading the store + fixed work, an upper bound of the load part.
    step "$N" metrics-empty-period - -- "${CLI[@]}" metrics --from 2023-01-01 --to 2023-01-31 --format json "${S[@]}"
    step "$N" metrics - -- "${CLI[@]}" metrics --year 2026 --format json "${S[@]}"
    if [[ ${#SPLIT[@]} -gt 0 ]]; then
        step "$N" split-in-process - -- "${SPLIT[@]}" "$D/bench.db"
        awk -F'\t' -v s="$N" '$1 != "peak-working-set" { print s "\t" $0 }' "$D/logs/split-in-process.out" >>"$BENCH_DIR/split.tsv"
    fi
    step "$N" applications-csv - -- "${CLI[@]}" applications --format csv --out "$D/applications-out.csv" "${S[@]}"
    step "$N" ledger-all - -- "${CLI[@]}" ledger --all --date "$THURSDAY" --out "$D/ledger" "${S[@]}"
    step "$N" ledger-all-no-risk - -- "${CLI[@]}" ledger --all --no-risk --date "$THURSDAY" --out "$D/ledger-no-risk" "${S[@]}"
    step "$N" ledger-city - -- "${CLI[@]}" ledger --city --date "$THURSDAY" --out "$D/ledger" "${S[@]}"
    step "$N" risk - -- "${CLI[@]}" risk --format json "${S[@]}"
    # The default as-of is the newest filing (customers and notes: their load time); also as of the
    # revised applications filing, so that a figure exists when the default one fails.
    step "$N" risk-as-of-filing - -- "${CLI[@]}" risk --as-of "$AS_OF_REVISED" --format json "${S[@]}"
    step "$N" report-semiannual - -- "${CLI[@]}" report semiannual --all --half "$HALF" --out "$D/pdf" "${S[@]}"
    step "$N" report-city - -- "${CLI[@]}" report city --half "$HALF" --out "$D/pdf/city-$HALF.pdf" "${S[@]}"
    load_note "$N" "after"
    ls -l "$D/bench.db" | awk '{printf "%s", $5}' >"$D/store-bytes"
    if [[ "${BENCH_KEEP:-0}" != 1 ]]; then rm -rf "$D/data" "$D/bench.db" "$D/bench.db-"* "$D/applications-out.csv"; fi
done

if [[ "${BENCH_NO_DEMO:-0}" != 1 ]]; then
    rm -rf "$BENCH_DIR/demo"
    load_note demo "before"
    step demo demo - -- "${CLI[@]}" demo --out "$BENCH_DIR/demo" --key-file "$BENCH_DIR/demo.key"
fi

# ---------------------------------------------------------------------------------------------
# Markdown.
report() {
    echo "### Machine and load"
    echo
    cat "$ENVFILE"
    echo
    echo "Wall = elapsed seconds; CPU = user + sys seconds of the process (both cores count; the PostgreSQL"
    echo "server's own CPU is not in it); RSS = peak resident set of the process. With a load average above"
    echo "the number of cores, wall times are stretched by the neighbours; CPU seconds are not."
    echo
    for N in "${SIZES[@]}"; do
        echo "### $N applications"
        echo
        echo "| step | wall s | CPU s (user+sys) | peak RSS MB | rows | rows/s (wall) | rows per CPU s | note |"
        echo "|---|---:|---:|---:|---:|---:|---:|---|"
        awk -F'\t' -v s="$N" '$1==s {
            cpu = $6 + $7; rated = ($2 ~ /^(ingest|copy)/ && $8 != "" && $4 > 0);
            rate = rated ? sprintf("%.0f", $8 / $4) : ""; cpurate = rated && cpu > 0 ? sprintf("%.0f", $8 / cpu) : "";
            printf "| %s | %.2f | %.2f | %.0f | %s | %s | %s | %s |\n", $2, $4, cpu, $5 / 1024, $8, rate, cpurate, $9 }' "$RESULTS"
        local ours ref
        ours="$(wall_of "$N" ingest-postgres)"; ref="$(wall_of "$N" copy-reference)"
        if [[ -n "$ours" && -n "$ref" ]]; then
            echo
            awk -v o="$ours" -v r="$ref" 'BEGIN { printf "PostgreSQL ingest / psql \\copy reference (rows/s ratio): **%.2f×** (%.2f s vs %.2f s)\n", r / o, o, r }'
            awk -F'\t' -v s="$N" '$1==s { printf "%sPostgreSQL server CPU during %s: %.1f s", (n++ ? "; " : "\n"), $2, $3 } END { if (n) print "" }' "$BENCH_DIR/pg-cpu.tsv"
        fi
        if grep -q "^$N	" "$BENCH_DIR/split.tsv"; then
            echo
            echo "In one process (step split-in-process; managed heap after each part):"
            echo
            echo "| part | wall s | CPU s | managed heap MB |"
            echo "|---|---:|---:|---:|"
            awk -F'\t' -v s="$N" '$1==s { printf "| %s | %s | %s | %s |\n", $2, $3, $4, $5 }' "$BENCH_DIR/split.tsv"
        fi
        [[ -f "$BENCH_DIR/$N/store-bytes" ]] && awk -v b="$(cat "$BENCH_DIR/$N/store-bytes")" 'BEGIN { printf "\nEmbedded store file after all ingests: %.0f MB\n", b / 1048576 }'
        echo
    done
    if [[ ${#SIZES[@]} -ge 2 ]]; then
        local a="${SIZES[0]}" b="${SIZES[${#SIZES[@]}-1]}"
        echo "### Growth from $a to $b applications (×$((b / a)) data)"
        echo
        echo "| step | wall ×  | CPU × | peak RSS × |"
        echo "|---|---:|---:|---:|"
        awk -F'\t' -v a="$a" -v b="$b" '
            $1==a { w[$2]=$4; c[$2]=$6+$7; r[$2]=$5; order[++n]=$2 }
            $1==b { W[$2]=$4; C[$2]=$6+$7; R[$2]=$5 }
            END { for (i=1;i<=n;i++) { k=order[i]; if ((k in W) && w[k]>0 && c[k]>0 && r[k]>0)
                printf "| %s | %.1f | %.1f | %.1f |\n", k, W[k]/w[k], C[k]/c[k], R[k]/r[k] } }' "$RESULTS"
        echo
    fi
    if grep -q '^demo	' "$RESULTS"; then
        echo "### Demo"
        echo
        awk -F'\t' '$1=="demo" { printf "`analytics demo` (20,000 applications, built binary): %.1f s wall, %.1f s CPU, peak RSS %.0f MB%s\n", $4, $6+$7, $5/1024, ($9!="" ? " — " $9 : "") }' "$RESULTS"
        echo
    fi
}

report | tee "$BENCH_DIR/results.md"

if [[ "$DOC" != "-" ]]; then
    START='<!-- bench/run.sh results: start -->'
    END='<!-- bench/run.sh results: end -->'
    mkdir -p "$(dirname "$DOC")"
    [[ -f "$DOC" ]] || printf '# Performance\n\n## Latest run of bench/run.sh\n\n%s\n%s\n' "$START" "$END" >"$DOC"
    if ! grep -qF "$START" "$DOC"; then printf '\n## Latest run of bench/run.sh\n\n%s\n%s\n' "$START" "$END" >>"$DOC"; fi
    awk -v s="$START" -v e="$END" -v f="$BENCH_DIR/results.md" '
        $0 == s { print; print ""; while ((getline l < f) > 0) print l; skip = 1; next }
        $0 == e { skip = 0 }
        !skip { print }' "$DOC" >"$DOC.tmp" && mv "$DOC.tmp" "$DOC"
    log "results written into $DOC"
fi

#!/usr/bin/env bash
# The PostgreSQL store partitioned by county and year, beside the store's own tables, and the plans of the
# store's scope queries before and after (docs/scaling.md §1). Rerunnable; nothing in src/ changes.
#
#   bash bench/pg-partition.sh DATABASE [OUTDIR]
#
# DATABASE is a PostgreSQL database that `analytics ingest` has filled (e.g. the one bench/pg-scaling.sh
# leaves with SCALING_KEEP=1), on the server at 127.0.0.1:$SCALING_PG_PORT (default 55474), user postgres.
# The script (re)creates the schema `part` in it with the partitioned layout of docs/scaling.md §1:
#
#   part.application_revisions  PARTITION BY LIST (county), each county BY RANGE (accepted_at) per year
#   part.outage_steps           PARTITION BY RANGE (start_at) per year, each year BY LIST (county)
#   part.customers_served       a plain copy (386 rows at 1M: not worth partitioning)
#   part_county.application_revisions  PARTITION BY LIST (county) only (the layout docs/scaling.md recommends)
#   indexed.*                   no partitions: copies of the store's two tables with indexes on
#                               (county, utility, application_id, revision), filing_as_of, (county, start_at), start_at
#
# copies the rows (INSERT … SELECT), ANALYZEs both layouts, then runs EXPLAIN (ANALYZE, BUFFERS) of the
# store's scope queries (src/Store/StoreReads.cs ScopeWhere and Outages(scope), known-at absent as when no
# --as-of is given) with search_path = public (the store as it is) and search_path = part (partitioned), for
#   week: metrics --county $SCALING_COUNTY --from $SCALING_WEEK_FROM --to $SCALING_WEEK_TO
#   year: metrics --year $SCALING_YEAR
# and the same two with the changes docs/scaling.md proposes (variant "keyed": the county repeated on every
# self-join of application_revisions; outage steps bounded below by start_at). Each plan goes to
# OUTDIR/plan-SCOPE-TABLE-LAYOUT.txt (default OUTDIR /tmp/scaling/plans); a summary (execution time, shared
# buffers hit + read, leaf partitions that ran) is printed. Layouts: store (public), partitioned (part),
# county (part_county for applications, part for outages), indexed; PARTITION_LAYOUTS / PARTITION_VARIANTS (asis keyed)
# choose among them, PARTITION_SKIP_BUILD=1 reuses the schemas.
#
# Literal values stand for the store's parameters: Npgsql's first executions get custom plans, so plan-time
# pruning is the same as with literals.
set -euo pipefail

DB="${1:?usage: bench/pg-partition.sh DATABASE [OUTDIR]}"
OUT="${2:-/tmp/scaling/plans}"
PORT="${SCALING_PG_PORT:-55474}"
COUNTY="${SCALING_COUNTY:-yaodu}"
WEEK_FROM="${SCALING_WEEK_FROM:-2026-11-09}"
WEEK_TO="${SCALING_WEEK_TO:-2026-11-15}"
YEAR="${SCALING_YEAR:-2025}"
mkdir -p "$OUT"
pg() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres -d "$DB" "$@"; }
log() { echo "pg-partition: $*" >&2; }

# ------------------------------------------------------------------------------------------------
if [[ "${PARTITION_SKIP_BUILD:-0}" != 1 ]]; then
log "building schema part in $DB (load $(cut -d' ' -f1-3 /proc/loadavg))"
start=$(date +%s.%N)
pg <<'SQL'
DROP SCHEMA IF EXISTS part CASCADE;
CREATE SCHEMA part;

-- Applications: one partition per county, inside it one per year of accepted_at. A primary key of a
-- partitioned table must contain every partition column, so the key becomes
-- (utility, application_id, revision, county, accepted_at): still unique per revision in practice (the writer
-- numbers revisions per key), but the database no longer guarantees it across partitions.
CREATE TABLE part.application_revisions (LIKE public.application_revisions INCLUDING DEFAULTS)
    PARTITION BY LIST (county);
ALTER TABLE part.application_revisions ADD PRIMARY KEY (utility, application_id, revision, county, accepted_at);

-- Outage steps: one partition per year of start_at, inside it one per county.
CREATE TABLE part.outage_steps (LIKE public.outage_steps INCLUDING DEFAULTS)
    PARTITION BY RANGE (start_at);
ALTER TABLE part.outage_steps ADD PRIMARY KEY (utility, outage_id, step, start_at, county);

CREATE TABLE part.customers_served (LIKE public.customers_served INCLUDING ALL);

-- The second layout (schema part_county): applications by county only, no year level.
DROP SCHEMA IF EXISTS part_county CASCADE;
CREATE SCHEMA part_county;
CREATE TABLE part_county.application_revisions (LIKE public.application_revisions INCLUDING DEFAULTS)
    PARTITION BY LIST (county);
ALTER TABLE part_county.application_revisions ADD PRIMARY KEY (utility, application_id, revision, county);

DO $$
DECLARE c text; y int; y0 int; y1 int; o0 int; o1 int;
BEGIN
    SELECT extract(year FROM min(accepted_at)), extract(year FROM max(accepted_at)) INTO y0, y1 FROM public.application_revisions;
    SELECT extract(year FROM min(start_at)), extract(year FROM max(start_at)) INTO o0, o1 FROM public.outage_steps;
    FOR c IN SELECT DISTINCT county FROM public.application_revisions UNION SELECT DISTINCT county FROM public.outage_steps LOOP
        EXECUTE format('CREATE TABLE part.%I PARTITION OF part.application_revisions FOR VALUES IN (%L) PARTITION BY RANGE (accepted_at)',
                       'ar_' || c, c);
        FOR y IN y0 .. y1 + 1 LOOP
            EXECUTE format('CREATE TABLE part.%I PARTITION OF part.%I FOR VALUES FROM (%L) TO (%L)',
                           'ar_' || c || '_' || y, 'ar_' || c, make_date(y, 1, 1), make_date(y + 1, 1, 1));
        END LOOP;
        EXECUTE format('CREATE TABLE part.%I PARTITION OF part.%I DEFAULT', 'ar_' || c || '_other', 'ar_' || c);
    END LOOP;
    EXECUTE 'CREATE TABLE part.ar_other PARTITION OF part.application_revisions DEFAULT';
    FOR c IN SELECT DISTINCT county FROM public.application_revisions LOOP
        EXECUTE format('CREATE TABLE part_county.%I PARTITION OF part_county.application_revisions FOR VALUES IN (%L)', 'arc_' || c, c);
    END LOOP;
    EXECUTE 'CREATE TABLE part_county.arc_other PARTITION OF part_county.application_revisions DEFAULT';
    FOR y IN o0 .. o1 + 1 LOOP
        EXECUTE format('CREATE TABLE part.%I PARTITION OF part.outage_steps FOR VALUES FROM (%L) TO (%L) PARTITION BY LIST (county)',
                       'os_' || y, make_date(y, 1, 1), make_date(y + 1, 1, 1));
        FOR c IN SELECT DISTINCT county FROM public.application_revisions UNION SELECT DISTINCT county FROM public.outage_steps LOOP
            EXECUTE format('CREATE TABLE part.%I PARTITION OF part.%I FOR VALUES IN (%L)', 'os_' || y || '_' || c, 'os_' || y, c);
        END LOOP;
        EXECUTE format('CREATE TABLE part.%I PARTITION OF part.%I DEFAULT', 'os_' || y || '_other', 'os_' || y);
    END LOOP;
    EXECUTE 'CREATE TABLE part.os_other PARTITION OF part.outage_steps DEFAULT';
END $$;

INSERT INTO part.application_revisions SELECT * FROM public.application_revisions;
INSERT INTO part.outage_steps SELECT * FROM public.outage_steps;
INSERT INTO part.customers_served SELECT * FROM public.customers_served;
INSERT INTO part_county.application_revisions SELECT * FROM public.application_revisions;

-- The third layout (schema indexed): no partitions, the store's tables with the indexes a scope needs.
DROP SCHEMA IF EXISTS indexed CASCADE;
CREATE SCHEMA indexed;
CREATE TABLE indexed.application_revisions (LIKE public.application_revisions INCLUDING ALL);
CREATE TABLE indexed.outage_steps (LIKE public.outage_steps INCLUDING ALL);
INSERT INTO indexed.application_revisions SELECT * FROM public.application_revisions;
INSERT INTO indexed.outage_steps SELECT * FROM public.outage_steps;
CREATE INDEX ON indexed.application_revisions (county, utility, application_id, revision);
CREATE INDEX ON indexed.application_revisions (filing_as_of);
CREATE INDEX ON indexed.outage_steps (county, start_at);
CREATE INDEX ON indexed.outage_steps (start_at);
ANALYZE indexed.application_revisions, indexed.outage_steps;
ANALYZE public.application_revisions, public.outage_steps, public.customers_served;
ANALYZE part.application_revisions, part.outage_steps, part.customers_served, part_county.application_revisions;
SQL
log "built in $(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }') s"
pg -tA -c "SELECT 'partitions: application_revisions ' || (SELECT count(*) FROM pg_partition_tree('part.application_revisions') WHERE isleaf)
                  || ', outage_steps ' || (SELECT count(*) FROM pg_partition_tree('part.outage_steps') WHERE isleaf)" >&2
fi

# ------------------------------------------------------------------------------------------------
# The scope queries (app_sql, outage_sql, scope_bounds).
source "$(dirname "${BASH_SOURCE[0]}")/pg-scope-sql.sh"

MAX_STEP="$(pg -tA -c "SELECT ceil(extract(epoch FROM max(end_at - start_at)) / 86400)::int || ' days' FROM public.outage_steps")"
log "longest outage step: $MAX_STEP"

scope_bounds "$WEEK_FROM" "$WEEK_TO"; W_END="$S_END"; W_LIFE="$S_LIFE"; W_OUT="$S_OUT"
scope_bounds "$YEAR-01-01" "$YEAR-12-31"; Y_FROM="$S_START"; Y_END="$S_END"; Y_LIFE="$S_LIFE"; Y_OUT="$S_OUT"

explain() { # NAME LAYOUT SQL
    local f="$OUT/plan-$1-$2.txt" path="public"
    [[ "$2" == partitioned* ]] && path="part, public"
    [[ "$2" == county* ]] && path="part_county, part, public"
    [[ "$2" == indexed* ]] && path="indexed, public"
    pg -c "SET search_path = $path" -c "SET max_parallel_workers_per_gather = 0" \
       -c "EXPLAIN (ANALYZE, BUFFERS, SETTINGS) $3" >"$f"
    # psql -q prints only the last command's result: the plan.
    local ms hit read scans
    ms="$(grep -oE 'Execution Time: [0-9.]+' "$f" | grep -oE '[0-9.]+$')"
    hit="$(grep -m1 -oE 'shared hit=[0-9]+' "$f" | grep -oE '[0-9]+' || echo 0)"
    read="$(grep -m1 -oE 'shared hit=[0-9]+ read=[0-9]+' "$f" | grep -oE '[0-9]+$' || echo 0)"
    # Leaves that ran (a pruned-at-run-time leaf shows "(never executed)").
    scans="$(grep -E 'on (ar|arc|os)_[a-z0-9_]+' "$f" | grep -v 'never executed' | grep -oE 'on (ar|arc|os)_[a-z0-9_]+' | sort -u | wc -l || true)"
    printf '%-24s %-14s %10s ms  shared hit %8s read %8s  leaf partitions touched %3s  (load %s)\n' \
        "$1" "$2" "$ms" "$hit" "$read" "$scans" "$(cut -d' ' -f1 /proc/loadavg)"
}

{
echo "# $(date -u '+%F %T UTC') database $DB; county $COUNTY, week $WEEK_FROM..$WEEK_TO, year $YEAR; max_parallel_workers_per_gather 0"
for layout in ${PARTITION_LAYOUTS:-store partitioned county indexed}; do
    for variant in ${PARTITION_VARIANTS:-asis keyed}; do
        [[ "$layout" == store && "$variant" == keyed ]] && continue
        name="$layout"; [[ "$variant" == keyed ]] && name="$layout-keyed"
        explain week-applications "$name" "$(app_sql "$WEEK_FROM" "$W_END" "$W_LIFE" "$COUNTY" "" "$variant")"
        explain week-outages "$name" "$(outage_sql "$W_END" "$W_OUT" "$COUNTY" "" "$variant")"
        explain year-applications "$name" "$(app_sql "$Y_FROM" "$Y_END" "$Y_LIFE" "" "" "$variant")"
        explain year-outages "$name" "$(outage_sql "$Y_END" "$Y_OUT" "" "" "$variant")"
    done
done
} | tee "$OUT/summary.txt"

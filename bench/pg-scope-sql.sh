# Sourced by bench/pg-partition.sh and bench/pg-scaling.sh: the store's scope queries as SQL text
# (src/Store/StoreReads.cs ScopeWhere and Outages(scope), known-at absent as when no --as-of is given), with
# literal values for the parameters. Keep in step with StoreReads.cs.

# app_sql START END LIFEFROM COUNTY UTILITY [VARIANT]: the scoped application revisions.
# VARIANT "keyed" repeats the county on every self-join (docs/scaling.md §1: what partition pruning and a
# Citus pushdown by county need): the scope's county as a constant when it has one, else n.county = h.county.
app_sql() {
    local s="$1" e="$2" life="$3" county="$4" utility="$5" variant="${6:-asis}"
    local group="" keyed_n="" keyed_f="" keyed_r=""
    [[ -n "$county" ]] && group="AND h.county = '$county' "
    [[ -n "$utility" ]] && group="${group}AND h.utility = '$utility' "
    if [[ "$variant" == keyed && -n "$county" ]]; then
        # The literal, not n.county = h.county: the EXISTS becomes a hashed subplan, where only a constant prunes.
        keyed_n="AND n.county = '$county'"; keyed_f="AND f.county = '$county'"; keyed_r="AND r.county = '$county'"
    elif [[ "$variant" == keyed ]]; then
        keyed_n="AND n.county = h.county"; keyed_f="AND f.county = h.county"
    fi
    cat <<SQL
SELECT r.* FROM application_revisions r
WHERE TRUE $keyed_r AND (r.utility, r.application_id) IN (
  SELECT h.utility, h.application_id FROM application_revisions h
  WHERE TRUE $group
    AND NOT EXISTS (SELECT 1 FROM application_revisions n
                    WHERE n.utility = h.utility AND n.application_id = h.application_id AND n.revision > h.revision $keyed_n)
    AND ((h.accepted_at < '$e'
          AND (COALESCE(h.connected_at, h.withdrawn_at) IS NULL
               OR COALESCE(h.connected_at, h.withdrawn_at) >= '$life'
               OR h.record_created_at >= '$s'))
         OR EXISTS (SELECT 1 FROM application_revisions f
                    WHERE f.utility = h.utility AND f.application_id = h.application_id
                      AND f.filing_as_of >= '$s' AND f.filing_as_of < '$e' $keyed_f)))
ORDER BY r.utility, r.application_id, r.revision
SQL
}

# outage_sql END OUTAGESFROM COUNTY UTILITY [VARIANT]: the scoped outage steps. VARIANT "keyed" adds a lower
# bound on start_at from the longest stored step ($MAX_STEP, e.g. "3 days"), so that a partition by start_at prunes.
outage_sql() {
    local e="$1" from="$2" county="$3" utility="$4" variant="${5:-asis}" group="" bound=""
    [[ -n "$county" ]] && group="AND county = '$county' "
    [[ -n "$utility" ]] && group="${group}AND utility = '$utility' "
    [[ "$variant" == keyed ]] && bound="AND start_at >= timestamp '$from' - interval '$MAX_STEP'"
    echo "SELECT * FROM outage_steps WHERE start_at < '$e' AND end_at >= '$from' $bound $group ORDER BY utility, outage_id, step"
}

# customers_sql FIRSTYEAR LASTYEAR COUNTY UTILITY
customers_sql() {
    local group=""
    [[ -n "$3" ]] && group="AND county = '$3' "
    [[ -n "$4" ]] && group="${group}AND utility = '$4' "
    echo "SELECT * FROM customers_served WHERE year >= $1 AND year <= $2 $group"
}

# scope_bounds FROM TO: sets S_START S_END S_LIFE S_OUT S_Y0 S_Y1 as RecordScope does (Start, End, LifeFrom,
# OutagesFrom, FirstYear, LastYear).
scope_bounds() {
    S_START="$1"
    S_END="$(date -u -d "$2 + 1 day" +%F)"
    S_LIFE="$(date -u -d "$1 - 31 days" +%F)"
    S_OUT="$(( 10#${1:0:4} - 1 ))-01-01"
    S_Y0="$(( 10#${1:0:4} - 1 ))"
    S_Y1="$(( 10#${2:0:4} ))"
}

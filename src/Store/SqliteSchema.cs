using Dapper;
using Microsoft.Data.Sqlite;

namespace Analytics.Store;

/// <summary>
/// The embedded store's schema as ordered migration steps (SQLite dialect). Typed STRICT tables;
/// instants are TEXT <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c> (China local time, sorts chronologically),
/// decimals are exact invariant TEXT, enums and flags are their numeric values, booleans 0/1.
/// No column holds personal data: applications carry only the keyed hash and the mask.
/// </summary>
internal static partial class SqliteSchema
{
    public static readonly Migration[] Migrations =
    [
        new(1, "filings, application revisions, outages, customers, notes, ledger notes", """
            CREATE TABLE filings (
                id             INTEGER PRIMARY KEY,
                kind           INTEGER NOT NULL,
                file_name      TEXT    NOT NULL,
                sha256         TEXT    NOT NULL,
                as_of          TEXT    NOT NULL,
                loaded_at      TEXT    NOT NULL,
                rows_read      INTEGER NOT NULL,
                rows_changed   INTEGER NOT NULL,
                rows_unchanged INTEGER NOT NULL,
                rows_rejected  INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX filings_kind_sha256 ON filings (kind, sha256);

            CREATE TABLE application_revisions (
                utility                  TEXT    NOT NULL,
                application_id           TEXT    NOT NULL,
                revision                 INTEGER NOT NULL,
                filing_id                INTEGER NOT NULL REFERENCES filings (id),
                filing_as_of             TEXT    NOT NULL,
                content_hash             BLOB    NOT NULL,
                county                   TEXT    NOT NULL,
                area                     INTEGER NOT NULL,
                customer_type            INTEGER NOT NULL,
                voltage                  INTEGER NOT NULL,
                power_sources            INTEGER NOT NULL,
                capacity_kw              TEXT    NOT NULL,
                three_zero               INTEGER NOT NULL,
                small_micro              INTEGER NOT NULL,
                important_user           INTEGER NOT NULL,
                channel                  INTEGER NOT NULL,
                e_contract               INTEGER,
                materials                INTEGER,
                fee_yuan                 TEXT,
                customer_investment_yuan TEXT,
                status                   INTEGER NOT NULL,
                record_created_at        TEXT,
                accepted_at              TEXT    NOT NULL,
                plan_replied_at          TEXT,
                design_review_start      TEXT,
                design_review_end        TEXT,
                customer_works_start     TEXT,
                customer_works_end       TEXT,
                mid_check_start          TEXT,
                mid_check_end            TEXT,
                external_works_start     TEXT,
                external_works_end       TEXT,
                approval_submitted_at    TEXT,
                approval_granted_at      TEXT,
                approval_mode            INTEGER,
                completion_check_start   TEXT,
                completion_check_end     TEXT,
                connected_at             TEXT,
                paused_days              INTEGER NOT NULL,
                withdrawn_at             TEXT,
                previous_application_id  TEXT,
                customer_key             TEXT,
                customer_mask            TEXT,
                PRIMARY KEY (utility, application_id, revision)
            ) STRICT;
            CREATE INDEX application_revisions_filing ON application_revisions (filing_id);

            -- The latest revision of each key and its content hash: what a new row is compared with.
            CREATE TABLE application_heads (
                utility        TEXT    NOT NULL,
                application_id TEXT    NOT NULL,
                revision       INTEGER NOT NULL,
                content_hash   BLOB    NOT NULL,
                PRIMARY KEY (utility, application_id)
            ) STRICT, WITHOUT ROWID;

            CREATE TABLE outage_steps (
                utility         TEXT    NOT NULL,
                outage_id       TEXT    NOT NULL,
                step            INTEGER NOT NULL,
                filing_id       INTEGER NOT NULL REFERENCES filings (id),
                content_hash    BLOB    NOT NULL,
                county          TEXT    NOT NULL,
                area            INTEGER NOT NULL,
                feeder          TEXT,
                kind            INTEGER NOT NULL,
                cause           INTEGER NOT NULL,
                start_at        TEXT    NOT NULL,
                end_at          TEXT    NOT NULL,
                customers       INTEGER NOT NULL,
                notified_at     TEXT,
                notify_channels INTEGER NOT NULL,
                PRIMARY KEY (utility, outage_id, step)
            ) STRICT;

            -- month 0 is a yearly figure (CustomersServed.Month = null); a key column cannot be null.
            CREATE TABLE customers_served (
                utility      TEXT    NOT NULL,
                county       TEXT    NOT NULL,
                area         INTEGER NOT NULL,
                year         INTEGER NOT NULL,
                month        INTEGER NOT NULL,
                filing_id    INTEGER NOT NULL REFERENCES filings (id),
                content_hash BLOB    NOT NULL,
                customers    INTEGER NOT NULL,
                PRIMARY KEY (utility, county, area, year, month)
            ) STRICT;

            CREATE TABLE report_notes (
                utility      TEXT    NOT NULL,
                year         INTEGER NOT NULL,
                half         INTEGER NOT NULL,
                section      INTEGER NOT NULL,
                filing_id    INTEGER NOT NULL REFERENCES filings (id),
                content_hash BLOB    NOT NULL,
                text         TEXT    NOT NULL,
                PRIMARY KEY (utility, year, half, section)
            ) STRICT;

            CREATE TABLE ledger_notes (
                county       TEXT    NOT NULL,
                thursday     TEXT    NOT NULL,
                task         TEXT    NOT NULL,
                filing_id    INTEGER NOT NULL REFERENCES filings (id),
                content_hash BLOB    NOT NULL,
                text         TEXT    NOT NULL,
                status       TEXT,
                PRIMARY KEY (county, thursday, task)
            ) STRICT;
            """),
        // A file's SHA-256 is unique per kind (two ingests of one file at once make one filing). Duplicates
        // from before keep their rows and history; the later ones get their id appended to the hash, so
        // they stay listed but no longer claim the file. The marker table tells our stores from others'.
        new(2, "one filing per file (unique kind, sha256); store marker and customer key fingerprint", """
            UPDATE filings SET sha256 = sha256 || '#duplicate-' || id
            WHERE id NOT IN (SELECT min(id) FROM filings GROUP BY kind, sha256);
            DROP INDEX filings_kind_sha256;
            CREATE UNIQUE INDEX filings_kind_sha256 ON filings (kind, sha256);

            CREATE TABLE analytics_meta (
                item  TEXT NOT NULL PRIMARY KEY,
                value TEXT NOT NULL
            ) STRICT;
            INSERT INTO analytics_meta (item, value) VALUES ('application_id', 'analytics/linfen-getting-electricity');
            """),
        // The web application's accounts (name, role, scope, password hash; no other personal data: the column is
        // "account", not "name") and its append-only audit log.
        new(3, "web accounts and audit log", """
            CREATE TABLE accounts (
                account       TEXT    NOT NULL PRIMARY KEY,
                role          INTEGER NOT NULL,
                scope         TEXT,
                password_hash TEXT    NOT NULL,
                created_at    TEXT    NOT NULL,
                failed_logins INTEGER NOT NULL DEFAULT 0,
                locked_until  TEXT
            ) STRICT;

            CREATE TABLE audit_log (
                id      INTEGER PRIMARY KEY,
                at      TEXT    NOT NULL,
                account TEXT,
                action  TEXT    NOT NULL,
                detail  TEXT    NOT NULL
            ) STRICT;
            """),
        // Issue 16 (oversight): spot checks and the rectification ledger.
        new(4, "oversight: spot-check draws, items and field results; rectification ledger", """
            CREATE TABLE IF NOT EXISTS spotcheck_draws (
                draw_id  TEXT    NOT NULL PRIMARY KEY,
                seed     INTEGER NOT NULL,
                from_day TEXT    NOT NULL,
                to_day   TEXT    NOT NULL,
                drawn_at TEXT    NOT NULL,
                method   TEXT    NOT NULL
            ) STRICT;
            CREATE TABLE IF NOT EXISTS spotcheck_items (
                draw_id        TEXT    NOT NULL REFERENCES spotcheck_draws (draw_id),
                position       INTEGER NOT NULL,
                county         TEXT    NOT NULL,
                utility        TEXT    NOT NULL,
                application_id TEXT    NOT NULL,
                risk_draw      INTEGER NOT NULL,
                inspectors     TEXT    NOT NULL,
                PRIMARY KEY (draw_id, utility, application_id)
            ) STRICT;
            CREATE TABLE IF NOT EXISTS spotcheck_results (
                draw_id        TEXT    NOT NULL,
                utility        TEXT    NOT NULL,
                application_id TEXT    NOT NULL,
                field          TEXT    NOT NULL,
                county         TEXT    NOT NULL,
                verified       INTEGER NOT NULL,
                recorded_value TEXT,
                customer_value TEXT,
                filed_at       TEXT    NOT NULL,
                PRIMARY KEY (draw_id, utility, application_id, field)
            ) STRICT;
            CREATE TABLE IF NOT EXISTS rectifications (
                id               INTEGER PRIMARY KEY,
                problem          TEXT    NOT NULL,
                source           TEXT,
                county           TEXT,
                utility          TEXT,
                application_id   TEXT,
                responsible_unit TEXT    NOT NULL,
                deadline         TEXT    NOT NULL,
                measures         TEXT    NOT NULL,
                status           INTEGER NOT NULL,
                follow_up_on     TEXT,
                follow_up_result TEXT,
                created_at       TEXT    NOT NULL,
                closed_at        TEXT
            ) STRICT;
            """),
        // The early-warning models, each under the fingerprint of what it was trained on (a cache: losing
        // a row costs a training). IF NOT EXISTS: a schema taken back to an earlier version may still hold the table.
        new(5, "risk models kept under the fingerprint of their training data", """
            CREATE TABLE IF NOT EXISTS risk_models (
                id               INTEGER PRIMARY KEY,
                data_fingerprint TEXT    NOT NULL UNIQUE,
                trained_at       TEXT    NOT NULL,
                known_at         TEXT    NOT NULL,
                mae_model        REAL,
                mae_baseline     REAL,
                auc_model        REAL,
                auc_baseline     REAL,
                trained_on_count INTEGER NOT NULL,
                model            BLOB    NOT NULL
            ) STRICT;
            """),
        // Issue 16 item 3: the history of every rectification item (who, when, what, the status it left). Items opened
        // before get one entry for the state they are in now, their earlier changes being unknown.
        new(6, "rectification history", """
            CREATE TABLE IF NOT EXISTS rectification_events (
                id      INTEGER PRIMARY KEY,
                item_id INTEGER NOT NULL REFERENCES rectifications (id),
                at      TEXT    NOT NULL,
                actor   TEXT    NOT NULL,
                action  INTEGER NOT NULL,
                status  INTEGER NOT NULL,
                detail  TEXT    NOT NULL
            ) STRICT;
            CREATE INDEX IF NOT EXISTS rectification_events_item ON rectification_events (item_id, id);
            INSERT INTO rectification_events (item_id, at, actor, action, status, detail)
            SELECT id, coalesce(closed_at, created_at), '（升级前）', 6, status, '启用状态记录前的事项：此前的变更未记录'
            FROM rectifications
            WHERE NOT EXISTS (SELECT 1 FROM rectification_events e WHERE e.item_id = rectifications.id);
            """),
        // Issue 12 item 2: each revision's figures derived once, at filing (DerivedFigures). NULL until derived: the next
        // command with a derivation derives them (the meta items derivation_* say under what; the partial index finds
        // the revisions not derived yet).
        new(7, "derived figures of each application revision", """
            ALTER TABLE application_revisions ADD COLUMN d_category INTEGER;
            ALTER TABLE application_revisions ADD COLUMN d_settled_at TEXT;
            ALTER TABLE application_revisions ADD COLUMN d_approval_days INTEGER;
            ALTER TABLE application_revisions ADD COLUMN d_utility_days INTEGER;
            ALTER TABLE application_revisions ADD COLUMN d_whole_days INTEGER;
            ALTER TABLE application_revisions ADD COLUMN d_outcomes TEXT;
            ALTER TABLE application_revisions ADD COLUMN d_calendar_gap INTEGER;
            CREATE INDEX IF NOT EXISTS application_revisions_underived ON application_revisions (utility) WHERE d_outcomes IS NULL;
            """),
        // Issue 12 item 2: the counts of a question (ApplicationCounts, OutageCounts) read these indexes only, never the
        // wide rows: county first, so one county's question reads that county's part; then every column the scope rule,
        // the head test and the sums read. Measured at 1M applications: one county's week 0.18 s → 0.06 s, the city's
        // year 0.36 s → 0.23 s of scanning; +30 % store size.
        new(8, "covering indexes of the counts", """
            CREATE INDEX IF NOT EXISTS application_revisions_figures ON application_revisions (
                county, d_settled_at, utility, application_id, revision, filing_as_of, status, accepted_at, connected_at,
                withdrawn_at, record_created_at, approval_granted_at, area, d_category, channel, voltage, e_contract,
                approval_mode, d_outcomes, d_approval_days, d_utility_days, d_whole_days, d_calendar_gap);
            CREATE INDEX IF NOT EXISTS outage_steps_figures ON outage_steps (
                county, start_at, end_at, utility, area, kind, cause, customers, notified_at, outage_id, step);
            """),
        // Issue 12 item 2: the outage sums (OutageCounts) without a sort or a date parse per row. Each step's start and end
        // in seconds since 1970 as virtual columns, computed once into the index; the index in the order of the sums'
        // GROUP BY (county, utility, area, kind, cause), so SQLite streams the groups instead of sorting every step of a
        // window. Measured at 1M steps, the city's year window: 0.80 s → 0.36 s of CPU.
        new(9, "outage steps in seconds, the sums' index in group order", """
            ALTER TABLE outage_steps ADD COLUMN start_sec INTEGER GENERATED ALWAYS AS (unixepoch(start_at)) VIRTUAL;
            ALTER TABLE outage_steps ADD COLUMN end_sec INTEGER GENERATED ALWAYS AS (unixepoch(end_at)) VIRTUAL;
            DROP INDEX IF EXISTS outage_steps_figures;
            """ + OutageFiguresIndex),
        // Issue 12: each revision says whether it is the latest of its application (is_head), inside the covering index
        // right after the county, so a county's heads (every question without a known-at) are one range of the index
        // instead of a probe of application_heads per revision. A revision is written as the latest of its key (the
        // default 1); the writer clears the flag of the head it supersedes (SqliteFilingWriter). Measured at 1M
        // applications, a county's year to date: 0.15 s → 0.06 s of scanning.
        new(10, "head flag of each application revision, in the counts' index", """
            ALTER TABLE application_revisions ADD COLUMN is_head INTEGER NOT NULL DEFAULT 1;
            UPDATE application_revisions SET is_head = 0
            WHERE revision <> (SELECT h.revision FROM application_heads h
                               WHERE h.utility = application_revisions.utility AND h.application_id = application_revisions.application_id);
            DROP INDEX IF EXISTS application_revisions_figures;
            """ + ApplicationFiguresIndex),
    ];

    /// <summary>The covering index of the application counts (migration 8, the head flag since 10), built again by a first load that dropped it (<see cref="SqliteFilingBatch"/>).</summary>
    public const string ApplicationFiguresIndex = """
        CREATE INDEX IF NOT EXISTS application_revisions_figures ON application_revisions (
            county, is_head, d_settled_at, utility, application_id, revision, filing_as_of, status, accepted_at, connected_at,
            withdrawn_at, record_created_at, approval_granted_at, area, d_category, channel, voltage, e_contract,
            approval_mode, d_outcomes, d_approval_days, d_utility_days, d_whole_days, d_calendar_gap);

        """;

    /// <summary>The covering index of the outage sums (migration 9), likewise.</summary>
    public const string OutageFiguresIndex = """
        CREATE INDEX IF NOT EXISTS outage_steps_sums ON outage_steps (
            county, utility, area, kind, cause, start_at, end_at, start_sec, end_sec, customers, notified_at, outage_id, step);

        """;

    /// <summary>
    /// A step's SQL with its <c>ALTER TABLE t ADD COLUMN c</c> lines left out where t already has c: SQLite has no
    /// <c>ADD COLUMN IF NOT EXISTS</c>, and every step may run again on a store that has its objects (a schema version
    /// taken back), as the <c>IF NOT EXISTS</c> of the other steps allow.
    /// </summary>
    public static string Rerunnable(string sql, SqliteConnection conn, SqliteTransaction tx)
    {
        var lines = sql.Split('\n');
        var kept = new List<string>(lines.Length);
        foreach (var line in lines)
        {
            var m = AddColumn().Match(line);
            if (m.Success && conn.ExecuteScalar<long>(
                    "SELECT count(*) FROM pragma_table_xinfo(@table) WHERE name = @column",
                    new { table = m.Groups[1].Value, column = m.Groups[2].Value }, tx) > 0)
                continue;
            kept.Add(line);
        }
        return string.Join('\n', kept);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*ALTER TABLE (\w+) ADD COLUMN (\w+)\b")]
    private static partial System.Text.RegularExpressions.Regex AddColumn();

}

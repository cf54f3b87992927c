namespace Analytics.Store;

/// <summary>
/// The PostgreSQL schema as ordered migration steps. Instants are <c>timestamp without time zone</c>
/// (China local time, read back with <see cref="DateTimeKind.Unspecified"/>), money and capacities
/// <c>numeric</c> (exact, scale kept), enums and flags <c>smallint</c>/<c>integer</c> values.
/// Key text columns use the "C" collation so that ordering is ordinal, as in the embedded store.
/// No column holds personal data: applications carry only the keyed hash and the mask.
/// </summary>
internal static class PostgresSchema
{
    public static readonly Migration[] Migrations =
    [
        new(1, "filings, application revisions, outages, customers, notes, ledger notes", """
            CREATE TABLE filings (
                id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                kind           smallint  NOT NULL,
                file_name      text      NOT NULL,
                sha256         text      NOT NULL,
                as_of          timestamp NOT NULL,
                loaded_at      timestamp NOT NULL,
                rows_read      integer   NOT NULL,
                rows_changed   integer   NOT NULL,
                rows_unchanged integer   NOT NULL,
                rows_rejected  integer   NOT NULL
            );
            CREATE INDEX filings_kind_sha256 ON filings (kind, sha256);

            -- filing_id carries no foreign key: a per-row check would cost as much as the load itself,
            -- and the writer inserts the filing in the same transaction as its rows.
            CREATE TABLE application_revisions (
                utility                  text COLLATE "C" NOT NULL,
                application_id           text COLLATE "C" NOT NULL,
                revision                 integer   NOT NULL,
                filing_id                bigint    NOT NULL,
                filing_as_of             timestamp NOT NULL,
                content_hash             bytea     NOT NULL,
                county                   text      NOT NULL,
                area                     smallint  NOT NULL,
                customer_type            smallint  NOT NULL,
                voltage                  smallint  NOT NULL,
                power_sources            integer   NOT NULL,
                capacity_kw              numeric   NOT NULL,
                three_zero               boolean   NOT NULL,
                small_micro              boolean   NOT NULL,
                important_user           boolean   NOT NULL,
                channel                  smallint  NOT NULL,
                e_contract               boolean,
                materials                integer,
                fee_yuan                 numeric,
                customer_investment_yuan numeric,
                status                   smallint  NOT NULL,
                record_created_at        timestamp,
                accepted_at              timestamp NOT NULL,
                plan_replied_at          timestamp,
                design_review_start      timestamp,
                design_review_end        timestamp,
                customer_works_start     timestamp,
                customer_works_end       timestamp,
                mid_check_start          timestamp,
                mid_check_end            timestamp,
                external_works_start     timestamp,
                external_works_end       timestamp,
                approval_submitted_at    timestamp,
                approval_granted_at      timestamp,
                approval_mode            smallint,
                completion_check_start   timestamp,
                completion_check_end     timestamp,
                connected_at             timestamp,
                paused_days              integer   NOT NULL,
                withdrawn_at             timestamp,
                previous_application_id  text,
                customer_key             text,
                customer_mask            text,
                PRIMARY KEY (utility, application_id, revision)
            );

            -- The latest revision of each key and its content hash: what a new row is compared with.
            CREATE TABLE application_heads (
                utility        text COLLATE "C" NOT NULL,
                application_id text COLLATE "C" NOT NULL,
                revision       integer NOT NULL,
                content_hash   bytea   NOT NULL,
                PRIMARY KEY (utility, application_id)
            );

            CREATE TABLE outage_steps (
                utility         text COLLATE "C" NOT NULL,
                outage_id       text COLLATE "C" NOT NULL,
                step            integer   NOT NULL,
                filing_id       bigint    NOT NULL REFERENCES filings (id),
                content_hash    bytea     NOT NULL,
                county          text      NOT NULL,
                area            smallint  NOT NULL,
                feeder          text,
                kind            smallint  NOT NULL,
                cause           smallint  NOT NULL,
                start_at        timestamp NOT NULL,
                end_at          timestamp NOT NULL,
                customers       integer   NOT NULL,
                notified_at     timestamp,
                notify_channels integer   NOT NULL,
                PRIMARY KEY (utility, outage_id, step)
            );

            -- month 0 is a yearly figure (CustomersServed.Month = null); a key column cannot be null.
            CREATE TABLE customers_served (
                utility      text COLLATE "C" NOT NULL,
                county       text COLLATE "C" NOT NULL,
                area         smallint NOT NULL,
                year         integer  NOT NULL,
                month        smallint NOT NULL,
                filing_id    bigint   NOT NULL REFERENCES filings (id),
                content_hash bytea    NOT NULL,
                customers    bigint   NOT NULL,
                PRIMARY KEY (utility, county, area, year, month)
            );

            CREATE TABLE report_notes (
                utility      text COLLATE "C" NOT NULL,
                year         integer  NOT NULL,
                half         smallint NOT NULL,
                section      smallint NOT NULL,
                filing_id    bigint   NOT NULL REFERENCES filings (id),
                content_hash bytea    NOT NULL,
                text         text     NOT NULL,
                PRIMARY KEY (utility, year, half, section)
            );

            CREATE TABLE ledger_notes (
                county       text COLLATE "C" NOT NULL,
                thursday     date     NOT NULL,
                task         text COLLATE "C" NOT NULL,
                filing_id    bigint   NOT NULL REFERENCES filings (id),
                content_hash bytea    NOT NULL,
                text         text     NOT NULL,
                status       text,
                PRIMARY KEY (county, thursday, task)
            );
            """),
        // The latest revision of a key is found through application_revisions' primary key (a backward
        // index probe), so the heads table only cost a second write of every new key: about a third of
        // the server's time on a first load of a million rows.
        new(2, "application heads dropped: the latest revision comes from the revisions' key", """
            DROP TABLE application_heads;
            """),
        // A file's SHA-256 is unique per kind (two ingests of one file at once make one filing). Duplicates
        // from before keep their rows and history; the later ones get their id appended to the hash, so
        // they stay listed but no longer claim the file. The marker table tells our stores from others'.
        new(3, "one filing per file (unique kind, sha256); store marker and customer key fingerprint", """
            UPDATE filings f SET sha256 = f.sha256 || '#duplicate-' || f.id
            WHERE f.id NOT IN (SELECT min(id) FROM filings GROUP BY kind, sha256);
            DROP INDEX filings_kind_sha256;
            ALTER TABLE filings ADD CONSTRAINT filings_kind_sha256_key UNIQUE (kind, sha256);

            CREATE TABLE analytics_meta (
                item  text NOT NULL PRIMARY KEY,
                value text NOT NULL
            );
            INSERT INTO analytics_meta (item, value) VALUES ('application_id', 'analytics/linfen-getting-electricity');
            """),
        // The web application's accounts (name, role, scope, password hash; no other personal data: the column is
        // "account", not "name") and its append-only audit log.
        new(4, "web accounts and audit log", """
            CREATE TABLE accounts (
                account       text COLLATE "C" NOT NULL PRIMARY KEY,
                role          smallint  NOT NULL,
                scope         text COLLATE "C",
                password_hash text      NOT NULL,
                created_at    timestamp NOT NULL,
                failed_logins integer   NOT NULL DEFAULT 0,
                locked_until  timestamp
            );

            CREATE TABLE audit_log (
                id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                at      timestamp NOT NULL,
                account text COLLATE "C",
                action  text      NOT NULL,
                detail  text      NOT NULL
            );
            """),
        // Issue 16 (oversight): spot checks and the rectification ledger.
        new(5, "oversight: spot-check draws, items and field results; rectification ledger", """
            CREATE TABLE IF NOT EXISTS spotcheck_draws (
                draw_id  text COLLATE "C" NOT NULL PRIMARY KEY,
                seed     integer   NOT NULL,
                from_day date      NOT NULL,
                to_day   date      NOT NULL,
                drawn_at timestamp NOT NULL,
                method   text      NOT NULL
            );
            CREATE TABLE IF NOT EXISTS spotcheck_items (
                draw_id        text COLLATE "C" NOT NULL REFERENCES spotcheck_draws (draw_id),
                position       integer NOT NULL,
                county         text COLLATE "C" NOT NULL,
                utility        text COLLATE "C" NOT NULL,
                application_id text COLLATE "C" NOT NULL,
                risk_draw      boolean NOT NULL,
                inspectors     text    NOT NULL,
                PRIMARY KEY (draw_id, utility, application_id)
            );
            CREATE TABLE IF NOT EXISTS spotcheck_results (
                draw_id        text COLLATE "C" NOT NULL,
                utility        text COLLATE "C" NOT NULL,
                application_id text COLLATE "C" NOT NULL,
                field          text COLLATE "C" NOT NULL,
                county         text COLLATE "C" NOT NULL,
                verified       boolean   NOT NULL,
                recorded_value text,
                customer_value text,
                filed_at       timestamp NOT NULL,
                PRIMARY KEY (draw_id, utility, application_id, field)
            );
            CREATE TABLE IF NOT EXISTS rectifications (
                id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                problem          text     NOT NULL,
                source           text,
                county           text COLLATE "C",
                utility          text COLLATE "C",
                application_id   text COLLATE "C",
                responsible_unit text     NOT NULL,
                deadline         date     NOT NULL,
                measures         text     NOT NULL,
                status           smallint NOT NULL,
                follow_up_on     date,
                follow_up_result text,
                created_at       timestamp NOT NULL,
                closed_at        timestamp
            );
            """),
        // The early-warning models, each under the fingerprint of what it was trained on (a cache: losing
        // a row costs a training). IF NOT EXISTS: a schema taken back to an earlier version may still hold the table.
        new(6, "risk models kept under the fingerprint of their training data", """
            CREATE TABLE IF NOT EXISTS risk_models (
                id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                data_fingerprint text COLLATE "C" NOT NULL UNIQUE,
                trained_at       timestamp NOT NULL,
                known_at         timestamp NOT NULL,
                mae_model        double precision,
                mae_baseline     double precision,
                auc_model        double precision,
                auc_baseline     double precision,
                trained_on_count integer   NOT NULL,
                model            bytea     NOT NULL
            );
            """),
        // Issue 16 item 3: the history of every rectification item (who, when, what, the status it left). Items opened
        // before get one entry for the state they are in now, their earlier changes being unknown.
        new(7, "rectification history", """
            CREATE TABLE IF NOT EXISTS rectification_events (
                id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                item_id bigint    NOT NULL REFERENCES rectifications (id),
                at      timestamp NOT NULL,
                actor   text      NOT NULL,
                action  smallint  NOT NULL,
                status  smallint  NOT NULL,
                detail  text      NOT NULL
            );
            CREATE INDEX IF NOT EXISTS rectification_events_item ON rectification_events (item_id, id);
            INSERT INTO rectification_events (item_id, at, actor, action, status, detail)
            SELECT id, coalesce(closed_at, created_at), '（升级前）', 6, status, '启用状态记录前的事项：此前的变更未记录'
            FROM rectifications r
            WHERE NOT EXISTS (SELECT 1 FROM rectification_events e WHERE e.item_id = r.id);
            """),
        // Issue 12 item 2: each revision's figures derived once, at filing (DerivedFigures); NULL until derived.
        new(8, "derived figures of each application revision", """
            ALTER TABLE application_revisions
                ADD COLUMN IF NOT EXISTS d_category smallint,
                ADD COLUMN IF NOT EXISTS d_settled_at timestamp,
                ADD COLUMN IF NOT EXISTS d_approval_days integer,
                ADD COLUMN IF NOT EXISTS d_utility_days integer,
                ADD COLUMN IF NOT EXISTS d_whole_days integer,
                ADD COLUMN IF NOT EXISTS d_outcomes text COLLATE "C",
                ADD COLUMN IF NOT EXISTS d_calendar_gap smallint;
            CREATE INDEX IF NOT EXISTS application_revisions_underived ON application_revisions (utility) WHERE d_outcomes IS NULL;
            """),
    ];
}

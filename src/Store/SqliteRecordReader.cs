using System.Globalization;
using System.Text;
using Analytics.Domain;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Analytics.Store;

/// <summary>
/// The application revisions and outage steps of the embedded store, read by column position straight from SQLite's
/// statement: instants parsed from the store's own fixed text form (<see cref="SqliteText"/>), decimals
/// from their invariant text, the few distinct utilities and counties shared as one string each.
/// </summary>
/// <remarks>
/// Why not Dapper here: this read loads the whole store for every read command, and through Dapper it
/// was ~85 % of <c>metrics</c> at a million applications: a boxed value per column, the general
/// <c>DateTime.Parse</c> of every instant, and a fresh string for every utility and county. Outage steps, as many
/// as applications in a large store, are read the same way (issue 12). The other, small reads stay on Dapper
/// (<see cref="StoreReads"/>).
/// </remarks>
internal static class SqliteRecordReader
{
    private const int FirstData = 2;
    private static readonly int RevisionColumn = FirstData + StoreColumns.ApplicationData.Length;

    /// <param name="connection">An open connection of the embedded store.</param>
    /// <param name="knownAt">The known-at instant in the store's text form, or null for every revision.</param>
    public static IEnumerable<ApplicationRevision> Read(SqliteConnection connection, string? knownAt) =>
        Read(connection, knownAt is null ? "" : "WHERE r.filing_as_of <= @knownAt",
            knownAt is null ? new Dictionary<string, object>() : new Dictionary<string, object> { ["@knownAt"] = knownAt });

    /// <param name="connection">An open connection of the embedded store.</param>
    /// <param name="where">A WHERE clause over <c>application_revisions r</c> with named parameters.</param>
    /// <param name="binds">The parameters by name (<c>@name</c>): text or integers.</param>
    public static IEnumerable<ApplicationRevision> Read(SqliteConnection connection, string where, IReadOnlyDictionary<string, object> binds) =>
        Rows(connection, $"""
            SELECT r.utility, r.application_id, {string.Join(", ", StoreColumns.ApplicationData.Select(c => "r." + c))}, r.revision, r.filing_id, r.filing_as_of
            FROM application_revisions r {where}
            ORDER BY r.utility, r.application_id, r.revision
            """, binds, row => row.Revision());

    /// <summary>The outage steps a WHERE clause over <c>outage_steps</c> selects, in the order of <see cref="StoreReads.Outages(System.Data.IDbConnection)"/>.</summary>
    /// <param name="connection">An open connection of the embedded store.</param>
    /// <param name="where">A WHERE clause (or "") with named parameters.</param>
    /// <param name="binds">The parameters by name (<c>@name</c>): text or integers.</param>
    public static IEnumerable<OutageStep> Outages(SqliteConnection connection, string where, IReadOnlyDictionary<string, object> binds) =>
        Rows(connection, $"""
            SELECT utility, outage_id, step, county, area, feeder, kind, cause, start_at, end_at, customers, notified_at, notify_channels
            FROM outage_steps {where}
            ORDER BY utility, outage_id, step
            """, binds, row => row.Outage());

    /// <summary>The heads of a question (<see cref="ApplicationCounts.HeadsSql"/>), column by column.</summary>
    /// <param name="connection">An open connection of the embedded store.</param>
    /// <param name="sql">The query.</param>
    /// <param name="binds">The parameters by name (<c>@name</c>): text or integers.</param>
    public static IEnumerable<ScopeHead> Heads(SqliteConnection connection, string sql, IReadOnlyDictionary<string, object> binds) =>
        Rows(connection, sql, binds, row => row.Head());

    private static IEnumerable<T> Rows<T>(SqliteConnection connection, string sql, IReadOnlyDictionary<string, object> binds, Func<Row, T> map)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var stmt));
        using (stmt)
        {
            foreach (var (name, value) in binds)
            {
                var i = raw.sqlite3_bind_parameter_index(stmt, name);
                if (i == 0) continue;
                Check(db, value switch
                {
                    string t => raw.sqlite3_bind_text(stmt, i, t),
                    int n => raw.sqlite3_bind_int64(stmt, i, n),
                    long n => raw.sqlite3_bind_int64(stmt, i, n),
                    _ => throw new ArgumentException($"unsupported parameter type for {name}", nameof(binds)),
                });
            }
            var row = new Row(stmt);
            while (true)
            {
                var rc = raw.sqlite3_step(stmt);
                if (rc == raw.SQLITE_DONE) yield break;
                if (rc != raw.SQLITE_ROW) Check(db, rc);
                yield return map(row);
            }
        }
    }

    private static void Check(sqlite3 db, int rc)
    {
        if (rc != raw.SQLITE_OK && rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
            SqliteException.ThrowExceptionForRC(rc, db);
    }

    /// <summary>The current row of the statement, column by column in the SELECT's order.</summary>
    private sealed class Row(sqlite3_stmt stmt)
    {
        // Utilities and counties: a handful of values repeated on every row.
        private readonly List<(byte[] Bytes, string Text)> _shared = [];
        private int _column;

        public ApplicationRevision Revision()
        {
            _column = 0;
            var a = new Application
            {
                Utility = Shared(),
                ApplicationId = Text()!,
                County = Shared(),
                Area = (Area)Int(),
                CustomerType = (CustomerType)Int(),
                Voltage = (Voltage)Int(),
                PowerSources = Int(),
                CapacityKw = Decimal()!.Value,
                ThreeZero = Int() != 0,
                SmallMicro = Int() != 0,
                ImportantUser = Int() != 0,
                Channel = (Channel)Int(),
                EContract = NullableInt() is { } e ? e != 0 : null,
                Materials = (Materials?)NullableInt(),
                FeeYuan = Decimal(),
                CustomerInvestmentYuan = Decimal(),
                Status = (ApplicationStatus)Int(),
                RecordCreatedAt = Instant(),
                AcceptedAt = Instant()!.Value,
                PlanRepliedAt = Instant(),
                DesignReviewStart = Instant(),
                DesignReviewEnd = Instant(),
                CustomerWorksStart = Instant(),
                CustomerWorksEnd = Instant(),
                MidCheckStart = Instant(),
                MidCheckEnd = Instant(),
                ExternalWorksStart = Instant(),
                ExternalWorksEnd = Instant(),
                ApprovalSubmittedAt = Instant(),
                ApprovalGrantedAt = Instant(),
                ApprovalMode = (ApprovalMode?)NullableInt(),
                CompletionCheckStart = Instant(),
                CompletionCheckEnd = Instant(),
                ConnectedAt = Instant(),
                PausedDays = Int(),
                WithdrawnAt = Instant(),
                PreviousApplicationId = Text(),
                CustomerKey = Text(),
                CustomerMask = Text(),
            };
            // Object initializers run in source order, which is the SELECT's order up to here.
            if (_column != RevisionColumn)
                throw new InvalidOperationException($"read {_column} columns before the revision, expected {RevisionColumn}");
            var revision = Int();
            var filing = raw.sqlite3_column_int64(stmt, _column++);
            return new ApplicationRevision(a, revision, filing, Instant()!.Value);
        }

        public OutageStep Outage()
        {
            _column = 0;
            return new OutageStep
            {
                Utility = Shared(),
                OutageId = Text()!,
                Step = Int(),
                County = Shared(),
                Area = (Area)Int(),
                Feeder = Text(),
                Kind = (OutageKind)Int(),
                Cause = (OutageCause)Int(),
                StartAt = Instant()!.Value,
                EndAt = Instant()!.Value,
                Customers = Int(),
                NotifiedAt = Instant(),
                NotifyChannels = (NotifyChannels)Int(),
            };
        }

        public ScopeHead Head()
        {
            _column = 0;
            return new ScopeHead(Shared(), Shared(), Int(), Int(), Int(), Int(), Int(), NullableInt() is { } e && e != 0,
                NullableInt(), Outcomes(), NullableInt(), NullableInt(), NullableInt(), NullableInt() is { } g && g != 0, Int(),
                raw.sqlite3_column_int64(stmt, _column++));
        }

        // The outcome strings of derived figures: a few hundred distinct ones over a whole store, shared as one string each.
        private readonly HashSet<string> _outcomes = new(StringComparer.Ordinal);

        private string Outcomes()
        {
            var bytes = raw.sqlite3_column_blob(stmt, _column++);
            if (bytes.Length > 64) return Encoding.UTF8.GetString(bytes);
            Span<char> chars = stackalloc char[bytes.Length];
            for (var i = 0; i < bytes.Length; i++) chars[i] = (char)bytes[i];
            var lookup = _outcomes.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(chars, out var known) && Encoding.UTF8.GetByteCount(known) == bytes.Length) return known;
            var text = Encoding.UTF8.GetString(bytes);
            if (_outcomes.Count < 4096) _outcomes.Add(text);
            return text;
        }

        private bool IsNull() => raw.sqlite3_column_type(stmt, _column) == raw.SQLITE_NULL;

        private int Int() => raw.sqlite3_column_int(stmt, _column++);

        private int? NullableInt()
        {
            if (IsNull()) { _column++; return null; }
            return Int();
        }

        private string? Text()
        {
            if (IsNull()) { _column++; return null; }
            return Encoding.UTF8.GetString(raw.sqlite3_column_blob(stmt, _column++));
        }

        private string Shared()
        {
            var bytes = raw.sqlite3_column_blob(stmt, _column++);
            foreach (var (b, text) in _shared)
                if (bytes.SequenceEqual(b)) return text;
            var s = Encoding.UTF8.GetString(bytes);
            if (_shared.Count < 256) _shared.Add((bytes.ToArray(), s));
            return s;
        }

        private decimal? Decimal()
        {
            if (IsNull()) { _column++; return null; }
            return decimal.Parse(raw.sqlite3_column_blob(stmt, _column++), NumberStyles.Number, CultureInfo.InvariantCulture);
        }

        /// <summary><c>yyyy-MM-dd HH:mm:ss[.f…]</c> as <see cref="SqliteText.FormatInstant"/> writes it.</summary>
        private DateTime? Instant()
        {
            if (IsNull()) { _column++; return null; }
            var t = raw.sqlite3_column_blob(stmt, _column++);
            if (t.Length < 19 || t[4] != '-' || t[7] != '-' || t[10] != ' ' || t[13] != ':' || t[16] != ':'
                || (t.Length > 19 && (t[19] != '.' || t.Length > SqliteText.MaxInstantLength)))
                throw new FormatException($"not an instant of the store: {Encoding.UTF8.GetString(t)}");
            var ticks = 0L;
            for (var i = 20; i < 27; i++) ticks = ticks * 10 + (i < t.Length ? Digit(t[i]) : 0);
            return new DateTime(Number(t, 0, 4), Number(t, 5, 2), Number(t, 8, 2), Number(t, 11, 2), Number(t, 14, 2),
                Number(t, 17, 2), DateTimeKind.Unspecified).AddTicks(ticks);
        }

        private static int Number(ReadOnlySpan<byte> t, int at, int width)
        {
            var n = 0;
            for (var i = at; i < at + width; i++) n = n * 10 + Digit(t[i]);
            return n;
        }

        private static int Digit(byte b) =>
            b is >= (byte)'0' and <= (byte)'9' ? b - '0' : throw new FormatException("not a digit in an instant of the store");
    }
}

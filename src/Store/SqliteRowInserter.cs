using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Analytics.Store;

/// <summary>
/// One prepared <c>INSERT</c> on the connection's native handle, bound value by value without boxing,
/// for the staging tables of a filing: a million rows pay for binding and stepping only, not for a
/// command object, a data reader and a boxed parameter per value. Text is bound as UTF-16 (SQLite
/// converts it), instants in the embedded store's text form (<see cref="SqliteText"/>).
/// </summary>
internal sealed class SqliteRowInserter : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;

    public SqliteRowInserter(SqliteConnection connection, string table, string sql)
    {
        Table = table;
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _stmt));
    }

    /// <summary>The staging table this statement writes.</summary>
    public string Table { get; }

    // Every value starts NULL (Run clears the bindings), so a null costs no call.

    public void Text(int index, string? value)
    {
        if (value is not null) Check(raw.sqlite3_bind_text16(_stmt, index, value.AsSpan()));
    }

    public void Int(int index, long value) => Check(raw.sqlite3_bind_int64(_stmt, index, value));

    public void Int(int index, long? value)
    {
        if (value is { } v) Check(raw.sqlite3_bind_int64(_stmt, index, v));
    }

    public void Bool(int index, bool value) => Check(raw.sqlite3_bind_int(_stmt, index, value ? 1 : 0));

    public void Bool(int index, bool? value)
    {
        if (value is { } v) Check(raw.sqlite3_bind_int(_stmt, index, v ? 1 : 0));
    }

    public void Blob(int index, ReadOnlySpan<byte> value) => Check(raw.sqlite3_bind_blob(_stmt, index, value));

    public void Instant(int index, DateTime value)
    {
        Span<char> text = stackalloc char[SqliteText.MaxInstantLength];
        var n = SqliteText.FormatInstant(value, text);
        Check(raw.sqlite3_bind_text16(_stmt, index, text[..n]));
    }

    public void Instant(int index, DateTime? value)
    {
        if (value is { } v) Instant(index, v);
    }

    public void Decimal(int index, decimal value)
    {
        Span<char> text = stackalloc char[40];
        if (!value.TryFormat(text, out var n, default, System.Globalization.CultureInfo.InvariantCulture))
            throw new InvalidOperationException("decimal did not fit its text");
        Check(raw.sqlite3_bind_text16(_stmt, index, text[..n]));
    }

    public void Decimal(int index, decimal? value)
    {
        if (value is { } v) Decimal(index, v);
    }

    public void Date(int index, DateOnly value) => Text(index, SqliteText.Date(value));

    /// <summary>The derived figures of a revision, in <see cref="StoreColumns.Derived"/> order from parameter <paramref name="first"/>.</summary>
    public void Derived(int first, Analytics.Domain.Storage.DerivedFigures d)
    {
        Int(first, (int)d.Category);
        Instant(first + 1, d.SettledAt);
        Int(first + 2, d.ApprovalDays);
        Int(first + 3, d.UtilityDays);
        Int(first + 4, d.WholeDays);
        Text(first + 5, d.Outcomes);
        Bool(first + 6, d.CalendarGap);
    }

    /// <summary>Executes the statement with the values bound, then readies it for the next row (all values NULL).</summary>
    public void Run()
    {
        var rc = raw.sqlite3_step(_stmt);
        if (rc != raw.SQLITE_DONE)
        {
            // reset returns the statement's real error (and clears it) when step failed.
            var reset = raw.sqlite3_reset(_stmt);
            Check(reset != raw.SQLITE_OK ? reset : rc);
        }
        Check(raw.sqlite3_reset(_stmt));
        Check(raw.sqlite3_clear_bindings(_stmt));
    }

    public void Dispose() => _stmt.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK && rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
            SqliteException.ThrowExceptionForRC(rc, _db);
    }
}

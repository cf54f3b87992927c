using Analytics.Domain.Storage;
using Microsoft.Data.Sqlite;

namespace Analytics.Store;

/// <summary>The oversight tables of the embedded store (schemas 4 and 6): each write one IMMEDIATE transaction (the write lock).</summary>
public sealed partial class SqliteStore
{
    private static readonly OversightTables Oversight = new(textTimes: true);

    public void SaveDraw(SpotCheckDrawRecord draw) { ArgumentNullException.ThrowIfNull(draw); Write((c, t) => Oversight.SaveDraw(c, t, draw)); }

    public SpotCheckDrawRecord? FindDraw(string drawId) => Read(c => OversightTables.FindDraw(c, drawId));

    public void SaveResults(IReadOnlyList<SpotCheckResult> results) { ArgumentNullException.ThrowIfNull(results); Write((c, t) => Oversight.SaveResults(c, t, results)); }

    public IReadOnlyList<SpotCheckResult> SpotCheckResults() => Read(OversightTables.Results);

    public RectificationItem AddRectification(RectificationItem item, RectificationChange change)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(change);
        RectificationItem? added = null;
        Write((c, t) => added = Oversight.Add(c, t, item, change));
        return added!;
    }

    public void UpdateRectification(RectificationItem item, RectificationChange change)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(change);
        Write((c, t) => Oversight.Update(c, t, item, change));
    }

    public IReadOnlyList<RectificationEvent> RectificationHistory(long id) => Read(c => OversightTables.History(c, id));

    public IReadOnlyList<RectificationItem> Rectifications() => Read(OversightTables.Rectifications);

    private void Write(Action<SqliteConnection, SqliteTransaction> write)
    {
        using var conn = OpenReady();
        try
        {
            using var tx = conn.BeginTransaction(deferred: false);
            write(conn, tx);
            tx.Commit();
        }
        catch (SqliteException ex)
        {
            throw SqliteErrors.Map(ex, Description);
        }
    }

    private T Read<T>(Func<SqliteConnection, T> read)
    {
        using var conn = OpenReady();
        try
        {
            return read(conn);
        }
        catch (SqliteException ex)
        {
            throw SqliteErrors.Map(ex, Description);
        }
    }
}

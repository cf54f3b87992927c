using Analytics.Domain.Storage;
using Npgsql;

namespace Analytics.Store;

/// <summary>The oversight tables of the PostgreSQL store (schemas 5 and 7): each write one transaction under the schema's advisory lock.</summary>
public sealed partial class PostgresStore
{
    private static readonly OversightTables Oversight = new(textTimes: false);

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

    private void Write(Action<NpgsqlConnection, NpgsqlTransaction> write)
    {
        using var conn = OpenReady();
        try
        {
            using var tx = conn.BeginTransaction();
            LockSchema(conn, tx, _lockTimeout);
            write(conn, tx);
            tx.Commit();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw PostgresErrors.Map(ex, Description);
        }
    }

    private T Read<T>(Func<NpgsqlConnection, T> read)
    {
        using var conn = OpenReady();
        try
        {
            return read(conn);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw PostgresErrors.Map(ex, Description);
        }
    }
}

using System.Data;
using Analytics.Domain.Storage;
using Dapper;

namespace Analytics.Store;

/// <summary>
/// What a store's derived figures were derived under (issue 12, item 2): three items of <c>analytics_meta</c>; a revision
/// filed without a derivation has NULL figures, found through a partial index. The same SQL on both stores.
/// </summary>
internal static class StoredDerivation
{
    private const string Calendar = "derivation_calendar";
    private const string Policy = "derivation_policy";
    private const string Rules = "derivation_rules";

    private const string Forget =
        $"DELETE FROM {StoreMarker.Table} WHERE item IN ('{Calendar}', '{Policy}', '{Rules}')";

    /// <summary>
    /// True when some revision has no derived figures (filed without a derivation, or from before them): a probe of the
    /// partial index of such revisions, so it costs nothing when there are none.
    /// </summary>
    public static bool AnyUnderived(IDbConnection conn, IDbTransaction? tx) =>
        conn.ExecuteScalar<long>(
            "SELECT count(*) FROM (SELECT 1 FROM application_revisions WHERE d_outcomes IS NULL LIMIT 1) u", transaction: tx) > 0;

    /// <summary>The derivation every revision's figures were derived under; null when there is none.</summary>
    public static DerivationVersion? Current(IDbConnection conn, IDbTransaction? tx) =>
        Read(conn, tx) is { } v && !AnyUnderived(conn, tx) ? v : null;

    /// <summary>The derivation recorded (the figures of some revisions may still be missing: <see cref="AnyUnderived"/>).</summary>
    public static DerivationVersion? Read(IDbConnection conn, IDbTransaction? tx)
    {
        var items = conn.Query<(string Item, string Value)>(
            $"SELECT item AS Item, value AS Value FROM {StoreMarker.Table} WHERE item IN ('{Calendar}', '{Policy}', '{Rules}')",
            transaction: tx).ToDictionary(r => r.Item, r => r.Value, StringComparer.Ordinal);
        return items.TryGetValue(Calendar, out var c) && items.TryGetValue(Policy, out var p) && items.TryGetValue(Rules, out var r)
            ? new DerivationVersion(c, p, r)
            : null;
    }

    /// <summary>Records <paramref name="version"/> as the derivation of every revision.</summary>
    public static void Write(IDbConnection conn, IDbTransaction tx, DerivationVersion version)
    {
        conn.Execute(Forget, transaction: tx);
        conn.Execute($"INSERT INTO {StoreMarker.Table} (item, value) VALUES (@item, @value)",
            new[]
            {
                new { item = Calendar, value = version.Calendar },
                new { item = Policy, value = version.Policy },
                new { item = Rules, value = version.Rules },
            }, tx);
    }

    /// <summary>
    /// Brings the figures to <paramref name="derivation"/> inside the caller's write transaction, the same on both stores:
    /// nothing when they are its figures already; else <paramref name="deriveInto"/> fills the temp table <c>derived</c>
    /// (key and <see cref="StoreColumns.Derived"/>) with the figures of every revision, or only of those without any when the
    /// store was derived under this very derivation (its argument), and returns how many; one UPDATE moves them into the
    /// revisions and the version is recorded. Returns what was derived again.
    /// </summary>
    public static DerivationReport Bring(IDbConnection conn, IDbTransaction tx, IRecordDerivation derivation, Func<bool, long> deriveInto)
    {
        // Again under the write lock: another process may have derived meanwhile.
        var stored = Read(conn, tx);
        if (stored == derivation.Version && !AnyUnderived(conn, tx)) return DerivationReport.UpToDate;
        var onlyMissing = stored == derivation.Version;
        var n = deriveInto(onlyMissing);
        conn.Execute($"""
            UPDATE application_revisions AS r
            SET {string.Join(", ", StoreColumns.Derived.Select(c => $"{c} = d.{c}"))}
            FROM derived d
            WHERE r.utility = d.utility AND r.application_id = d.application_id AND r.revision = d.revision
            """, transaction: tx, commandTimeout: 0);
        Write(conn, tx, derivation.Version);
        return onlyMissing ? new DerivationReport(n, false, false, false, First: true) : Report(stored, derivation.Version, n);
    }

    /// <summary>What changed from <paramref name="stored"/> (null: no derivation kept).</summary>
    public static DerivationReport Report(DerivationVersion? stored, DerivationVersion version, long revisions) =>
        stored is null
            ? new DerivationReport(revisions, false, false, false, First: true)
            : new DerivationReport(revisions, stored.Calendar != version.Calendar, stored.Policy != version.Policy,
                stored.Rules != version.Rules);
}

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

    /// <summary>What changed from <paramref name="stored"/> (null: no derivation kept).</summary>
    public static DerivationReport Report(DerivationVersion? stored, DerivationVersion version, long revisions) =>
        stored is null
            ? new DerivationReport(revisions, false, false, false, First: true)
            : new DerivationReport(revisions, stored.Calendar != version.Calendar, stored.Policy != version.Policy,
                stored.Rules != version.Rules);
}

using Analytics.Domain.Messages;
using Analytics.Domain.Storage;

namespace Analytics.Store;

/// <summary>
/// How a store recognises its own database: the table <c>analytics_meta</c> holding
/// <c>application_id</c> = <see cref="ApplicationId"/> (from SQLite schema 2, PostgreSQL schema 3), or,
/// in a store made before the marker, a <c>schema_version</c> whose version 1 is our first migration.
/// An empty database is ours to initialise; anything else is someone else's and is never written to.
/// The same table holds the customer key's fingerprint (<see cref="CustomerKeyFingerprint"/>).
/// </summary>
internal static class StoreMarker
{
    public const string ApplicationId = "analytics/linfen-getting-electricity";
    public const string Table = "analytics_meta";
    public const string CustomerKeyFingerprint = "customer_key_fingerprint";

    /// <summary>What a database is to us.</summary>
    public enum State { Empty = 1, Ours = 2, Foreign = 3 }

    /// <summary>The refusal of a foreign database: which tables it holds (a few), and what to do.</summary>
    public static StoreUnavailableException Foreign(string description, IReadOnlyList<string> tables)
    {
        var shown = string.Join(", ", tables.Take(5).Select(t => t.Length > 40 ? t[..40] + "…" : t));
        if (tables.Count > 5) shown += $" …（共 {tables.Count} 个）";
        return new StoreUnavailableException(DomainMessages.StoreForeign.With(description, shown, Table));
    }

    /// <summary>The refusal of a second, different customer key for a store that recorded one.</summary>
    public static CustomerKeyMismatchException Mismatch(string description, string recorded) =>
        new($"{description}: 此存储登记的客户密钥指纹为 {Short(recorded)}，与本次使用的密钥不同；"
            + "请从备份恢复建立此存储时的密钥文件（--key-file 或 ANALYTICS_KEY_FILE），未载入任何数据");

    /// <summary>The first 16 hex digits: enough to tell keys apart in a message, never the key itself.</summary>
    public static string Short(string fingerprint) => fingerprint.Length > 16 ? fingerprint[..16] : fingerprint;
}

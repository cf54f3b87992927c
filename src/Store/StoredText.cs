using Analytics.Domain;
using Analytics.Domain.Storage;

namespace Analytics.Store;

/// <summary>
/// Refuses, before anything is written, a text value that holds NUL (U+0000): PostgreSQL cannot store
/// it (SQLSTATE 22021) and SQLite would keep it and cut it short in some readers, so both stores refuse
/// it alike, as bad data naming the record and the field (<see cref="StoreDataException"/>). The check
/// is an in-memory scan of each text field (vectorized), no round trip.
/// </summary>
internal static class StoredText
{
    public static void Check(Application a)
    {
        Field(a.Utility, "utility", "application", a.ApplicationId);
        Field(a.ApplicationId, "application_id", "application", a.ApplicationId);
        Field(a.County, "county", "application", a.ApplicationId);
        Field(a.PreviousApplicationId, "previous_application_id", "application", a.ApplicationId);
        Field(a.CustomerKey, "customer_key", "application", a.ApplicationId);
        Field(a.CustomerMask, "customer_mask", "application", a.ApplicationId);
    }

    public static void Check(OutageStep o)
    {
        Field(o.Utility, "utility", "outage", o.OutageId);
        Field(o.OutageId, "outage_id", "outage", o.OutageId);
        Field(o.County, "county", "outage", o.OutageId);
        Field(o.Feeder, "feeder", "outage", o.OutageId);
    }

    public static void Check(CustomersServed c)
    {
        Field(c.Utility, "utility", "customers", c.County);
        Field(c.County, "county", "customers", c.County);
    }

    public static void Check(ReportNote n)
    {
        Field(n.Utility, "utility", "note", n.Utility);
        Field(n.Text, "text", "note", n.Utility);
    }

    public static void Check(LedgerNote n)
    {
        Field(n.County, "county", "ledger note", n.Task);
        Field(n.Task, "task", "ledger note", n.Task);
        Field(n.Text, "text", "ledger note", n.Task);
        Field(n.Status, "status", "ledger note", n.Task);
    }

    private static void Field(string? value, string field, string what, string key)
    {
        if (value is null || !value.AsSpan().Contains('\0')) return;
        // The key is shown without its NUL characters (and cut short), so the message stays one printable line.
        var shown = key.Replace("\0", "", StringComparison.Ordinal);
        if (shown.Length > 40) shown = shown[..40] + "…";
        throw new StoreDataException(
            $"{what} \"{shown}\": 字段 {field} 含有 NUL 字符（U+0000），存储拒收；请清除该字符后重新导入（未载入任何数据）", field);
    }
}

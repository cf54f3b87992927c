using System.Globalization;

namespace Analytics.Store;

/// <summary>
/// How the embedded store writes values SQLite has no type for. Instants: <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>
/// (the form Microsoft.Data.Sqlite itself uses; ordinal order is chronological order, so <c>as_of &lt;= @knownAt</c>
/// works on the text). Decimals: invariant text with the scale kept (exact, unlike REAL). Dates: <c>yyyy-MM-dd</c>.
/// </summary>
internal static class SqliteText
{
    public const string InstantFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    public static string Instant(DateTime value) => StoreTime.Normalize(value).ToString(InstantFormat, CultureInfo.InvariantCulture);

    public static object Instant(DateTime? value) => value is { } v ? Instant(v) : DBNull.Value;

    public static string Decimal(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static object Decimal(decimal? value) => value is { } v ? Decimal(v) : DBNull.Value;

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

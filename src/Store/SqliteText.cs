using System.Globalization;

namespace Analytics.Store;

/// <summary>
/// How the embedded store writes values SQLite has no type for. Instants: <c>yyyy-MM-dd HH:mm:ss[.ffffff]</c>,
/// to the microsecond, trailing zeros of the fraction dropped (the form Microsoft.Data.Sqlite itself writes and
/// parses; ordinal order is chronological order, so <c>as_of &lt;= @knownAt</c> works on the text). Decimals:
/// invariant text with the scale kept (exact, unlike REAL). Dates: <c>yyyy-MM-dd</c>.
/// </summary>
internal static class SqliteText
{
    /// <summary><c>yyyy-MM-dd HH:mm:ss.fffffff</c>.</summary>
    public const int MaxInstantLength = 27;

    public static string Instant(DateTime value)
    {
        Span<char> text = stackalloc char[MaxInstantLength];
        return new string(text[..FormatInstant(value, text)]);
    }

    public static object Instant(DateTime? value) => value is { } v ? Instant(v) : DBNull.Value;

    /// <summary>Writes the instant (normalized by <see cref="StoreTime"/>) and returns the length written.</summary>
    public static int FormatInstant(DateTime value, Span<char> text)
    {
        value = StoreTime.Normalize(value);
        Digits(text, 0, value.Year, 4);
        text[4] = '-';
        Digits(text, 5, value.Month, 2);
        text[7] = '-';
        Digits(text, 8, value.Day, 2);
        text[10] = ' ';
        Digits(text, 11, value.Hour, 2);
        text[13] = ':';
        Digits(text, 14, value.Minute, 2);
        text[16] = ':';
        Digits(text, 17, value.Second, 2);
        var fraction = (int)(value.Ticks % TimeSpan.TicksPerSecond);
        if (fraction == 0) return 19;
        text[19] = '.';
        Digits(text, 20, fraction, 7);
        var end = MaxInstantLength;
        while (text[end - 1] == '0') end--;
        return end;
    }

    public static string Decimal(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static object Decimal(decimal? value) => value is { } v ? Decimal(v) : DBNull.Value;

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Digits(Span<char> text, int at, int value, int width)
    {
        for (var i = at + width - 1; i >= at; i--)
        {
            text[i] = (char)('0' + value % 10);
            value /= 10;
        }
    }
}

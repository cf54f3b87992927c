using System.Globalization;
using Analytics.Ingest.Messages;

namespace Analytics.Ingest.Parsing;

/// <summary>
/// The date-time forms of templates.md §1, parsed by hand (no regex, no culture) because every row
/// has a dozen of them: <c>2021-09-22 10:30[:00]</c>, <c>2021/9/22 10:30</c>, <c>2021.9.22</c>,
/// <c>2021-09-22T10:30:00[.fff]</c>, <c>2021年9月22日 10:30</c> (also <c>10时30分</c>), a bare date
/// (= 00:00), an explicit offset (<c>Z</c>, <c>+08:00</c>, <c>+0800</c>, <c>-05</c>) converted to
/// China time (UTC+8), and an Excel serial number (days since 1899-12-30, e.g. <c>44461.4375</c>).
/// </summary>
/// <remarks>
/// Results are China local time with <see cref="DateTimeKind.Unspecified"/>. Years outside
/// <see cref="MinYear"/>–<see cref="MaxYear"/> are refused as impossible: such a date in an
/// application or outage is a typo, and the working-day calendar could not count it anyway.
/// A serial number is accepted only when it falls in those years, so a stray count is not read as a date.
/// </remarks>
public static class DateTimeText
{
    public const int MinYear = 2000;
    public const int MaxYear = 2099;
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    // Excel serials of 2000-01-01 and 2100-01-01.
    private const double MinSerial = 36526;
    private const double MaxSerial = 73051;

    /// <summary>Parses trimmed text. On failure <paramref name="reason"/> says why, for the error message.</summary>
    public static DateTimeParse TryParse(ReadOnlySpan<char> s, out DateTime value, out MessageText? reason)
    {
        value = default;
        reason = null;
        var i = 0;
        var n = s.Length;
        if (!Digits(s, ref i, 4, 4, out var year))
            return TrySerialText(s, out value, out reason);
        if (i == n) return TrySerialText(s, out value, out reason);

        int month, day;
        var closedByDay = false; // 2021年9月22日10:30: 日 already separates the time
        var sep = s[i];
        if (sep is '-' or '/' or '.')
        {
            i++;
            if (!Digits(s, ref i, 1, 2, out month) || i >= n || s[i] != sep) return Invalid(out reason);
            i++;
            if (!Digits(s, ref i, 1, 2, out day)) return Invalid(out reason);
        }
        else if (sep == '年')
        {
            i++;
            SkipSpaces(s, ref i);
            if (!Digits(s, ref i, 1, 2, out month)) return Invalid(out reason);
            SkipSpaces(s, ref i);
            if (i >= n || s[i] != '月') return Invalid(out reason);
            i++;
            SkipSpaces(s, ref i);
            if (!Digits(s, ref i, 1, 2, out day)) return Invalid(out reason);
            if (i < n && s[i] is '日' or '号') { i++; closedByDay = true; }
        }
        else if (char.IsAsciiDigit(sep))
        {
            return TrySerialText(s, out value, out reason);
        }
        else return Invalid(out reason);

        int hour = 0, minute = 0, second = 0;
        long fractionTicks = 0;
        TimeSpan? offset = null;
        if (i < n)
        {
            // Separator between date and time: 'T' or white space.
            if (s[i] is 'T' or 't') i++;
            else if (char.IsWhiteSpace(s[i])) SkipSpaces(s, ref i);
            else if (!closedByDay) return Invalid(out reason);
            if (!Digits(s, ref i, 1, 2, out hour) || i >= n) return Invalid(out reason);
            var chineseTime = s[i] is '时' or '点';
            if (!chineseTime && s[i] is not (':' or '：')) return Invalid(out reason);
            i++;
            if (!Digits(s, ref i, 1, 2, out minute)) return Invalid(out reason);
            if (chineseTime)
            {
                if (i < n && s[i] == '分')
                {
                    i++;
                    if (i < n && char.IsAsciiDigit(s[i]))
                    {
                        if (!Digits(s, ref i, 1, 2, out second) || i >= n || s[i] != '秒') return Invalid(out reason);
                        i++;
                    }
                }
            }
            else if (i < n && s[i] is ':' or '：')
            {
                i++;
                if (!Digits(s, ref i, 1, 2, out second)) return Invalid(out reason);
                if (i < n && s[i] is '.' or ',')
                {
                    i++;
                    var start = i;
                    long frac = 0;
                    while (i < n && char.IsAsciiDigit(s[i]))
                    {
                        if (i - start < 7) frac = frac * 10 + (s[i] - '0');
                        i++;
                    }
                    if (i == start) return Invalid(out reason);
                    for (var k = Math.Min(i - start, 7); k < 7; k++) frac *= 10;
                    fractionTicks = frac;
                }
            }
            if (i < n)
            {
                if (char.IsWhiteSpace(s[i])) SkipSpaces(s, ref i);
                if (i < n)
                {
                    if (!TryOffset(s, ref i, out var off)) return Invalid(out reason);
                    offset = off;
                }
            }
            if (i != n) return Invalid(out reason);
        }

        if (year is < MinYear or > MaxYear)
            return Impossible(out reason, IngestMessages.YearOutside.With(year, MinYear, MaxYear));
        if (month is < 1 or > 12)
            return Impossible(out reason, IngestMessages.NoSuchMonth.With(month));
        var dim = DateTime.DaysInMonth(year, month);
        if (day < 1 || day > dim)
            return Impossible(out reason, IngestMessages.DaysInMonth.With(string.Create(CultureInfo.InvariantCulture, $"{year}-{month:00}"), dim));
        if (hour > 23 || minute > 59 || second > 59)
            return Impossible(out reason, IngestMessages.NotATimeOfDay.With(string.Create(CultureInfo.InvariantCulture, $"{hour:00}:{minute:00}:{second:00}")));

        var dt = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fractionTicks);
        if (offset is { } o) dt = dt - o + China;
        value = dt;
        return DateTimeParse.Ok;
    }

    /// <summary>
    /// An Excel serial date (days since 1899-12-30; the fraction is the time of day), accepted only
    /// within <see cref="MinYear"/>–<see cref="MaxYear"/>; rounded to the second, since Excel stores
    /// 10:30 as a binary fraction that is a hair off.
    /// </summary>
    public static bool TryFromSerial(double serial, out DateTime value)
    {
        value = default;
        if (double.IsNaN(serial) || serial < MinSerial || serial >= MaxSerial) return false;
        value = RoundToSecond(DateTime.FromOADate(serial));
        return true;
    }

    /// <summary>Rounds to the nearest whole second.</summary>
    public static DateTime RoundToSecond(DateTime dt)
    {
        var ticks = (dt.Ticks + TimeSpan.TicksPerSecond / 2) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond;
        return new DateTime(ticks, DateTimeKind.Unspecified);
    }

    private static DateTimeParse TrySerialText(ReadOnlySpan<char> s, out DateTime value, out MessageText? reason)
    {
        value = default;
        reason = null;
        foreach (var c in s)
            if (!char.IsAsciiDigit(c) && c != '.') return Invalid(out reason);
        if (!double.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var serial)) return Invalid(out reason);
        if (TryFromSerial(serial, out value)) return DateTimeParse.Ok;
        reason = IngestMessages.SerialOutOfRange.With(s.ToString(), MinYear, MaxYear);
        return DateTimeParse.Invalid;
    }

    private static bool TryOffset(ReadOnlySpan<char> s, ref int i, out TimeSpan offset)
    {
        offset = default;
        if (s[i] is 'Z' or 'z') { i++; return true; }
        if (s[i] is not ('+' or '-')) return false;
        var negative = s[i] == '-';
        i++;
        if (!Digits(s, ref i, 2, 2, out var hh)) return false;
        var mm = 0;
        if (i < s.Length && s[i] == ':') i++;
        if (i < s.Length && !Digits(s, ref i, 2, 2, out mm)) return false;
        if (hh > 14 || mm > 59) return false;
        offset = new TimeSpan(hh, mm, 0);
        if (negative) offset = -offset;
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, ref int i, int min, int max, out int value)
    {
        value = 0;
        var start = i;
        while (i < s.Length && i - start < max && char.IsAsciiDigit(s[i]))
        {
            value = value * 10 + (s[i] - '0');
            i++;
        }
        return i - start >= min;
    }

    private static void SkipSpaces(ReadOnlySpan<char> s, ref int i)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
    }

    private static DateTimeParse Invalid(out MessageText? reason)
    {
        reason = null;
        return DateTimeParse.Invalid;
    }

    private static DateTimeParse Impossible(out MessageText? reason, MessageText why)
    {
        reason = why;
        return DateTimeParse.Impossible;
    }
}

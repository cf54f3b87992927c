using System.Globalization;

namespace Analytics.Ingest.Parsing;

/// <summary>
/// Numbers as templates.md §1 writes them, parsed by hand into <see cref="decimal"/> (no culture,
/// no regex): <c>.</c> is the decimal point; <c>,</c> separates thousands and must group by three
/// (so a European <c>1,5</c> is refused, not read as 15); the column's unit suffix may follow
/// (<c>250kW</c>, <c>1,200.50 元</c>).
/// </summary>
public static class NumberText
{
    /// <summary>Parses trimmed text.</summary>
    public static NumberParse TryParse(ReadOnlySpan<char> s, NumberUnit unit, out decimal value)
    {
        value = 0;
        s = StripUnit(s, unit).TrimEnd();
        if (s.IsEmpty) return NumberParse.Invalid;
        var negative = false;
        var i = 0;
        if (s[0] is '+' or '-' or '－')
        {
            negative = s[0] != '+';
            i = 1;
        }
        ulong mantissa = 0;
        var digits = 0;
        var scale = 0;
        var intDigits = 0;
        var groupLen = -1; // digits since the last comma; -1 = no comma seen
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c))
            {
                if (digits < 19) { mantissa = mantissa * 10 + (ulong)(c - '0'); digits++; }
                else return TryParseSlow(s, negative, out value);
                intDigits++;
                if (groupLen >= 0) groupLen++;
            }
            else if (c == ',')
            {
                // First group 1–3 digits, every later group exactly 3.
                if (intDigits == 0 || (groupLen < 0 ? intDigits > 3 : groupLen != 3)) return NumberParse.Invalid;
                groupLen = 0;
            }
            else if (c == '.')
            {
                if (groupLen >= 0 && groupLen != 3) return NumberParse.Invalid;
                groupLen = -2;
                i++;
                var fracStart = i;
                for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
                {
                    if (digits < 19) { mantissa = mantissa * 10 + (ulong)(s[i] - '0'); digits++; scale++; }
                    else return TryParseSlow(s, negative, out value);
                }
                if (i != s.Length || (intDigits == 0 && i == fracStart)) return NumberParse.Invalid;
                break;
            }
            else return NumberParse.Invalid;
        }
        if (intDigits == 0 && scale == 0) return NumberParse.Invalid;
        if (groupLen >= 0 && groupLen != 3) return NumberParse.Invalid;
        value = new decimal((int)(mantissa & 0xFFFFFFFF), (int)(mantissa >> 32), 0, false, (byte)scale);
        if (negative && value != 0) { value = -value; return NumberParse.Negative; }
        return NumberParse.Ok;
    }

    /// <summary>The column's unit suffix, if the text ends with it.</summary>
    private static ReadOnlySpan<char> StripUnit(ReadOnlySpan<char> s, NumberUnit unit)
    {
        switch (unit)
        {
            case NumberUnit.Yuan:
                if (s.EndsWith("元")) return s[..^1];
                break;
            case NumberUnit.Kilowatt:
                if (s.EndsWith("kva", StringComparison.OrdinalIgnoreCase)) return s[..^3];
                if (s.EndsWith("kw", StringComparison.OrdinalIgnoreCase)) return s[..^2];
                if (s.EndsWith("千瓦")) return s[..^2];
                break;
            case NumberUnit.Households:
                if (s.EndsWith("户")) return s[..^1];
                break;
            case NumberUnit.Days:
                if (s.EndsWith("天") || s.EndsWith("日")) return s[..^1];
                break;
        }
        return s;
    }

    // More than 19 significant digits: rare enough to let decimal.Parse do it (after removing the grouping).
    private static NumberParse TryParseSlow(ReadOnlySpan<char> s, bool negative, out decimal value)
    {
        Span<char> clean = s.Length <= 128 ? stackalloc char[s.Length] : new char[s.Length];
        var k = 0;
        foreach (var c in s)
            if (c is not (',' or '+' or '-' or '－')) clean[k++] = c;
        if (!decimal.TryParse(clean[..k], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
            return NumberParse.Invalid;
        if (negative && value != 0) { value = -value; return NumberParse.Negative; }
        return NumberParse.Ok;
    }
}

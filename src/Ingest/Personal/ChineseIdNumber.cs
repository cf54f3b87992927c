using Analytics.Ingest.Messages;
namespace Analytics.Ingest.Personal;

/// <summary>
/// The citizen identity number of GB 11643-1999: 6 digits of region, 8 of birth date (YYYYMMDD),
/// 3 of sequence and a check character (ISO 7064 MOD 11-2: digits weighted 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2,
/// sum mod 11 indexes "10X98765432"). The birth date must be a real date between 1900-01-01 and
/// the reference date. The old 15-digit numbers have no check character and are refused.
/// </summary>
public static class ChineseIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    /// <summary>The number upper-cased and without white space (the form that is hashed).</summary>
    public static string Normalize(ReadOnlySpan<char> text)
    {
        Span<char> buf = stackalloc char[MaxNormalizedLength];
        return new string(buf[..Normalize(text, buf)]);
    }

    /// <summary>The longest normalized number kept (anything longer is invalid anyway).</summary>
    internal const int MaxNormalizedLength = 64;

    /// <summary>Writes the normalized number (at most <see cref="MaxNormalizedLength"/> characters) to <paramref name="destination"/>; returns its length.</summary>
    internal static int Normalize(ReadOnlySpan<char> text, Span<char> destination)
    {
        var max = Math.Min(destination.Length, MaxNormalizedLength);
        var n = 0;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) continue;
            if (n == max) break;
            destination[n++] = c == 'x' ? 'X' : c;
        }
        return n;
    }

    /// <summary>Validates a normalized number; on failure <paramref name="reason"/> says what is wrong, without repeating the number.</summary>
    public static bool IsValid(ReadOnlySpan<char> id, DateOnly notAfter, out MessageText? reason)
    {
        reason = null;
        if (id.Length != 18)
        {
            reason = id.Length == 15
                ? IngestMessages.IdFifteenDigits.Text()
                : IngestMessages.IdLength.With(id.Length);
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(id[i]))
            {
                reason = IngestMessages.IdDigits.Text();
                return false;
            }
            sum += (id[i] - '0') * Weights[i];
        }
        if (id[17] != CheckChars[sum % 11])
        {
            reason = IngestMessages.IdCheckCharacter.Text();
            return false;
        }
        var year = Number(id.Slice(6, 4));
        var month = Number(id.Slice(10, 2));
        var day = Number(id.Slice(12, 2));
        if (year < 1900 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || new DateOnly(year, month, day) > notAfter)
        {
            reason = IngestMessages.IdBirthDate.Text();
            return false;
        }
        return true;
    }

    private static int Number(ReadOnlySpan<char> digits)
    {
        var v = 0;
        foreach (var c in digits) v = v * 10 + (c - '0');
        return v;
    }
}

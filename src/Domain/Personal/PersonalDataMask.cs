using System.Globalization;

namespace Analytics.Domain;

/// <summary>
/// How personal data may appear in reports, errors and rejects files (templates.md §3, Personal data) —
/// the one rule for Ingest (which stores the mask) and Reports (which prints it):
/// a name as its first character and one <c>*</c> (<c>张*</c>, whatever the name's length); an ID number
/// as its first four and last four characters (<c>1404**********123X</c>); a phone as its first three and
/// last four digits. Anything too short to mask safely becomes all stars.
/// </summary>
/// <remarks>
/// Of the two rules that existed, the stricter one is kept: a name never shows its length (one star,
/// not one star a character), the first character is a whole text element (a surrogate pair or a
/// letter with its combining marks stays whole), and <see cref="Safe"/> re-masks anything that is not
/// exactly of the <see cref="Name"/> shape — in particular a "mask" holding a long run of digits (an ID
/// number or a phone in clear).
/// </remarks>
public static class PersonalDataMask
{
    /// <summary><c>张三</c> → <c>张*</c>; empty for an empty name.</summary>
    public static string Name(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var t = name.Trim();
        if (t.Length == 0) return "";
        return string.Concat(t.AsSpan(0, StringInfo.GetNextTextElementLength(t)), "*");
    }

    /// <summary>18 characters → first 4, 10 stars, last 4.</summary>
    public static string IdNumber(string id) => Keep(id, 4, 4, 12);

    /// <summary>11 digits → first 3, 4 stars, last 4.</summary>
    public static string Phone(string phone) => Keep(phone, 3, 4, 9);

    /// <summary>
    /// The last line of defence in reports: the stored mask when it is one (one text element that is
    /// not a digit, then <c>*</c>); anything else is masked again by <see cref="Name"/>, so a clear name,
    /// ID number or phone can never reach a report. Empty for none.
    /// </summary>
    public static string Safe(string? mask)
    {
        if (string.IsNullOrWhiteSpace(mask)) return "";
        var t = mask.Trim();
        var first = StringInfo.GetNextTextElementLength(t);
        var isMask = t.Length == first + 1 && t[first] == '*' && t[0] != '*' && !char.IsAsciiDigit(t[0]);
        return isMask ? t : Name(t);
    }

    private static string Keep(string text, int head, int tail, int minLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (t.Length < minLength) return new string('*', t.Length);
        return string.Concat(t.AsSpan(0, head), new string('*', t.Length - head - tail), t.AsSpan(t.Length - tail));
    }
}

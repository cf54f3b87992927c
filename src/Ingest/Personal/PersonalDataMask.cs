namespace Analytics.Ingest.Personal;

/// <summary>
/// How personal data may appear in reports, errors and rejects files (templates.md §3, Personal data):
/// a name as its first character and <c>*</c> (<c>张*</c>); an ID number as its first four and last four
/// characters (<c>1404**********123X</c>); a phone as its first three and last four digits.
/// Anything too short to mask safely becomes all stars.
/// </summary>
public static class PersonalDataMask
{
    /// <summary><c>张三</c> → <c>张*</c>.</summary>
    public static string Name(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var t = name.Trim();
        if (t.Length == 0) return "";
        // Keep a whole surrogate pair when the first character is outside the BMP.
        var first = char.IsHighSurrogate(t[0]) && t.Length > 1 ? t[..2] : t[..1];
        return first + "*";
    }

    /// <summary>18 characters → first 4, 10 stars, last 4.</summary>
    public static string IdNumber(string id) => Keep(id, 4, 4, 12);

    /// <summary>11 digits → first 3, 4 stars, last 4.</summary>
    public static string Phone(string phone) => Keep(phone, 3, 4, 9);

    private static string Keep(string text, int head, int tail, int minLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (t.Length < minLength) return new string('*', t.Length);
        return string.Concat(t.AsSpan(0, head), new string('*', t.Length - head - tail), t.AsSpan(t.Length - tail));
    }
}

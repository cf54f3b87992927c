namespace Analytics.Reports.Common;

/// <summary>
/// The last line of defence for personal data in reports (templates.md §3): a customer is shown
/// only by the mask Ingest stored (<c>张*</c>). A mask that somehow arrives without any <c>*</c>
/// is masked again here (first character kept), so a clear name can never reach a report.
/// </summary>
public static class PersonalDataMask
{
    /// <summary>The mask to print: empty for none; the stored mask when it is masked; else first character + <c>*</c>s.</summary>
    public static string Safe(string? mask)
    {
        if (string.IsNullOrWhiteSpace(mask)) return "";
        var t = mask.Trim();
        if (t.Contains('*', StringComparison.Ordinal) && !LooksLikeIdOrPhone(t)) return t;
        // Keep the first text element (a Chinese surname is one char; a surrogate pair stays whole).
        var first = System.Globalization.StringInfo.GetNextTextElementLength(t);
        var rest = System.Globalization.StringInfo.ParseCombiningCharacters(t).Length - 1;
        return string.Concat(t.AsSpan(0, first), new string('*', Math.Max(1, rest)));
    }

    // A "mask" holding a long run of digits would still be an ID number or phone in clear.
    private static bool LooksLikeIdOrPhone(string text)
    {
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run >= 7) return true;
        }
        return false;
    }
}

namespace Analytics.Reports.Pdf;

/// <summary>Choices about how the PDF reports are laid out (not what they compute).</summary>
public sealed record ReportOptions
{
    public static ReportOptions Default { get; } = new();

    /// <summary>
    /// The appendix lists at most this many applications (the most serious first) and says how many there are in all:
    /// past a few hundred rows a printed list stops being read, and <c>analytics findings</c> exports the whole list.
    /// </summary>
    public int AppendixLimit { get; init; } = 300;

    /// <summary>Typography tokens: GB/T 9704-2012 (<see cref="Theme.Official"/>) unless a caller asks for the plain theme.</summary>
    public Theme Theme { get; init; } = Theme.Official;

    /// <summary>
    /// The circular's 文号: a whole one (临能源电力发〔2026〕12号) or its serial number alone (12), which is put into the
    /// plan's prefix and the as-of year. Null leaves the serial blank, for the bureau to fill in when it signs.
    /// </summary>
    public string? DocNumber { get; init; }

    /// <summary>
    /// The 文号 of a utility's semiannual report (a 上行文 to the bureau): a whole one (临供电发〔2026〕15号); the utility's
    /// 发文机关代字 is its own, so a serial alone cannot be completed. Null leaves 代字 and serial blank, for the utility to fill in.
    /// </summary>
    public string? UtilityDocNumber { get; init; }

    /// <summary>抄送 of the circular's 版记.</summary>
    public IReadOnlyList<string> CopyTo { get; init; } = ["临汾市人民政府办公室"];
}

/// <summary>The 文号 of a circular (GB/T 9704 7.2.3): 发文机关代字〔年份〕序号号, the year in 〔〕 and no leading zeros.</summary>
internal static partial class DocNumbers
{
    /// <summary>
    /// The 文号: <paramref name="given"/> when it is a whole one; else the plan's prefix (临能源电力发 of
    /// 临能源电力发〔2021〕189号), <paramref name="year"/> and <paramref name="given"/> as the serial; a blank serial when null.
    /// </summary>
    public static string Of(string? given, string planId, int year)
    {
        if (given is not null && given.Contains('〔', StringComparison.Ordinal)) return given.Trim();
        var m = PlanPrefix().Match(planId);
        var prefix = m.Success ? m.Groups[1].Value : "临能源电力发";
        var serial = given is null ? "　　" : given.Trim().TrimStart('0');
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}〔{year}〕{serial}号");
    }

    /// <summary>A utility's 文号: <paramref name="given"/> (a whole one), or 代字 and serial left blank in <paramref name="year"/>.</summary>
    public static string OfUtility(string? given, int year) =>
        given is not null ? given.Trim() : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"　　　　〔{year}〕　　号");

    /// <summary>A whole 文号: 代字, a four-digit year in 〔〕, a serial and 号 (临供电发〔2026〕15号).</summary>
    public static bool IsWhole(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return PlanPrefix().IsMatch(text.Trim());
    }

    /// <summary>A serial of 1–4 digits, or a whole 文号 with a four-digit year in 〔〕 and a serial.</summary>
    public static bool IsValid(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        return Serial().IsMatch(t) || PlanPrefix().IsMatch(t);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[1-9]\d{0,3}$")]
    private static partial System.Text.RegularExpressions.Regex Serial();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(.+?)〔\d{4}〕\d+号$")]
    private static partial System.Text.RegularExpressions.Regex PlanPrefix();
}

namespace Analytics.Reports.Pdf.Content;

/// <summary>
/// One kind of problem found in a half year: a target not met (by id) or an integrity rule broken, with how
/// many applications (for 目标5: area classes) it concerns and where.
/// </summary>
/// <param name="Code">Target id (T2a …) or integrity rule code (back_filled …).</param>
/// <param name="Label">What it is, in Chinese.</param>
/// <param name="Clause">目标N / 任务N.</param>
/// <param name="Count">Applications concerned (目标5: area classes not met).</param>
/// <param name="Severity">1–3, <see cref="ProblemSeverity"/>.</param>
/// <param name="Counties">County names with their counts, most first.</param>
internal sealed record Problem(string Code, string Label, string Clause, int Count, int Severity, IReadOnlyList<(string County, int Count)> Counties)
{
    /// <summary>Count × severity: the ranking key.</summary>
    public int Weight => Count * Severity;

    /// <summary>Day targets: the largest excess over the limit, in working days.</summary>
    public decimal? WorstExcess { get; init; }

    /// <summary>What <see cref="Count"/> counts: 件 (applications) or 个供电区域 (目标5).</summary>
    public string Unit { get; init; } = "件";

    /// <summary>The worst counties as text: 尧都区12件、洪洞县8件.</summary>
    public string WorstCounties(int take = 3) =>
        Counties.Count == 0 ? Formats.None
        : string.Join("、", Counties.Take(take).Select(c => c.County + Formats.Count(c.Count) + Unit));
}

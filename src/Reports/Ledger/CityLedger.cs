using Analytics.Domain;
namespace Analytics.Reports.Ledger;

/// <summary>
/// The city's roll-up of one week's ledgers (四、1: counties file with 市能源局 every Thursday): one line per
/// county with its headline figures, the city as a whole, every county's issues together, which counties
/// filed, and what the filed ledgers report on the plan's tasks.
/// </summary>
public sealed record CityLedger
{
    public required string CityName { get; init; }
    public required string BureauName { get; init; }
    public required LedgerWeek Week { get; init; }
    /// <summary>The last day the figures cover (metrics.md §8 "数据截至"): the week's Wednesday, or the data's end when earlier.</summary>
    public DateOnly CutOff { get; init; }
    public required string PlanId { get; init; }
    /// <summary>The targets shown as columns (every target but SAIDI, which has its own column), in policy order.</summary>
    public required IReadOnlyList<CityTargetColumn> TargetColumns { get; init; }
    /// <summary>One line per registry county, in registry order.</summary>
    public required IReadOnlyList<CityCountyLine> Counties { get; init; }
    /// <summary>The whole city (全市).</summary>
    public required CityCountyLine Total { get; init; }
    /// <summary>问题清单 of every county, county first.</summary>
    public required IReadOnlyList<CityIssueLine> Issues { get; init; }
    /// <summary>工作进展 filed for this Thursday, every county.</summary>
    public required IReadOnlyList<CityProgressLine> Progress { get; init; }
    /// <summary>整改逾期: rectification items not closed after their deadline at the week's end, by county then unit.</summary>
    public IReadOnlyList<CityRectificationLine> OverdueRectifications { get; init; } = [];
    /// <summary>The overdue items counted by county (or 市直 without one) and 责任单位, most first.</summary>
    public IReadOnlyList<CityOverdueCount> OverdueByUnit { get; init; } = [];
}

/// <summary>An overdue rectification item on the city's roll-up: the county's name (empty when none), the item's fields and status label.</summary>
public sealed record CityRectificationLine(string County, long Id, string ResponsibleUnit, string Problem, string Utility, string Subject,
    DateOnly Deadline, string Measures, string Status, DateOnly? FollowUpOn, string FollowUpResult);

/// <summary>How many overdue items a county / 责任单位 has.</summary>
public sealed record CityOverdueCount(string County, string ResponsibleUnit, int Count);

/// <summary>A target shown as a column of the city roll-up.</summary>
public sealed record CityTargetColumn(string TargetId, string Clause, string Title, string Limit);

/// <summary>One county's headline figures (or the city's, for the 全市 line).</summary>
public sealed record CityCountyLine
{
    /// <summary>County name, or 全市.</summary>
    public required string Name { get; init; }
    /// <summary>County code; empty for 全市.</summary>
    public string Code { get; init; } = "";
    /// <summary>Whether the county filed its ledger for this Thursday (ledger notes stored for it); null for 全市.</summary>
    public bool? Filed { get; init; }
    /// <summary>
    /// This Thursday's filing against its deadline (按时报送 / 逾期报送（晚N天）, <see cref="LedgerFilingState"/>); null when
    /// not filed, for 全市, or when the records carry no filing times.
    /// </summary>
    public LedgerFilingState? FilingState { get; init; }
    /// <summary>The latest Thursday the county filed for, when any.</summary>
    public DateOnly? LastFiled { get; init; }
    /// <summary>The signature of this Thursday's filing (填报人、审核人 masked, 报送日期); null when none was filed with it.</summary>
    public LedgerSignature? Signature { get; init; }
    public required LedgerVolumes WeekVolumes { get; init; }
    public required LedgerVolumes YearVolumes { get; init; }
    /// <summary>Year-to-date figure by target id (for the target columns).</summary>
    public required IReadOnlyDictionary<string, LedgerTargetFigure> YearTargets { get; init; }
    /// <summary>Issues of the week (breaches, integrity findings, notice failures).</summary>
    public int Issues { get; init; }
    /// <summary>SAIDI year to date, all area classes pooled; null without customers served.</summary>
    public decimal? SaidiYtdH { get; init; }
    /// <summary>目标5 met by every area class year to date; null when not judged.</summary>
    public bool? SaidiMet { get; init; }
}

/// <summary>A county's issue on the city's combined 问题清单.</summary>
public sealed record CityIssueLine(string County, IssueLine Issue);

/// <summary>A filed 工作进展 row on the city's roll-up.</summary>
public sealed record CityProgressLine(string County, string Task, string Title, string Text, string Status, string Problems);

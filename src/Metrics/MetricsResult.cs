using Analytics.Domain.Policy;

namespace Analytics.Metrics;

/// <summary>
/// Everything the engine computed for one period (what the <c>metrics</c>, <c>applications</c> and <c>findings</c>
/// commands and the reports print).
/// </summary>
public sealed record MetricsResult
{
    public required MetricsPeriod Period { get; init; }
    public required DateTime AsOf { get; init; }
    /// <summary>The newest as-of of the data (metrics.md §8 <c>data_through</c>); null when the input did not say.</summary>
    public DateTime? DataThrough { get; init; }
    /// <summary>The date people read as "数据截至": <see cref="DataThrough"/>, never after the period's end.</summary>
    public DateOnly? DataThroughDate => DataThrough is { } d ? DateOnly.FromDateTime(d) : null;
    /// <summary>False when the period ends after <see cref="DataThrough"/> (partial) or starts after it (no data).</summary>
    public bool Complete => DataThroughDate is not { } d || Period.To <= d;
    /// <summary>True when the period starts after <see cref="DataThrough"/>: every figure is empty.</summary>
    public bool NoData => DataThroughDate is { } d && Period.From > d;
    public required Policy Policy { get; init; }
    /// <summary>The county filter, if any.</summary>
    public string? County { get; init; }
    /// <summary>The utility filter, if any.</summary>
    public string? Utility { get; init; }

    /// <summary>
    /// Figures of every application of the selection (county/utility filter), whatever the period, in input order.
    /// Use <see cref="ApplicationFigures.IsActiveIn"/> or <see cref="ApplicationsInPeriod"/> for the period's rows.
    /// </summary>
    public required IReadOnlyList<ApplicationFigures> Applications { get; init; }

    /// <summary>Every target × group (city, each county, utility, area, category) for the period; T5 by year × area class.</summary>
    public required IReadOnlyList<TargetResult> Targets { get; init; }

    /// <summary>The non-compliant applications counted by <see cref="Targets"/> (selected in the period), with evidence.</summary>
    public required IReadOnlyList<Finding> Breaches { get; init; }

    /// <summary>Data gaps (数据缺项, metrics.md §8): applications a target could not judge because the field it tests is blank.</summary>
    public IReadOnlyList<Finding> DataGaps { get; init; } = [];

    /// <summary>Integrity findings (任务4) whose date (<see cref="Finding.On"/>) lies in the period.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>Integrity findings of the selection, whatever their date (the <c>findings</c> column of the applications list).</summary>
    public required IReadOnlyList<Finding> AllIntegrityFindings { get; init; }

    /// <summary>Reliability of every year of the period × county/city × utility/all × area/all that has customers served.</summary>
    public required IReadOnlyList<ReliabilityEntry> Reliability { get; init; }

    /// <summary>Indicators of the period.</summary>
    public required Indicators Indicators { get; init; }

    /// <summary>Figures that could not be computed (reliability groups without customers, years without calendar).</summary>
    public required IReadOnlyList<MetricsError> Errors { get; init; }

    /// <summary>
    /// Applications the store counted from their derived figures (<see cref="MetricsQuery"/>): their figures are in
    /// <see cref="Targets"/> and <see cref="Indicators"/>, and they have no row in <see cref="Applications"/>,
    /// <see cref="Breaches"/>, <see cref="DataGaps"/> or the findings. 0 when every application was read in full.
    /// </summary>
    public long CountedInStore { get; init; }

    /// <summary>The applications whose life overlaps the period (see <see cref="ApplicationFigures.IsActiveIn"/>).</summary>
    public IEnumerable<ApplicationFigures> ApplicationsInPeriod => Applications.Where(a => a.IsActiveIn(Period));

    /// <summary>
    /// Integrity findings in the period, then data gaps (数据缺项, data quality, not violations), then target breaches:
    /// the rows of the <c>findings</c> command.
    /// </summary>
    public IEnumerable<Finding> FindingsAndBreaches => Findings.Concat(DataGaps).Concat(Breaches);

    /// <summary>The target rows of one dimension (e.g. every county's rows).</summary>
    public IEnumerable<TargetResult> TargetsBy(GroupDimension dimension) => Targets.Where(t => t.Group.Dimension == dimension);

    /// <summary>The city-level row of a target (for T5 the rows are per area; this returns null for T5).</summary>
    public TargetResult? CityTarget(string id) =>
        Targets.FirstOrDefault(t => t.Group.Dimension == GroupDimension.City && string.Equals(t.Id, id, StringComparison.Ordinal));

    private Dictionary<(string, string), List<string>>? _codes;

    /// <summary>
    /// The codes of the application's integrity findings (any date, each rule once, in rule order) followed by the ids of
    /// the targets it breaches: the <c>findings</c> column of the applications list.
    /// </summary>
    public IReadOnlyList<string> FindingCodes(ApplicationFigures application)
    {
        ArgumentNullException.ThrowIfNull(application);
        _codes ??= IndexCodes();
        var integrity = _codes.TryGetValue((application.Utility, application.ApplicationId), out var list) ? list : null;
        if (integrity is null) return application.BreachedTargets;
        if (application.BreachedTargets.Count == 0) return integrity;
        return [.. integrity, .. application.BreachedTargets];
    }

    private Dictionary<(string, string), List<string>> IndexCodes()
    {
        var map = new Dictionary<(string, string), List<string>>();
        foreach (var f in AllIntegrityFindings)
        {
            if (!map.TryGetValue((f.Utility, f.ApplicationId), out var l)) map[(f.Utility, f.ApplicationId)] = l = [];
            if (!l.Contains(f.Code)) l.Add(f.Code);
        }
        foreach (var l in map.Values)
            l.Sort((a, b) => Order(a).CompareTo(Order(b)));
        return map;

        static int Order(string code) => FindingRules.TryParse(code, out var r) ? (int)r : int.MaxValue;
    }
}

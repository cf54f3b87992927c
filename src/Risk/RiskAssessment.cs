namespace Analytics.Risk;

/// <summary>
/// The early warning at an as-of instant: every application in progress then whose day target was in
/// force on its accepted date, most urgent first — highest miss probability first, then fewest days
/// left, then earliest due date, then (utility, application id).
/// </summary>
public sealed record RiskAssessment
{
    public required DateTime AsOf { get; init; }

    /// <summary>The model that answered, with its evaluation.</summary>
    public required RiskModel Model { get; init; }

    /// <summary>Every assessed application, most urgent first.</summary>
    public required IReadOnlyList<ApplicationRisk> Applications { get; init; }

    /// <summary>Applications in progress at the as-of instant without a limit to miss (target not in force, or none for the category).</summary>
    public required int NotAssessed { get; init; }

    /// <summary>The applications with a miss probability at or above <paramref name="threshold"/> (default: the model's at-risk threshold), most urgent first.</summary>
    public IReadOnlyList<ApplicationRisk> AtRisk(double? threshold = null)
    {
        var t = threshold ?? Model.Options.AtRiskThreshold;
        return Applications.Where(a => a.MissProbability >= t).ToList();
    }

    /// <summary>Miss probability by (utility, application id), for the weekly ledger's 在途工单 sheet.</summary>
    public IReadOnlyDictionary<(string Utility, string ApplicationId), double> Probabilities() =>
        Applications.ToDictionary(a => (a.Utility, a.ApplicationId), a => a.MissProbability);
}

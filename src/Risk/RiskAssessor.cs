using Analytics.Domain;

namespace Analytics.Risk;

/// <summary>
/// Applies a trained <see cref="RiskModel"/> to the applications in progress at an as-of instant
/// (目标2 early warning, <c>analytics risk</c>).
/// </summary>
/// <remarks>
/// In progress at the as-of instant: accepted at or before it, not connected by then, not withdrawn by
/// then. Only stage times at or before the as-of instant are looked at, so an as-of date in the past
/// replays what was known then. An application whose category has no day target, or whose target was
/// not yet in force on its accepted date, has no limit to miss and is only counted in
/// <see cref="RiskAssessment.NotAssessed"/>.
/// </remarks>
public sealed class RiskAssessor
{
    private readonly RiskModel _model;

    public RiskAssessor(RiskModel model) => _model = model ?? throw new ArgumentNullException(nameof(model));

    /// <summary>The assessment as of the end of <paramref name="asOf"/> (the CLI's <c>--as-of D</c>).</summary>
    public RiskAssessment Assess(IEnumerable<Application> applications, DateOnly asOf) =>
        Assess(applications, asOf.ToDateTime(TimeOnly.MaxValue));

    /// <summary>The assessment at the instant <paramref name="asOf"/>.</summary>
    public RiskAssessment Assess(IEnumerable<Application> applications, DateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(applications);
        var clock = _model.Clock;
        var queries = new List<Query>();
        var targets = new List<(string Id, decimal Limit)>();
        var notAssessed = 0;
        foreach (var a in applications)
        {
            if (!InProgress(a, asOf)) continue;
            var target = clock.TargetOf(a.Category);
            var limit = target?.LimitOn(DateOnly.FromDateTime(a.AcceptedAt));
            if (target is null || limit is null)
            {
                notAssessed++;
                continue;
            }
            var figures = new MomentFigures(clock.ElapsedDays(a, asOf), clock.CountedDays(a, target.Kind, asOf), (double)limit.Value);
            queries.Add(new Query(a, asOf, figures, a.PausedDays));
            targets.Add((target.Id, limit.Value));
        }

        var (model, baseline) = _model.Predictor.Predict(queries);
        var asOfDate = DateOnly.FromDateTime(asOf);
        var result = new List<ApplicationRisk>(queries.Count);
        for (var i = 0; i < queries.Count; i++)
        {
            var q = queries[i];
            var (id, limit) = targets[i];
            var category = q.App.Category;
            var floor = q.Floor;
            var useModel = _model.UsesModelFor(category) && !double.IsNaN(model[i]);
            var predicted = useModel ? model[i] : baseline[i];
            var method = useModel ? RiskMethod.Model : double.IsNaN(predicted) ? RiskMethod.CountedOnly : RiskMethod.Baseline;
            double probability;
            if (method == RiskMethod.CountedOnly)
            {
                predicted = floor;
                probability = floor > (double)limit ? 1 : 0;
            }
            else
            {
                probability = _model.MissProbability(category, useModel, predicted, floor, (double)limit);
            }
            var daysLeft = (int)Math.Floor(limit) - floor;
            result.Add(new ApplicationRisk
            {
                Application = q.App,
                TargetId = id,
                ElapsedDays = Math.Max(0, q.Figures.Elapsed - q.PausedSoFar),
                CountedDays = floor,
                LimitDays = limit,
                DueDate = DueDate(asOfDate, daysLeft),
                DaysLeft = daysLeft,
                PredictedDays = predicted,
                MissProbability = probability,
                Method = method,
            });
        }

        var ordered = result
            .OrderByDescending(r => r.MissProbability)
            .ThenBy(r => r.DaysLeft)
            .ThenBy(r => r.DueDate)
            .ThenBy(r => r.Utility, StringComparer.Ordinal)
            .ThenBy(r => r.ApplicationId, StringComparer.Ordinal)
            .ToList();
        return new RiskAssessment { AsOf = asOf, Model = _model, Applications = ordered, NotAssessed = notAssessed };
    }

    private static bool InProgress(Application a, DateTime asOf)
    {
        if (a.AcceptedAt > asOf) return false;
        if (a.ConnectedAt is { } c && c <= asOf) return false;
        if (a.Status == ApplicationStatus.Withdrawn && (a.WithdrawnAt is null || a.WithdrawnAt <= asOf)) return false;
        if (a.Status == ApplicationStatus.Connected && a.ConnectedAt is null) return false;
        return true;
    }

    // The day the counted days reach the limit if the clock runs on from the as-of date; for an
    // application already past it, the working day |daysLeft| working days before the as-of date.
    private DateOnly DueDate(DateOnly asOf, int daysLeft)
    {
        var calendar = _model.Clock.Calendar;
        if (daysLeft >= 0) return calendar.AddWorkingDays(asOf, daysLeft);
        var d = asOf;
        var back = -daysLeft;
        while (back > 0)
        {
            if (calendar.IsWorkingDay(d)) back--;
            d = d.AddDays(-1);
        }
        while (!calendar.IsWorkingDay(d)) d = d.AddDays(-1);
        return d;
    }
}

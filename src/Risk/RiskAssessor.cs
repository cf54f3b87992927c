using Analytics.Domain;
using Analytics.Metrics;

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
    /// <remarks>An application whose figures need a year without schedule (e.g. a due date in next year) is counted in <see cref="RiskAssessment.NotAssessed"/>.</remarks>
    public RiskAssessment Assess(IEnumerable<Application> applications, DateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(applications);
        var clock = _model.Clock;
        // The reported figures (elapsed, counted, limit, due date, days left) are the metrics engine's.
        var engine = new ApplicationFiguresCalculator(clock.Policy, clock.Calendar, asOf);
        var queries = new List<Query>();
        var assessed = new List<Application>();
        var figures = new List<ApplicationFigures>();
        var notAssessed = 0;
        foreach (var a in applications)
        {
            if (!InProgress(a, asOf)) continue;
            // Connected or withdrawn after the as-of instant: in progress as of then.
            var then = a.Status == ApplicationStatus.InProgress ? a
                : a with { Status = ApplicationStatus.InProgress, ConnectedAt = null, WithdrawnAt = null };
            ApplicationFigures f;
            try { f = engine.Compute(then); }
            catch (Analytics.Domain.Calendar.CalendarException)
            {
                // A due date past the last year with a schedule: not assessed, never a failed run.
                notAssessed++;
                continue;
            }
            if (f.LimitDays is not { } limit || f.LimitKind is not { } kind || f.CountedDays is not { } counted)
            {
                notAssessed++;
                continue;
            }
            var moment = new MomentFigures(clock.ElapsedDays(then, asOf), clock.CountedDays(then, kind, asOf), (double)limit);
            queries.Add(new Query(ApplicationFacts.Of(then), asOf, moment, counted));
            assessed.Add(then);
            figures.Add(f);
        }

        var (model, baseline) = _model.Predictor.Predict(queries);
        var result = new List<ApplicationRisk>(queries.Count);
        for (var i = 0; i < queries.Count; i++)
        {
            var q = queries[i];
            var f = figures[i];
            var limit = (double)f.LimitDays!.Value;
            var category = q.App.Category;
            var useModel = _model.UsesModelFor(category) && !double.IsNaN(model[i]);
            var predicted = useModel ? model[i] : baseline[i];
            var method = useModel ? RiskMethod.Model : double.IsNaN(predicted) ? RiskMethod.CountedOnly : RiskMethod.Baseline;
            double probability;
            if (method == RiskMethod.CountedOnly)
            {
                predicted = q.Floor;
                probability = q.Floor > limit ? 1 : 0;
            }
            else
            {
                probability = _model.MissProbability(category, useModel, predicted, q.Floor, limit);
            }
            result.Add(new ApplicationRisk
            {
                Application = assessed[i],
                Figures = f,
                TargetId = f.LimitTargetId!,
                ElapsedDays = f.ElapsedDays!.Value,
                CountedDays = f.CountedDays!.Value,
                LimitDays = f.LimitDays.Value,
                DueDate = f.DueDate!.Value,
                DaysLeft = f.WorkingDaysLeft!.Value,
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
}

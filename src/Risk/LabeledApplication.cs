using Analytics.Domain;
using Analytics.Domain.Policy;

namespace Analytics.Risk;

/// <summary>A finished application (its <see cref="ApplicationFacts"/>) with its target's measure, final days and limit (NaN when none was in force).</summary>
internal readonly record struct LabeledApplication(ApplicationFacts App, TargetKind Kind, int Final, double Limit)
{
    /// <summary>The labelled facts of <paramref name="app"/>.</summary>
    public LabeledApplication(Application app, TargetKind kind, int final, double limit)
        : this(ApplicationFacts.Of(app), kind, final, limit)
    {
    }

    public Category Category => App.Category;

    public DateOnly AcceptedDate => DateOnly.FromDateTime(App.AcceptedAt);
}

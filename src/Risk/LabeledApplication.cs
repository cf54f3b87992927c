using Analytics.Domain;
using Analytics.Domain.Policy;

namespace Analytics.Risk;

/// <summary>A finished application with its target's measure, final days and limit (NaN when none was in force).</summary>
internal readonly record struct LabeledApplication(Application App, TargetKind Kind, int Final, double Limit)
{
    public Category Category => App.Category;

    public DateOnly AcceptedDate => DateOnly.FromDateTime(App.AcceptedAt);
}

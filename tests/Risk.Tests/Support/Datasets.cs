using Analytics.Domain;

namespace Analytics.Risk.Tests.Support;

/// <summary>Synthetic data cut at an as-of instant into finished and in-progress applications.</summary>
public sealed record Dataset(IReadOnlyList<Application> Finished, IReadOnlyList<Application> InProgress, DateTime AsOf)
{
    /// <summary>Applications accepted over <paramref name="generator"/>'s range, as recorded at the end of its last day.</summary>
    public static Dataset From(SyntheticApplications generator, int count)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var asOf = generator.To.ToDateTime(TimeOnly.MaxValue);
        var known = generator.Generate(count).Select(a => SyntheticApplications.AsKnownAt(a, asOf)!).ToList();
        return new Dataset(
            known.Where(a => a.Status == ApplicationStatus.Connected).ToList(),
            known.Where(a => a.Status == ApplicationStatus.InProgress).ToList(),
            asOf);
    }

    /// <summary>Small, quick training options for tests (few moments, few trees, single-threaded).</summary>
    public static RiskModelOptions QuickOptions => new()
    {
        MaximumMoments = 20_000,
        NumberOfTrees = 40,
        NumberOfThreads = 1,
    };
}

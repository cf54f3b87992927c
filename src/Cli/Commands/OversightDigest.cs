using Analytics.Domain;
using Analytics.Domain.Storage;
using Analytics.Metrics;
using Analytics.Reports.Oversight;

namespace Analytics.Cli.Commands;

/// <summary>The command line's door to <see cref="Analytics.Reports.Oversight.OversightDigest"/> (the one composition, shared with the web).</summary>
public static class OversightDigest
{
    /// <summary><see cref="Analytics.Reports.Oversight.OversightDigest.For"/> with the command's policy and calendar.</summary>
    public static OversightInputs For(CliContext ctx, IAnalyticsStore store, RecordSnapshot? cityData, MetricsPeriod period,
        MetricsPeriod forensicsPeriod, DateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return Analytics.Reports.Oversight.OversightDigest.For(ctx.Policy, ctx.Calendar, store, cityData, period, forensicsPeriod, asOf);
    }

    /// <summary><see cref="Analytics.Reports.Oversight.OversightDigest.ForStore"/> with the command's policy and calendar.</summary>
    public static OversightInputs ForStore(CliContext ctx, IAnalyticsStore store, DateTime? knownAt, MetricsPeriod period,
        MetricsPeriod forensicsPeriod, DateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return Analytics.Reports.Oversight.OversightDigest.ForStore(ctx.Policy, ctx.Calendar, store, knownAt, period, forensicsPeriod, asOf);
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Policy;

namespace Analytics.Risk;

/// <summary>
/// What a trained <see cref="RiskModel"/> depends on, as one SHA-256 (lower-case hex): the key of a stored model. Two
/// trainings with the same fingerprint give the same model, so a stored one can answer instead of training again.
/// </summary>
/// <remarks>
/// The fingerprint covers: <see cref="RiskModel.FormatVersion"/> and <see cref="RiskModel.DerivationVersion"/>; the id and
/// SHA-256 of every applications filing of the snapshot (filings are never changed once stored, so together they say
/// exactly which application revisions the model saw); the county or utility the snapshot is limited to; the policy's
/// plan id and a SHA-256 of the whole policy as JSON (every target and limit, not only the id); the calendar's years
/// and a SHA-256 of every schedule; and every training option, the known-at instant (the as-of) among them. A new
/// applications filing, another policy or calendar, another as-of or another version of the training → another
/// fingerprint → a new training.
/// </remarks>
public static class RiskModelFingerprint
{
    /// <summary>The fingerprint of training on <paramref name="data"/> with <paramref name="options"/>.</summary>
    public static string Of(RecordSnapshot data, RiskModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(inv, $"risk-model format {RiskModel.FormatVersion} derivation {RiskModel.DerivationVersion}\n");
        text.Append(inv, $"scope county={data.County ?? "*"} utility={data.Utility ?? "*"}\n");
        foreach (var f in data.Filings.Where(f => f.Kind == FilingKind.Applications).OrderBy(f => f.Id))
            text.Append(inv, $"filing {f.Id} {f.Sha256}\n");
        text.Append(inv, $"policy {options.Policy.PlanId} {PolicyHash(options.Policy)}\n");
        text.Append(inv, $"calendar {string.Join(',', options.Calendar.Years)} {CalendarHash(options.Calendar)}\n");
        text.Append(inv, $"known_at {(options.KnownAt is { } k ? k.Ticks.ToString(inv) : "all")}\n");
        text.Append(inv, $"options seed={options.Seed} holdout={options.HoldoutFraction:R} calibration={options.CalibrationFraction:R} ");
        text.Append(inv, $"stride={options.MomentStrideDays} max_moments={options.MaximumMoments} max_training={options.MaximumTrainingApplications} maturity={options.MaturityQuantile:R} ");
        text.Append(inv, $"min_training={options.MinimumTrainingApplications} min_holdout={options.MinimumHoldoutMoments} ");
        text.Append(inv, $"threshold={options.AtRiskThreshold:R} trees={options.NumberOfTrees} leaves={options.NumberOfLeaves} ");
        text.Append(inv, $"min_leaf={options.MinimumExampleCountPerLeaf} rate={options.LearningRate:R} threads={options.NumberOfThreads?.ToString(inv) ?? "auto"} ");
        text.Append(inv, $"log={options.LogLabel} refit={options.RefitOnAll}\n");
        return Hex(Encoding.UTF8.GetBytes(text.ToString()));
    }

    /// <summary>SHA-256 of the policy as JSON: every field of every target, so an edited limit is another policy.</summary>
    public static string PolicyHash(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Hex(JsonSerializer.SerializeToUtf8Bytes(policy));
    }

    /// <summary>SHA-256 of every year's schedule (holidays and declared workdays), years in order.</summary>
    public static string CalendarHash(WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var text = new StringBuilder();
        foreach (var year in calendar.Years)
        {
            var s = calendar.Schedules[year];
            text.Append(CultureInfo.InvariantCulture, $"{year} holidays ");
            text.AppendJoin(',', s.Holidays.Order().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            text.Append(" workdays ");
            text.AppendJoin(',', s.Workdays.Order().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            text.Append('\n');
        }
        return Hex(Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}

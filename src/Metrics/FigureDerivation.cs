using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Policy;
using Analytics.Domain.Storage;

namespace Analytics.Metrics;

/// <summary>
/// The derivation a store keeps beside each application revision (issue 12, item 2): the figures of
/// <see cref="ApplicationFiguresCalculator"/> that do not depend on a period or an as-of instant (category, day counts, the
/// outcome against every target), under one policy and calendar. Its <see cref="Version"/> fingerprints both and the
/// rules, so a store derived under others derives again.
/// </summary>
public sealed class FigureDerivation : IRecordDerivation
{
    /// <summary>
    /// The version of the rules: raise it whenever <see cref="ApplicationFiguresCalculator"/>, the category rule, the
    /// entered-late check or the encoding of <see cref="DerivedFigures"/> changes what a revision derives to.
    /// </summary>
    public const string Rules = "figures-1";

    private readonly ApplicationFiguresCalculator _calculator;
    private readonly WorkingDayCalendar _calendar;

    public FigureDerivation(Policy policy, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(calendar);
        _calendar = calendar;
        // The as-of instant only matters to in-progress figures, which are not derived.
        _calculator = new ApplicationFiguresCalculator(policy, calendar, DateTime.MinValue);
        Version = new DerivationVersion(CalendarFingerprint(calendar), PolicyFingerprint(policy), Rules);
    }

    public DerivationVersion Version { get; }

    public DerivedFigures Derive(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var a = application;
        Span<TargetOutcome> outcomes = stackalloc TargetOutcome[_calculator.Targets.Count];
        var f = _calculator.Compute(a, outcomes, inProgressFigures: false, out var error);
        var gap = error is not null;
        // The entered-late check of the integrity findings counts working days too (IntegrityChecker).
        if (!gap && a.RecordCreatedAt is { } created)
        {
            try { _ = _calendar.WorkingDaysBetween(a.AcceptedAt, created); }
            catch (CalendarException) { gap = true; }
        }
        Span<char> codes = stackalloc char[outcomes.Length];
        for (var i = 0; i < outcomes.Length; i++)
            codes[i] = Code(outcomes[i].Status);
        return new DerivedFigures(f.Category, SettledAt(a), f.ApprovalDays, f.UtilityDays, f.WholeProcessDays,
            new string(codes), gap);
    }

    /// <summary>The character of a status in <see cref="DerivedFigures.Outcomes"/>.</summary>
    internal static char Code(TargetStatus status) => status switch
    {
        TargetStatus.Compliant => 'c',
        TargetStatus.Breach => 'b',
        TargetStatus.Gap => 'g',
        _ => '-',
    };

    /// <summary>The status a character of <see cref="DerivedFigures.Outcomes"/> stands for; null for no status's character.</summary>
    internal static TargetStatus? Status(char code) => code switch
    {
        '-' => TargetStatus.NotApplicable,
        'c' => TargetStatus.Compliant,
        'b' => TargetStatus.Breach,
        'g' => TargetStatus.Gap,
        _ => null,
    };

    /// <summary>The latest time of the record: at or after it, <see cref="RecordSnapshot.Rewind"/> changes nothing.</summary>
    public static DateTime SettledAt(Application a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var t = a.AcceptedAt;
        Max(ref t, a.PlanRepliedAt);
        Max(ref t, a.DesignReviewStart);
        Max(ref t, a.DesignReviewEnd);
        Max(ref t, a.CustomerWorksStart);
        Max(ref t, a.CustomerWorksEnd);
        Max(ref t, a.MidCheckStart);
        Max(ref t, a.MidCheckEnd);
        Max(ref t, a.ExternalWorksStart);
        Max(ref t, a.ExternalWorksEnd);
        Max(ref t, a.ApprovalSubmittedAt);
        Max(ref t, a.ApprovalGrantedAt);
        Max(ref t, a.CompletionCheckStart);
        Max(ref t, a.CompletionCheckEnd);
        Max(ref t, a.ConnectedAt);
        Max(ref t, a.WithdrawnAt);
        return t;

        static void Max(ref DateTime t, DateTime? v)
        {
            if (v is { } x && x > t) t = x;
        }
    }

    /// <summary>SHA-256 (hex, first 16 bytes) of every year's holidays and working weekend days, in order.</summary>
    public static string CalendarFingerprint(WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var text = new StringBuilder();
        foreach (var y in calendar.Years)
        {
            var s = calendar.Schedules[y];
            text.Append(y).Append(":h");
            foreach (var d in s.Holidays.Order()) text.Append(',').Append(d.DayNumber);
            text.Append(":w");
            foreach (var d in s.Workdays.Order()) text.Append(',').Append(d.DayNumber);
            text.Append(';');
        }
        return Hash(text.ToString());
    }

    /// <summary>SHA-256 (hex, first 16 bytes) of the policy as JSON: every target, limit and parameter.</summary>
    /// <remarks>The JSON of the serializer's defaults, written by generated code (<see cref="PolicyJson"/>) rather than
    /// reflection: the same text (a test compares them), in 0.06 s instead of 0.09 s at every command's start.</remarks>
    public static string PolicyFingerprint(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Hash(JsonSerializer.Serialize(policy, PolicyJson.Default.Policy));
    }

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
}

/// <summary>The policy's JSON of <see cref="FigureDerivation.PolicyFingerprint"/>, serializer code generated at build.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(Policy))]
internal sealed partial class PolicyJson : System.Text.Json.Serialization.JsonSerializerContext;

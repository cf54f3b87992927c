using System.Text.Json;
using Analytics.Domain;
using Analytics.Metrics;

namespace Analytics.Reports.Export;

/// <summary>
/// <c>analytics metrics --format json</c> (cli.md): one object with <c>period</c> {<c>from</c>,<c>to</c>}, <c>as_of</c>,
/// <c>targets</c>, <c>reliability</c>, <c>indicators</c>; snake_case names, plain JSON numbers, rates as fractions,
/// dates <c>yyyy-MM-dd</c>, null where a figure does not apply. UTF-8 without BOM, Chinese not escaped.
/// </summary>
/// <remarks>
/// Beyond cli.md (additive): <c>plan</c>, <c>county</c>/<c>utility</c> (the filter); per target <c>title</c>,
/// <c>figure</c> (the kind), <c>group</c> (<c>city</c>, <c>county</c>, <c>utility</c>, <c>area</c>, <c>category</c>) with
/// <c>county</c>, <c>utility</c>, <c>area</c>, <c>category</c> (the group's member; <c>category</c> on other rows is the
/// target's single category when it has exactly one), <c>categories</c>, <c>year</c> and <c>value</c> (T5's SAIDI);
/// per reliability entry the AIHC-3, SAIFI inputs, short interruptions, <c>previous_saidi_h</c>, <c>in_force</c>,
/// <c>met_by_limit</c>, <c>met_by_reduction</c>; in indicators the counts behind each share and volumes by category,
/// county and utility; and <c>errors</c>. <c>as_of</c> is written as the date of the as-of instant. metrics.md §8 adds
/// <c>period.complete</c> and <c>period.data_through</c>, per target <c>data_gaps</c> (and T5's <c>status</c>), per
/// reliability entry <c>from</c>, <c>to</c> and <c>status</c> (<c>year</c> null for an entry spanning years).
/// Decimals are written exactly (no rounding); shares and means as shortest round-trip doubles.
/// </remarks>
public static class MetricsJsonWriter
{
    /// <summary>Writes the document as UTF-8 (no BOM) to <paramref name="stream"/>.</summary>
    public static void Write(MetricsResult result, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(stream);
        using var w = Json.Writer(stream);
        w.WriteStartObject();
        w.WriteStartObject("period");
        w.WriteString("from", Formats.Date(result.Period.From));
        w.WriteString("to", Formats.Date(result.Period.To));
        w.WriteBoolean("complete", result.Complete);
        Json.String(w, "data_through", result.DataThroughDate is { } dt ? Formats.Date(dt) : null);
        w.WriteEndObject();
        w.WriteString("as_of", Formats.Date(DateOnly.FromDateTime(result.AsOf)));
        w.WriteString("plan", result.Policy.PlanId);
        Json.String(w, "county", result.County);
        Json.String(w, "utility", result.Utility);

        w.WriteStartArray("targets");
        foreach (var t in result.Targets) WriteTarget(w, t);
        w.WriteEndArray();

        w.WriteStartArray("reliability");
        foreach (var e in result.Reliability) WriteReliability(w, e);
        w.WriteEndArray();

        w.WritePropertyName("indicators");
        WriteIndicators(w, result.Indicators);

        w.WriteStartArray("errors");
        foreach (var e in result.Errors)
        {
            w.WriteStartObject();
            w.WriteString("kind", e.Kind switch
            {
                MetricsErrorKind.CalendarMissingYear => "calendar_missing_year",
                MetricsErrorKind.NoCustomersServed => "no_customers_served",
                _ => "invalid",
            });
            w.WriteString("scope", e.Scope);
            w.WriteString("message", e.Message);
            Json.Number(w, "year", e.Year);
            Json.String(w, "county", e.County);
            Json.String(w, "utility", e.Utility);
            Json.String(w, "area", e.Area is { } a ? Codes.Of(a) : null);
            Json.String(w, "application_id", e.ApplicationId);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Writes the document to a text writer.</summary>
    public static void Write(MetricsResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        using var ms = new MemoryStream();
        Write(result, ms);
        writer.Write(System.Text.Encoding.UTF8.GetString(ms.GetBuffer(), 0, (int)ms.Length));
    }

    /// <summary>The code of a target kind as <c>figure</c> carries it (the policy file's kind names).</summary>
    public static string FigureCode(Analytics.Domain.Policy.TargetKind kind) => kind switch
    {
        Analytics.Domain.Policy.TargetKind.ApprovalDays => "approval_days",
        Analytics.Domain.Policy.TargetKind.UtilityDays => "utility_days",
        Analytics.Domain.Policy.TargetKind.WholeProcessDays => "whole_process_days",
        Analytics.Domain.Policy.TargetKind.Stages => "stages",
        Analytics.Domain.Policy.TargetKind.ZeroInvestment => "zero_investment",
        Analytics.Domain.Policy.TargetKind.ZeroCost => "zero_cost",
        Analytics.Domain.Policy.TargetKind.Saidi => "saidi",
        Analytics.Domain.Policy.TargetKind.Materials => "materials",
        Analytics.Domain.Policy.TargetKind.ConnectionVoltage => "connection_voltage",
        _ => "invalid",
    };

    private static void WriteTarget(Utf8JsonWriter w, TargetResult t)
    {
        w.WriteStartObject();
        w.WriteString("id", t.Id);
        w.WriteString("clause", t.Clause);
        w.WriteString("title", t.Title);
        w.WriteString("figure", FigureCode(t.Kind));
        w.WriteString("group", t.Group.DimensionCode);
        Json.String(w, "county", t.Group.County);
        Json.String(w, "utility", t.Group.Utility);
        Json.String(w, "area", t.Group.Area is { } a ? Codes.Of(a) : null);
        var category = t.Group.Category ?? (t.Categories.Count == 1 ? t.Categories[0] : null);
        Json.String(w, "category", category is { } c ? Codes.Of(c) : null);
        w.WriteStartArray("categories");
        foreach (var cat in t.Categories) w.WriteStringValue(Codes.Of(cat));
        w.WriteEndArray();
        Json.Number(w, "year", t.Year);
        Json.Number(w, "limit", t.Limit);
        w.WriteNumber("total", t.Total);
        w.WriteNumber("compliant", t.Compliant);
        Json.Number(w, "rate", t.Rate);
        w.WriteBoolean("in_force", t.InForce);
        w.WriteBoolean("met", t.Met);
        w.WriteNumber("data_gaps", t.DataGaps);
        if (t.Status is { } st) w.WriteString("status", ReliabilityStatuses.Code(st));
        if (t.IsDayTarget)
        {
            Json.Number(w, "mean_days", t.MeanDays);
            Json.Number(w, "p90_days", t.P90Days);
            Json.Number(w, "max_days", t.MaxDays);
        }
        if (t.Value is { } v) w.WriteNumber("value", v);
        w.WriteEndObject();
    }

    private static void WriteReliability(Utf8JsonWriter w, ReliabilityEntry e)
    {
        w.WriteStartObject();
        Json.Number(w, "year", e.Year);
        w.WriteString("from", Formats.Date(e.From));
        w.WriteString("to", Formats.Date(e.To));
        Json.String(w, "county", e.County);
        Json.String(w, "utility", e.Utility);
        Json.String(w, "area", e.Area is { } a ? Codes.Of(a) : null);
        w.WriteNumber("customers", e.Customers);
        w.WriteNumber("customer_hours", e.CustomerHours);
        w.WriteNumber("customers_interrupted", e.CustomersInterrupted);
        w.WriteNumber("saidi_h", e.SaidiH);
        w.WriteNumber("saifi", e.Saifi);
        Json.Number(w, "caidi_h", e.CaidiH);
        w.WriteNumber("asai", e.Asai);
        w.WriteNumber("saidi_planned_h", e.SaidiPlannedH);
        w.WriteNumber("saidi_fault_h", e.SaidiFaultH);
        w.WriteNumber("saidi_excl_external_h", e.SaidiExclExternalH);
        w.WriteNumber("saidi_excl_supply_shortage_h", e.SaidiExclSupplyShortageH);
        w.WriteNumber("short_interruptions", e.ShortInterruptions);
        w.WriteNumber("short_interruption_customers", e.ShortInterruptionCustomers);
        Json.Number(w, "previous_saidi_h", e.PreviousSaidiH);
        Json.Number(w, "previous_year_saidi_h", e.PreviousYearSaidiH);
        Json.Number(w, "yoy_change", e.YoyChange);
        w.WriteBoolean("in_force", e.InForce);
        Json.Number(w, "target_h", e.TargetH);
        w.WriteBoolean("met_by_limit", e.MetByLimit);
        w.WriteBoolean("met_by_reduction", e.MetByReduction);
        Json.Bool(w, "met", e.Met);
        Json.String(w, "status", e.Status is { } s ? ReliabilityStatuses.Code(s) : null);
        w.WriteEndObject();
    }

    private static void WriteIndicators(Utf8JsonWriter w, Indicators i)
    {
        w.WriteStartObject();
        Json.Number(w, "online_share", i.OnlineShare);
        Json.Number(w, "e_contract_share_lv", i.EContractShareLv);
        w.WriteStartObject("approval_mode_shares");
        var shares = i.ApprovalModeShares;
        foreach (var mode in Codes.All<ApprovalMode>())
            Json.Number(w, Codes.Of(mode), shares.TryGetValue(mode, out var s) ? s : null);
        w.WriteEndObject();
        Json.Number(w, "outage_notice_share", i.OutageNoticeShare);
        Json.Number(w, "planned_notice_ontime_share", i.PlannedNoticeOnTimeShare);
        w.WritePropertyName("volumes");
        WriteVolumes(w, i.Volumes);

        w.WriteNumber("accepted_count", i.AcceptedCount);
        w.WriteNumber("online_count", i.OnlineCount);
        w.WriteNumber("lv_accepted_count", i.LvAcceptedCount);
        w.WriteNumber("lv_e_contract_count", i.LvEContractCount);
        w.WriteStartObject("approval_mode_counts");
        foreach (var mode in Codes.All<ApprovalMode>())
            w.WriteNumber(Codes.Of(mode), i.ApprovalModeCounts.TryGetValue(mode, out var n) ? n : 0);
        w.WriteEndObject();
        w.WriteNumber("outage_count", i.OutageCount);
        w.WriteNumber("notified_outage_count", i.NotifiedOutageCount);
        w.WriteNumber("planned_outage_count", i.PlannedOutageCount);
        w.WriteNumber("planned_ontime_count", i.PlannedOnTimeCount);
        w.WriteStartObject("volumes_by_category");
        foreach (var (c, v) in i.VolumesByCategory)
        {
            w.WritePropertyName(Codes.Of(c));
            WriteVolumes(w, v);
        }
        w.WriteEndObject();
        w.WriteStartObject("volumes_by_county");
        foreach (var (c, v) in i.VolumesByCounty)
        {
            w.WritePropertyName(c);
            WriteVolumes(w, v);
        }
        w.WriteEndObject();
        w.WriteStartObject("volumes_by_utility");
        foreach (var (u, v) in i.VolumesByUtility)
        {
            w.WritePropertyName(u);
            WriteVolumes(w, v);
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteVolumes(Utf8JsonWriter w, Volumes v)
    {
        w.WriteStartObject();
        w.WriteNumber("accepted", v.Accepted);
        w.WriteNumber("connected", v.Connected);
        w.WriteNumber("in_progress", v.InProgress);
        w.WriteNumber("withdrawn", v.Withdrawn);
        w.WriteEndObject();
    }
}

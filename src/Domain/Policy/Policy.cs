using System.Globalization;
using System.Text.Json;
using Analytics.Domain.Messages;

namespace Analytics.Domain.Policy;

/// <summary>
/// A work plan as data: its targets with their effective dates and its parameters. The shipped
/// default is Linfen's 临能源电力发〔2021〕189号; <see cref="Load(string)"/> reads another.
/// </summary>
public sealed record Policy
{
    public required string PlanId { get; init; }
    public required string Title { get; init; }
    public string Issuer { get; init; } = "";
    public required PolicyParameters Parameters { get; init; }
    public required IReadOnlyList<TargetDefinition> Targets { get; init; }
    /// <summary>The plan's tasks (三、主要任务) with their 责任单位; empty when the file lists none.</summary>
    public IReadOnlyList<PlanTask> Tasks { get; init; } = [];

    /// <summary>The tasks the plan makes <paramref name="unit"/> answer for, in the plan's order.</summary>
    public IReadOnlyList<PlanTask> TasksFor(ResponsibleUnit unit) => [.. Tasks.Where(t => t.IsFor(unit))];

    /// <summary>The task of a key (<c>任务6</c>), or null when the plan has none of that key.</summary>
    public PlanTask? Task(string id) => Tasks.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.Ordinal));

    /// <summary>The target of an id; throws for an unknown id.</summary>
    public TargetDefinition Target(string id) =>
        Targets.FirstOrDefault(t => t.Id == id) ?? throw new KeyNotFoundException($"The policy {PlanId} has no target {id}.");

    /// <summary>The shipped policy (临能源电力发〔2021〕189号).</summary>
    public static Policy Default => LazyDefault.Value;

    private static readonly Lazy<Policy> LazyDefault = new(() =>
    {
        using var s = typeof(Policy).Assembly.GetManifestResourceStream("Analytics.Domain.Data.policy-linfen-2021-189.json")
            ?? throw new PolicyException(DomainMessages.PolicyResourceMissing.With());
        return Load(s, "policy-linfen-2021-189.json");
    });

    /// <summary>Reads a policy file.</summary>
    /// <exception cref="PolicyException">Unreadable or malformed; the message names the file and entry.</exception>
    public static Policy Load(string path)
    {
        try
        {
            using var s = File.OpenRead(path);
            return Load(s, path);
        }
        catch (IOException e) { throw new PolicyException(DomainMessages.PolicyUnreadable.With(path, e.Message), e); }
        catch (UnauthorizedAccessException e) { throw new PolicyException(DomainMessages.PolicyUnreadable.With(path, e.Message), e); }
    }

    /// <summary>Reads a policy from a stream; <paramref name="source"/> names it in errors.</summary>
    public static Policy Load(Stream stream, string source)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }); }
        catch (JsonException e) { throw new PolicyException(DomainMessages.PolicyNotJson.With(source, e.Message), e); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new PolicyException(DomainMessages.PolicyExpectedJsonObject.With(source));
            var plan = Str(root, "plan", source, "") ?? throw new PolicyException(DomainMessages.PolicyRequired.With(source, "plan"));
            var parameters = ReadParameters(root, source);
            if (!root.TryGetProperty("targets", out var targets) || targets.ValueKind != JsonValueKind.Array)
                throw new PolicyException(DomainMessages.PolicyMustBeList.With(source, "targets"));
            var list = new List<TargetDefinition>();
            var i = 0;
            foreach (var t in targets.EnumerateArray())
            {
                i++;
                var where = $"{source}: targets[{i}]";
                var target = ReadTarget(t, where);
                if (list.Any(x => x.Id == target.Id))
                    throw new PolicyException(DomainMessages.PolicyIdTwice.With($"{where} ({target.Id})", target.Id));
                list.Add(target);
            }
            return new Policy
            {
                PlanId = plan,
                Title = Str(root, "title", source, "") ?? plan,
                Issuer = Str(root, "issuer", source, "") ?? "",
                Parameters = parameters,
                Targets = list,
                Tasks = ReadTasks(root, source),
            };
        }
    }

    /// <summary>The optional <c>"tasks"</c> list: <c>{"id": "任务1", "title": "…", "responsible": ["county", "utility"]}</c>.</summary>
    private static List<PlanTask> ReadTasks(JsonElement root, string source)
    {
        var tasks = new List<PlanTask>();
        if (!root.TryGetProperty("tasks", out var arr)) return tasks;
        if (arr.ValueKind != JsonValueKind.Array) throw new PolicyException(DomainMessages.PolicyMustBeList.With(source, "tasks"));
        var i = 0;
        foreach (var t in arr.EnumerateArray())
        {
            i++;
            var where = $"{source}: tasks[{i}]";
            if (t.ValueKind != JsonValueKind.Object) throw new PolicyException(DomainMessages.PolicyExpectedObject.With(where));
            var id = Str(t, "id", where, null) ?? throw new PolicyException(DomainMessages.PolicyRequired.With(where, "id"));
            where = $"{where} ({id})";
            if (tasks.Any(x => x.Id == id)) throw new PolicyException(DomainMessages.PolicyIdTwice.With(where, id));
            if (!t.TryGetProperty("responsible", out var units) || units.ValueKind != JsonValueKind.Array || units.GetArrayLength() == 0)
                throw new PolicyException(DomainMessages.PolicyResponsibleList.With(where));
            var responsible = new List<ResponsibleUnit>();
            foreach (var u in units.EnumerateArray())
            {
                var unit = u.ValueKind == JsonValueKind.String ? u.GetString() : null;
                responsible.Add(unit switch
                {
                    "county" => ResponsibleUnit.County,
                    "utility" => ResponsibleUnit.Utility,
                    _ => throw new PolicyException(DomainMessages.PolicyResponsibleValue.With(where, u.GetRawText())),
                });
            }
            tasks.Add(new PlanTask
            {
                Id = id,
                Title = Str(t, "title", where, null) ?? throw new PolicyException(DomainMessages.PolicyRequired.With(where, "title")),
                Responsible = [.. responsible.Distinct()],
            });
        }
        return tasks;
    }

    private static PolicyParameters ReadParameters(JsonElement root, string source)
    {
        var p = new PolicyParameters();
        if (!root.TryGetProperty("parameters", out var e)) return p;
        if (e.ValueKind != JsonValueKind.Object) throw new PolicyException(DomainMessages.PolicyMustBeObject.With(source, "parameters"));
        var where = $"{source}: parameters";
        foreach (var prop in e.EnumerateObject())
        {
            p = prop.Name switch
            {
                "town_counts_as_urban" => p with { TownCountsAsUrban = Bool(prop.Value, $"{where}.{prop.Name}") },
                "saidi_yoy_reduction" => p with { SaidiYoyReduction = Dec(prop.Value, $"{where}.{prop.Name}", 0, 1) },
                "planned_notice_lead_days" => p with { PlannedNoticeLeadDays = (int)Dec(prop.Value, $"{where}.{prop.Name}", 0, 365) },
                "short_interruption_minutes" => p with { ShortInterruptionMinutes = Dec(prop.Value, $"{where}.{prop.Name}", 0, 1440) },
                "rewalk_window_days" => p with { RewalkWindowDays = (int)Dec(prop.Value, $"{where}.{prop.Name}", 0, 3650) },
                "entered_late_working_days" => p with { EnteredLateWorkingDays = (int)Dec(prop.Value, $"{where}.{prop.Name}", 0, 365) },
                _ => throw new PolicyException(DomainMessages.PolicyUnknownParameter.With(where, prop.Name, "town_counts_as_urban, saidi_yoy_reduction, planned_notice_lead_days, short_interruption_minutes, rewalk_window_days, entered_late_working_days")),
            };
        }
        return p;
    }

    private static TargetDefinition ReadTarget(JsonElement t, string where)
    {
        if (t.ValueKind != JsonValueKind.Object) throw new PolicyException(DomainMessages.PolicyExpectedObject.With(where));
        var id = Str(t, "id", where, null) ?? throw new PolicyException(DomainMessages.PolicyRequired.With(where, "id"));
        where = $"{where} ({id})";
        var clause = Str(t, "clause", where, null) ?? throw new PolicyException(DomainMessages.PolicyRequired.With(where, "clause"));
        var kindText = Str(t, "kind", where, null) ?? throw new PolicyException(DomainMessages.PolicyRequired.With(where, "kind"));
        var kind = kindText switch
        {
            "approval_days" => TargetKind.ApprovalDays,
            "utility_days" => TargetKind.UtilityDays,
            "whole_process_days" => TargetKind.WholeProcessDays,
            "stages" => TargetKind.Stages,
            "zero_investment" => TargetKind.ZeroInvestment,
            "zero_cost" => TargetKind.ZeroCost,
            "saidi" => TargetKind.Saidi,
            "materials" => TargetKind.Materials,
            "connection_voltage" => TargetKind.ConnectionVoltage,
            _ => throw new PolicyException(DomainMessages.PolicyUnknownKind.With(where, kindText, "approval_days, utility_days, whole_process_days, stages, zero_investment, zero_cost, saidi, materials, connection_voltage")),
        };
        var steps = ReadSteps(t, where, kind);
        var def = new TargetDefinition
        {
            Id = id,
            Clause = clause,
            Kind = kind,
            Title = Str(t, "title", where, null) ?? id,
            InForce = steps,
            Categories = t.TryGetProperty("categories", out var cats) ? EnumList<Category>(cats, $"{where}.categories") : [],
            AccessVoltage = t.TryGetProperty("access_voltage", out var v) ? Enum<Voltage>(v, $"{where}.access_voltage") : null,
            AllowedStages = t.TryGetProperty("allowed_stages", out var al) ? StageSet.Of([.. EnumList<Stage>(al, $"{where}.allowed_stages")]) : StageSet.Empty,
            ForbiddenStages = t.TryGetProperty("forbidden_stages", out var fb) ? StageSet.Of([.. EnumList<Stage>(fb, $"{where}.forbidden_stages")]) : StageSet.Empty,
            ExemptImportantUsers = t.TryGetProperty("exempt_important_users", out var ex) && Bool(ex, $"{where}.exempt_important_users"),
            SmallMicroOnly = t.TryGetProperty("small_micro_only", out var sm) && Bool(sm, $"{where}.small_micro_only"),
            CapacityKwByArea = t.TryGetProperty("capacity_kw", out var cap) ? AreaMap(cap, $"{where}.capacity_kw") : new Dictionary<Area, decimal>(),
            LimitHoursByArea = t.TryGetProperty("limit_h", out var lh) ? AreaMap(lh, $"{where}.limit_h") : new Dictionary<Area, decimal>(),
            AllowedLv = t.TryGetProperty("allowed_lv", out var alv) ? Flags(alv, $"{where}.allowed_lv") : Materials.None,
            AllowedHv = t.TryGetProperty("allowed_hv", out var ahv) ? Flags(ahv, $"{where}.allowed_hv") : Materials.None,
            Forbidden = t.TryGetProperty("forbidden", out var fm) ? Flags(fm, $"{where}.forbidden") : Materials.None,
            MaxCapacityKw = t.TryGetProperty("max_capacity_kw", out var mc) ? Dec(mc, $"{where}.max_capacity_kw", 0, 1_000_000) : null,
        };
        Check(def, where);
        return def;
    }

    private static void Check(TargetDefinition d, string where)
    {
        switch (d.Kind)
        {
            case TargetKind.ApprovalDays when d.AccessVoltage is null:
                throw new PolicyException(DomainMessages.PolicyTargetNeeds.With(where, "approval_days", new DomainText("policy.fields", "“access_voltage”", "\"access_voltage\"")));
            case TargetKind.UtilityDays or TargetKind.WholeProcessDays or TargetKind.ZeroCost when d.Categories.Count == 0:
                throw new PolicyException(DomainMessages.PolicyTargetNeeds.With(where, d.Kind, new DomainText("policy.fields", "“categories”", "\"categories\"")));
            case TargetKind.Stages when d.Categories.Count == 0 || (d.AllowedStages.Count == 0 && d.ForbiddenStages.Count == 0):
                throw new PolicyException(DomainMessages.PolicyTargetNeeds.With(where, "stages", new DomainText("policy.fields", "“categories”以及“allowed_stages”或“forbidden_stages”", "\"categories\" and \"allowed_stages\" or \"forbidden_stages\"")));
            case TargetKind.ZeroInvestment when d.CapacityKwByArea.Count == 0:
                throw new PolicyException(DomainMessages.PolicyTargetNeeds.With(where, "zero_investment", new DomainText("policy.fields", "按区域给出的“capacity_kw”", "\"capacity_kw\" by area")));
            case TargetKind.Saidi when d.LimitHoursByArea.Count != 4:
                throw new PolicyException(DomainMessages.PolicyTargetNeeds.With(where, "saidi", new DomainText("policy.fields", "central、urban、town 和 rural 各自的“limit_h”", "\"limit_h\" for central, urban, town and rural")));
            case TargetKind.Materials when d.AllowedLv == Materials.None || d.AllowedHv == Materials.None:
                throw new PolicyException(DomainMessages.PolicyTargetNeeds.With(where, "materials", new DomainText("policy.fields", "“allowed_lv”和“allowed_hv”", "\"allowed_lv\" and \"allowed_hv\"")));
            case TargetKind.ConnectionVoltage when d.MaxCapacityKw is null:
                throw new PolicyException(DomainMessages.PolicyTargetNeeds.With(where, "connection_voltage", new DomainText("policy.fields", "“max_capacity_kw”", "\"max_capacity_kw\"")));
        }
        if (d.Kind is TargetKind.ApprovalDays or TargetKind.UtilityDays or TargetKind.WholeProcessDays
            && d.InForce.Any(s => s.Limit is null))
            throw new PolicyException(DomainMessages.PolicyStepNeedsLimit.With(where));
    }

    private static List<LimitStep> ReadSteps(JsonElement t, string where, TargetKind kind)
    {
        _ = kind;
        if (!t.TryGetProperty("in_force", out var arr) || arr.ValueKind != JsonValueKind.Array || arr.GetArrayLength() == 0)
            throw new PolicyException(DomainMessages.PolicyInForceList.With(where));
        var steps = new List<LimitStep>();
        var k = 0;
        foreach (var s in arr.EnumerateArray())
        {
            k++;
            var w = $"{where}.in_force[{k}]";
            var fromText = s.ValueKind == JsonValueKind.Object ? Str(s, "from", w, null) : null;
            if (fromText is null || !DateOnly.TryParseExact(fromText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
                throw new PolicyException(DomainMessages.PolicyFromNotDate.With(w, fromText is null ? new DomainText("policy.nothing", "空", "nothing") : $"\"{fromText}\""));
            decimal? limit = s.TryGetProperty("limit", out var l) ? Dec(l, $"{w}.limit", 0, 1_000_000) : null;
            if (steps.Count > 0 && steps[^1].From >= from)
                throw new PolicyException(DomainMessages.PolicyStepsOrder.With(w));
            steps.Add(new LimitStep(from, limit));
        }
        return steps;
    }

    private static string? Str(JsonElement e, string name, string where, string? fallback)
    {
        if (!e.TryGetProperty(name, out var v)) return fallback;
        if (v.ValueKind != JsonValueKind.String) throw new PolicyException(DomainMessages.PolicyMustBeText.With(where, name));
        return v.GetString();
    }

    private static bool Bool(JsonElement e, string where) => e.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new PolicyException(DomainMessages.PolicyNotBool.With(where, e.GetRawText())),
    };

    private static decimal Dec(JsonElement e, string where, decimal min, decimal max)
    {
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetDecimal(out var d) || d < min || d > max)
            throw new PolicyException(DomainMessages.PolicyNumberRange.With(where, min, max, e.GetRawText()));
        return d;
    }

    private static T Enum<T>(JsonElement e, string where) where T : struct, System.Enum =>
        e.ValueKind == JsonValueKind.String && Codes.TryParse<T>(e.GetString(), out var v) ? v
            : throw new PolicyException(DomainMessages.PolicyNotOneOf.With(where, e.GetRawText(), Codes.Accepted<T>()));

    private static T[] EnumList<T>(JsonElement e, string where) where T : struct, System.Enum
    {
        if (e.ValueKind != JsonValueKind.Array) throw new PolicyException(DomainMessages.PolicyExpectedList.With(where));
        return e.EnumerateArray().Select(x => Enum<T>(x, where)).ToArray();
    }

    private static Materials Flags(JsonElement e, string where) =>
        EnumList<Materials>(e, where).Aggregate(Materials.None, (a, b) => a | b);

    private static Dictionary<Area, decimal> AreaMap(JsonElement e, string where)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new PolicyException(DomainMessages.PolicyExpectedByArea.With(where));
        var map = new Dictionary<Area, decimal>();
        foreach (var p in e.EnumerateObject())
        {
            if (!Codes.TryParse<Area>(p.Name, out var area))
                throw new PolicyException(DomainMessages.PolicyNotAnArea.With(where, p.Name, Codes.Accepted<Area>()));
            map[area] = Dec(p.Value, $"{where}.{p.Name}", 0, 1_000_000);
        }
        return map;
    }
}

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Analytics.Domain;
using Analytics.Domain.Storage;
using Analytics.Ingest.Messages;
using Analytics.Reports;
using Analytics.Reports.Export;
using Analytics.Risk;

namespace Analytics.Cli.Commands;

/// <summary>
/// <c>analytics risk [--as-of D] [--county C] [--format table|json]</c>: in-progress applications at risk of
/// missing their 目标2 limit, most urgent first, from a model trained on the store's finished applications
/// (or the category-median baseline where the model does not beat it on a later holdout period).
/// </summary>
public static class RiskCommand
{
    public static Command Build(Func<ParseResult, CliContext> context)
    {
        var cmd = new Command("risk", CliHelp.Of("有超期风险的在途工单（超期预警），最紧急的在前。", "In-progress applications at risk of missing their time limit (early warning), most urgent first."));
        var asOf = CommandOptions.AsOf();
        var county = CommandOptions.County();
        var format = CommandOptions.Format(CliHelp.Of("table（默认）或 json", "table (default) or json"));
        var all = new Option<bool>("--all-in-progress") { Description = CliHelp.Of("列出全部在途工单，而不只是有风险的。", "List every in-progress application, not only those at risk.") };
        cmd.Options.Add(asOf);
        cmd.Options.Add(county);
        cmd.Options.Add(format);
        cmd.Options.Add(all);
        cmd.SetAction(p =>
        {
            var ctx = context(p);
            var fmt = CliArgs.OneOf(p.GetValue(format), "--format", "table", "table", "json");
            var c = p.GetValue(county) is { } ct ? ctx.County(ct).Code : null;
            var knownAt = CliArgs.Date(p.GetValue(asOf), "--as-of") is { } d ? DayBounds.EndOfDay(d) : (DateTime?)null;
            using var store = ctx.OpenStore();
            var instant = knownAt ?? RecordSnapshot.DataThroughOf(RecordSnapshot.KnownFilings(store, knownAt)) ?? ctx.Clock();
            var assessment = Stored(ctx, store, knownAt, instant, c) ?? Trained(ctx, store, knownAt, instant, c);
            if (fmt == "json")
            {
                ApplicationsCommand.WriteTo(ctx, null, s => RiskJsonWriter.Write(s, assessment, p.GetValue(all) ? 0 : null));
                return ExitCodes.Success;
            }
            Print(ctx, assessment, p.GetValue(all));
            return ExitCodes.Success;
        });
        return cmd;
    }

    /// <summary>
    /// The assessment with the store's model when one was trained on exactly the store's filings known at
    /// <paramref name="knownAt"/>, under the command's policy and calendar and as of <paramref name="asOf"/> (the
    /// fingerprint of <see cref="Model(CliContext, RecordSnapshot, DateTime, IRiskModelStore?)"/> follows from the filings alone): then only the applications the store selects
    /// for that day (<see cref="RecordScope"/>, a superset of those in progress at <paramref name="asOf"/>; the model's
    /// features are each application's own) are read, not the store (issue 12: memory bounded by the answer). Null when
    /// no such model is kept: the caller loads the records and trains.
    /// </summary>
    public static RiskAssessment? Stored(CliContext ctx, IAnalyticsStore store, DateTime? knownAt, DateTime asOf, string? county)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(store);
        if (store is not IRiskModelStore models) return null;
        var fingerprint = RiskModelFingerprint.Of(Filings(store, knownAt), new RiskModelOptions { Policy = ctx.Policy, Calendar = ctx.Calendar, KnownAt = asOf });
        if (models.FindRiskModel(fingerprint) is not { } stored || RiskModel.Load(stored.Model, ctx.Policy, ctx.Calendar) is not { } model)
            return null;
        var assessment = AssessDay(model, store, knownAt, asOf, county);
        ctx.Err.WriteLine(ctx.Say(CliMessages.ModelLoaded.With(fingerprint[..12],
            stored.TrainedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Figures(model))));
        return assessment;
    }

    /// <summary>
    /// The assessment of <see cref="Stored"/> when the store keeps no model for it: the model is trained on the store's
    /// applications known at <paramref name="knownAt"/> (<see cref="Model(CliContext, RecordSnapshot, IEnumerable{Application}, DateTime, IRiskModelStore?)"/>),
    /// kept there, and applied to the applications the store selects for the day, as <see cref="Stored"/> applies a kept
    /// one. The applications are streamed into the training, which holds only the facts of the finished ones it learns
    /// from; revisions, outages and customers are not read (issue 12: the first call's memory, not only the later ones').
    /// </summary>
    public static RiskAssessment Trained(CliContext ctx, IAnalyticsStore store, DateTime? knownAt, DateTime asOf, string? county)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(store);
        var (model, how) = Model(ctx, Filings(store, knownAt), RecordSnapshot.StreamApplications(store, knownAt, scope: null), asOf,
            store as IRiskModelStore);
        var assessment = AssessDay(model, store, knownAt, asOf, county);
        ctx.Err.WriteLine(ctx.Say(how));
        return assessment;
    }

    /// <summary>The store's filings known at <paramref name="knownAt"/>, without records: what a model's fingerprint follows from.</summary>
    private static RecordSnapshot Filings(IAnalyticsStore store, DateTime? knownAt) =>
        new() { Filings = RecordSnapshot.KnownFilings(store, knownAt), KnownAt = knownAt };

    /// <summary>
    /// <paramref name="model"/> applied to the applications in progress at <paramref name="asOf"/>, read from those the
    /// store selects for that day (<see cref="RecordScope"/>, a superset of them; the features are each application's own).
    /// </summary>
    private static RiskAssessment AssessDay(RiskModel model, IAnalyticsStore store, DateTime? knownAt, DateTime asOf, string? county)
    {
        var day = DateOnly.FromDateTime(asOf);
        var data = RecordSnapshot.Load(store, knownAt, new RecordScope(day, day, county));
        return new RiskAssessor(model).Assess(InProgress(data, asOf, county), asOf);
    }

    /// <summary>The applications of <paramref name="data"/> (of the county, when given) as they stood at <paramref name="asOf"/>, those in progress then.</summary>
    private static IEnumerable<Application> InProgress(RecordSnapshot data, DateTime asOf, string? county)
    {
        var end = asOf == DateTime.MaxValue ? asOf : asOf.AddTicks(1);
        return data.Where(county, utility: null).Applications
            .Select(a => RecordSnapshot.Rewind(a, end))
            .Where(a => a is { Status: ApplicationStatus.InProgress })
            .Select(a => a!);
    }

    /// <summary>
    /// Assesses what was in progress at <paramref name="asOf"/> with the model of what was finished by then: loaded from
    /// the store when one was trained on the same data, policy, calendar and as-of (<see cref="RiskModelFingerprint"/>),
    /// else trained and saved there (<see cref="Model(CliContext, RecordSnapshot, DateTime, IRiskModelStore?)"/>). The store is the one <c>--store</c> names, used only when it
    /// holds exactly the applications filings <paramref name="data"/> was loaded from; otherwise the model is trained
    /// and not kept.
    /// </summary>
    /// <remarks>
    /// The applications are taken as they stood at <paramref name="asOf"/> (metrics.md §8, <see cref="RecordSnapshot.Rewind"/>):
    /// one connected since was in progress then, and its later stage times were not known.
    /// </remarks>
    public static RiskAssessment Assess(CliContext ctx, RecordSnapshot data, DateTime asOf, string? county)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(data);
        using var store = StoreOf(ctx, data);
        return Assess(ctx, data, asOf, county, store);
    }

    /// <summary>
    /// <see cref="Assess(CliContext, RecordSnapshot, DateTime, string?)"/> with the store <paramref name="data"/> was loaded
    /// from (null: train, keep nothing).
    /// </summary>
    public static RiskAssessment Assess(CliContext ctx, RecordSnapshot data, DateTime asOf, string? county, IAnalyticsStore? store)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(data);
        var (model, how) = Model(ctx, data, asOf, store as IRiskModelStore);
        var assessment = new RiskAssessor(model).Assess(InProgress(data, asOf, county), asOf);
        // Said once the assessment stands: a command that fails prints its error line only.
        ctx.Err.WriteLine(ctx.Say(how));
        return assessment;
    }

    /// <summary>
    /// The model trained on what <paramref name="data"/> had finished by <paramref name="asOf"/>: the stored one with
    /// the same fingerprint when there is one, else trained now and saved (a save that fails — a read-only or busy
    /// store — only costs the next call a training, and is said). Returns the model and a line saying which it was,
    /// with its holdout figures.
    /// </summary>
    public static (RiskModel Model, MessageText Said) Model(CliContext ctx, RecordSnapshot data, DateTime asOf, IRiskModelStore? models)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Model(ctx, data, data.Applications, asOf, models);
    }

    /// <summary>
    /// <see cref="Model(CliContext, RecordSnapshot, DateTime, IRiskModelStore?)"/> learning from <paramref name="applications"/>,
    /// those of the filings of <paramref name="data"/> (which give the fingerprint; its own lists are not read): the same
    /// model as from a snapshot holding them.
    /// </summary>
    public static (RiskModel Model, MessageText Said) Model(CliContext ctx, RecordSnapshot data, IEnumerable<Application> applications,
        DateTime asOf, IRiskModelStore? models)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(applications);
        var options = new RiskModelOptions { Policy = ctx.Policy, Calendar = ctx.Calendar, KnownAt = asOf };
        var fingerprint = RiskModelFingerprint.Of(data, options);
        var inv = CultureInfo.InvariantCulture;
        var kept = 0;
        if (models is not null)
        {
            if (models.FindRiskModel(fingerprint) is { } stored)
            {
                if (RiskModel.Load(stored.Model, ctx.Policy, ctx.Calendar) is { } loaded)
                    return (loaded, CliMessages.ModelLoaded.With(fingerprint[..12], stored.TrainedAt.ToString("yyyy-MM-dd HH:mm", inv), Figures(loaded)));
            }
            kept = models.RiskModelFingerprints().Count;
        }

        var watch = Stopwatch.StartNew();
        var model = RiskModel.Train(applications, options);
        watch.Stop();
        var why = models is null ? CliMessages.ModelNotFromStore.Text()
            : kept == 0 ? CliMessages.ModelNoneStored.Text()
            : CliMessages.ModelAllDiffer.With(kept);
        ILocalizedText saved = Localized.Same("");
        if (models is not null)
        {
            try
            {
                var bytes = model.Save();
                models.SaveRiskModel(new StoredRiskModel
                {
                    Fingerprint = fingerprint,
                    TrainedAt = ctx.Clock(),
                    KnownAt = asOf,
                    MaeModel = model.Evaluation.Model.MaeDays,
                    MaeBaseline = model.Evaluation.Baseline.MaeDays,
                    AucModel = model.Evaluation.Model.Auc,
                    AucBaseline = model.Evaluation.Baseline.Auc,
                    TrainedOnCount = model.TrainedOn.Count,
                    Model = bytes,
                });
                saved = CliMessages.ModelSaved;
                // The kept model answers, as it will the next call: the trained one still holds what it learned from (a
                // million applications' facts on a large store, issue 12), which the answer does not need.
                model = RiskModel.Load(bytes, ctx.Policy, ctx.Calendar) ?? model;
            }
            catch (StoreUnavailableException e)
            {
                saved = CliMessages.ModelNotSaved.With(e.Message);
            }
        }
        return (model, CliMessages.ModelTrained.With(why, watch.Elapsed.TotalSeconds.ToString("0.0", inv), saved, fingerprint[..12], Figures(model)));
    }

    private static MessageText Figures(RiskModel m)
    {
        var e = m.Evaluation;
        var used = string.Join("、", e.Categories.Where(c => m.UsesModelFor(c.Category)).Select(c => Codes.Label(c.Category)));
        var inv = CultureInfo.InvariantCulture;
        return CliMessages.ModelFigures.With(m.TrainedOn.Count, e.Model.MaeDays.ToString("0.00", inv), e.Baseline.MaeDays.ToString("0.00", inv),
            e.Model.Auc.ToString("0.000", inv), e.Baseline.Auc.ToString("0.000", inv), used.Length > 0 ? Localized.Same(used) : CliMessages.ModelUsedForNone);
    }

    /// <summary>
    /// The store <c>--store</c> names when <paramref name="data"/> was loaded from it — it holds exactly the snapshot's
    /// applications filings (ids and SHA-256) — else null: a file that does not exist is not created, and the models of
    /// someone else's data (the demo's own store, another store) are not written into it.
    /// </summary>
    private static IAnalyticsStore? StoreOf(CliContext ctx, RecordSnapshot data)
    {
        var argument = ctx.StoreArgument;
        if (!Analytics.Store.StoreFactory.IsPostgres(argument) && !File.Exists(argument)) return null;
        IAnalyticsStore? store = null;
        try
        {
            store = Analytics.Store.StoreFactory.Open(argument);
            var theirs = RecordSnapshot.KnownFilings(store, data.KnownAt)
                .Where(f => f.Kind == FilingKind.Applications)
                .Select(f => (f.Id, f.Sha256)).ToHashSet();
            var ours = data.Filings.Where(f => f.Kind == FilingKind.Applications).Select(f => (f.Id, f.Sha256)).ToHashSet();
            if (theirs.SetEquals(ours)) return store;
        }
        catch (StoreUnavailableException)
        {
            // Not reachable now: the model is trained and not kept, as for a store of other data.
        }
        store?.Dispose();
        return null;
    }

    /// <summary>The instant a period's in-progress list speaks of (metrics.md §8): min(end of the period, the as-of).</summary>
    public static DateTime AsOf(DateTime periodEnd, DateTime asOf) => asOf < periodEnd ? asOf : periodEnd.AddTicks(-1);

    /// <summary>The miss probability of every in-progress application, for the ledger's 风险 column.</summary>
    public static IReadOnlyDictionary<(string Utility, string ApplicationId), double> Probabilities(CliContext ctx, RecordSnapshot data, DateTime asOf) =>
        Assess(ctx, data, asOf, county: null).Probabilities();

    private static void Print(CliContext ctx, RiskAssessment a, bool all)
    {
        var inv = CultureInfo.InvariantCulture;
        var ev = a.Model.Evaluation;
        ctx.Out.WriteLine(ctx.Say(CliMessages.RiskHeadline.With(a.AsOf.ToString("yyyy-MM-dd HH:mm", inv),
            a.Model.Used ? CliMessages.ModelFastTree : CliMessages.ModelBaseline, a.Model.TrainedOn.Count,
            string.Create(inv, $"{a.Model.TrainedOn.From:yyyy-MM-dd} – {a.Model.TrainedOn.To:yyyy-MM-dd}"),
            ev.Model.MaeDays.ToString("0.00", inv), ev.Baseline.MaeDays.ToString("0.00", inv), ev.Model.Auc.ToString("0.000", inv))));
        var rows = all ? a.Applications : a.AtRisk();
        var t = ConsoleTables.Table($"超期风险工单（{rows.Count} 件）", "县（市、区）", "供电企业", "工单编号", "用户类别", "目标", "已用", "限值", "到期日", "剩余", "预测", "超期概率");
        foreach (var r in rows)
            ConsoleTables.Row(t, ctx.Registries.County(r.County).Name, ctx.Registries.Utility(r.Utility).ShortName, r.ApplicationId,
                Codes.Label(r.Category), r.TargetId, Formats.Number(r.CountedDays), Formats.Number(r.LimitDays),
                r.DueDate.ToString("yyyy-MM-dd", inv), Formats.Number(r.DaysLeft), Formats.Number(r.PredictedDays, "0.0"),
                Formats.PercentSpaced(r.MissProbability));
        ConsoleTables.Write(ctx.Out, t);
    }
}

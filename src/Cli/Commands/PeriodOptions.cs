using System.CommandLine;
using Analytics.Domain;
using Analytics.Domain.Storage;
using Analytics.Metrics;

namespace Analytics.Cli.Commands;

/// <summary>
/// The period and as-of options of the read commands, resolved the same way everywhere:
/// <list type="bullet">
/// <item>--as-of D means "as known at the end of day D" (<see cref="DayBounds.EndOfDay"/>): revisions filed with a later
/// as-of are not seen, and in-progress applications are measured at the end of D. Without it: everything loaded, measured
/// at the data's <c>data_through</c> (the newest data filing's as-of, metrics.md §8), so a rerun on the same store gives
/// the same figures, whatever today is.</item>
/// <item>--year Y, or --from/--to (both inclusive; one alone runs to the other end of the data). Without either:
/// the calendar year of the as-of instant (metrics), or every date of the data (lists).</item>
/// </list>
/// </summary>
public sealed class PeriodOptions
{
    public Option<int?> Year { get; } = CommandOptions.Year();
    public Option<string?> From { get; } = CommandOptions.From();
    public Option<string?> To { get; } = CommandOptions.To();
    public Option<string?> AsOf { get; } = CommandOptions.AsOf();

    public void AddTo(Command command, bool withYear)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (withYear) command.Options.Add(Year);
        command.Options.Add(From);
        command.Options.Add(To);
        command.Options.Add(AsOf);
    }

    /// <summary>The known-at instant for the store (end of the --as-of day), or null for everything.</summary>
    public DateTime? KnownAt(ParseResult p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return CliArgs.Date(p.GetValue(AsOf), "--as-of") is { } d ? DayBounds.EndOfDay(d) : null;
    }

    /// <summary>The as-of instant of the figures.</summary>
    public DateTime AsOfInstant(ParseResult p, RecordSnapshot data, CliContext ctx)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(ctx);
        return KnownAt(p) ?? data.DataThrough ?? ctx.Clock();
    }

    /// <summary>
    /// The as-of instant of the figures, from the store's filings without loading records: --as-of, else the
    /// <c>data_through</c> of the filings known then, else now.
    /// </summary>
    public DateTime AsOfInstant(ParseResult p, CliContext ctx, IAnalyticsStore store)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(store);
        var knownAt = KnownAt(p);
        return knownAt ?? RecordSnapshot.DataThroughOf(RecordSnapshot.KnownFilings(store, knownAt)) ?? ctx.Clock();
    }

    /// <summary>The period; <paramref name="allData"/> decides the default when no option is given.</summary>
    public MetricsPeriod Period(ParseResult p, DateTime asOf, RecordSnapshot data, bool allData)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Period(p, asOf, () => data.Span(asOf), allData);
    }

    /// <summary>The period; the data's span (<see cref="RecordSnapshot.Span(DateTime)"/>) is asked for only when the options leave an end open.</summary>
    public MetricsPeriod Period(ParseResult p, DateTime asOf, Func<(DateOnly First, DateOnly Last)> span, bool allData)
    {
        var request = Request(p, allData);
        return Reversed(() => request.Resolve(span, asOf));
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The period when the options fix it without the data (--year, --from with --to, metrics' default year); else null.</summary>
    public MetricsPeriod? Requested(ParseResult p, DateTime asOf, bool allData)
    {
        var request = Request(p, allData);
        return Reversed(() => request.Fixed(asOf));
    }

    /// <summary>The options as one <see cref="PeriodRequest"/>, the rule the web's questions follow too.</summary>
    public PeriodRequest Request(ParseResult p, bool allData)
    {
        ArgumentNullException.ThrowIfNull(p);
        var year = p.GetValue(Year);
        var from = CliArgs.Date(p.GetValue(From), "--from");
        var to = CliArgs.Date(p.GetValue(To), "--to");
        if (year is not null && (from is not null || to is not null))
            throw new UsageException(CliMessages.YearWithRange.Text());
        if (year is { } y)
        {
            if (y is < 1900 or > 2999) throw new UsageException(CliMessages.NotAYear.With(y));
            return PeriodRequest.Year(y);
        }
        return new PeriodRequest(from, to, allData);
    }

    /// <summary>
    /// Loads what the command's question needs (issue 12): the period and the group are handed to the store, which
    /// selects the records in its own engine (<see cref="PeriodRequest.Scope"/>, the web's rule too). Returns the records,
    /// the as-of instant (--as-of, else <c>data_through</c>) and the period.
    /// </summary>
    public (RecordSnapshot Data, DateTime AsOf, MetricsPeriod Period) Load(ParseResult p, CliContext ctx, IAnalyticsStore store,
        string? county, string? utility, bool allData)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(store);
        var request = Request(p, allData);
        var knownAt = KnownAt(p);
        var asOf = AsOfInstant(p, ctx, store);
        var data = RecordSnapshot.Load(store, knownAt, Reversed(() => request.Scope(asOf, county, utility)));
        return (data, asOf, Reversed(() => request.Resolve(data, asOf)));
    }

    private static T Reversed<T>(Func<T> resolve)
    {
        try
        {
            return resolve();
        }
        catch (ReversedPeriodException e)
        {
            throw new UsageException(CliMessages.ToBeforeFrom.With(Day(e.To), Day(e.From)));
        }
    }

    /// <summary>
    /// metrics.md §8: a document (ledger, report) for a period that starts after the data is refused (exit 1), naming
    /// <c>data_through</c>; an empty store has no data for any period.
    /// </summary>
    public static void RequireData(RecordSnapshot data, DateOnly periodStart, string what)
    {
        ArgumentNullException.ThrowIfNull(data);
        RequireData(data.DataThrough, periodStart, what);
    }

    /// <summary><see cref="RequireData(RecordSnapshot, DateOnly, string)"/> on the data's <c>data_through</c>, before any record is read.</summary>
    public static void RequireData(DateTime? dataThrough, DateOnly periodStart, string what)
    {
        if (dataThrough is not { } dt)
            throw new BadInputException(CliMessages.NoData.With("analytics: " + what));
        var through = DateOnly.FromDateTime(dt);
        if (periodStart > through)
            throw new BadInputException(CliMessages.PeriodAfterData.With("analytics: " + what, Day(periodStart), Day(through)));
    }
}

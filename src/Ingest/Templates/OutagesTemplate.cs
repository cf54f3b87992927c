using System.Globalization;
using System.Runtime.InteropServices;
using Analytics.Domain;
using Analytics.Ingest.Parsing;
using Analytics.Ingest.Messages;

namespace Analytics.Ingest.Templates;

/// <summary>
/// Template <c>outages</c> (停电事件, templates.md §4): one row per outage or per restoration step,
/// mapped to <see cref="OutageStep"/>. Field rules: registries, closed sets (cause empty = internal),
/// customers a whole number &gt; 0, end_at not before start_at. Across rows: rows sharing an
/// outage_id are the steps of one outage, numbered 1, 2, … in file order, and must agree on utility,
/// county, area, kind and start_at. When bad rows are set aside, an outage stands or falls whole.
/// </summary>
public sealed class OutagesTemplate : Template
{
    public static readonly TemplateColumn OutageId = new(TemplateDescriptions.OutageFields.OutageId);
    public static readonly TemplateColumn UtilityColumn = new(TemplateDescriptions.OutageFields.Utility);
    public static readonly TemplateColumn CountyColumn = new(TemplateDescriptions.OutageFields.County);
    public static readonly TemplateColumn AreaColumn = new(TemplateDescriptions.OutageFields.Area);
    public static readonly TemplateColumn Feeder = new(TemplateDescriptions.OutageFields.Feeder);
    public static readonly TemplateColumn KindColumn = new(TemplateDescriptions.OutageFields.Kind);
    public static readonly TemplateColumn CauseColumn = new(TemplateDescriptions.OutageFields.Cause);
    public static readonly TemplateColumn StartAt = new(TemplateDescriptions.OutageFields.StartAt);
    public static readonly TemplateColumn EndAt = new(TemplateDescriptions.OutageFields.EndAt);
    public static readonly TemplateColumn CustomersColumn = new(TemplateDescriptions.OutageFields.Customers);
    public static readonly TemplateColumn NotifiedAt = new(TemplateDescriptions.OutageFields.NotifiedAt);
    public static readonly TemplateColumn NotifyChannelsColumn = new(TemplateDescriptions.OutageFields.NotifyChannels);

    public static IReadOnlyList<TemplateColumn> AllColumns { get; } = Indexed(
        OutageId, UtilityColumn, CountyColumn, AreaColumn, Feeder, KindColumn, CauseColumn, StartAt, EndAt,
        CustomersColumn, NotifiedAt, NotifyChannelsColumn);

    public OutagesTemplate(TemplateContext context) : base(context, AllColumns) { }

    public override FilingKind Kind => FilingKind.Outages;

    public override object? Map(TemplateRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var id = row.Text(OutageId, required: true);
        var utility = row.Utility(UtilityColumn, required: true);
        var county = row.County(CountyColumn, required: true);
        var area = row.Enum<Area>(AreaColumn, required: true);
        var feeder = row.Text(Feeder);
        var kind = row.Enum<OutageKind>(KindColumn, required: true);
        var cause = row.Enum<OutageCause>(CauseColumn);
        var start = row.DateTime(StartAt, required: true);
        var end = row.DateTime(EndAt, required: true);
        var customers = row.Count(CustomersColumn, NumberUnit.Households, 1, int.MaxValue, required: true);
        var notified = row.DateTime(NotifiedAt);
        var channels = row.Flags<NotifyChannels>(NotifyChannelsColumn);
        if (start is { } s && end is { } e && e < s)
            row.Error(EndAt, IngestErrorCode.EndBeforeStart,
                IngestMessages.OutageEndBeforeStart.With(ApplicationsTemplate.Show(e), ApplicationsTemplate.Show(s)));
        if (row.HasErrors) return null;
        return new OutageStep
        {
            OutageId = id!,
            Utility = utility!.Code,
            County = county!.Code,
            Area = area!.Value,
            Feeder = feeder,
            Kind = kind!.Value,
            Cause = cause ?? OutageCause.Internal,
            StartAt = start!.Value,
            EndAt = end!.Value,
            Customers = (int)customers!.Value,
            NotifiedAt = notified,
            NotifyChannels = channels ?? NotifyChannels.None,
        };
    }

    public override IRowSetCheck NewRowSetCheck() => new ConsistentSteps();

    /// <summary>The newest restoration.</summary>
    public override DateTime? NewestInstant(object record) => ((OutageStep)record).EndAt;

    public override DateTime? NewestInRow(TemplateRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.PeekDateTime(EndAt);
    }

    /// <summary>The outage id: all steps of an outage are loaded or set aside together.</summary>
    public override string? GroupKey(TemplateRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var t = row.RawText(OutageId);
        return CellText.IsEmptyMarker(t) ? null : t.ToString();
    }

    /// <summary>
    /// Numbers the steps of each outage and checks they agree. Per outage it keeps the 128-bit
    /// fingerprint of its id (<see cref="KeyFingerprints"/>) and the fields the later steps must agree
    /// on (registry codes are shared strings), not the first step's record.
    /// </summary>
    private sealed class ConsistentSteps : IRowSetCheck
    {
        private readonly Dictionary<UInt128, FirstStep> _outages = [];

        public object Admit(object record, TemplateRow row)
        {
            var step = (OutageStep)record;
            ref var seen = ref CollectionsMarshal.GetValueRefOrAddDefault(_outages, KeyFingerprints.Of(step.OutageId), out var exists);
            if (!exists)
            {
                seen = new FirstStep(step.Utility, step.County, step.Area, step.Kind, step.StartAt, row.Number, 1);
                return step with { Step = 1 };
            }
            Agree(row, seen.Row, step.OutageId, UtilityColumn, seen.Utility, step.Utility);
            Agree(row, seen.Row, step.OutageId, CountyColumn, seen.County, step.County);
            Agree(row, seen.Row, step.OutageId, AreaColumn, Codes.Of(seen.Area), Codes.Of(step.Area));
            Agree(row, seen.Row, step.OutageId, KindColumn, Codes.Of(seen.Kind), Codes.Of(step.Kind));
            Agree(row, seen.Row, step.OutageId, StartAt, ApplicationsTemplate.Show(seen.StartAt), ApplicationsTemplate.Show(step.StartAt));
            seen.Steps++;
            return step with { Step = seen.Steps };
        }

        private static void Agree(TemplateRow row, int firstRow, string id, TemplateColumn column, string first, string now)
        {
            if (string.Equals(first, now, StringComparison.Ordinal)) return;
            row.Error(column, IngestErrorCode.InconsistentOutage, IngestMessages.InconsistentOutage.With(id, firstRow, column.NameText, first, now));
        }

        /// <summary>What the first step of an outage said, and how many steps it has so far.</summary>
        private struct FirstStep(string utility, string county, Area area, OutageKind kind, DateTime startAt, int row, int steps)
        {
            public readonly string Utility = utility;
            public readonly string County = county;
            public readonly Area Area = area;
            public readonly OutageKind Kind = kind;
            public readonly DateTime StartAt = startAt;
            public readonly int Row = row;
            public int Steps = steps;
        }
    }
}

using System.Globalization;
using Analytics.Domain;
using Analytics.Ingest.Parsing;
using Analytics.Ingest.Reading;
using Analytics.Ingest.Messages;

namespace Analytics.Ingest.Templates;

/// <summary>
/// Template <c>customers</c> (用户数, templates.md §5): customers served, the denominators of
/// SAIFI/SAIDI, mapped to <see cref="CustomersServed"/>. <c>period</c> is a year (<c>2022</c>, a yearly
/// figure) or a month (<c>2022-06</c>, also <c>2022/6</c>, <c>2022年6月</c>, or an Excel date cell —
/// Excel turns a typed 2022-06 into a date — for a month-end snapshot). One row per
/// (period, utility, county, area).
/// </summary>
public sealed class CustomersTemplate : Template
{
    public static readonly TemplateColumn Period = new(TemplateDescriptions.CustomersFields.Period);
    public static readonly TemplateColumn UtilityColumn = new(TemplateDescriptions.CustomersFields.Utility);
    public static readonly TemplateColumn CountyColumn = new(TemplateDescriptions.CustomersFields.County);
    public static readonly TemplateColumn AreaColumn = new(TemplateDescriptions.CustomersFields.Area);
    public static readonly TemplateColumn CustomersColumn = new(TemplateDescriptions.CustomersFields.Customers);

    public static IReadOnlyList<TemplateColumn> AllColumns { get; } = Indexed(Period, UtilityColumn, CountyColumn, AreaColumn, CustomersColumn);

    public CustomersTemplate(TemplateContext context) : base(context, AllColumns) { }

    public override FilingKind Kind => FilingKind.Customers;

    public override object? Map(TemplateRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var period = ParsePeriod(row);
        var utility = row.Utility(UtilityColumn, required: true);
        var county = row.County(CountyColumn, required: true);
        var area = row.Enum<Area>(AreaColumn, required: true);
        var customers = row.Count(CustomersColumn, NumberUnit.Households, 0, long.MaxValue, required: true);
        if (row.HasErrors) return null;
        return new CustomersServed
        {
            Year = period!.Value.Year,
            Month = period.Value.Month,
            Utility = utility!.Code,
            County = county!.Code,
            Area = area!.Value,
            Customers = customers!.Value,
        };
    }

    public override IRowSetCheck NewRowSetCheck() => new UniqueSnapshots();

    /// <summary>Parses a period: <c>2022</c>, <c>2022-06</c>, <c>2022-6</c>, <c>2022/06</c>, <c>2022.06</c>, <c>2022年</c>, <c>2022年6月</c>.</summary>
    public static bool TryParsePeriod(ReadOnlySpan<char> s, out int year, out int? month)
    {
        year = 0;
        month = null;
        if (s.Length < 4 || !int.TryParse(s[..4], NumberStyles.None, CultureInfo.InvariantCulture, out year)) return false;
        var rest = s[4..];
        if (rest.IsEmpty || rest is "年") return year is >= DateTimeText.MinYear and <= DateTimeText.MaxYear;
        var chinese = rest[0] == '年';
        if (!chinese && rest[0] is not ('-' or '/' or '.')) return false;
        rest = rest[1..];
        if (chinese && rest.EndsWith("月")) rest = rest[..^1];
        else if (chinese) return false;
        if (rest.Length is < 1 or > 2 || !int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m is < 1 or > 12) return false;
        month = m;
        return year is >= DateTimeText.MinYear and <= DateTimeText.MaxYear;
    }

    private static (int Year, int? Month)? ParsePeriod(TemplateRow row)
    {
        if (row.IsEmpty(Period))
        {
            row.Text(Period, required: true);
            return null;
        }
        if (row.CellKindOf(Period) == CellKind.DateTime)
        {
            var d = row.DateTime(Period);
            return d is { } dt ? (dt.Year, dt.Month) : null;
        }
        if (TryParsePeriod(row.RawText(Period), out var y, out var m)) return (y, m);
        row.Error(Period, IngestErrorCode.InvalidPeriod,
            IngestMessages.InvalidPeriod.With(row.Quoted(Period), DateTimeText.MinYear, DateTimeText.MaxYear));
        return null;
    }

    private sealed class UniqueSnapshots : IRowSetCheck
    {
        private readonly Dictionary<(int, int?, string, string, Area), int> _firstRow = [];

        public object Admit(object record, TemplateRow row)
        {
            var c = (CustomersServed)record;
            var key = (c.Year, c.Month, c.Utility, c.County, c.Area);
            if (_firstRow.TryAdd(key, row.Number)) return record;
            var period = c.Month is { } m ? string.Create(CultureInfo.InvariantCulture, $"{c.Year}-{m:00}") : c.Year.ToString(CultureInfo.InvariantCulture);
            row.Error(Period, IngestErrorCode.DuplicateKey, IngestMessages.DuplicateCustomers.With(period, c.Utility, c.County, Codes.Label(c.Area), _firstRow[key]));
            return record;
        }
    }
}

using System.Globalization;

namespace Analytics.Reports.Pdf.Content;

/// <summary>Numbers tables (表1 …) and figures (图1 …) in the order a report places them.</summary>
internal sealed class Numbering
{
    private int _table;
    private int _figure;

    public string Table(string title) => string.Create(CultureInfo.InvariantCulture, $"表{++_table} {title}");

    public string Figure(string title) => string.Create(CultureInfo.InvariantCulture, $"图{++_figure} {title}");
}

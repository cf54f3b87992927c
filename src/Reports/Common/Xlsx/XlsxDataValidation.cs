using System.Globalization;

namespace Analytics.Reports.Common.Xlsx;

/// <summary>What Excel does when a typed value fails a validation.</summary>
public enum XlsxErrorStyle
{
    /// <summary>Refuses the value.</summary>
    Stop = 0,
    Warning = 1,
    /// <summary>Tells, and keeps the value.</summary>
    Information = 2,
}

/// <summary>Kind of a data validation the reports use.</summary>
public enum XlsxValidationKind
{
    /// <summary>Not yet set.</summary>
    None = 0,
    /// <summary>A drop-down of listed values.</summary>
    List = 1,
    /// <summary>A date between two dates.</summary>
    DateBetween = 2,
}

/// <summary>A data validation over a range: a drop-down list or a date between two dates, with its error box.</summary>
public sealed class XlsxDataValidation
{
    internal XlsxDataValidation(XlsxRangeAddress range) => Range = range;

    public XlsxRangeAddress Range { get; }

    public XlsxValidationKind Kind { get; private set; }

    /// <summary>First formula: the quoted list (<c>"a,b"</c>) or the earliest date's serial number.</summary>
    public string Formula1 { get; private set; } = "";

    /// <summary>Second formula: the latest date's serial number; empty for a list.</summary>
    public string Formula2 { get; private set; } = "";

    /// <summary>Whether a list shows its drop-down arrow in the cell.</summary>
    public bool InCellDropdown { get; private set; } = true;

    public XlsxErrorStyle ErrorStyle { get; set; }
    public string ErrorTitle { get; set; } = "";
    public string ErrorMessage { get; set; } = "";

    /// <summary>An empty cell passes.</summary>
    public bool IgnoreBlanks { get; set; } = true;

    /// <summary>A drop-down list; <paramref name="formula"/> is Excel's list formula, e.g. <c>"已完成,推进中"</c> with the quotes.</summary>
    public void List(string formula, bool inCellDropdown)
    {
        ArgumentNullException.ThrowIfNull(formula);
        Kind = XlsxValidationKind.List;
        Formula1 = formula;
        Formula2 = "";
        InCellDropdown = inCellDropdown;
    }

    /// <summary>A date from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public void DateBetween(DateTime from, DateTime to)
    {
        Kind = XlsxValidationKind.DateBetween;
        Formula1 = from.ToOADate().ToString(CultureInfo.InvariantCulture);
        Formula2 = to.ToOADate().ToString(CultureInfo.InvariantCulture);
    }
}

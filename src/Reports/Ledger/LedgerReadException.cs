using System.Globalization;

namespace Analytics.Reports.Ledger;

/// <summary>
/// A workbook that cannot be read back as a filed ledger: not an XLSX, no 工作进展 sheet, wrong headers,
/// no county or Thursday to be found, or bad rows. Every problem found is in <see cref="Errors"/>, each
/// located by file, sheet, row and column.
/// </summary>
public sealed class LedgerReadException : LedgerException
{
    public LedgerReadException(string source, IReadOnlyList<LedgerReadError> errors)
        : base(string.Join(Environment.NewLine, (errors ?? throw new ArgumentNullException(nameof(errors))).Select(e => e.Located)))
    {
        Source = source;
        Errors = errors;
    }

    public LedgerReadException(string source, IReadOnlyList<LedgerReadError> errors, Exception inner)
        : base(string.Join(Environment.NewLine, (errors ?? throw new ArgumentNullException(nameof(errors))).Select(e => e.Located)), inner)
    {
        Source = source;
        Errors = errors;
    }

    /// <summary>The file (or stream name) read.</summary>
    public new string Source { get; }

    /// <summary>Every problem, in sheet order.</summary>
    public IReadOnlyList<LedgerReadError> Errors { get; }
}

/// <summary>One problem of a filed ledger, with its place.</summary>
/// <param name="Source">The file.</param>
/// <param name="Sheet">The sheet, or null for the workbook as a whole.</param>
/// <param name="Row">The row as Excel numbers it, or 0.</param>
/// <param name="Column">The column header (or letter), or null.</param>
/// <param name="Message">What is wrong and what was expected.</param>
public sealed record LedgerReadError(string Source, string? Sheet, int Row, string? Column, string Message)
{
    /// <summary><c>FILE:ROW:COLUMN: [sheet] message</c> as cli.md prints errors; parts that do not apply are left out.</summary>
    public string Located
    {
        get
        {
            var place = Source;
            if (Row > 0) place += ":" + Row.ToString(CultureInfo.InvariantCulture);
            if (Column is not null) place += (Row > 0 ? ":" : ":0:") + Column;
            return Sheet is null ? $"{place}: {Message}" : $"{place}: [{Sheet}] {Message}";
        }
    }
}

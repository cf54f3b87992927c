namespace Analytics.Store;

// Flat shapes Dapper fills where a record does not map column-for-column
// (a revision's bookkeeping, a half year in two columns, a date the provider returns as DateTime).

/// <summary>The bookkeeping columns of one application revision.</summary>
internal sealed class RevisionRow
{
    public int Revision { get; set; }
    public long FilingId { get; set; }
    public DateTime FilingAsOf { get; set; }
}

/// <summary>A stored <see cref="Analytics.Domain.ReportNote"/>.</summary>
internal sealed class ReportNoteRow
{
    public string Utility { get; set; } = "";
    public int Year { get; set; }
    public int Half { get; set; }
    public Analytics.Domain.NoteSection Section { get; set; }
    public string Text { get; set; } = "";
}

/// <summary>A stored <see cref="Analytics.Domain.LedgerNote"/>; the Thursday as the provider returns it.</summary>
internal sealed class LedgerNoteRow
{
    public string County { get; set; } = "";
    public DateTime Thursday { get; set; }
    public string Task { get; set; } = "";
    public string Text { get; set; } = "";
    public string? Status { get; set; }
}

/// <summary>A county-week's <see cref="Analytics.Domain.LedgerFiling"/>; the Thursday as the provider returns it.</summary>
internal sealed class LedgerFilingRow
{
    public string County { get; set; } = "";
    public DateTime Thursday { get; set; }
    public DateTime FirstFiledAt { get; set; }
    public DateTime LastFiledAt { get; set; }
}

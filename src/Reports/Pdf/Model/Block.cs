namespace Analytics.Reports.Pdf.Model;

/// <summary>
/// One block of a report's body, laid out top to bottom in the text column by
/// <see cref="Layout.PageComposer"/>. Text blocks and tables flow across pages; headings stay with
/// what follows them; charts and tiles move to the next page whole.
/// </summary>
public abstract record Block;

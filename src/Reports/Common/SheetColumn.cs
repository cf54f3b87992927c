namespace Analytics.Reports.Common;

/// <summary>A column of a report table: its Chinese header, its width in characters and its Excel number format.</summary>
/// <param name="Header">Header text (Chinese).</param>
/// <param name="Width">Width set explicitly (ClosedXML's AdjustToContents needs GDI+, which Linux lacks).</param>
/// <param name="Format">Excel format code from <see cref="Formats"/>, or null for text.</param>
public sealed record SheetColumn(string Header, double Width, string? Format = null);

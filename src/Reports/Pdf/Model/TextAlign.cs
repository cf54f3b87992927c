namespace Analytics.Reports.Pdf.Model;

/// <summary>Horizontal alignment of text within its box.</summary>
public enum TextAlign { Left = 0, Center = 1, Right = 2 }

namespace Analytics.Reports.Pdf.Model;

/// <summary>Labelled values in two columns (报告期：2024年下半年); a long value wraps beside its label.</summary>
public sealed record KeyValueBlock(IReadOnlyList<KeyValuePair<string, string>> Items) : Block
{
    /// <summary>Width of the label column as a share of the text column.</summary>
    public float KeyShare { get; init; } = 0.22f;
}

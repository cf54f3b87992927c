namespace Analytics.Reports.Pdf.Layout;

/// <summary>A page after layout: its drawing instructions, and whether it is the (unnumbered) cover.</summary>
internal sealed class LaidOutPage(bool isCover)
{
    public bool IsCover { get; } = isCover;
    public List<DrawOp> Ops { get; } = [];
}

namespace Analytics.Reports.Pdf.Model;

/// <summary>A row of headline figures (value over label) in boxes, e.g. 达标目标 11/15.</summary>
public sealed record StatTilesBlock(IReadOnlyList<StatTile> Tiles) : Block;

/// <summary>One headline figure; <see cref="Tone"/> colours the value.</summary>
public sealed record StatTile(string Label, string Value, Tone Tone = Tone.Normal)
{
    /// <summary>A small line under the label (上期 92.1%).</summary>
    public string? Note { get; init; }
}

namespace Analytics.Reports.Pdf.Model;

/// <summary>A heading: level 1 (一、实施进度), level 2 ((一) …) or level 3. Kept on the page of the block after it.</summary>
public sealed record HeadingBlock(string Text, int Level = 1) : Block;

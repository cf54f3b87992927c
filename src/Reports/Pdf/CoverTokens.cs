namespace Analytics.Reports.Pdf;

/// <summary>
/// The measures of the plain theme's cover page (<see cref="Theme.Cover"/>), in one place beside the other typography
/// tokens: sizes in points; a line spacing as a multiple of its size; a top or a width as a fraction of the page height
/// or of the text column where it says so.
/// </summary>
public sealed record CoverTokens
{
    /// <summary>The line above everything (who issues or reports), and the red rule under it.</summary>
    public float TopLineSize { get; init; } = 12f;
    public float TopLineBelowMargin { get; init; } = 20f;
    public float TopRuleBelowLine { get; init; } = 12f;
    public float TopRuleWidth { get; init; } = 1.5f;

    /// <summary>The title's top, as a fraction of the page height.</summary>
    public float TitleTop { get; init; } = 0.24f;
    public float TitleLineSpacing { get; init; } = 1.45f;
    /// <summary>The width the title and subtitle wrap to, as a fraction of the text column.</summary>
    public float TitleWidth { get; init; } = 0.86f;
    public float SubtitleGap { get; init; } = 8f;
    public float SubtitleLineSpacing { get; init; } = 1.5f;

    /// <summary>The facts (labels right-aligned against a centre column, values to their right).</summary>
    public float FieldSize { get; init; } = 12f;
    public float FieldLineSpacing { get; init; } = 1.9f;
    /// <summary>The facts' top at the least, as a fraction of the page height; and their least gap under the title.</summary>
    public float FieldsTop { get; init; } = 0.47f;
    public float FieldsBelowTitle { get; init; } = 30f;
    /// <summary>Where the labels start and the values end, as fractions of the text column; the gap between label and value.</summary>
    public float FieldsLeft { get; init; } = 0.14f;
    public float FieldsRight { get; init; } = 0.92f;
    public float FieldValueGap { get; init; } = 4f;
    /// <summary>How far a wrapped value line advances, and the extra after a fact, as fractions of a fact's line height.</summary>
    public float FieldWrapAdvance { get; init; } = 0.75f;
    public float FieldGapAfter { get; init; } = 0.25f;

    /// <summary>The signature lines, on the left above the bottom line.</summary>
    public float SignatureSize { get; init; } = 11f;
    public float SignatureLineSpacing { get; init; } = 2.6f;
    public float SignatureAboveBottom { get; init; } = 40f;
    /// <summary>The least height of the signature block (the seal's circle is centred in it).</summary>
    public float SignatureMinHeight { get; init; } = 100f;
    public float SignatureIndent { get; init; } = 10f;
    /// <summary>The rule to sign on: its start after the widest label, its drop under the baseline, its end (fraction of the column), its width.</summary>
    public float SignatureRuleIndent { get; init; } = 14f;
    public float SignatureRuleDrop { get; init; } = 3f;
    public float SignatureRuleEnd { get; init; } = 0.58f;
    public float SignatureRuleWidth { get; init; } = 0.6f;

    /// <summary>The seal's dashed circle: radius, centre (fraction of the column), and its label.</summary>
    public float SealRadius { get; init; } = 46f;
    public float SealCentre { get; init; } = 0.80f;
    public float SealLabelInset { get; init; } = 16f;
    public float SealLabelSize { get; init; } = 9f;
    public float SealLabelLineHeight { get; init; } = 13f;

    /// <summary>The date line at the foot, raised above the text column's bottom.</summary>
    public float BottomLineSize { get; init; } = 12f;
    public float BottomLineRaise { get; init; } = 8f;
}

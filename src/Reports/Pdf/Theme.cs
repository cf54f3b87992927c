using SkiaSharp;

namespace Analytics.Reports.Pdf;

/// <summary>
/// The typography tokens of every PDF report, in one place: page size and margins, font sizes,
/// line heights and colours. Units are PDF points (1/72 inch); A4 portrait is 595.28 × 841.89 pt.
/// </summary>
/// <remarks>
/// Margins follow the usual Chinese office layout for printed reports (GB/T 9704 gives 37 mm top and
/// 28 mm left for official documents): generous enough for binding on the left and for signatures and
/// seals, with the header and footer inside the margin band.
/// The font has no bold face, and Skia's PDF backend draws synthetic bold as outlines (with invisible text
/// over them for search), which makes pages heavy and slow: bold is kept for the cover title and level-1
/// headings; elsewhere colour and size carry the emphasis.
/// </remarks>
public sealed record Theme
{
    /// <summary>The plain theme: one sans-serif face, running header and footer 第 N 页 共 M 页.</summary>
    public static Theme Default { get; } = new();

    /// <summary>Points in a millimetre.</summary>
    public const float Mm = 72f / 25.4f;

    /// <summary>
    /// GB/T 9704-2012 (党政机关公文格式): A4; 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm; body 3号 in the 仿宋-like face on a
    /// grid of 22 lines × 28 characters; headings 黑体 / 楷体 / 仿宋 by level; title 2号 in the 小标宋-like face; page numbers
    /// "— 1 —" in 4号 宋体 7 mm under the 版心, odd pages right and even pages left, one character in from the edge.
    /// </summary>
    /// <remarks>
    /// 3号 is 16 pt, and 28 characters of 16 pt are 158 mm, wider than the 156 mm 版心: a word processor condenses the
    /// spacing by 0.2 pt a character to keep the grid, and here the body is set at 156 mm ÷ 28 = 15.79 pt, the same
    /// advance. No free 仿宋 covers GB 2312 (cwTeX 仿宋, the one Debian ships, lacks 2,379 of its 6,763 hanzi), so the
    /// body is the 宋体 of AR PL SungtiL GB, the face 仿宋 derives from (Fonts/README.md).
    /// </remarks>
    public static Theme Official { get; } = new()
    {
        IsOfficial = true,
        MarginTop = 37 * Mm,
        MarginLeft = 28 * Mm,
        MarginRight = (210 - 28 - 156) * Mm,
        MarginBottom = (297 - 37 - 225) * Mm,
        BodySize = 156 * Mm / 28 - 0.001f,
        SmallSize = 12f,
        TableSize = 10.5f,
        Heading1Size = 156 * Mm / 28 - 0.001f,
        Heading2Size = 156 * Mm / 28 - 0.001f,
        Heading3Size = 156 * Mm / 28 - 0.001f,
        CoverTitleSize = 22f,
        CoverSubtitleSize = 16f,
        LineSpacing = 225 * Mm / 22 / (156 * Mm / 28 - 0.001f),
        TableLineSpacing = 1.35f,
        BlockGap = 4f,
        HeadingGapBefore = 0f,
        HeadingRule = false,
        BodyFace = FontFace.Song,
        TableFace = FontFace.Song,
        Heading1Face = FontFace.Hei,
        Heading2Face = FontFace.Kai,
        Heading3Face = FontFace.Song,
        TitleFace = FontFace.Song,
        Text = SKColors.Black,
        Accent = SKColors.Black,
        TableHeaderFill = new(0xEE, 0xEE, 0xEE),
        TableStripeFill = SKColors.White,
    };

    /// <summary>GB/T 9704 layout: 版头 and 版记, page numbers "— N —" alternating, no running header.</summary>
    public bool IsOfficial { get; init; }
    /// <summary>A rule under level-1 headings (the plain theme).</summary>
    public bool HeadingRule { get; init; } = true;
    public FontFace BodyFace { get; init; } = FontFace.Sans;
    public FontFace TableFace { get; init; } = FontFace.Sans;
    public FontFace Heading1Face { get; init; } = FontFace.Sans;
    public FontFace Heading2Face { get; init; } = FontFace.Sans;
    public FontFace Heading3Face { get; init; } = FontFace.Sans;
    /// <summary>The title (cover or 公文标题) and the issuing authority's mark.</summary>
    public FontFace TitleFace { get; init; } = FontFace.Sans;
    /// <summary>4号 page numbers of GB/T 9704.</summary>
    public float PageNumberSize { get; init; } = 14f;
    /// <summary>The red of the 版头 (issuing authority, red rule).</summary>
    public SKColor OfficialRed { get; init; } = new(0xE6, 0x00, 0x12);

    public float PageWidth { get; init; } = 595.28f;
    public float PageHeight { get; init; } = 841.89f;
    public float MarginTop { get; init; } = 28 * Mm;
    public float MarginBottom { get; init; } = 25 * Mm;
    public float MarginLeft { get; init; } = 25 * Mm;
    public float MarginRight { get; init; } = 20 * Mm;
    /// <summary>Distance of the header's baseline from the top edge.</summary>
    public float HeaderBaseline { get; init; } = 16 * Mm;
    /// <summary>Distance of the footer's baseline from the bottom edge.</summary>
    public float FooterBaseline { get; init; } = 12 * Mm;

    public float BodySize { get; init; } = 10.5f;     // 五号
    public float SmallSize { get; init; } = 9f;       // 小五
    public float TableSize { get; init; } = 8.5f;
    public float HeaderFooterSize { get; init; } = 8f;
    public float Heading1Size { get; init; } = 15f;   // 小三
    public float Heading2Size { get; init; } = 12f;   // 小四
    public float Heading3Size { get; init; } = 10.5f;
    public float CoverTitleSize { get; init; } = 24f; // 一号
    public float CoverSubtitleSize { get; init; } = 16f;
    /// <summary>The measures of the cover page.</summary>
    public CoverTokens Cover { get; init; } = new();
    /// <summary>Height of a row of stat tiles.</summary>
    public float TileHeight { get; init; } = 58f;
    /// <summary>The value and the note of a stat tile.</summary>
    public float TileValueSize { get; init; } = 16f;
    public float TileNoteSize { get; init; } = 7.5f;
    /// <summary>A note box: its inner padding and the width of its accent bar.</summary>
    public float NotePadding { get; init; } = 7f;
    public float NoteBarWidth { get; init; } = 2.5f;
    /// <summary>Rules: under level-1 headings, tables' frame and header (<see cref="RuleWidth"/>); tables' inner lines (<see cref="HairlineWidth"/>).</summary>
    public float RuleWidth { get; init; } = 0.8f;
    public float HairlineWidth { get; init; } = 0.4f;
    /// <summary>GB/T 9704: the issuing authority's mark at most this size; the red rule under the 版头; the 版记's thick and thin rules (0.35 mm, 0.25 mm).</summary>
    public float IssuerMarkMaxSize { get; init; } = 42f;
    public float OfficialRedRuleWidth { get; init; } = 1.5f;
    public float ImprintThickRule { get; init; } = 0.35f * Mm;
    public float ImprintThinRule { get; init; } = 0.25f * Mm;
    /// <summary>The smallest size a table cell's text shrinks to before it wraps.</summary>
    public float MinCellSize { get; init; } = 6.5f;
    /// <summary>Line height as a multiple of the font size (Chinese text reads best a little open).</summary>
    public float LineSpacing { get; init; } = 1.55f;
    public float TableLineSpacing { get; init; } = 1.3f;
    public float TableCellPadding { get; init; } = 3f;
    /// <summary>Space after a paragraph or block, in points.</summary>
    public float BlockGap { get; init; } = 6f;
    public float HeadingGapBefore { get; init; } = 10f;
    /// <summary>First-line indent of body paragraphs, in ems (Chinese convention: two characters).</summary>
    public float ParagraphIndentEms { get; init; } = 2f;
    /// <summary>Charts are drawn at this many pixels a point so ScottPlot's defaults keep their proportions.</summary>
    public float ChartPixelsPerPoint { get; init; } = 1.5f;

    public SKColor Text { get; init; } = new(0x21, 0x21, 0x21);
    public SKColor Muted { get; init; } = new(0x6B, 0x6B, 0x6B);
    public SKColor Accent { get; init; } = new(0x1F, 0x3A, 0x5F);
    public SKColor Rule { get; init; } = new(0xB0, 0xB8, 0xC4);
    public SKColor TableHeaderFill { get; init; } = new(0xE4, 0xEA, 0xF2);
    public SKColor TableStripeFill { get; init; } = new(0xF6, 0xF8, 0xFA);
    public SKColor Good { get; init; } = new(0x1E, 0x7D, 0x32);
    public SKColor Bad { get; init; } = new(0xB3, 0x26, 0x1E);
    public SKColor Warn { get; init; } = new(0xB2, 0x6A, 0x00);
    public SKColor NoteFill { get; init; } = new(0xF3, 0xF5, 0xF8);

    /// <summary>Charts: this period's bars.</summary>
    public SKColor ChartCurrent { get; init; } = new(0x1F, 0x3A, 0x5F);
    /// <summary>Charts: the previous half's bars.</summary>
    public SKColor ChartPrevious { get; init; } = new(0x7D, 0x95, 0xB5);
    /// <summary>Charts: the same half last year.</summary>
    public SKColor ChartLastYear { get; init; } = new(0xC9, 0xD3, 0xE0);
    /// <summary>Charts: target limits (dashed).</summary>
    public SKColor ChartLimit { get; init; } = new(0xB3, 0x26, 0x1E);
    /// <summary>Charts: a second series drawn as a line (online share).</summary>
    public SKColor ChartLine { get; init; } = new(0xD9, 0x8E, 0x04);
    /// <summary>Charts: a value label set inside its bar.</summary>
    public SKColor ChartLabelInside { get; init; } = SKColors.White;
    /// <summary>Charts: a unit not ranked (样本不足).</summary>
    public SKColor ChartUnranked { get; init; } = new(0xB0, 0xB0, 0xB0);
    /// <summary>Charts: font size in chart pixels (<see cref="ChartPixelsPerPoint"/>).</summary>
    public float ChartTextSize { get; init; } = 13f;

    /// <summary>Width of the text column.</summary>
    public float ContentWidth => PageWidth - MarginLeft - MarginRight;
    /// <summary>Bottom edge of the text column.</summary>
    public float ContentBottom => PageHeight - MarginBottom;

    /// <summary>The face of a heading of <paramref name="level"/>.</summary>
    public FontFace HeadingFace(int level) => level switch { 1 => Heading1Face, 2 => Heading2Face, _ => Heading3Face };

    /// <summary>The colour of a tone.</summary>
    public SKColor Colour(Tone tone) => tone switch
    {
        Tone.Muted => Muted,
        Tone.Accent => Accent,
        Tone.Good => Good,
        Tone.Bad => Bad,
        Tone.Warn => Warn,
        _ => Text,
    };
}

namespace Analytics.Reports.Pdf;

/// <summary>
/// The faces the PDF reports draw text in (Fonts/README.md). <see cref="Sans"/> is the report font of charts and of
/// the plain theme; the other three are the faces of GB/T 9704-2012 documents, all free fonts covering the whole of
/// GB 2312: 宋体 (AR PL SungtiL GB; the title in synthetic bold as the 小标宋-like face, the body as the 仿宋-like
/// face), 楷体 (AR PL KaitiM GB) and 黑体 (WenQuanYi Micro Hei). A character a face lacks is drawn in
/// <see cref="Sans"/>.
/// </summary>
public enum FontFace
{
    /// <summary>Analytics Report Sans (Droid Sans Fallback + DejaVu Sans).</summary>
    Sans = 0,
    /// <summary>宋体: AR PL SungtiL GB.</summary>
    Song = 1,
    /// <summary>楷体: AR PL KaitiM GB.</summary>
    Kai = 2,
    /// <summary>黑体: WenQuanYi Micro Hei.</summary>
    Hei = 3,
}

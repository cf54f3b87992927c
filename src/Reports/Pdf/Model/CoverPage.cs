namespace Analytics.Reports.Pdf.Model;

/// <summary>
/// The cover: who reports to whom, the title, the reporting period and the plan it answers, and a
/// block for the signatures and the seal (报送单位（盖章）、负责人签字、日期) — the printed report is
/// signed and sealed before it is filed. The cover carries no header, footer or page number.
/// </summary>
public sealed record CoverPage
{
    /// <summary>Top line, e.g. the plan number 临能源电力发〔2021〕189号 or 通报 number.</summary>
    public string? TopLine { get; init; }
    public required string Title { get; init; }
    public string? Subtitle { get; init; }
    /// <summary>Labelled facts in the middle of the page: 报送单位, 报告期, 数据截至, 依据文件 …</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; init; } = [];
    /// <summary>Labels of the lines to sign on, e.g. 单位负责人（签字）.</summary>
    public IReadOnlyList<string> SignatureLines { get; init; } = [];
    /// <summary>Label of the seal circle, e.g. 报送单位（盖章）; no circle when null.</summary>
    public string? SealLabel { get; init; }
    /// <summary>Bottom line, e.g. the issuing body and date.</summary>
    public string? BottomLine { get; init; }
}

namespace Analytics.Reports.Pdf.Model;

/// <summary>
/// The 版头 and 标题 of a GB/T 9704-2012 document, on its first page: the issuing authority's mark in red
/// (临汾市能源局文件) with its top edge 35 mm under the 版心's, the 文号 (临能源电力发〔2026〕12号) two lines under it, a red
/// rule as wide as the 版心 4 mm under the 文号, the title two lines under the rule, and the 主送机关 one line under the title.
/// </summary>
public sealed record OfficialHead(string IssuerMark, string DocNumber, string Title)
{
    /// <summary>主送机关, e.g. 各县（市、区）能源局，各供电企业：</summary>
    public string? Addressees { get; init; }

    /// <summary>
    /// 签发人 of an upward document (上行文, GB/T 9704 7.2.3–7.2.4), e.g. a utility's report to the bureau: null for a
    /// downward one (the 文号 centred); otherwise the 文号 sits one character in from the left and <c>签发人：</c> and the
    /// name (blank when empty, for the signer to write) one character in from the right, on the same line.
    /// </summary>
    public string? Signer { get; init; }
}

/// <summary>
/// The 版记 at the foot of the last page (GB/T 9704-2012 7.4): 抄送 and 印发机关 / 印发日期 between a thick first rule,
/// a thin middle rule and a thick last rule, in 4号 with one character's space at either side; the last element on
/// the last line of the 版心.
/// </summary>
public sealed record OfficialImprint(string Issuer, DateOnly IssuedOn)
{
    /// <summary>抄送机关; no 抄送 line when empty.</summary>
    public IReadOnlyList<string> CopyTo { get; init; } = [];
}

/// <summary>
/// The 发文机关署名 and 成文日期 after the body (GB/T 9704-2012 7.3.5): the date right-aligned four characters in from
/// the right edge, the authority centred over it.
/// </summary>
public sealed record SignOffBlock(string Issuer, DateOnly Date) : Block;

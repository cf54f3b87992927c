using Analytics.Domain;
using Analytics.Domain.Registry;
using Analytics.Generator.Output;
using ClosedXML.Excel;

namespace Analytics.Generator;

/// <summary>
/// The blank templates a utility or county clerk fills in (templates.md §3–§6): per template one
/// CSV (UTF-8 with BOM) and one XLSX, both with the Chinese headers. The XLSX has the data sheet
/// first, named like the template (用电报装 …), and a second sheet 填报说明 listing each column's
/// English name, whether it is required and what it accepts.
/// </summary>
public static class BlankTemplates
{
    /// <summary>The templates written, in order.</summary>
    public static IReadOnlyList<FilingKind> Kinds { get; } = [FilingKind.Applications, FilingKind.Outages, FilingKind.Customers, FilingKind.Notes];

    /// <summary>Writes <c>applications.csv</c>, <c>applications.xlsx</c>, … into <paramref name="dir"/>; returns the paths.</summary>
    public static IReadOnlyList<string> Write(string dir, Registries? registries = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dir);
        registries ??= Registries.Default;
        Directory.CreateDirectory(dir);
        var stamp = new DateTime(2021, 9, 22); // the plan's date: blank templates never change
        var paths = new List<string>();
        foreach (var kind in Kinds)
        {
            var columns = TemplateDescriptions.Of(kind);
            var csv = Path.Combine(dir, TemplateDescriptions.FileStem(kind) + ".csv");
            CsvTableWriter.Write(csv, [.. columns.Select(c => c.Header)], []);
            paths.Add(Path.GetFullPath(csv));

            var xlsx = Path.Combine(dir, TemplateDescriptions.FileStem(kind) + ".xlsx");
            XlsxTableWriter.Write(xlsx, TemplateDescriptions.ChineseSheetName(kind), columns, HeaderLanguage.Chinese, [], stamp,
                wb => Instructions(wb, columns, registries));
            paths.Add(Path.GetFullPath(xlsx));
        }
        return paths;
    }

    private static void Instructions(XLWorkbook wb, IReadOnlyList<TemplateField> columns, Registries registries)
    {
        var ws = wb.Worksheets.Add("填报说明");
        string[] header = ["中文列名", "英文列名", "是否必填", "填写说明"];
        for (var c = 0; c < header.Length; c++) ws.Cell(1, c + 1).SetValue(header[c]);
        ws.Range(1, 1, 1, header.Length).Style.Font.Bold = true;
        for (var i = 0; i < columns.Count; i++)
        {
            var col = columns[i];
            ws.Cell(i + 2, 1).SetValue(col.Header);
            ws.Cell(i + 2, 2).SetValue(col.Name);
            ws.Cell(i + 2, 3).SetValue(col.Required ? "必填" : "选填");
            ws.Cell(i + 2, 4).SetValue(Explain(col, registries));
        }
        ws.Column(1).Width = 24;
        ws.Column(2).Width = 26;
        ws.Column(3).Width = 10;
        ws.Column(4).Width = 90;
        ws.Column(4).Style.Alignment.WrapText = true;
    }

    private static string Explain(TemplateField col, Registries registries) => col.Name switch
    {
        "utility" => "供电企业名称或简称：" + string.Join("、", registries.Utilities.Select(u => u.Name)),
        "county" => "县（市、区）名称：" + string.Join("、", registries.Counties.Select(c => c.Name)),
        "area" => Labels<Area>(),
        "customer_type" => Labels<CustomerType>(),
        "voltage" => Labels<Voltage>(),
        "power_sources" => "高压用户填1或2（单电源/双电源），空 = 1",
        "channel" => Labels<Channel>(),
        "status" => Labels<ApplicationStatus>(),
        "approval_mode" => Labels<ApprovalMode>(),
        "materials" => Labels<Materials>() + "；多项用“、”或“;”分隔",
        "kind" => Labels<OutageKind>(),
        "cause" => Labels<OutageCause>() + "；空 = 内部",
        "notify_channels" => Labels<NotifyChannels>() + "；多项用“、”或“;”分隔",
        "section" => Labels<NoteSection>(),
        "period" => "年度如 2022，或月末快照如 2022-06",
        "half" => "如 2022H1、2022年上半年",
        "id_number" => "18位居民身份证号码（校验位须正确）；个人信息入库前即做不可逆处理",
        "customer_name" or "phone" => "个人信息，入库前即做不可逆处理，报告中不显示明文",
        _ => col.Kind switch
        {
            FieldKind.Instant => "日期时间，如 2021-09-22 10:30 或 Excel 日期",
            FieldKind.Bool => "是/否（也可填 Y/N）",
            FieldKind.Amount or FieldKind.Count => "数字，不得为负",
            _ => "文本",
        },
    };

    private static string Labels<T>() where T : struct, Enum =>
        string.Join("、", Codes.All<T>().Where(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) != 0).Select(Codes.Label));
}

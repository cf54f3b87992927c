using Analytics.Domain;
using Analytics.Domain.Registry;
using Analytics.Ingest.Templates;

namespace Analytics.Ingest.Tests.Templates;

public class HeaderBindingTests
{
    public static TheoryData<FilingKind> Kinds() => new() { FilingKind.Applications, FilingKind.Outages, FilingKind.Customers, FilingKind.Notes };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void No_header_spelling_means_two_columns_of_one_template(FilingKind kind)
    {
        var template = Template.For(kind, new TemplateContext(Registries.Default, TestFiles.LoadedAt, null));
        var seen = new Dictionary<string, string>();
        foreach (var c in template.Columns)
            foreach (var name in new[] { c.Name, c.ChineseName }.Concat(c.Aliases).Select(HeaderBinding.Key).Distinct())
            {
                Assert.False(seen.TryGetValue(name, out var other), $"'{name}' names both {other} and {c.Name}");
                seen[name] = c.Name;
            }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Columns_are_numbered_in_order(FilingKind kind)
    {
        var template = Template.For(kind, new TemplateContext(Registries.Default, TestFiles.LoadedAt, null));
        Assert.Equal(Enumerable.Range(0, template.Columns.Count), template.Columns.Select(c => c.Index));
    }

    [Theory]
    [InlineData("报装容量（kW）", "报装容量(kw)")]
    [InlineData(" Capacity_KW ", "capacitykw")]
    [InlineData("县（市、区）*", "县(市、区)")]
    [InlineData("application-id", "applicationid")]
    public void Header_keys_ignore_case_spacing_bracket_width_and_markers(string header, string key) =>
        Assert.Equal(key, HeaderBinding.Key(header));

    [Theory]
    [InlineData(0, false, "第 1 列", "column 1")]
    [InlineData(25, true, "Z 列", "column Z")]
    [InlineData(26, true, "AA 列", "column AA")]
    [InlineData(40, true, "AO 列", "column AO")]
    public void Positions_are_named_as_the_file_shows_them(int ordinal, bool xlsx, string chinese, string english)
    {
        Assert.Equal(chinese, HeaderBinding.Position(ordinal, xlsx).ToString());
        Assert.Equal(english, HeaderBinding.Position(ordinal, xlsx).Render(Analytics.Ingest.Messages.MessageLanguage.English));
    }

    [Fact]
    public void A_header_only_file_is_read_as_no_rows()
    {
        using var dir = new TempFolder();
        var path = TestFiles.Text(dir, "empty-table.csv", string.Join(",", TestFiles.Outage().Keys) + "\r\n");
        var result = TestFiles.Read(dir, FilingKind.Outages, path);
        Assert.Empty(result.Errors);
        Assert.Equal(0, result.RowsRead);
    }

    [Fact]
    public void A_file_of_blank_lines_has_no_header()
    {
        using var dir = new TempFolder();
        var path = TestFiles.Text(dir, "blank.csv", "\r\n  \r\n,,\r\n");
        var e = TestFiles.OnlyError(TestFiles.Read(dir, FilingKind.Outages, path));
        Assert.Equal(IngestErrorCode.NoHeader, e.Code);
    }

    [Fact]
    public void A_tab_separated_file_gets_a_hint()
    {
        using var dir = new TempFolder();
        var path = TestFiles.Text(dir, "tabs.csv", string.Join("\t", TestFiles.Customers().Keys) + "\r\n" + string.Join("\t", TestFiles.Customers().Values) + "\r\n");
        var result = TestFiles.Read(dir, FilingKind.Customers, path);
        Assert.All(result.Errors, e => Assert.Equal(IngestErrorCode.MissingColumn, e.Code));
        Assert.Equal("header.missing_column_separator", result.Errors[0].MessageId);
        Assert.Contains("制表符或分号分隔", result.Errors[0].Message, StringComparison.Ordinal);
    }
}

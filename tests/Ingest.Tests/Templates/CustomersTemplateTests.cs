using Analytics.Domain;
using Analytics.Ingest.Templates;

namespace Analytics.Ingest.Tests.Templates;

public class CustomersTemplateTests
{
    [Theory]
    [InlineData("2022", 2022, null)]
    [InlineData("2022年", 2022, null)]
    [InlineData("2022-06", 2022, 6)]
    [InlineData("2022-6", 2022, 6)]
    [InlineData("2022/06", 2022, 6)]
    [InlineData("2022.12", 2022, 12)]
    [InlineData("2022年6月", 2022, 6)]
    public void Period_forms(string text, int year, int? month)
    {
        Assert.True(CustomersTemplate.TryParsePeriod(text, out var y, out var m));
        Assert.Equal(year, y);
        Assert.Equal(month, m);
    }

    [Theory]
    [InlineData("2022-13")]
    [InlineData("2022-00")]
    [InlineData("22-06")]
    [InlineData("2022H1")]
    [InlineData("1999")]
    [InlineData("2022-06-30")]
    public void Other_periods_are_refused(string text) => Assert.False(CustomersTemplate.TryParsePeriod(text, out _, out _));

    [Fact]
    public void Snapshots_load_with_thousands_separators_in_quoted_fields()
    {
        using var dir = new TempFolder();
        var path = TestFiles.Csv(dir, "c.csv", [TestFiles.Customers("2021", "yaodu", "152,300"), TestFiles.Customers("2022-06", "霍州", "0")]);
        var result = TestFiles.Read(dir, FilingKind.Customers, path);
        Assert.Empty(result.Errors);
        var rows = result.Records.Cast<CustomersServed>().ToList();
        Assert.Equal((2021, (int?)null, 152300L, "yaodu"), (rows[0].Year, rows[0].Month, rows[0].Customers, rows[0].County));
        Assert.Equal((2022, (int?)6, 0L, "huozhou"), (rows[1].Year, rows[1].Month, rows[1].Customers, rows[1].County));
    }

    [Fact]
    public void A_month_Excel_turned_into_a_date_is_a_month()
    {
        using var dir = new TempFolder();
        var path = TestFiles.Xlsx(dir, "c.xlsx", [TestFiles.Customers()], sheet: "用户数", edit: ws =>
        {
            ws.Cell(2, 1).SetValue(new DateTime(2022, 6, 1));
            ws.Cell(2, 1).Style.NumberFormat.Format = "yyyy-mm";
            ws.Cell(2, 5).SetValue(1500);
        });
        var result = TestFiles.Read(dir, FilingKind.Customers, path);
        Assert.Empty(result.Errors);
        var c = (CustomersServed)Assert.Single(result.Records);
        Assert.Equal((2022, (int?)6, 1500L), (c.Year, c.Month, c.Customers));
    }

    [Fact]
    public void One_row_per_period_utility_county_and_area()
    {
        using var dir = new TempFolder();
        var path = TestFiles.Csv(dir, "c.csv", [TestFiles.Customers("2022-06"), TestFiles.Customers("2022-6", customers: "7")]);
        var e = TestFiles.OnlyError(TestFiles.Read(dir, FilingKind.Customers, path));
        Assert.Equal(IngestErrorCode.DuplicateKey, e.Code);
        Assert.Equal(3, e.Row);
        Assert.Equal("period", e.Column);
    }

    [Fact]
    public void A_bad_period_is_located()
    {
        using var dir = new TempFolder();
        var path = TestFiles.Csv(dir, "c.csv", [TestFiles.Customers("上半年")]);
        var e = TestFiles.OnlyError(TestFiles.Read(dir, FilingKind.Customers, path));
        Assert.Equal((IngestErrorCode.InvalidPeriod, 2, "period", "上半年"), (e.Code, e.Row!.Value, e.Column!, e.Value!));
    }
}

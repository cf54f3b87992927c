using UglyToad.PdfPig;

namespace Analytics.Cli.Tests;

/// <summary>
/// Issue 12, the read side: <c>report semiannual</c> and <c>report city</c> answer the other periods from the store's
/// counts (<c>MetricsQuery.Answer</c>) and read the records of their own half alone; their PDFs say, letter for letter,
/// what the reports made from the records of every period say (<c>ANALYTICS_REPORT_FROM_RECORDS=1</c>), on both stores,
/// for a past half, the half in progress, and as known at an earlier day.
/// </summary>
[Collection(FromRecordsVariable.Collection)]
public sealed class ReportStorePathTests : IClassFixture<MetricsFastPathTests.Stores>
{
    private readonly MetricsFastPathTests.Stores _stores;

    public ReportStorePathTests(MetricsFastPathTests.Stores stores) => _stores = stores;

    public static TheoryData<string, string, string, string?> Reports()
    {
        var data = new TheoryData<string, string, string, string?>();
        foreach (var store in new[] { "sqlite", "postgres" })
        {
            data.Add(store, "city", "2026H1", null);                // a past half (its year to date is itself)
            data.Add(store, "city", "2026H2", null);                // the half in progress (the year to date answered apart)
            data.Add(store, "city", "2025H2", "2026-11-20");        // as known before the second filing
            data.Add(store, "sgcc-linfen", "2026H1", null);
            data.Add(store, "sgcc-linfen", "2026H2", null);
            data.Add(store, "sxdl-puxian", "2025H2", "2026-11-20");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void The_report_from_the_store_says_what_the_report_from_the_records_says(string store, string who, string half, string? asOf)
    {
        var target = store == "sqlite" ? _stores.Sqlite : _stores.Postgres;
        string[] args = who == "city" ? ["report", "city", "--half", half] : ["report", "semiannual", "--utility", who, "--half", half];
        if (asOf is not null) args = [.. args, "--as-of", asOf];
        var name = $"{store}-{who}-{half}-{asOf}";

        var fromStore = _stores.Run(target, [.. args, "--out", _stores.Dir(name + "-store.pdf")]);
        Assert.True(fromStore.ExitCode == 0, fromStore.Err);
        Environment.SetEnvironmentVariable(FromRecords, "1");
        CliRunner.Result fromRecords;
        try
        {
            fromRecords = _stores.Run(target, [.. args, "--out", _stores.Dir(name + "-records.pdf")]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(FromRecords, null);
        }
        Assert.True(fromRecords.ExitCode == 0, fromRecords.Err);
        Assert.Equal(fromRecords.Err, fromStore.Err);

        var expected = Pages(_stores.Dir(name + "-records.pdf"));
        var actual = Pages(_stores.Dir(name + "-store.pdf"));
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++) Assert.Equal(expected[i], actual[i]);
        // Not a vacuous comparison: the report lists breached applications (the circular: each unit's most breached targets).
        var text = string.Concat(actual);
        if (who == "city") Assert.Matches(@"T\d+（\d+件）", text);
        else Assert.Contains("本期存在目标未达标或数据真实性问题的工单共", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_utilitys_report_from_the_store_says_what_it_says_from_the_records()
    {
        var fromStore = _stores.Run(_stores.Sqlite, "report", "semiannual", "--all", "--half", "2026H2", "--out", _stores.Dir("all-store"));
        Assert.True(fromStore.ExitCode == 0, fromStore.Err);
        Environment.SetEnvironmentVariable(FromRecords, "1");
        try
        {
            var fromRecords = _stores.Run(_stores.Sqlite, "report", "semiannual", "--all", "--half", "2026H2", "--out", _stores.Dir("all-records"));
            Assert.True(fromRecords.ExitCode == 0, fromRecords.Err);
        }
        finally
        {
            Environment.SetEnvironmentVariable(FromRecords, null);
        }
        var files = Directory.GetFiles(_stores.Dir("all-records"), "*.pdf").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count >= 5, string.Join(", ", files));
        Assert.Equal(files, Directory.GetFiles(_stores.Dir("all-store"), "*.pdf").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());
        foreach (var f in files)
            Assert.Equal(Pages(Path.Combine(_stores.Dir("all-records"), f!)), Pages(Path.Combine(_stores.Dir("all-store"), f!)));
    }

    private const string FromRecords = "ANALYTICS_REPORT_FROM_RECORDS";

    private static List<string> Pages(string pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return [.. doc.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value)))];
    }
}

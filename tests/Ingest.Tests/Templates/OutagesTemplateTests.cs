using Analytics.Domain;

namespace Analytics.Ingest.Tests.Templates;

public class OutagesTemplateTests
{
    [Fact]
    public void Rows_sharing_an_id_are_numbered_steps_of_one_outage()
    {
        using var dir = new TempFolder();
        var path = TestFiles.Csv(dir, "o.csv",
        [
            TestFiles.Outage("O-1", "2021-07-01 11:00", "50"),
            TestFiles.Outage("O-2", "2021-07-02 09:00", "10").With("start_at", "2021-07-02 08:00").With("kind", "预安排")
                .With("cause", "外力破坏").With("notified_at", "2021-06-30 09:00").With("notify_channels", "短信、网上国网"),
            TestFiles.Outage("O-1", "2021-07-01 12:30", "70户"),
        ]);
        var result = TestFiles.Read(dir, FilingKind.Outages, path);
        Assert.Empty(result.Errors);
        var steps = result.Records.Cast<OutageStep>().ToList();
        Assert.Equal([("O-1", 1, 50), ("O-2", 1, 10), ("O-1", 2, 70)], steps.Select(s => (s.OutageId, s.Step, s.Customers)));
        Assert.Equal(OutageCause.Internal, steps[0].Cause);
        Assert.Equal(OutageKind.Planned, steps[1].Kind);
        Assert.Equal(OutageCause.External, steps[1].Cause);
        Assert.Equal(NotifyChannels.Sms | NotifyChannels.App, steps[1].NotifyChannels);
        Assert.Equal("houma", steps[0].County);
        Assert.Equal(new DateTime(2021, 7, 2, 9, 0, 0), result.Newest); // the newest end_at
    }

    [Theory]
    [InlineData("utility", "sxdl-puxian")]
    [InlineData("county", "quwo")]
    [InlineData("area", "rural")]
    public void Steps_must_agree_on_utility_county_and_area(string column, string value)
    {
        using var dir = new TempFolder();
        var path = TestFiles.Csv(dir, "o.csv", [TestFiles.Outage("O-1", "2021-07-01 11:00", "50"), TestFiles.Outage("O-1").With(column, value)]);
        var e = TestFiles.OnlyError(TestFiles.Read(dir, FilingKind.Outages, path));
        Assert.Equal(IngestErrorCode.InconsistentOutage, e.Code);
        Assert.Equal(3, e.Row);
        Assert.Equal(column, e.Column);
        Assert.Equal("outages.inconsistent", e.MessageId);
        Assert.Contains("第 2 行", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("end_at", "2021-07-01 09:00", IngestErrorCode.EndBeforeStart)]
    [InlineData("customers", "0", IngestErrorCode.OutOfRange)]
    [InlineData("customers", "-3", IngestErrorCode.Negative)]
    [InlineData("customers", "3.5", IngestErrorCode.InvalidNumber)]
    [InlineData("kind", "停电", IngestErrorCode.UnknownValue)]
    [InlineData("notify_channels", "短信、传真", IngestErrorCode.UnknownValue)]
    [InlineData("start_at", "", IngestErrorCode.Required)]
    public void Field_rules(string column, string value, IngestErrorCode code)
    {
        using var dir = new TempFolder();
        var path = TestFiles.Csv(dir, "o.csv", [TestFiles.Outage().With(column, value)]);
        var e = TestFiles.OnlyError(TestFiles.Read(dir, FilingKind.Outages, path));
        Assert.Equal(code, e.Code);
        Assert.Equal(column, e.Column);
    }

    [Fact]
    public void Chinese_headers_are_accepted()
    {
        using var dir = new TempFolder();
        var rename = new Dictionary<string, string>
        {
            ["outage_id"] = "停电编号", ["utility"] = "供电企业", ["county"] = "县（市、区）", ["area"] = "供电区域", ["feeder"] = "线路/台区",
            ["kind"] = "停电性质", ["cause"] = "停电原因分类", ["start_at"] = "停电开始时间", ["end_at"] = "恢复送电时间",
            ["customers"] = "停电用户数", ["notified_at"] = "通知用户时间", ["notify_channels"] = "通知渠道",
        };
        var path = TestFiles.Csv(dir, "o.csv", [TestFiles.Outage()], TestFiles.Gb18030, rename);
        var result = TestFiles.Read(dir, FilingKind.Outages, path);
        Assert.Empty(result.Errors);
        Assert.Equal("10kV 城关线", ((OutageStep)Assert.Single(result.Records)).Feeder);
    }

    [Fact]
    public void A_bad_step_marks_its_outage_as_a_bad_group()
    {
        using var dir = new TempFolder();
        var path = TestFiles.Csv(dir, "o.csv",
        [
            TestFiles.Outage("O-1", "2021-07-01 11:00", "50"),
            TestFiles.Outage("O-2"),
            TestFiles.Outage("O-1", "2021-07-01 12:00", "lots"),
        ]);
        var result = TestFiles.Read(dir, FilingKind.Outages, path);
        Assert.Equal(4, Assert.Single(result.BadGroups, g => g.Key == "O-1").Value);
    }
}

using System.Text;
using Analytics.Domain.Policy;
using PolicyModel = Analytics.Domain.Policy.Policy;

namespace Analytics.Domain.Tests.Policy;

public class PolicyTests
{
    [Fact]
    public void The_shipped_policy_holds_every_target_of_the_plan()
    {
        var p = PolicyModel.Default;
        Assert.Equal("临能源电力发〔2021〕189号", p.PlanId);
        string[] ids = ["T1a", "T1b", "T2a", "T2b", "T2c", "T2d", "T2e", "T3a", "T3b", "T3c", "T4a", "T4b", "T4c", "T5", "T6", "T7"];
        Assert.Equal(ids, p.Targets.Select(t => t.Id));
        Assert.True(p.Parameters.TownCountsAsUrban);
        Assert.Equal(0.08m, p.Parameters.SaidiYoyReduction);
    }

    [Theory]
    [InlineData("T1a", "2021-01-01", 5)]
    [InlineData("T1b", "2021-06-30", 10)]
    [InlineData("T2a", "2022-01-01", 5)]
    [InlineData("T2b", "2022-03-01", 15)]
    [InlineData("T2c", "2022-03-01", 25)]
    [InlineData("T2d", "2022-03-01", 4)]
    [InlineData("T2e", "2022-12-31", 20)]
    [InlineData("T2e", "2023-01-01", 15)]
    [InlineData("T3a", "2021-01-01", 2)]
    [InlineData("T3b", "2021-01-01", 3)]
    public void Limits_follow_their_effective_dates(string id, string date, int limit) =>
        Assert.Equal(limit, PolicyModel.Default.Target(id).LimitOn(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("T2a", "2021-12-31")]
    [InlineData("T4a", "2021-12-31")]
    [InlineData("T4b", "2022-12-31")]
    public void A_target_is_not_in_force_before_its_date(string id, string date)
    {
        var t = PolicyModel.Default.Target(id);
        Assert.False(t.IsInForce(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Null(t.StepOn(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(Area.Central, true, 160)]
    [InlineData(Area.Town, true, 160)]
    [InlineData(Area.Town, false, 100)]
    [InlineData(Area.Rural, true, 100)]
    public void Zero_investment_ceiling_for_towns_is_a_parameter(Area area, bool townUrban, int ceiling)
    {
        var t = PolicyModel.Default.Target("T4a");
        Assert.Equal(ceiling, t.CapacityCeiling(area, new PolicyParameters { TownCountsAsUrban = townUrban }));
    }

    [Fact]
    public void Stage_and_material_rules_are_data()
    {
        var p = PolicyModel.Default;
        Assert.Equal(StageSet.Of(Stage.Accept, Stage.Connect), p.Target("T3a").AllowedStages);
        Assert.True(p.Target("T3c").ForbiddenStages.Contains(Stage.MidCheck));
        Assert.True(p.Target("T3c").ExemptImportantUsers);
        Assert.Equal(Materials.IdCard | Materials.PropertyCert, p.Target("T6").AllowedLv);
        Assert.Equal(Materials.CommitmentLetter, p.Target("T6").Forbidden);
        Assert.Equal(15m, p.Target("T5").LimitHoursByArea[Area.Rural]);
    }

    [Fact]
    public void The_plans_tasks_name_the_counties_where_the_plan_text_does()
    {
        var p = PolicyModel.Default;

        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"任务{i}"), p.Tasks.Select(t => t.Id));
        // 三、1–3: 各县（市、区）能源局要牵头…; 10: 各县（市、区）能源局要加强配电网和农网发展规划的统筹协调; the rest: 各供电企业.
        Assert.Equal(["任务1", "任务2", "任务3", "任务10"], p.TasksFor(ResponsibleUnit.County).Select(t => t.Id));
        Assert.Equal(10, p.TasksFor(ResponsibleUnit.Utility).Count);
        Assert.Equal("实现并联审批", p.Task("任务2")!.Title);
        Assert.Equal("各县（市、区）能源局、各供电企业", p.Task("任务1")!.ResponsibleLabel);
        Assert.Null(p.Task("任务13"));
    }

    [Theory]
    [InlineData("""{"plan":"x","targets":[{"id":"T9","clause":"目标9","kind":"speed","in_force":[{"from":"2021-01-01"}]}]}""", "targets[1] (T9): unknown kind \"speed\"")]
    [InlineData("""{"plan":"x","targets":[{"id":"T2a","clause":"目标2","kind":"utility_days","categories":["lv_other"],"in_force":[{"from":"2021-13-01","limit":5}]}]}""", "targets[1] (T2a).in_force[1]: \"from\" must be a date")]
    [InlineData("""{"plan":"x","targets":[{"id":"T2a","clause":"目标2","kind":"utility_days","categories":["lv_bogus"],"in_force":[{"from":"2021-01-01","limit":5}]}]}""", "targets[1] (T2a).categories")]
    [InlineData("""{"plan":"x","targets":[{"id":"T2a","clause":"目标2","kind":"utility_days","categories":["lv_other"],"in_force":[{"from":"2021-01-01"}]}]}""", "needs a \"limit\"")]
    [InlineData("""{"plan":"x","targets":[{"clause":"目标2"}]}""", "targets[1]: \"id\" is required")]
    [InlineData("""{"plan":"x","parameters":{"speed":1},"targets":[]}""", "unknown parameter \"speed\"")]
    [InlineData("""{"plan":"x","targets":[{"id":"T2a","clause":"目标2","kind":"utility_days","categories":["lv_other"],"in_force":[{"from":"2021-01-01","limit":-1}]}]}""", "expected a number from 0")]
    [InlineData("""{ nope""", "not valid JSON")]
    [InlineData("""{"plan":"x","tasks":[{"id":"任务1","title":"t","responsible":["city"]}],"targets":[]}""", "tasks[1] (任务1).responsible: \"city\" is not one of county, utility")]
    [InlineData("""{"plan":"x","tasks":[{"id":"任务1","title":"t"}],"targets":[]}""", "tasks[1] (任务1): \"responsible\" must be a non-empty list")]
    [InlineData("""{"plan":"x","tasks":[{"id":"任务1","title":"t","responsible":["county"]},{"id":"任务1","title":"u","responsible":["utility"]}],"targets":[]}""", "tasks[2] (任务1): the id 任务1 appears twice")]
    public void A_malformed_policy_names_the_bad_entry(string json, string expected)
    {
        using var s = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var e = Assert.Throws<PolicyException>(() => PolicyModel.Load(s, "my-policy.json"));
        // The message a person reads is Chinese (Message); its English (--lang en) carries the same location and names.
        Assert.Contains("my-policy.json", e.Message, StringComparison.Ordinal);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.Message);
        Assert.StartsWith("policy.", e.Text.Id, StringComparison.Ordinal);
        Assert.Contains("my-policy.json", e.Text.English, StringComparison.Ordinal);
        Assert.Contains(expected, e.Text.English, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_policy_file_replaces_the_shipped_one()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """
                {"plan":"晋能源电力发〔2021〕190号","parameters":{"town_counts_as_urban":false},
                 "targets":[{"id":"T2d","clause":"目标2","kind":"whole_process_days","categories":["residential"],"in_force":[{"from":"2021-06-01","limit":3}]}]}
                """);
            var p = PolicyModel.Load(path);
            Assert.Equal("晋能源电力发〔2021〕190号", p.PlanId);
            Assert.False(p.Parameters.TownCountsAsUrban);
            Assert.Equal(3m, p.Target("T2d").LimitOn(new DateOnly(2021, 7, 1)));
        }
        finally { File.Delete(path); }
    }
}

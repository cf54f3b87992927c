using System.Text;
using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Registry;
using Xunit.Abstractions;

namespace Analytics.Generator.Tests;

/// <summary>The generated applications filings follow templates.md §3 and look like Linfen.</summary>
[Collection(GeneratedSetDefinition.Name)]
public sealed class ApplicationsFileTests
{
    private static readonly string[] Chain =
    [
        "accepted_at", "plan_replied_at", "design_review_start", "design_review_end", "mid_check_start", "mid_check_end",
        "external_works_start", "external_works_end", "completion_check_start", "completion_check_end", "connected_at",
    ];

    private static readonly string[] StageTimes =
    [
        "plan_replied_at", "design_review_start", "design_review_end", "customer_works_start", "customer_works_end",
        "mid_check_start", "mid_check_end", "external_works_start", "external_works_end", "approval_submitted_at",
        "approval_granted_at", "completion_check_start", "completion_check_end", "connected_at", "withdrawn_at",
    ];

    private readonly GeneratedSetFixture _set;
    private readonly ITestOutputHelper _output;

    public ApplicationsFileTests(GeneratedSetFixture set, ITestOutputHelper output)
    {
        _set = set;
        _output = output;
    }

    [Theory]
    [InlineData("applications.csv")]
    [InlineData("applications-revised.csv")]
    public void Files_start_with_a_BOM_and_exactly_the_english_headers(string file)
    {
        var bytes = File.ReadAllBytes(_set.PathOf(file));
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var firstLine = Encoding.UTF8.GetString(bytes, 3, Array.IndexOf(bytes, (byte)'\r') - 3);
        Assert.Equal(string.Join(",", TemplateDescriptions.Applications.Select(c => c.Name)), firstLine);
    }

    [Fact]
    public void Every_application_is_in_one_filing_or_both_and_ids_are_unique_within_a_filing()
    {
        Assert.Equal(_set.First.Rows.Count, _set.First.Rows.Select(r => r[0]).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(_set.Revised.Rows.Count, _set.Revised.Rows.Select(r => r[0]).Distinct(StringComparer.Ordinal).Count());
        var all = _set.First.Rows.Concat(_set.Revised.Rows).Select(r => r[0]).Distinct(StringComparer.Ordinal).Count();
        Assert.Equal(GeneratedSetFixture.ApplicationCount, all);
        Assert.Equal(_set.Truth.Applications, all);
    }

    [Fact]
    public void Required_fields_are_present_and_every_code_is_accepted()
    {
        var t = _set.First;
        var reg = Registries.Default;
        foreach (var row in _set.First.Rows.Concat(_set.Revised.Rows))
        {
            foreach (var col in TemplateDescriptions.Applications.Where(c => c.Required))
                Assert.False(string.IsNullOrEmpty(t.Get(row, col.Name)), $"{row[0]}: {col.Name} is empty");
            Assert.True(reg.TryUtility(t.Get(row, "utility"), out _));
            Assert.True(reg.TryCounty(t.Get(row, "county"), out _));
            Assert.True(Codes.TryParse<Area>(t.Get(row, "area"), out _));
            Assert.True(Codes.TryParse<CustomerType>(t.Get(row, "customer_type"), out _));
            Assert.True(Codes.TryParse<Voltage>(t.Get(row, "voltage"), out _));
            Assert.True(Codes.TryParse<Channel>(t.Get(row, "channel"), out _));
            Assert.True(Codes.TryParse<ApplicationStatus>(t.Get(row, "status"), out _));
            Assert.Contains(t.Get(row, "three_zero"), (string[])["Y", "N"]);
            var mode = t.Get(row, "approval_mode");
            Assert.True(mode.Length == 0 || Codes.TryParse<ApprovalMode>(mode, out _), mode);
            foreach (var m in t.Get(row, "materials").Split(';', StringSplitOptions.RemoveEmptyEntries))
                Assert.True(Codes.TryParse<Materials>(m, out _), m);
            Assert.True(t.Number(row, "capacity_kw") > 0);
            Assert.True((t.Number(row, "fee_yuan") ?? 0) >= 0);
            Assert.True((t.Number(row, "customer_investment_yuan") ?? 0) >= 0);
        }
    }

    [Fact]
    public void Cross_field_rules_of_the_template_hold_on_every_row()
    {
        var t = _set.First;
        foreach (var row in _set.First.Rows.Concat(_set.Revised.Rows))
        {
            var accepted = t.Date(row, "accepted_at")!.Value;
            foreach (var col in StageTimes)
                if (t.Date(row, col) is { } v) Assert.True(v >= accepted, $"{row[0]}: {col} {v} before acceptance {accepted}");
            foreach (var stage in new[] { "design_review", "customer_works", "mid_check", "external_works", "completion_check" })
                if (t.Date(row, stage + "_start") is { } s && t.Date(row, stage + "_end") is { } e) Assert.True(e >= s, $"{row[0]}: {stage} ends before it starts");
            if (t.Date(row, "approval_submitted_at") is { } a && t.Date(row, "approval_granted_at") is { } g) Assert.True(g >= a);
            var status = t.Get(row, "status");
            Assert.Equal(status == "connected", t.Date(row, "connected_at") is not null);
            Assert.Equal(status == "withdrawn", t.Date(row, "withdrawn_at") is not null);
            if (t.Get(row, "voltage") == "lv") Assert.NotEqual("2", t.Get(row, "power_sources"));
        }
    }

    [Fact]
    public void Id_numbers_pass_the_GB11643_checksum_and_belong_to_adults_born_in_Shanxi()
    {
        var t = _set.First;
        var withId = 0;
        foreach (var row in _set.First.Rows)
        {
            var id = t.Get(row, "id_number");
            Assert.False(string.IsNullOrEmpty(t.Get(row, "customer_name")));
            if (id.Length == 0) continue;
            withId++;
            Assert.True(IdNumbers.IsValid(id), id);
            Assert.StartsWith("14", id, StringComparison.Ordinal);
            var birth = IdNumbers.BirthDate(id);
            Assert.NotNull(birth);
            var accepted = DateOnly.FromDateTime(t.Date(row, "accepted_at")!.Value);
            Assert.True(birth!.Value.AddYears(18) <= accepted, $"{id} is under 18 on {accepted}");
        }
        Assert.InRange(withId / (double)_set.First.Rows.Count, 0.8, 0.97);
        Assert.True(_set.First.Rows.Select(r => t.Get(r, "id_number")).Count(s => s.StartsWith("1410", StringComparison.Ordinal)) > withId / 2,
            "most customers are from Linfen (area codes 1410xx)");
    }

    [Fact]
    public void Stage_times_follow_the_stage_order_except_the_injected_out_of_order_ones()
    {
        var t = _set.First;
        var outOfOrder = _set.Latest.Count(row => !InOrder(t, row));
        Assert.Equal(_set.Truth.OutOfOrder, outOfOrder);
        Assert.True(outOfOrder > 0);
    }

    private static bool InOrder(CsvTable t, string[] row)
    {
        var max = DateTime.MinValue;
        foreach (var col in Chain)
        {
            if (t.Date(row, col) is not { } v) continue;
            if (v < max) return false;
            max = v;
        }
        return true;
    }

    [Fact]
    public void Stages_fall_on_working_days_at_office_hours_and_weekend_acceptance_is_online_only()
    {
        var cal = WorkingDayCalendar.Default;
        var t = _set.First;
        long times = 0, offHours = 0;
        foreach (var row in _set.Latest)
        {
            var accepted = t.Date(row, "accepted_at")!.Value;
            if (!cal.IsWorkingDay(DateOnly.FromDateTime(accepted))) Assert.Equal("online", t.Get(row, "channel"));
            Assert.InRange(accepted.TimeOfDay, new TimeSpan(8, 30, 0), new TimeSpan(17, 30, 0));
            foreach (var col in StageTimes)
            {
                if (t.Date(row, col) is not { } v) continue;
                Assert.True(cal.IsWorkingDay(DateOnly.FromDateTime(v)), $"{row[0]}: {col} {v:yyyy-MM-dd} is not a working day");
                times++;
                if (v.TimeOfDay < new TimeSpan(8, 30, 0) || v.TimeOfDay > new TimeSpan(18, 0, 0)) offHours++;
            }
        }
        Assert.True(offHours < times * 0.01, $"{offHours} of {times} stage times outside office hours");
    }

    [Fact]
    public void No_time_lies_after_the_end_of_the_data_and_some_applications_are_in_progress_near_the_end()
    {
        var t = _set.First;
        var end = _set.Options.RevisedFilingAsOf;
        foreach (var row in _set.Latest)
            foreach (var col in StageTimes.Append("accepted_at").Append("record_created_at"))
                if (t.Date(row, col) is { } v) Assert.True(v <= end, $"{row[0]}: {col} {v} after {end}");
        var lastMonth = end.AddDays(-30);
        var recentInProgress = _set.Latest.Count(r => t.Get(r, "status") == "in_progress" && t.Date(r, "accepted_at") >= lastMonth);
        Assert.True(recentInProgress >= 20, $"{recentInProgress} in progress in the last month");
        Assert.Equal(_set.Truth.InProgress, _set.Latest.Count(r => t.Get(r, "status") == "in_progress"));
    }

    [Fact]
    public void Utility_and_county_shares_are_those_of_the_profile()
    {
        var t = _set.First;
        var rows = _set.Latest;
        var total = LinfenProfile.Territories.Sum(x => x.ApplicationWeight);
        foreach (var utility in LinfenProfile.Territories.GroupBy(x => x.Utility))
        {
            var expected = utility.Sum(x => x.ApplicationWeight) / total;
            var actual = rows.Count(r => t.Get(r, "utility") == utility.Key) / (double)rows.Count;
            Assert.True(Math.Abs(expected - actual) < 0.012, $"{utility.Key}: {actual:P1} of applications, expected {expected:P1}");
        }
        foreach (var county in LinfenProfile.Territories.GroupBy(x => x.County))
        {
            var expected = county.Sum(x => x.ApplicationWeight) / total;
            var actual = rows.Count(r => t.Get(r, "county") == county.Key) / (double)rows.Count;
            Assert.True(Math.Abs(expected - actual) < 0.012, $"{county.Key}: {actual:P1} of applications, expected {expected:P1}");
        }
        var byCounty = rows.GroupBy(r => t.Get(r, "county")).OrderByDescending(g => g.Count()).First().Key;
        Assert.Equal("yaodu", byCounty);
    }

    [Fact]
    public void Area_classes_follow_the_counties()
    {
        var t = _set.First;
        foreach (var row in _set.Latest)
        {
            var area = t.Get(row, "area");
            var county = t.Get(row, "county");
            if (area == "central") Assert.Equal("yaodu", county);
            if (area == "urban") Assert.Contains(county, (string[])["yaodu", "houma", "huozhou"]);
            if (t.Get(row, "utility").StartsWith("sxdl-", StringComparison.Ordinal)) Assert.Contains(area, (string[])["town", "rural"]);
        }
        Assert.Contains(_set.Latest, r => t.Get(r, "area") == "central");
    }

    [Fact]
    public void Categories_are_mostly_residential_and_three_zero_with_few_high_voltage()
    {
        var counts = _set.Latest.GroupBy(_set.CategoryOf).ToDictionary(g => g.Key, g => g.Count() / (double)_set.Latest.Count);
        Assert.InRange(counts[Category.Residential], 0.62, 0.78);
        Assert.InRange(counts[Category.LvThreeZero], 0.14, 0.26);
        Assert.InRange(counts[Category.HvSingle] + counts[Category.HvDual], 0.02, 0.08);
        Assert.InRange(counts[Category.HvDual], 0.0005, 0.01);
        Assert.True(counts[Category.HvDual] < counts[Category.HvSingle] / 5);
    }

    [Fact]
    public void The_online_share_grows_year_by_year()
    {
        var t = _set.First;
        var byYear = _set.Latest.GroupBy(r => t.Date(r, "accepted_at")!.Value.Year).OrderBy(g => g.Key)
            .Select(g => g.Count(r => t.Get(r, "channel") == "online") / (double)g.Count()).ToArray();
        Assert.True(byYear.Length >= 3);
        for (var i = 1; i < byYear.Length; i++) Assert.True(byYear[i] > byYear[i - 1] + 0.03, string.Join(", ", byYear));
    }

    [Fact]
    public void Three_zero_applications_are_mostly_free_with_some_breaches()
    {
        var t = _set.First;
        var threeZero = _set.Latest.Where(r => _set.CategoryOf(r) is Category.Residential or Category.LvThreeZero).ToList();
        var charged = threeZero.Count(r => (t.Number(r, "fee_yuan") ?? 0) > 0 || (t.Number(r, "customer_investment_yuan") ?? 0) > 0);
        Assert.InRange(charged / (double)threeZero.Count, 0.015, 0.06);
        var letters = _set.Latest.Count(r => t.Get(r, "materials").Contains("commitment_letter", StringComparison.Ordinal));
        Assert.InRange(letters / (double)_set.Latest.Count, 0.005, 0.05);
    }

    [Theory]
    [InlineData(Category.Residential)]
    [InlineData(Category.LvThreeZero)]
    [InlineData(Category.LvOther)]
    [InlineData(Category.HvSingle)]
    public void A_realistic_share_of_connections_misses_the_time_limit(Category category)
    {
        var t = _set.First;
        var cal = WorkingDayCalendar.Default;
        var policy = Domain.Policy.Policy.Default;
        var target = category switch
        {
            Category.Residential => policy.Target("T2d"),
            Category.LvThreeZero => policy.Target("T2e"),
            Category.LvOther => policy.Target("T2a"),
            _ => policy.Target("T2b"),
        };
        int total = 0, over = 0;
        foreach (var row in _set.Latest.Where(r => _set.CategoryOf(r) == category && t.Get(r, "status") == "connected" && InOrder(t, r)))
        {
            var accepted = t.Date(row, "accepted_at")!.Value;
            var connected = t.Date(row, "connected_at")!.Value;
            var paused = (int)(t.Number(row, "paused_days") ?? 0);
            var excluded = new List<(DateTime, DateTime)>();
            if (target.Kind == Domain.Policy.TargetKind.UtilityDays)
            {
                if (t.Date(row, "customer_works_start") is { } cs && t.Date(row, "customer_works_end") is { } ce) excluded.Add((cs, ce));
                if (t.Date(row, "approval_submitted_at") is { } s && t.Date(row, "approval_granted_at") is { } g) excluded.Add((s, g));
            }
            var days = Math.Max(0, cal.WorkingDaysExcluding(accepted, connected, excluded.ToArray()) - paused);
            total++;
            if (days > target.LimitOn(DateOnly.FromDateTime(accepted))) over++;
        }
        _output.WriteLine($"{category}: {over} of {total} connections over the limit ({over / (double)total:P1})");
        Assert.True(total > 100, $"only {total} connections");
        Assert.InRange(over / (double)total, 0.04, 0.16);
    }

    [Fact]
    public void Approval_times_exist_for_access_works_and_some_exceed_the_limit()
    {
        var t = _set.First;
        var cal = WorkingDayCalendar.Default;
        var lv = _set.Latest.Where(r => t.Get(r, "voltage") == "lv" && t.Get(r, "approval_mode") == "standard" && t.Date(r, "approval_granted_at") is not null).ToList();
        Assert.True(lv.Count > 50);
        var over = lv.Count(r => cal.WorkingDaysBetween(t.Date(r, "approval_submitted_at")!.Value, t.Date(r, "approval_granted_at")!.Value) > 5);
        Assert.InRange(over / (double)lv.Count, 0.03, 0.2);
        Assert.All(_set.Latest.Where(r => t.Date(r, "approval_submitted_at") is not null), r => Assert.NotEqual("", t.Get(r, "external_works_start")));
    }

    [Fact]
    public void Injected_rates_are_within_tolerance_of_the_documented_constants()
    {
        var truth = _set.Truth;
        AssertRate(truth.OutOfOrder, truth.OutOfOrderPopulation, InjectionRates.OutOfOrder);
        AssertRate(truth.EnteredLate, truth.EnteredLatePopulation, InjectionRates.EnteredLate);
        AssertRate(truth.RecordAfterConnection, truth.RecordAfterConnectionPopulation, InjectionRates.RecordAfterConnection);
        AssertRate(truth.Rewritten, truth.RewrittenPopulation, InjectionRates.Rewritten);
        AssertRate(truth.BackFilled, truth.BackFilledPopulation, InjectionRates.BackFilledConnection);
        AssertRate(truth.RefiledUnchanged, truth.RefiledUnchangedPopulation, InjectionRates.RefiledUnchanged);
        AssertRate(truth.Rewalks, truth.Applications, InjectionRates.Rewalk);
        AssertRate(truth.RewalksNamingPrevious, truth.Rewalks, InjectionRates.RewalkNamesPrevious);
    }

    private static void AssertRate(long hits, long population, double rate)
    {
        Assert.True(population > 0);
        var observed = hits / (double)population;
        var tolerance = 4 * Math.Sqrt(rate * (1 - rate) / population) + 0.002;
        Assert.True(Math.Abs(observed - rate) <= tolerance, $"{hits}/{population} = {observed:P2}, documented {rate:P2} ± {tolerance:P2}");
    }

    [Fact]
    public void Record_creation_findings_in_the_files_match_the_ground_truth()
    {
        var t = _set.First;
        var cal = WorkingDayCalendar.Default;
        int afterConnection = 0, late = 0;
        foreach (var row in _set.Latest)
        {
            if (t.Date(row, "record_created_at") is not { } rc) continue;
            var accepted = t.Date(row, "accepted_at")!.Value;
            if (t.Date(row, "connected_at") is { } c && rc > c) afterConnection++;
            if (cal.WorkingDaysBetween(accepted, rc) > 1) late++;
        }
        Assert.Equal(_set.Truth.RecordAfterConnection, afterConnection);
        Assert.InRange(late, _set.Truth.EnteredLate, _set.Truth.EnteredLate + _set.Truth.RecordAfterConnection);
    }

    [Fact]
    public void Withdrawn_applications_filed_again_by_the_same_person_within_30_days_match_the_ground_truth()
    {
        var t = _set.First;
        var rows = _set.Latest;
        string Person(string[] r) => t.Get(r, "customer_name") + "|" + t.Get(r, "id_number") + "|" + t.Get(r, "phone");
        var byPerson = rows.GroupBy(Person).Where(g => g.Count() > 1).ToList();
        var rewalks = 0;
        var namingPrevious = 0;
        foreach (var g in byPerson)
        {
            foreach (var w in g.Where(r => t.Get(r, "status") == "withdrawn"))
            {
                var withdrawnAt = t.Date(w, "withdrawn_at")!.Value;
                foreach (var next in g.Where(r => r != w))
                {
                    var accepted = t.Date(next, "accepted_at")!.Value;
                    if (accepted <= withdrawnAt || (accepted - withdrawnAt).TotalDays > 30) continue;
                    rewalks++;
                    if (t.Get(next, "previous_application_id") == w[0]) namingPrevious++;
                }
            }
        }
        Assert.Equal(_set.Truth.Rewalks, rewalks);
        Assert.Equal(_set.Truth.RewalksNamingPrevious, namingPrevious);
        var previousIds = rows.Select(r => t.Get(r, "previous_application_id")).Where(s => s.Length > 0).ToList();
        var ids = rows.Select(r => r[0]).ToHashSet(StringComparer.Ordinal);
        Assert.All(previousIds, p => Assert.Contains(p, ids));
        Assert.True(previousIds.Count > namingPrevious, "some late re-applications name the withdrawn one too (outside the window)");
    }
}

using System.Globalization;
using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Registry;
using Analytics.Reports.Pdf;
using DomainPolicy = Analytics.Domain.Policy.Policy;

namespace Analytics.Reports.Tests.Pdf;

/// <summary>
/// A synthetic Linfen, built in memory from a seed: applications over 2023–2024 with a realistic mix of categories,
/// a few per cent of them breaking each target or integrity rule, outages and customers served for every utility ×
/// county × area, and narrative notes for some utilities. Deterministic for a given seed and size.
/// </summary>
internal static class SyntheticCity
{
    public static readonly DateTime AsOf = new(2025, 1, 10, 18, 0, 0);
    public static readonly HalfYear Half = new(2024, 2);

    /// <summary>Utilities given no data at all (to test the empty report).</summary>
    public static ReportInputs Create(int applications, int seed = 7, params string[] leaveOut)
    {
        var rnd = new Random(seed);
        var cal = WorkingDayCalendar.Default;
        var reg = Registries.Default;
        var skip = new HashSet<string>(leaveOut, StringComparer.Ordinal);
        var counties = reg.Counties.Select(c => c.Code).ToArray();
        var apps = new List<Application>(applications);
        var start = new DateOnly(2023, 1, 3);
        var end = new DateOnly(2024, 12, 27);
        var span = end.DayNumber - start.DayNumber;
        string[] surnames = ["张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴"];

        var i = 0;
        while (apps.Count < applications)
        {
            i++;
            var county = counties[Skewed(rnd, counties.Length)];
            var utility = UtilityOf(county, rnd);
            if (skip.Contains(utility)) continue;
            var date = start.AddDays(rnd.Next(span + 1));
            while (!cal.IsWorkingDay(date)) date = date.AddDays(1);
            var accepted = date.ToDateTime(new TimeOnly(9 + rnd.Next(8), rnd.Next(60)));
            var roll = rnd.NextDouble();
            var (type, voltage, threeZero, sources) = roll switch
            {
                < 0.55 => (CustomerType.Residential, Voltage.Lv, true, 1),
                < 0.80 => (CustomerType.NonResidential, Voltage.Lv, true, 1),
                < 0.90 => (CustomerType.NonResidential, Voltage.Lv, false, 1),
                < 0.97 => (CustomerType.NonResidential, Voltage.Kv10, false, 1),
                _ => (CustomerType.NonResidential, Voltage.Kv10, false, 2),
            };
            var category = CategoryRules.Derive(type, voltage, sources, threeZero);
            var hv = voltage != Voltage.Lv;
            var bad = rnd.NextDouble() < 0.06;
            var days = category switch
            {
                Category.Residential => bad ? 5 + rnd.Next(3) : 1 + rnd.Next(3),
                Category.LvThreeZero => bad ? 16 + rnd.Next(8) : 5 + rnd.Next(8),
                Category.LvOther => bad ? 6 + rnd.Next(4) : 2 + rnd.Next(3),
                Category.HvSingle => bad ? 16 + rnd.Next(6) : 8 + rnd.Next(6),
                _ => bad ? 26 + rnd.Next(8) : 15 + rnd.Next(9),
            };
            // Customer works and approval are left out of utility days: add them on top of the utility's own days.
            var customerWorks = hv ? 5 + rnd.Next(10) : 0;
            var needsApproval = hv || (category == Category.LvOther && rnd.NextDouble() < 0.5);
            var approvalDays = needsApproval ? (rnd.NextDouble() < 0.05 ? 12 : 2 + rnd.Next(4)) : 0;
            var connectDate = cal.AddWorkingDays(date, days + customerWorks + approvalDays);
            var connected = connectDate.ToDateTime(new TimeOnly(10 + rnd.Next(6), rnd.Next(60)));
            var withdrawn = rnd.NextDouble() < 0.02;
            var status = withdrawn ? ApplicationStatus.Withdrawn : connected <= AsOf ? ApplicationStatus.Connected : ApplicationStatus.InProgress;
            DateTime? D(int workingDays) => cal.AddWorkingDays(date, workingDays).ToDateTime(new TimeOnly(11, 0));
            var approvalStart = needsApproval ? D(days / 2) : null;
            var approvalEnd = needsApproval ? cal.AddWorkingDays(DateOnly.FromDateTime(approvalStart!.Value), approvalDays).ToDateTime(new TimeOnly(15, 0)) : (DateTime?)null;
            var worksStart = hv ? D(days / 2 + approvalDays) : null;
            var worksEnd = hv ? cal.AddWorkingDays(DateOnly.FromDateTime(worksStart!.Value), customerWorks).ToDateTime(new TimeOnly(16, 0)) : (DateTime?)null;
            var extraStage = rnd.NextDouble() < 0.03;
            var materials = Materials.IdCard | Materials.PropertyCert | (hv ? Materials.ProjectApproval : Materials.None)
                | (rnd.NextDouble() < 0.02 ? Materials.CommitmentLetter : Materials.None);
            var capacity = category switch
            {
                Category.Residential => 8m,
                Category.LvThreeZero => 20 + rnd.Next(140),
                Category.LvOther => 100 + rnd.Next(100),
                _ => 315 + rnd.Next(4000),
            };
            var entered = rnd.NextDouble() switch
            {
                < 0.015 => accepted.AddDays(5),
                _ => accepted.AddMinutes(20),
            };
            var done = status == ApplicationStatus.Connected;
            apps.Add(new Application
            {
                ApplicationId = string.Create(CultureInfo.InvariantCulture, $"SQ{date:yyyyMM}{i:0000000}"),
                Utility = utility,
                County = county,
                Area = AreaOf(county, rnd),
                CustomerType = type,
                Voltage = voltage,
                PowerSources = sources,
                CapacityKw = capacity,
                ThreeZero = threeZero,
                SmallMicro = type == CustomerType.NonResidential && !hv && rnd.NextDouble() < 0.7,
                Channel = rnd.NextDouble() < 0.8 ? Channel.Online : Channel.Counter,
                EContract = voltage == Voltage.Lv ? rnd.NextDouble() < 0.85 : null,
                Materials = materials,
                FeeYuan = 0,
                CustomerInvestmentYuan = rnd.NextDouble() < 0.01 ? 1200 : 0,
                Status = status,
                RecordCreatedAt = entered,
                AcceptedAt = accepted,
                PlanRepliedAt = hv || extraStage && !hv ? D(1) : null,
                DesignReviewStart = hv && extraStage ? D(2) : null,
                DesignReviewEnd = hv && extraStage ? D(3) : null,
                ExternalWorksStart = category is Category.LvOther || hv ? D(1) : null,
                ExternalWorksEnd = (category is Category.LvOther || hv) && done ? D(days + customerWorks + approvalDays - 1) : null,
                CustomerWorksStart = worksStart,
                CustomerWorksEnd = done ? worksEnd : null,
                ApprovalSubmittedAt = approvalStart,
                ApprovalGrantedAt = approvalEnd <= AsOf ? approvalEnd : null,
                ApprovalMode = needsApproval ? (rnd.NextDouble() < 0.5 ? ApprovalMode.NotifyCommit : ApprovalMode.Standard) : null,
                CompletionCheckStart = hv && done ? D(days + customerWorks + approvalDays - 1) : null,
                CompletionCheckEnd = hv && done ? D(days + customerWorks + approvalDays - 1) : null,
                ConnectedAt = done ? connected : null,
                WithdrawnAt = withdrawn ? accepted.AddDays(3) : null,
                CustomerKey = Convert.ToHexString(BitConverter.GetBytes(rnd.NextInt64())).ToLowerInvariant(),
                CustomerMask = surnames[rnd.Next(surnames.Length)] + "*",
            });
        }

        var outages = new List<OutageStep>();
        var customers = new List<CustomersServed>();
        var o = 0;
        foreach (var u in reg.Utilities)
        {
            if (skip.Contains(u.Code)) continue;
            foreach (var county in counties)
            {
                if (!Serves(u.Code, county)) continue;
                foreach (var area in new[] { Area.Urban, Area.Town, Area.Rural })
                {
                    var served = 2000 + rnd.Next(20000);
                    foreach (var year in new[] { 2022, 2023, 2024 })
                        customers.Add(new CustomersServed { Year = year, Utility = u.Code, County = county, Area = area, Customers = served + year - 2022 });
                    var limit = area switch { Area.Urban => 5.0, Area.Town => 9.0, _ => 15.0 };
                    // Customer-hours per year of about 70–110 % of the limit, in 12 outages a year.
                    foreach (var year in new[] { 2023, 2024 })
                    {
                        var target = served * limit * (0.7 + rnd.NextDouble() * 0.4);
                        for (var k = 0; k < 12; k++)
                        {
                            var begin = new DateTime(year, 1 + k, 3 + rnd.Next(20), 8 + rnd.Next(8), 0, 0);
                            var hours = 1 + rnd.Next(6);
                            var kind = rnd.NextDouble() < 0.4 ? OutageKind.Planned : OutageKind.Fault;
                            outages.Add(new OutageStep
                            {
                                OutageId = string.Create(CultureInfo.InvariantCulture, $"TD{year}{++o:000000}"),
                                Utility = u.Code,
                                County = county,
                                Area = area,
                                Kind = kind,
                                StartAt = begin,
                                EndAt = begin.AddHours(hours),
                                Customers = Math.Max(1, (int)(target / 12 / hours)),
                                NotifiedAt = kind == OutageKind.Planned ? begin.AddDays(rnd.NextDouble() < 0.85 ? -8 : -2) : begin.AddMinutes(30),
                            });
                        }
                    }
                }
            }
        }

        var notes = new List<ReportNote>();
        if (!skip.Contains("sgcc-linfen"))
        {
            notes.Add(Note("sgcc-linfen", NoteSection.Progress, "全面推行居民用户“刷脸办电”、企业用户“一证办电”，低压小微企业“三零”服务覆盖全部县域。"));
            notes.Add(Note("sgcc-linfen", NoteSection.Results, "线上办电渠道持续拓展，“网上国网”APP注册用户较上期增长。"));
            notes.Add(Note("sgcc-linfen", NoteSection.Problems, "部分县域配套电网工程涉及占路挖掘许可，审批协调周期较长；个别供电所存在系统录入不及时的情况。\n高压双电源用户外部工程受施工季节影响较大。"));
            notes.Add(Note("sgcc-linfen", NoteSection.Measures, "一是与县级行政审批部门建立并联审批绿色通道；二是对录入滞后问题开展专项督查，纳入供电所月度考核；三是提前开展配套电网工程储备。"));
        }
        if (!skip.Contains("sxdl-puxian"))
            notes.Add(Note("sxdl-puxian", NoteSection.Problems, "农村地区线路老旧，故障停电较多。"));

        return new ReportInputs
        {
            Records = new RecordSnapshot { Applications = apps, Outages = outages, CustomersServed = customers, Notes = notes },
            Policy = DomainPolicy.Default,
            Calendar = cal,
            Registries = reg,
        };
    }

    private static ReportNote Note(string utility, NoteSection section, string text) =>
        new() { Utility = utility, Half = Half, Section = section, Text = text };

    /// <summary>Bigger counties first: a rough power law over the registry order.</summary>
    private static int Skewed(Random rnd, int n) => Math.Min(n - 1, (int)(n * Math.Pow(rnd.NextDouble(), 1.6)));

    private static string UtilityOf(string county, Random rnd) => county switch
    {
        "puxian" when rnd.NextDouble() < 0.6 => "sxdl-puxian",
        "xiangning" when rnd.NextDouble() < 0.6 => "sxdl-xiangning",
        "anze" when rnd.NextDouble() < 0.6 => "sxdl-anze",
        "huozhou" when rnd.NextDouble() < 0.25 => "hzmd-pilot",
        _ => "sgcc-linfen",
    };

    private static bool Serves(string utility, string county) => utility switch
    {
        "sxdl-puxian" => county == "puxian",
        "sxdl-xiangning" => county == "xiangning",
        "sxdl-anze" => county == "anze",
        "hzmd-pilot" => county == "huozhou",
        _ => true,
    };

    private static Area AreaOf(string county, Random rnd) => rnd.NextDouble() switch
    {
        < 0.3 when county is "yaodu" or "houma" => Area.Urban,
        < 0.6 => Area.Town,
        _ => Area.Rural,
    };
}

using Analytics.Domain;

namespace Analytics.Metrics.Bench;

/// <summary>
/// Synthetic applications, revisions, outage steps and customers-served snapshots, in memory, seeded, roughly shaped like
/// Linfen's (17 counties, 5 utilities, four area classes, every category, 2021–2023).
/// </summary>
internal sealed class SyntheticData
{
    private static readonly string[] Counties =
        ["yaodu", "houma", "huozhou", "quwo", "yicheng", "xiangfen", "hongtong", "guxian", "anze", "fushan", "jixian",
         "xiangning", "daning", "xixian", "yonghe", "puxian", "fenxi"];

    private static readonly string[] Utilities = ["sgcc-linfen", "sxdl-puxian", "sxdl-xiangning", "sxdl-anze", "hzmd-pilot"];

    private static readonly string[] UtilitiesOrdinal = [.. Utilities.Order(StringComparer.Ordinal)];

    public required Application[] Applications { get; init; }
    public required ApplicationRevision[] Revisions { get; init; }
    public required OutageStep[] Outages { get; init; }
    public required CustomersServed[] Customers { get; init; }

    public static SyntheticData Create(int applications, int outageRows, int seed)
    {
        var rng = new Random(seed);
        var apps = new Application[applications];
        var revisions = new List<ApplicationRevision>(applications + applications / 3);
        var start = new DateTime(2021, 1, 4, 0, 0, 0);
        var asOfSpan = (new DateTime(2023, 12, 20) - start).TotalMinutes;
        for (var i = 0; i < applications; i++)
        {
            var accepted = start.AddMinutes(Math.Floor(rng.NextDouble() * asOfSpan));
            accepted = accepted.Date.AddHours(8 + rng.Next(10));
            var residential = rng.NextDouble() < 0.55;
            var voltage = residential ? Voltage.Lv : rng.NextDouble() switch { < 0.75 => Voltage.Lv, < 0.95 => Voltage.Kv10, < 0.99 => Voltage.Kv35, _ => Voltage.Kv110 };
            var threeZero = !residential && voltage == Voltage.Lv ? rng.NextDouble() < 0.6 : residential || rng.NextDouble() < 0.05;
            var statusDraw = rng.NextDouble();
            var status = statusDraw < 0.85 ? ApplicationStatus.Connected : statusDraw < 0.95 ? ApplicationStatus.InProgress : ApplicationStatus.Withdrawn;
            var t = accepted;
            DateTime Next(double maxDays) => t = t.AddHours(1 + rng.NextDouble() * maxDays * 24);
            var hv = voltage >= Voltage.Kv10;
            DateTime? plan = hv || rng.NextDouble() < 0.2 ? Next(3) : null;
            DateTime? drs = hv && rng.NextDouble() < 0.3 ? Next(2) : null;
            DateTime? dre = drs is null ? null : Next(3);
            DateTime? cws = hv || rng.NextDouble() < 0.3 ? Next(2) : null;
            DateTime? mcs = hv && rng.NextDouble() < 0.2 ? Next(3) : null;
            DateTime? mce = mcs is null ? null : Next(1);
            DateTime? cwe = cws is null ? null : Next(10);
            DateTime? aps = !residential && rng.NextDouble() < 0.3 ? Next(1) : null;
            DateTime? apg = aps is null ? null : Next(8);
            DateTime? ews = aps is not null || rng.NextDouble() < 0.2 ? Next(2) : null;
            DateTime? ewe = ews is null ? null : Next(5);
            DateTime? ccs = hv ? Next(2) : null;
            DateTime? cce = ccs is null ? null : Next(1);
            DateTime? connected = status == ApplicationStatus.Connected ? Next(3) : null;
            // A little disorder so that the out-of-order rule has work to do.
            if (rng.NextDouble() < 0.02 && plan is not null) plan = accepted.AddHours(-2);
            var a = new Application
            {
                ApplicationId = "A" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture),
                Utility = Utilities[rng.NextDouble() < 0.8 ? 0 : 1 + rng.Next(4)],
                County = Counties[rng.Next(Counties.Length)],
                Area = (Area)(1 + rng.Next(4)),
                CustomerType = residential ? CustomerType.Residential : CustomerType.NonResidential,
                Voltage = voltage,
                PowerSources = hv && rng.NextDouble() < 0.3 ? 2 : 1,
                CapacityKw = residential ? 8 + rng.Next(12) : hv ? 200 + rng.Next(5000) : 10 + rng.Next(200),
                ThreeZero = threeZero,
                SmallMicro = !residential && rng.NextDouble() < 0.5,
                ImportantUser = hv && rng.NextDouble() < 0.1,
                Channel = (Channel)(1 + rng.Next(4)),
                EContract = rng.NextDouble() < 0.1 ? null : rng.NextDouble() < 0.7,
                Materials = rng.NextDouble() < 0.2 ? null : Materials.IdCard | (rng.NextDouble() < 0.1 ? Materials.BusinessLicense : Materials.PropertyCert),
                FeeYuan = rng.NextDouble() < 0.05 ? null : rng.NextDouble() < 0.03 ? 200 : 0,
                CustomerInvestmentYuan = rng.NextDouble() < 0.05 ? null : rng.NextDouble() < 0.05 ? 5000 : 0,
                Status = status,
                RecordCreatedAt = accepted.AddHours(rng.NextDouble() < 0.05 ? 24 * (2 + rng.Next(10)) : rng.Next(5)),
                AcceptedAt = accepted,
                PlanRepliedAt = plan,
                DesignReviewStart = drs,
                DesignReviewEnd = dre,
                CustomerWorksStart = cws,
                CustomerWorksEnd = cwe,
                MidCheckStart = mcs,
                MidCheckEnd = mce,
                ExternalWorksStart = ews,
                ExternalWorksEnd = ewe,
                ApprovalSubmittedAt = aps,
                ApprovalGrantedAt = apg,
                ApprovalMode = aps is null ? null : (ApprovalMode)(1 + rng.Next(4)),
                CompletionCheckStart = ccs,
                CompletionCheckEnd = cce,
                ConnectedAt = connected,
                PausedDays = rng.NextDouble() < 0.1 ? rng.Next(5) : 0,
                WithdrawnAt = status == ApplicationStatus.Withdrawn ? Next(5) : null,
                CustomerKey = "K" + rng.Next(applications).ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            apps[i] = a;
            var filed = accepted.Date.AddDays(7 - ((int)accepted.DayOfWeek + 3) % 7);   // the next Thursday
            if (rng.NextDouble() < 0.3)
            {
                // An earlier filing without the later stages (and sometimes another plan time).
                var earlier = a with
                {
                    ConnectedAt = null,
                    Status = ApplicationStatus.InProgress,
                    CompletionCheckStart = null,
                    CompletionCheckEnd = null,
                    PlanRepliedAt = plan is { } p && rng.NextDouble() < 0.1 ? p.AddHours(5) : plan,
                };
                revisions.Add(new ApplicationRevision(earlier, 1, 1, filed));
                revisions.Add(new ApplicationRevision(a, 2, 2, filed.AddDays(7)));
            }
            else
            {
                revisions.Add(new ApplicationRevision(a, 1, 1, filed));
            }
        }

        var outages = new OutageStep[outageRows];
        var ostart = new DateTime(2021, 1, 1);
        for (var i = 0; i < outageRows;)
        {
            var steps = Math.Min(outageRows - i, rng.NextDouble() < 0.7 ? 1 : 2 + rng.Next(3));
            var s = ostart.AddMinutes(rng.Next(3 * 365 * 24 * 60));
            var utility = Utilities[rng.NextDouble() < 0.8 ? 0 : 1 + rng.Next(4)];
            var county = Counties[rng.Next(Counties.Length)];
            var area = (Area)(1 + rng.Next(4));
            var kind = rng.NextDouble() < 0.4 ? OutageKind.Planned : OutageKind.Fault;
            var cause = rng.NextDouble() switch { < 0.8 => OutageCause.Internal, < 0.95 => OutageCause.External, _ => OutageCause.SupplyShortage };
            var id = "O" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var e = s;
            DateTime? notified = rng.NextDouble() < 0.7 ? s.AddDays(-rng.Next(10)) : null;
            for (var k = 0; k < steps; k++, i++)
            {
                e = e.AddMinutes(rng.NextDouble() < 0.05 ? 1 + rng.Next(3) : 10 + rng.Next(600));
                outages[i] = new OutageStep
                {
                    OutageId = id,
                    Utility = utility,
                    County = county,
                    Area = area,
                    Kind = kind,
                    Cause = cause,
                    StartAt = s,
                    EndAt = e,
                    Customers = 1 + rng.Next(500),
                    NotifiedAt = notified,
                    Step = k + 1,
                };
            }
        }

        var customers = new List<CustomersServed>();
        foreach (var year in new[] { 2021, 2022, 2023 })
            foreach (var u in Utilities)
                foreach (var c in Counties)
                    for (var area = 1; area <= 4; area++)
                        for (var month = 6; month <= 12; month += 6)
                            customers.Add(new CustomersServed
                            {
                                Year = year,
                                Month = month,
                                Utility = u,
                                County = c,
                                Area = (Area)area,
                                Customers = 20_000 + rng.Next(50_000),
                            });

        // The store streams applications and revisions ordered by (utility, application id[, revision]).
        Array.Sort(apps, (x, y) => Key(x).CompareTo(Key(y)));
        revisions.Sort((x, y) => Key(x.Record) != Key(y.Record) ? Key(x.Record).CompareTo(Key(y.Record)) : x.Revision.CompareTo(y.Revision));
        return new SyntheticData { Applications = apps, Revisions = [.. revisions], Outages = outages, Customers = [.. customers] };

        // Utility index × 10^7 + application number: the (utility, id) order without string comparisons.
        static long Key(Application a) => Array.IndexOf(UtilitiesOrdinal, a.Utility) * 10_000_000L + long.Parse(a.ApplicationId.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
    }
}

using System.Globalization;
using Analytics.Domain;

namespace Analytics.Store.Testing;

/// <summary>
/// Deterministic synthetic applications for store tests, the crash probe and the benchmark: row
/// <c>i</c> of seed <c>s</c> is always the same record, so a test can rebuild what a child process
/// wrote without sharing memory with it. Values cover every field kind: nulls and not, flags, decimals
/// with scale, instants with sub-second parts, Chinese text.
/// </summary>
public static class SyntheticApplications
{
    private static readonly string[] Utilities = ["sgcc-linfen", "sxdl-puxian", "sxdl-xiangning", "sxdl-anze", "hzmd-pilot"];

    private static readonly string[] Counties =
    [
        "yaodu", "houma", "huozhou", "quwo", "yicheng", "xiangfen", "hongtong", "guxian", "anze",
        "fushan", "jixian", "xiangning", "daning", "xixian", "yonghe", "puxian", "fenxi",
    ];

    private static readonly string[] Surnames = ["张", "王", "李", "赵", "刘", "陈"];

    /// <summary>Row <paramref name="index"/> of the sequence <paramref name="seed"/>.</summary>
    public static Application Make(long index, int seed = 1)
    {
        var r = new SplitMix((ulong)index * 0x9E3779B97F4A7C15UL ^ (ulong)seed * 0xD1B54A32D192ED03UL);
        var utility = Utilities[index % Utilities.Length];
        var accepted = new DateTime(2022, 1, 1, 8, 0, 0).AddMinutes(r.Next(365 * 24 * 60)).AddTicks(r.Next(10) * 1_000_000);
        var hv = r.Next(4) == 0;
        var status = (ApplicationStatus)(1 + r.Next(3));
        var connected = status == ApplicationStatus.Connected ? accepted.AddDays(2 + r.Next(40)).AddSeconds(r.Next(3600)) : (DateTime?)null;
        var withdrawn = status == ApplicationStatus.Withdrawn ? accepted.AddDays(1 + r.Next(20)) : (DateTime?)null;
        var important = hv && r.Next(5) == 0;
        var hasCustomer = r.Next(3) != 0;
        return new Application
        {
            ApplicationId = "A" + index.ToString("D9", CultureInfo.InvariantCulture),
            Utility = utility,
            County = Counties[r.Next(Counties.Length)],
            Area = (Area)(1 + r.Next(4)),
            CustomerType = hv ? CustomerType.NonResidential : (CustomerType)(1 + r.Next(2)),
            Voltage = hv ? (Voltage)(2 + r.Next(3)) : Voltage.Lv,
            PowerSources = hv ? 1 + r.Next(2) : 1,
            CapacityKw = hv ? 315m + r.Next(10000) : decimal.Round(4m + r.Next(1600) / 10m, 1) + 0.50m,
            ThreeZero = !hv && r.Next(2) == 0,
            SmallMicro = r.Next(4) == 0,
            ImportantUser = important,
            Channel = (Channel)(1 + r.Next(4)),
            EContract = r.Next(3) switch { 0 => null, 1 => true, _ => false },
            Materials = r.Next(4) == 0 ? null : (Materials)r.Next(64),
            FeeYuan = r.Next(3) == 0 ? null : r.Next(100000) / 100m,
            CustomerInvestmentYuan = r.Next(2) == 0 ? null : r.Next(5) == 0 ? 0m : 1000m + r.Next(900000) / 10m,
            Status = status,
            RecordCreatedAt = r.Next(3) == 0 ? null : accepted.AddMinutes(-r.Next(600)),
            AcceptedAt = accepted,
            PlanRepliedAt = r.Next(4) == 0 ? null : accepted.AddHours(1 + r.Next(72)),
            DesignReviewStart = important ? accepted.AddDays(1) : null,
            DesignReviewEnd = important ? accepted.AddDays(3) : null,
            CustomerWorksStart = hv ? accepted.AddDays(2) : null,
            CustomerWorksEnd = hv ? accepted.AddDays(9) : null,
            MidCheckStart = important ? accepted.AddDays(5) : null,
            MidCheckEnd = important ? accepted.AddDays(6) : null,
            ExternalWorksStart = r.Next(2) == 0 ? accepted.AddDays(1).AddMinutes(r.Next(600)) : null,
            ExternalWorksEnd = r.Next(2) == 0 ? accepted.AddDays(4) : null,
            ApprovalSubmittedAt = r.Next(5) == 0 ? accepted.AddDays(1) : null,
            ApprovalGrantedAt = r.Next(5) == 0 ? accepted.AddDays(2) : null,
            ApprovalMode = r.Next(3) == 0 ? null : (ApprovalMode)(1 + r.Next(4)),
            CompletionCheckStart = hv ? accepted.AddDays(10) : null,
            CompletionCheckEnd = hv ? accepted.AddDays(11) : null,
            ConnectedAt = connected,
            PausedDays = r.Next(6) == 0 ? r.Next(10) : 0,
            WithdrawnAt = withdrawn,
            PreviousApplicationId = r.Next(20) == 0 ? "A" + (index / 2).ToString("D9", CultureInfo.InvariantCulture) : null,
            CustomerKey = hasCustomer ? r.NextUInt64().ToString("x16", CultureInfo.InvariantCulture) : null,
            CustomerMask = hasCustomer ? Surnames[r.Next(Surnames.Length)] + "*" : null,
        };
    }

    /// <summary>Rows <c>[from, from + count)</c> of the sequence, generated lazily.</summary>
    public static IEnumerable<Application> Range(long from, long count, int seed = 1)
    {
        for (var i = from; i < from + count; i++) yield return Make(i, seed);
    }

    /// <summary>SplitMix64: tiny, fast, and the same on every machine (unlike <see cref="Random"/>'s algorithm choice).</summary>
    private struct SplitMix(ulong state)
    {
        private ulong _state = state;

        public ulong NextUInt64()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        public int Next(int bound) => (int)(NextUInt64() % (ulong)bound);
    }
}

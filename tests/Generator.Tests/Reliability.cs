using Analytics.Domain;

namespace Analytics.Generator.Tests;

/// <summary>An independent SAIDI of metrics.md §5 over generated files, to check the outages against their design.</summary>
public static class Reliability
{
    public static double Covered(int year) => year == 2026 ? (new DateOnly(2026, 11, 25).DayNumber - new DateOnly(2026, 1, 1).DayNumber + 1) / 365.0 : 1.0;

    /// <summary>metrics.md §5: customer-hours inside the year (short interruptions left out) over the mean customers served, pooled per area class.</summary>
    public static Dictionary<(Area, int), double> Saidi(CsvTable o, CsvTable c)
    {
        var hours = new Dictionary<(Area, int), double>();
        foreach (var r in o.Rows)
        {
            Assert.True(Codes.TryParse<Area>(o.Get(r, "area"), out var area));
            var s = o.Date(r, "start_at")!.Value;
            var e = o.Date(r, "end_at")!.Value;
            if ((e - s).TotalMinutes <= 3) continue;
            for (var y = s.Year; y <= e.Year; y++)
            {
                var a = s > new DateTime(y, 1, 1) ? s : new DateTime(y, 1, 1);
                var b = e < new DateTime(y + 1, 1, 1) ? e : new DateTime(y + 1, 1, 1);
                if (b > a) hours[(area, y)] = hours.GetValueOrDefault((area, y)) + (double)o.Number(r, "customers")!.Value * (b - a).TotalHours;
            }
        }
        var customers = c.Rows
            .GroupBy(r => (Year: int.Parse(c.Get(r, "period")[..4], System.Globalization.CultureInfo.InvariantCulture), U: c.Get(r, "utility"), C: c.Get(r, "county"), A: c.Get(r, "area")))
            .Select(g => (g.Key.Year, Area: Enum.Parse<Area>(g.Key.A, ignoreCase: true), Mean: g.Average(r => (double)c.Number(r, "customers")!.Value)))
            .GroupBy(x => (x.Area, x.Year))
            .ToDictionary(g => g.Key, g => g.Sum(x => x.Mean));
        return customers.ToDictionary(kv => kv.Key, kv => hours.GetValueOrDefault(kv.Key) / kv.Value);
    }
}

using System.Globalization;
using Analytics.Domain;
using Analytics.Metrics;

namespace Analytics.Reports.Pdf.Content;

/// <summary>
/// The six months of a half, each with the engine's own indicator definitions (<see cref="IndicatorCalculator"/>):
/// applications accepted in the month and the share of them accepted online (任务5).
/// </summary>
internal static class MonthlyFigures
{
    public static IReadOnlyList<MonthlyFigure> Of(IReadOnlyList<Application> applications, HalfYear half)
    {
        var tally = new Tally(half);
        foreach (var a in applications) tally.Add(a);
        return tally.Result();
    }

    /// <summary>The six months over applications given one at a time (as a store streams them).</summary>
    internal sealed class Tally
    {
        private readonly (DateOnly First, IndicatorTally Indicators)[] _months = new (DateOnly, IndicatorTally)[6];

        public Tally(HalfYear half)
        {
            for (var k = 0; k < 6; k++)
            {
                var first = half.First.AddMonths(k);
                _months[k] = (first, new IndicatorTally(new MetricsPeriod(first, first.AddMonths(1).AddDays(-1))));
            }
        }

        public void Add(Application a)
        {
            foreach (var (_, indicators) in _months) indicators.Add(a);
        }

        public IReadOnlyList<MonthlyFigure> Result()
        {
            var list = new List<MonthlyFigure>(_months.Length);
            foreach (var (first, indicators) in _months)
            {
                var ind = indicators.Result();
                list.Add(new MonthlyFigure(string.Create(CultureInfo.InvariantCulture, $"{first.Month}月"), ind.AcceptedCount, ind.OnlineShare));
            }
            return list;
        }
    }
}

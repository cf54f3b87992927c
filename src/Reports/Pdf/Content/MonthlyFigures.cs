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
    public static IReadOnlyList<MonthlyFigure> Of(IReadOnlyList<Application> applications, Analytics.Domain.Policy.Policy policy, HalfYear half)
    {
        var list = new List<MonthlyFigure>();
        for (var k = 0; k < 6; k++)
        {
            var first = half.First.AddMonths(k);
            var period = new MetricsPeriod(first, first.AddMonths(1).AddDays(-1));
            var ind = IndicatorCalculator.Compute(applications, [], policy, period);
            list.Add(new MonthlyFigure(string.Create(CultureInfo.InvariantCulture, $"{first.Month}月"), ind.AcceptedCount, ind.OnlineShare));
        }
        return list;
    }
}

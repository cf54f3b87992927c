namespace Analytics.Domain;

/// <summary>
/// "End of day D", one rule for every command (metrics.md §8): the last instant of D, D + 1 day 00:00 less one tick.
/// A filing is known at the end of D when its as-of is at or before that instant; working days counted to it stop at D.
/// </summary>
public static class DayBounds
{
    /// <summary>The last instant of <paramref name="day"/>.</summary>
    public static DateTime EndOfDay(DateOnly day) =>
        day == DateOnly.MaxValue ? DateTime.MaxValue : day.AddDays(1).ToDateTime(TimeOnly.MinValue).AddTicks(-1);
}

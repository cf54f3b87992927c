namespace Analytics.Domain;

/// <summary>
/// The one clock of the program read as the records are written: China local time (UTC+8) with
/// <see cref="DateTimeKind.Unspecified"/>, from a <see cref="TimeProvider"/> handed down from the entry
/// point (style.md habit 3). Nothing below the entry point reads the machine's clock or time zone.
/// </summary>
public static class ChinaTime
{
    /// <summary>China keeps UTC+8 all year (no daylight saving).</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The current China local time of <paramref name="clock"/>.</summary>
    public static DateTime Now(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateTime.SpecifyKind(clock.GetUtcNow().UtcDateTime + Offset, DateTimeKind.Unspecified);
    }

    /// <summary>
    /// A <see cref="TimeProvider"/> whose China local time is whatever <paramref name="localNow"/> answers
    /// (tests and callers that think in China local instants).
    /// </summary>
    public static TimeProvider FromLocal(Func<DateTime> localNow)
    {
        ArgumentNullException.ThrowIfNull(localNow);
        return new LocalClock(localNow);
    }

    /// <summary>A <see cref="TimeProvider"/> stopped at the China local instant <paramref name="localNow"/>.</summary>
    public static TimeProvider Fixed(DateTime localNow) => new LocalClock(() => localNow);

    private sealed class LocalClock(Func<DateTime> localNow) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() =>
            new DateTimeOffset(DateTime.SpecifyKind(localNow(), DateTimeKind.Unspecified), Offset).ToUniversalTime();
    }
}

using System.Globalization;

namespace Analytics.Domain;

/// <summary>
/// When a county's weekly ledger (工作台账, 四、1) of one Thursday was filed, as the store holds it: the load times of the
/// filings whose notes of that county and week are stored (<see cref="Storage.IAnalyticsStore.LedgerFilings"/>).
/// </summary>
/// <remarks>
/// A re-filing replaces only the notes (tasks, signature) whose text changed; the others stay with the filing that first
/// carried them. So <see cref="FirstFiledAt"/> is the first filing of the week as long as one of its notes is still
/// stored, and a re-filing after the deadline keeps an on-time week on time. A re-filing that changes every note of the
/// week (the signature included) leaves no trace of the first one: the store keeps no history of ledger notes, and the
/// week then counts from that re-filing.
/// </remarks>
/// <param name="County">The county's registry code.</param>
/// <param name="Thursday">The Thursday the ledger was due.</param>
/// <param name="FirstFiledAt">The earliest load time (China local time) among the filings whose notes of the week are stored.</param>
/// <param name="LastFiledAt">The latest such load time (equal to <paramref name="FirstFiledAt"/> when filed once).</param>
public sealed record LedgerFiling(string County, DateOnly Thursday, DateTime FirstFiledAt, DateTime LastFiledAt);

/// <summary>Where a county's ledger of one Thursday stands against its deadline.</summary>
public enum LedgerTimeliness
{
    Invalid = 0,
    /// <summary>按时报送: first filed by the deadline.</summary>
    OnTime = 1,
    /// <summary>逾期报送: first filed after the deadline.</summary>
    Late = 2,
    /// <summary>未报送: not filed, and the deadline has passed.</summary>
    Missing = 3,
    /// <summary>待报送: not filed, and the deadline is still ahead.</summary>
    NotDue = 4,
}

/// <summary>
/// A county's ledger of one Thursday against its deadline. The plan (临能源电力发〔2021〕189号 四、1) says the ledger goes to
/// the city bureau "每周四前" and names no time of day, so the deadline is the end of the Thursday, China local time
/// (<see cref="DayBounds.EndOfDay"/>). The ledger counts from its first filing (<see cref="LedgerFiling.FirstFiledAt"/>);
/// a late ledger is late by the calendar days from the Thursday to the day it was filed (filed on Friday: 晚1天).
/// </summary>
/// <param name="Thursday">The Thursday the ledger was due.</param>
/// <param name="Timeliness">On time, late, missing or not due yet.</param>
/// <param name="FiledAt">The first filing's load time; null when not filed.</param>
/// <param name="DaysLate">Calendar days after the Thursday the ledger was filed (late ones only; else 0).</param>
public sealed record LedgerFilingState(DateOnly Thursday, LedgerTimeliness Timeliness, DateTime? FiledAt, int DaysLate)
{
    /// <summary>The last instant a ledger of <paramref name="thursday"/> is on time: the end of that Thursday.</summary>
    public static DateTime Deadline(DateOnly thursday) => DayBounds.EndOfDay(thursday);

    /// <summary>The state of the ledger of <paramref name="thursday"/> at <paramref name="now"/>, from its filing (null: none stored).</summary>
    public static LedgerFilingState Of(DateOnly thursday, LedgerFiling? filing, DateTime now)
    {
        if (filing is null) return new(thursday, now > Deadline(thursday) ? LedgerTimeliness.Missing : LedgerTimeliness.NotDue, null, 0);
        var at = filing.FirstFiledAt;
        return at <= Deadline(thursday)
            ? new(thursday, LedgerTimeliness.OnTime, at, 0)
            : new(thursday, LedgerTimeliness.Late, at, DateOnly.FromDateTime(at).DayNumber - thursday.DayNumber);
    }

    /// <summary>True when a ledger of the week is stored (on time or late).</summary>
    public bool Filed => Timeliness is LedgerTimeliness.OnTime or LedgerTimeliness.Late;

    /// <summary>按时报送, 逾期报送（晚N天）, 未报送 or 待报送.</summary>
    public string Label => Timeliness switch
    {
        LedgerTimeliness.OnTime => "按时报送",
        LedgerTimeliness.Late => string.Create(CultureInfo.InvariantCulture, $"逾期报送（晚{DaysLate}天）"),
        LedgerTimeliness.Missing => "未报送",
        LedgerTimeliness.NotDue => "待报送",
        _ => "",
    };

    /// <summary>The states' key in JSON: on_time, late, missing, not_due.</summary>
    public string Code => Timeliness switch
    {
        LedgerTimeliness.OnTime => "on_time",
        LedgerTimeliness.Late => "late",
        LedgerTimeliness.Missing => "missing",
        LedgerTimeliness.NotDue => "not_due",
        _ => "",
    };
}

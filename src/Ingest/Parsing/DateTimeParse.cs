namespace Analytics.Ingest.Parsing;

/// <summary>Outcome of parsing a date-time.</summary>
public enum DateTimeParse
{
    Ok = 0,
    /// <summary>Not in any accepted form.</summary>
    Invalid = 1,
    /// <summary>In an accepted form but no such instant (2021-02-30, 25:00, year 1899).</summary>
    Impossible = 2,
}

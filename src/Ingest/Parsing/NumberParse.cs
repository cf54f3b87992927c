namespace Analytics.Ingest.Parsing;

/// <summary>Outcome of parsing a number.</summary>
public enum NumberParse
{
    Ok = 0,
    Invalid = 1,
    /// <summary>A well-formed negative number; templates accept none.</summary>
    Negative = 2,
}

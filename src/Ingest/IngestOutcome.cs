namespace Analytics.Ingest;

/// <summary>What loading one file did.</summary>
public enum IngestOutcome
{
    Invalid = 0,
    /// <summary>Every row loaded (a filing was committed).</summary>
    Loaded = 1,
    /// <summary>With accept-partial: the good rows loaded, the bad ones went to the rejects file.</summary>
    PartiallyLoaded = 2,
    /// <summary>The same bytes were loaded before as <see cref="IngestResult.Filing"/>; nothing changed.</summary>
    AlreadyLoaded = 3,
    /// <summary>Nothing loaded: the file is unreadable, or has errors and accept-partial was off, or no row was good.</summary>
    Rejected = 4,
}

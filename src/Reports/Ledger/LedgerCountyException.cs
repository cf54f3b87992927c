namespace Analytics.Reports.Ledger;

/// <summary>A county the registry does not know; the message lists the accepted ones (<c>Registries.AcceptedCounties</c>).</summary>
public sealed class LedgerCountyException : LedgerException
{
    public LedgerCountyException(string given, string accepted)
        : base($"Unknown county \"{given}\". Known: {accepted}")
    {
        Given = given;
        Accepted = accepted;
    }

    /// <summary>What was asked for.</summary>
    public string Given { get; }
    /// <summary>The registry's counties, as <c>yaodu (尧都区), houma (侯马市), …</c>.</summary>
    public string Accepted { get; }
}

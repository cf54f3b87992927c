namespace Analytics.Cli;

/// <summary>Exit codes of cli.md.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>Bad input; nothing changed.</summary>
    public const int BadInput = 1;
    public const int BadUsage = 2;
    public const int StoreUnreachable = 3;
    public const int Internal = 4;
}

namespace Analytics.Cli;

/// <summary>Builds the command tree and runs it. Placeholder until the command tree lands.</summary>
public static class CliApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        stderr.WriteLine("analytics: the command line is not wired yet.");
        return 2;
    }
}

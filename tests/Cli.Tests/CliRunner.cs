namespace Analytics.Cli.Tests;

/// <summary>Runs the command line in-process and captures what it prints.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Err);

    public static Result Run(params string[] args)
    {
        using var o = new StringWriter();
        using var e = new StringWriter();
        var code = CliApp.Run(args, o, e, () => new DateTime(2026, 11, 29, 9, 0, 0));
        return new Result(code, o.ToString(), e.ToString());
    }
}

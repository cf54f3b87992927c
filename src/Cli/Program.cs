namespace Analytics.Cli;

/// <summary>Entry point of the <c>analytics</c> command.</summary>
public static class Program
{
    public static int Main(string[] args) => CliApp.Run(args, Console.Out, Console.Error, TimeProvider.System);
}

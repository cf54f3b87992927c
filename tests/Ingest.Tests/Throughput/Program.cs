namespace Analytics.Ingest.Tests.Throughput;

/// <summary>
/// The test assembly's entry point, for <c>dotnet run --project tests/Ingest.Tests -- throughput</c>;
/// test runners load the assembly and never call it.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && args[0] == "throughput") return IngestThroughput.Run(args[1..]);
        Console.Error.WriteLine("usage: dotnet run -c Release --project tests/Ingest.Tests -- throughput [ROWS] [--no-sqlite]");
        return 2;
    }
}

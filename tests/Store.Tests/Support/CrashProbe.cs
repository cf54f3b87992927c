using System.Diagnostics;
using System.Globalization;

namespace Analytics.Store.Tests.Support;

/// <summary>
/// Runs tests/Store.CrashProbe as a child process (<c>dotnet Analytics.Store.CrashProbe.dll …</c>) and
/// waits for a line it prints, so that a test can kill it (SIGKILL) at a known point of a filing.
/// </summary>
public sealed class CrashProbe : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _stderr = [];

    private CrashProbe(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) lock (_stderr) _stderr.Add(e.Data);
        };
        _process.BeginErrorReadLine();
    }

    /// <summary>Starts the probe: <paramref name="mode"/> is <c>hold</c> or <c>commit</c>.</summary>
    /// <param name="distinctKeys">Begin the filing vouching for distinct keys, as the ingest does.</param>
    public static CrashProbe Start(string storeArgument, string mode, long rows, long first, int seed, bool distinctKeys = false)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(ProbeDll());
        psi.ArgumentList.Add(storeArgument);
        psi.ArgumentList.Add(mode);
        psi.ArgumentList.Add(rows.ToString(CultureInfo.InvariantCulture));
        psi.ArgumentList.Add(first.ToString(CultureInfo.InvariantCulture));
        psi.ArgumentList.Add(seed.ToString(CultureInfo.InvariantCulture));
        if (distinctKeys) psi.ArgumentList.Add("distinct");
        return new CrashProbe(Process.Start(psi) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>Reads the probe's output until <paramref name="line"/>; fails the test if it exits or times out first.</summary>
    public void WaitFor(string line, TimeSpan timeout)
    {
        var read = Task.Run(() =>
        {
            string? l;
            while ((l = _process.StandardOutput.ReadLine()) is not null)
                if (l == line) return true;
            return false;
        });
        if (!read.Wait(timeout))
            Assert.Fail($"the crash probe did not print '{line}' within {timeout.TotalSeconds:F0} s; stderr: {Errors()}");
        if (!read.Result)
        {
            _process.WaitForExit();
            Assert.Fail($"the crash probe exited ({_process.ExitCode}) before printing '{line}'; stderr: {Errors()}");
        }
    }

    /// <summary>SIGKILL on Linux: no finally blocks, no disposal, no rollback by the client.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }

    private string Errors()
    {
        lock (_stderr) return string.Join(" | ", _stderr);
    }

    /// <summary>tests/Store.CrashProbe/bin/CONFIG/TFM/Analytics.Store.CrashProbe.dll, built with this test project.</summary>
    private static string ProbeDll()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var tfm = here.Name;
        var config = here.Parent?.Name ?? "Debug";
        var root = RepositoryRoot.Find();
        var dll = Path.Combine(root, "tests", "Store.CrashProbe", "bin", config, tfm, "Analytics.Store.CrashProbe.dll");
        if (!File.Exists(dll))
            throw new FileNotFoundException($"the crash probe is not built at {dll} (build tests/Store.Tests, which builds it)");
        return dll;
    }
}

using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Analytics.Store.Tests.Support;

/// <summary>
/// The PostgreSQL server the tests use: <c>ANALYTICS_TEST_PG</c> (an Npgsql connection string) when
/// set, else the private server of <c>scripts/pg-test-server.sh</c>, started here (and stopped when
/// the test process exits). A server that cannot be reached fails the tests, in CI and out: never a skip.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<string> Server = new(Resolve, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The administrative connection string (a database the tests may create others from).</summary>
    public static string ConnectionString => Server.Value;

    private static string Resolve()
    {
        var env = Environment.GetEnvironmentVariable("ANALYTICS_TEST_PG");
        if (!string.IsNullOrWhiteSpace(env)) return env.Trim();

        var script = Path.Combine(RepositoryRoot.Find(), "scripts", "pg-test-server.sh");
        var wasRunning = Run(script, "status").ExitCode == 0;
        var (code, output, errors) = Run(script, "start");
        if (code != 0)
            throw new InvalidOperationException(
                $"ANALYTICS_TEST_PG is not set and '{script} start' failed ({code}): {errors.Trim()}");
        if (!wasRunning) AppDomain.CurrentDomain.ProcessExit += (_, _) => Run(script, "stop");
        return output.Trim().Split('\n')[^1].Trim();
    }

    private static (int ExitCode, string Output, string Errors) Run(string script, string command)
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(script);
        psi.ArgumentList.Add(command);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("bash did not start");
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout, stderr.Result);
    }
}

/// <summary>
/// A fresh database for one test class (xunit class fixture), dropped afterwards; each test then takes
/// a fresh schema in it (<see cref="NewSchema"/>), so no test sees another's data.
/// </summary>
public sealed class PostgresDatabase : IDisposable
{
    private readonly string _admin;
    private readonly string _name;

    public PostgresDatabase()
    {
        _admin = PostgresServer.ConnectionString;
        _name = "analytics_t_" + Guid.NewGuid().ToString("N")[..12];
        Admin($"CREATE DATABASE {_name}");
        ConnectionString = new NpgsqlConnectionStringBuilder(_admin) { Database = _name }.ConnectionString;
    }

    /// <summary>The class's own database.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates an empty schema and returns a connection string whose search path is it.</summary>
    public string NewSchema()
    {
        var schema = "t_" + Guid.NewGuid().ToString("N")[..12];
        using (var conn = new NpgsqlConnection(ConnectionString))
        {
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE SCHEMA {schema}", conn);
            cmd.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema }.ConnectionString;
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Admin(string.Create(CultureInfo.InvariantCulture, $"DROP DATABASE IF EXISTS {_name} WITH (FORCE)"));
    }

    private void Admin(string sql)
    {
        using var conn = new NpgsqlConnection(_admin);
        conn.Open();
        using var cmd = new NpgsqlCommand(sql, conn);
        cmd.ExecuteNonQuery();
    }
}

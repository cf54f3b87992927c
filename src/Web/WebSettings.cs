using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Registry;
using PolicyModel = Analytics.Domain.Policy.Policy;

namespace Analytics.Web;

/// <summary>
/// What the web application runs on: the store, the policy, calendar and registries (the same ones the command line
/// resolves from its global options), the installation's customer key file, the wall clock (China local time, read
/// only at the edge), and the upload bound.
/// </summary>
public sealed record WebSettings
{
    /// <summary>The <c>--store</c> argument (a SQLite path, a PostgreSQL connection string or URL).</summary>
    public required string Store { get; init; }

    public required PolicyModel Policy { get; init; }

    public required WorkingDayCalendar Calendar { get; init; }

    public required Registries Registries { get; init; }

    /// <summary>The customer key file used when an upload holds personal data (as <c>ingest --key-file</c>).</summary>
    public required string KeyFile { get; init; }

    /// <summary>The one clock, handed down from the entry point (the CLI's <c>CliContext.Time</c>).</summary>
    public required TimeProvider Time { get; init; }

    /// <summary>Now, China local time, from <see cref="Time"/>.</summary>
    public DateTime Clock() => ChinaTime.Now(Time);

    /// <summary>The largest upload accepted, in bytes (default 50 MiB).</summary>
    public long MaxUploadBytes { get; init; } = 50L << 20;

    /// <summary>Consecutive failed logins that lock an account.</summary>
    public int MaxFailedLogins { get; init; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public TimeSpan Lockout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Answer the bureau overview's default question in the background at start-up (<see cref="OverviewWarmup"/>; default on).</summary>
    public bool WarmOverview { get; init; } = true;

    /// <summary>Where uploads are saved before they are read (default: the system temp folder).</summary>
    public string? UploadFolder { get; init; }
}

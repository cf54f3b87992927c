using Analytics.Domain.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Analytics.Web;

/// <summary>
/// Answers the bureau overview's default question (the year to date and its months, <see cref="Overview.Questions"/>)
/// in the background as the server starts, through the same <see cref="StoreReader.Answers"/> a request uses, so the
/// first visit finds the answers kept instead of waiting for them. While it runs, the overview of that question shows
/// its progress (<see cref="Pages"/>) and refreshes itself; any other question is answered as usual.
/// Off when <see cref="WebSettings.WarmOverview"/> is false.
/// </summary>
public sealed class OverviewWarmup(StoreReader reader, WebSettings settings, ILogger<OverviewWarmup> log) : BackgroundService
{
    private static readonly Action<ILogger, string, Exception?> Failed =
        LoggerMessage.Define<string>(LogLevel.Warning, new EventId(1, "OverviewWarmupFailed"), "warming the overview failed: {Message}");

    private volatile IReadOnlyList<MetricsQuestion>? _running;

    /// <summary>The questions being answered now; null when the warm-up is not running (not started, done or failed).</summary>
    public IReadOnlyList<MetricsQuestion>? Running => _running;

    /// <summary>True while the warm-up answers exactly <paramref name="questions"/>.</summary>
    public bool Answering(IReadOnlyList<MetricsQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        return _running is { } q && q.SequenceEqual(questions);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => !settings.WarmOverview ? Task.CompletedTask : Task.Run(() =>
    {
        try
        {
            var (from, to) = Overview.DefaultPeriod(reader, settings);
            var questions = Overview.Questions(from, to);
            _running = questions;
            reader.Answers(questions);
        }
        catch (Exception e) when (e is StoreUnavailableException or StoreBusyException or WebProblemException or InvalidOperationException)
        {
            // The first request asks again and reports the failure as any request does.
            Failed(log, e.Message, null);
        }
        finally
        {
            _running = null;
        }
    }, stoppingToken);
}

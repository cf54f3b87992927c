using System.Collections.Concurrent;
using System.Globalization;
using Analytics.Domain.Storage;

namespace Analytics.Web;

/// <summary>One document a job makes: its name, and its bytes once made.</summary>
public sealed class JobItem(string title, Func<(byte[] Bytes, string FileName)> make)
{
    public string Title { get; } = title;
    internal Func<(byte[] Bytes, string FileName)> Make { get; } = make;
    public string? FileName { get; internal set; }
    public byte[]? Bytes { get; internal set; }
    public string ContentType => FileName?.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) == true
        ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}

/// <summary>A long piece of work (every ledger, every PDF): its documents made one by one, its progress readable while it runs.</summary>
public sealed class Job
{
    internal Job(string id, string kind, string account, DateTime started, IReadOnlyList<JobItem> items)
    {
        Id = id;
        Kind = kind;
        Account = account;
        Started = started;
        Items = items;
    }

    public string Id { get; }
    /// <summary><c>ledgers</c> or <c>reports</c>.</summary>
    public string Kind { get; }
    public string Account { get; }
    public DateTime Started { get; }
    public IReadOnlyList<JobItem> Items { get; }
    public int Done => Items.Count(i => i.Bytes is not null);
    public bool Finished { get; internal set; }
    /// <summary>Why the job stopped early (a person's message), if it did.</summary>
    public string? Error { get; internal set; }

    public string Title => Kind == Jobs.Ledgers ? "全部县工作台账与全市汇总" : "全部供电单位半年报告与全市通报";
}

/// <summary>
/// The bureau's long work, bounded: at most one job of each kind runs at a time (asking again while one runs gives that
/// job), the documents are made one after the other on one background thread, and only the newest
/// <see cref="MaxKept"/> jobs are kept in memory.
/// </summary>
public sealed class Jobs
{
    public const string Ledgers = "ledgers";
    public const string Reports = "reports";
    public const int MaxKept = 6;

    private readonly Documents _documents;
    private readonly WebSettings _settings;
    private readonly IAccountStore _audit;
    private readonly ConcurrentDictionary<string, Job> _jobs = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Jobs(Documents documents, WebSettings settings, IAccountStore audit)
    {
        _documents = documents ?? throw new ArgumentNullException(nameof(documents));
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _audit = audit ?? throw new ArgumentNullException(nameof(audit));
    }

    /// <summary>Starts a job of <paramref name="kind"/> for the bureau (or returns the one of that kind still running).</summary>
    public Job Start(UserScope user, string? kind)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsBureau) throw WebProblemException.Forbidden("批量生成");
        kind = (kind ?? "").Trim().ToLowerInvariant();
        if (kind is not (Ledgers or Reports))
            throw WebProblemException.BadRequest($"kind: \"{kind}\" 应为 ledgers（全部台账）或 reports（全部半年报告与通报）");
        Job job;
        lock (_gate)
        {
            if (_jobs.Values.FirstOrDefault(j => j.Kind == kind && !j.Finished) is { } running) return running;
            job = new Job(Guid.NewGuid().ToString("N")[..12], kind, user.Name, _settings.Clock(), Plan(kind));
            foreach (var old in _jobs.Values.Where(j => j.Finished).OrderByDescending(j => j.Started).Skip(MaxKept - 1).ToList())
                _jobs.TryRemove(old.Id, out _);
            _jobs[job.Id] = job;
        }
        _audit.Audit(new AuditEntry(_settings.Clock(), user.Name, "job_start", $"{kind} {job.Id}"));
        _ = Task.Run(() => Run(job));
        return job;
    }

    /// <summary>The job, for the bureau; 404 when unknown (or no longer kept).</summary>
    public Job Get(UserScope user, string id)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsBureau) throw WebProblemException.Forbidden("批量生成");
        return _jobs.TryGetValue(id ?? "", out var job) ? job : throw new WebProblemException(404, $"没有任务 {id}（任务只保留最近 {MaxKept} 个）");
    }

    private List<JobItem> Plan(string kind)
    {
        var reg = _settings.Registries;
        if (kind == Ledgers)
        {
            var thursday = _documents.CurrentThursday();
            return [.. reg.Counties.Select(c => new JobItem($"{c.Name} 工作台账 {Html.Date(thursday)}", () => _documents.Ledger(c.Code, thursday))),
                new JobItem($"全市汇总台账 {Html.Date(thursday)}", () => _documents.CityLedger(thursday))];
        }
        var half = _documents.LastCompleteHalf();
        return [.. reg.Utilities.Select(u => new JobItem($"{u.Name} {half.ChineseLabel}半年报告", () => _documents.Semiannual(u.Code, half))),
            new JobItem($"全市通报 {half.ChineseLabel}", () => _documents.Circular(half))];
    }

    private static void Run(Job job)
    {
        try
        {
            foreach (var item in job.Items)
            {
                var (bytes, name) = item.Make();
                item.FileName = name;
                item.Bytes = bytes;
            }
        }
        catch (WebProblemException e)
        {
            job.Error = e.Message;
        }
#pragma warning disable CA1031 // a background job must end with a message, whatever stopped it
        catch (Exception e)
        {
            job.Error = string.Create(CultureInfo.InvariantCulture, $"生成失败 (internal error: {e.GetType().Name})");
        }
#pragma warning restore CA1031
        finally
        {
            job.Finished = true;
        }
    }
}

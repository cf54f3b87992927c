using System.CommandLine;
using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Registry;
using Analytics.Domain.Storage;
using Analytics.Ingest.Messages;
using PolicyModel = Analytics.Domain.Policy.Policy;

namespace Analytics.Cli;

/// <summary>
/// What a command needs beyond its own options: where to write, and the policy, calendar and
/// registries chosen by the global options (shipped defaults otherwise). Loaded once, on first use.
/// </summary>
public sealed class CliContext
{
    private readonly ParseResult _parse;
    private PolicyModel? _policy;
    private WorkingDayCalendar? _calendar;
    private Analytics.Metrics.FigureDerivation? _derivation;
    private Registries? _registries;

    public CliContext(ParseResult parse, TextWriter stdout, TextWriter stderr, TimeProvider time, MessageLanguage language = MessageLanguage.Chinese)
    {
        _parse = parse;
        Language = language;
        Out = stdout;
        Err = stderr;
        Time = time ?? throw new ArgumentNullException(nameof(time));
    }

    public TextWriter Out { get; }
    public TextWriter Err { get; }

    /// <summary>The language of the messages (<c>--lang</c>, <c>$ANALYTICS_LANG</c>; Chinese by default).</summary>
    public MessageLanguage Language { get; }

    /// <summary>A message in the invocation's language.</summary>
    public string Say(MessageText text) => (text ?? throw new ArgumentNullException(nameof(text))).Render(Language);

    /// <summary>The one clock of the invocation, handed down from the entry point (ingest load times, default as-of).</summary>
    public TimeProvider Time { get; }

    /// <summary>China local time now, from <see cref="Time"/> (<see cref="ChinaTime.Now"/>).</summary>
    public DateTime Clock() => ChinaTime.Now(Time);

    public ParseResult Parse => _parse;

    public T? Value<T>(Option<T> option) => _parse.GetValue(option);

    public T? Value<T>(Argument<T> argument) => _parse.GetValue(argument);

    public PolicyModel Policy => _policy ??= _parse.GetValue<string?>("--policy") is { } p ? PolicyModel.Load(p) : PolicyModel.Default;

    public WorkingDayCalendar Calendar
    {
        get
        {
            if (_calendar is not null) return _calendar;
            var cal = WorkingDayCalendar.Default;
            foreach (var f in _parse.GetValue<string[]?>("--calendar") ?? []) cal = cal.WithFile(f);
            return _calendar = cal;
        }
    }

    public Registries Registries
    {
        get
        {
            if (_registries is not null) return _registries;
            var path = _parse.GetValue<string?>("--registry");
            if (path is null) return _registries = Registries.Default;
            if (!File.Exists(path)) throw new UsageException(CliMessages.RegistryMissing.With(path));
            return _registries = Registries.Load(path);
        }
    }

    /// <summary>The store argument: --store, else $ANALYTICS_STORE, else ./analytics.db.</summary>
    public string StoreArgument =>
        _parse.GetValue<string?>("--store")
        ?? (Environment.GetEnvironmentVariable("ANALYTICS_STORE") is { Length: > 0 } env ? env : "analytics.db");

    /// <summary>
    /// The key file: --key-file, else $ANALYTICS_KEY_FILE, else ~/.config/analytics/customer.key. It is
    /// opened for the store it keys (<c>CustomerKeyring.ForStore</c>): a store that recorded a key's
    /// fingerprint refuses a missing or different key file instead of getting a new key.
    /// </summary>
    public string KeyFile
    {
        get
        {
            var given = _parse.GetValue<string?>("--key-file");
            if (given is not null && string.IsNullOrWhiteSpace(given)) throw new UsageException(CliMessages.KeyFileEmpty.Text());
            return given
                ?? (Environment.GetEnvironmentVariable("ANALYTICS_KEY_FILE") is { Length: > 0 } env && !string.IsNullOrWhiteSpace(env) ? env
                    : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config", "analytics", "customer.key"));
        }
    }

    /// <summary>
    /// Opens the store of <see cref="StoreArgument"/>, schema created or migrated, with this command's derivation (policy and
    /// calendar): figures derived under others are derived again first, and the command says so on stderr (issue 12).
    /// </summary>
    public IAnalyticsStore OpenStore()
    {
        // The derivation (the policy and calendar fingerprinted, ~0.1 s at start) on the second core while the store opens.
        // The parse result is not safe to read from two threads (System.CommandLine resolves option names lazily; reading
        // --policy there while --store was read here failed one start in three): every value both sides need is read here
        // first (a bad --policy or --calendar file fails the command before the store opens), the second core reads none.
        var storeArgument = StoreArgument;
        _ = (Policy, Calendar);
        var derivation = Task.Run(() => Derivation);
        IAnalyticsStore store;
        try
        {
            store = Analytics.Store.StoreFactory.Open(storeArgument);
        }
        catch
        {
            try { derivation.Wait(); } catch (AggregateException) { }
            throw;
        }
        try
        {
            SayDerived(store.Derive(derivation.GetAwaiter().GetResult()));
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>The derivation of the store's figures under this command's policy and calendar (fingerprinted once).</summary>
    public Analytics.Metrics.FigureDerivation Derivation => _derivation ??= new Analytics.Metrics.FigureDerivation(Policy, Calendar);

    /// <summary>The notice of figures derived again, if any were.</summary>
    public void SayDerived(DerivationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Revisions == 0) return;
        if (report.First)
        {
            Err.WriteLine("analytics: " + Say(CliMessages.DerivedFirst.With(report.Revisions)));
            return;
        }
        var what = new List<Localized>();
        if (report.CalendarChanged) what.Add(CliMessages.DerivedCalendarChanged);
        if (report.PolicyChanged) what.Add(CliMessages.DerivedPolicyChanged);
        if (report.RulesChanged) what.Add(CliMessages.DerivedRulesChanged);
        Err.WriteLine("analytics: " + Say(CliMessages.DerivedAgain.With(ListText.Of(what), report.Revisions)));
    }

    /// <summary>Resolves a county by code or name, or a usage error listing the valid ones.</summary>
    public RegistryEntry County(string text) =>
        Registries.TryCounty(text, out var c) ? c
            : throw new UsageException(CliMessages.UnknownCounty.With(text, DidYouMean(text, Registries.Counties), Registries.AcceptedCounties));

    /// <summary>Resolves a utility by code or name, or a usage error listing the valid ones.</summary>
    public RegistryEntry Utility(string text) =>
        Registries.TryUtility(text, out var u) ? u
            : throw new UsageException(CliMessages.UnknownUtility.With(text, DidYouMean(text, Registries.Utilities), Registries.AcceptedUtilities));

    /// <summary>"是否指 尧都区（yaodu）？" for a near miss (<see cref="NameSuggestions"/>), else nothing.</summary>
    private static ILocalizedText DidYouMean(string text, IEnumerable<RegistryEntry> entries) =>
        NameSuggestions.Closest(text, entries) is { } e ? CliMessages.DidYouMean.With(e.Name, e.Code) : IngestMessages.NoSuggestion;
}

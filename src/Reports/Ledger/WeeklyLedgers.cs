using Analytics.Domain.Output;
using Analytics.Domain.Registry;

namespace Analytics.Reports.Ledger;

/// <summary>
/// What the command line calls for <c>analytics ledger</c> (cli.md): the weekly ledger of one county
/// (<c>--county C --date THURSDAY</c>), of every county (<c>--all</c>), and the city's roll-up (<c>--city</c>).
/// The ledger due on Thursday D covers Thursday D−7 00:00 to Wednesday D−1 24:00 (<see cref="LedgerWeek"/>),
/// with year-to-date figures as of that Wednesday 24:00 (四、1: 每周四前报送市能源局).
/// </summary>
/// <remarks>
/// From a store (<see cref="LedgerInputs.Store"/>, issue 12) each county's ledger reads its own week and takes its year to
/// date from the store's counts, so <c>--all</c> holds one county's week at a time and never the city's records.
/// Risk probabilities (from the risk model) are optional, keyed by (utility code, application id); they fill
/// the 风险 column of 在途工单 and leave it empty where missing. Files are written through
/// <see cref="OutputFile"/>: whole to a temporary name first, then renamed, so an interrupted run never leaves a
/// half-written workbook under the real name; a device or folder in the way is refused.
/// </remarks>
public static class WeeklyLedgers
{
    /// <summary>The county of a code, name or alias.</summary>
    /// <exception cref="LedgerCountyException">Unknown; the message lists the registry's counties.</exception>
    public static RegistryEntry County(Registries registries, string text)
    {
        ArgumentNullException.ThrowIfNull(registries);
        return registries.TryCounty(text, out var c) ? c : throw new LedgerCountyException(text ?? "", registries.AcceptedCounties);
    }

    /// <summary>One county's ledger, composed but not written.</summary>
    /// <exception cref="LedgerCountyException">Unknown county.</exception>
    public static CountyLedger ComposeCounty(LedgerInputs inputs, string county, LedgerWeek week,
        IReadOnlyDictionary<(string Utility, string ApplicationId), double>? risk = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var entry = County(inputs.Registries, county);
        if (inputs.Store is not null) return new CountyLedgerComposer(inputs, week).ComposeFromStore(entry, risk);
        var (slices, _) = LedgerSlice.Build(inputs, week, wantCity: false);
        return new CountyLedgerComposer(inputs, week).Compose(entry, slices[entry.Code], risk);
    }

    /// <summary>Every registry county's ledger, in registry order.</summary>
    public static IReadOnlyList<CountyLedger> ComposeAll(LedgerInputs inputs, LedgerWeek week,
        IReadOnlyDictionary<(string Utility, string ApplicationId), double>? risk = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var (slices, _) = LedgerSlice.Build(inputs, week, wantCity: false);
        return ComposeAll(inputs, week, slices, risk);
    }

    /// <summary>
    /// The city's roll-up of the week. From a store each county's ledger is composed from the store in turn and only what the
    /// roll-up takes of it is kept (<see cref="CityLedgerComposer.Kept"/>), so memory holds one county's week at a time.
    /// </summary>
    public static CityLedger ComposeCity(LedgerInputs inputs, LedgerWeek week)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var (slices, city) = LedgerSlice.Build(inputs, week, wantCity: true);
        CountyLedger[] counties;
        if (inputs.Store is null) counties = ComposeAll(inputs, week, slices, null);
        else
        {
            var composer = new CountyLedgerComposer(inputs, week);
            counties = [.. inputs.Registries.Counties.Select(c => CityLedgerComposer.Kept(composer.ComposeFromStore(c, null)))];
        }
        return CityLedgerComposer.Compose(inputs, week, counties, slices, city);
    }

    /// <summary>Writes one county's ledger into <paramref name="outDir"/> (created if missing) and returns its path.</summary>
    /// <exception cref="LedgerCountyException">Unknown county.</exception>
    public static string WriteCounty(LedgerInputs inputs, string county, LedgerWeek week, string outDir,
        IReadOnlyDictionary<(string Utility, string ApplicationId), double>? risk = null)
    {
        var ledger = ComposeCounty(inputs, county, week, risk);
        return Write(outDir, LedgerFileNames.County(ledger.County, week.Thursday), s => WeeklyLedgerWorkbook.Write(ledger, s));
    }

    /// <summary>Writes every county's ledger into <paramref name="outDir"/>; returns the paths in registry order.</summary>
    public static IReadOnlyList<string> WriteAll(LedgerInputs inputs, LedgerWeek week, string outDir,
        IReadOnlyDictionary<(string Utility, string ApplicationId), double>? risk = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var slices = inputs.Store is null ? LedgerSlice.Build(inputs, week, wantCity: false).ByCounty : null;
        var counties = inputs.Registries.Counties;
        var paths = new string[counties.Count];
        var composer = new CountyLedgerComposer(inputs, week);
        // Counties are independent: compose and write them side by side; from a store one at a time, each counting its year
        // on one core while its week is read on the other, so memory holds one county's records and workbook.
        Parallel.For(0, counties.Count, Cores(inputs), i =>
        {
            var ledger = slices is not null ? composer.Compose(counties[i], slices[counties[i].Code], risk) : composer.ComposeFromStore(counties[i], risk);
            paths[i] = Write(outDir, LedgerFileNames.County(ledger.County, week.Thursday), s => WeeklyLedgerWorkbook.Write(ledger, s));
        });
        return paths;
    }

    /// <summary>Writes the city's roll-up into <paramref name="outDir"/> and returns its path.</summary>
    public static string WriteCity(LedgerInputs inputs, LedgerWeek week, string outDir)
    {
        var ledger = ComposeCity(inputs, week);
        return Write(outDir, LedgerFileNames.City(ledger.CityName, week.Thursday), s => CityLedgerWorkbook.Write(ledger, s));
    }

    private static CountyLedger[] ComposeAll(LedgerInputs inputs, LedgerWeek week,
        Dictionary<string, LedgerSlice> slices, IReadOnlyDictionary<(string, string), double>? risk)
    {
        var counties = inputs.Registries.Counties;
        var result = new CountyLedger[counties.Count];
        var composer = new CountyLedgerComposer(inputs, week);
        Parallel.For(0, counties.Count, Cores(inputs), i => result[i] = inputs.Store is null
            ? composer.Compose(counties[i], slices[counties[i].Code], risk)
            : composer.ComposeFromStore(counties[i], risk));
        return result;
    }

    private static ParallelOptions Cores(LedgerInputs inputs) =>
        new() { MaxDegreeOfParallelism = inputs.Store is null ? Environment.ProcessorCount : 1 };

    private static string Write(string outDir, string fileName, Action<Stream> save)
    {
        ArgumentNullException.ThrowIfNull(outDir);
        var path = Path.Combine(outDir, fileName);
        OutputFile.Write(path, save);
        return path;
    }
}

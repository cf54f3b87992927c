using System.Text.Json;

namespace Analytics.Domain.Registry;

/// <summary>
/// The counties and utilities a city's data may name (templates.md §2). Shipped as data for Linfen;
/// another city loads its own file. Lookups accept the code, the full name, the short name or an
/// alias, case- and whitespace-insensitive.
/// </summary>
public sealed class Registries
{
    private readonly Dictionary<string, RegistryEntry> _counties = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RegistryEntry> _utilities = new(StringComparer.Ordinal);

    private Registries(string cityName, string bureauName, IReadOnlyList<RegistryEntry> counties, IReadOnlyList<RegistryEntry> utilities)
    {
        CityName = cityName;
        BureauName = bureauName;
        Counties = counties;
        Utilities = utilities;
        Index(_counties, counties);
        Index(_utilities, utilities);
    }

    /// <summary>e.g. 临汾市.</summary>
    public string CityName { get; }
    /// <summary>e.g. 临汾市能源局.</summary>
    public string BureauName { get; }
    public IReadOnlyList<RegistryEntry> Counties { get; }
    public IReadOnlyList<RegistryEntry> Utilities { get; }

    /// <summary>The shipped Linfen registry.</summary>
    public static Registries Default => LazyDefault.Value;

    private static readonly Lazy<Registries> LazyDefault = new(() =>
    {
        using var s = typeof(Registries).Assembly.GetManifestResourceStream("Analytics.Domain.Data.registry-linfen.json")
            ?? throw new InvalidDataException("The shipped registry resource is missing.");
        return Load(s, "registry-linfen.json");
    });

    /// <summary>Reads a registry file of the shipped JSON shape.</summary>
    /// <exception cref="InvalidDataException">The file is malformed; the message names the entry.</exception>
    public static Registries Load(Stream stream, string source)
    {
        try
        {
            using var doc = JsonDocument.Parse(stream);
            var root = doc.RootElement;
            var city = root.TryGetProperty("city", out var c) ? c : default;
            var cityName = city.ValueKind == JsonValueKind.Object && city.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
            var bureau = city.ValueKind == JsonValueKind.Object && city.TryGetProperty("bureau", out var b) ? b.GetString() ?? "" : "";
            return new Registries(cityName, bureau, Entries(root, "counties", source), Entries(root, "utilities", source));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not a valid registry file: {e.Message}", e);
        }
    }

    /// <summary>Reads a registry file from disk.</summary>
    public static Registries Load(string path)
    {
        using var s = File.OpenRead(path);
        return Load(s, path);
    }

    public bool TryCounty(string? text, out RegistryEntry county) => TryFind(_counties, text, out county);

    public bool TryUtility(string? text, out RegistryEntry utility) => TryFind(_utilities, text, out utility);

    /// <summary>The county of a code; throws for an unknown code (codes come from validated records).</summary>
    public RegistryEntry County(string code) => _counties.TryGetValue(Codes.Normalize(code), out var e) ? e
        : throw new KeyNotFoundException($"Unknown county '{code}'. Known: {AcceptedCounties}");

    /// <summary>The utility of a code; throws for an unknown code.</summary>
    public RegistryEntry Utility(string code) => _utilities.TryGetValue(Codes.Normalize(code), out var e) ? e
        : throw new KeyNotFoundException($"Unknown utility '{code}'. Known: {AcceptedUtilities}");

    /// <summary>For error messages: <c>yaodu (尧都区), houma (侯马市), …</c>.</summary>
    public string AcceptedCounties => string.Join(", ", Counties.Select(e => $"{e.Code} ({e.Name})"));

    /// <summary>For error messages.</summary>
    public string AcceptedUtilities => string.Join(", ", Utilities.Select(e => $"{e.Code} ({e.Name})"));

    private static bool TryFind(Dictionary<string, RegistryEntry> index, string? text, out RegistryEntry entry)
    {
        entry = null!;
        if (string.IsNullOrWhiteSpace(text)) return false;
        if (!index.TryGetValue(Codes.Normalize(text), out var found)) return false;
        entry = found;
        return true;
    }

    private static void Index(Dictionary<string, RegistryEntry> index, IReadOnlyList<RegistryEntry> entries)
    {
        foreach (var e in entries)
            foreach (var key in new[] { e.Code, e.Name, e.ShortName }.Concat(e.Aliases))
                if (!string.IsNullOrWhiteSpace(key))
                    index.TryAdd(Codes.Normalize(key), e);
    }

    private static List<RegistryEntry> Entries(JsonElement root, string name, string source)
    {
        if (!root.TryGetProperty(name, out var arr) || arr.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException($"{source}: expected a list \"{name}\".");
        var list = new List<RegistryEntry>();
        var i = 0;
        foreach (var item in arr.EnumerateArray())
        {
            i++;
            var code = item.TryGetProperty("code", out var c) ? c.GetString() : null;
            var full = item.TryGetProperty("name", out var n) ? n.GetString() : null;
            if (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(full))
                throw new InvalidDataException($"{source}: {name}[{i}]: every entry needs a \"code\" and a \"name\".");
            var shortName = item.TryGetProperty("short", out var s) ? s.GetString() ?? full : full;
            var aliases = item.TryGetProperty("aliases", out var a) && a.ValueKind == JsonValueKind.Array
                ? a.EnumerateArray().Select(x => x.GetString() ?? "").Where(x => x.Length > 0).ToArray()
                : [];
            list.Add(new RegistryEntry(code, full, shortName, aliases));
        }
        return list;
    }
}

using System.Reflection;
using System.Text.RegularExpressions;
using Analytics.Ingest.Messages;

namespace Analytics.Ingest.Tests.Messages;

/// <summary>
/// The rules every message catalogue is held to (ingest's here; the CLI's tests call the same): ids unique and
/// well formed, both languages present with exactly the declared placeholders, and the Chinese text Chinese —
/// no English sentence left in it, only the technical names a Chinese official writes as they are (CSV, Excel…).
/// </summary>
public static partial class CatalogueChecks
{
    /// <summary>At least one CJK ideograph.</summary>
    public const string Chinese = @"\p{IsCJKUnifiedIdeographs}";

    /// <summary>ASCII words a Chinese message may hold as they are: formats, programs, options, codes, units, examples.</summary>
    private static readonly HashSet<string> TechnicalWords = new(StringComparer.Ordinal)
    {
        "CSV", "XLSX", "xlsx", "xls", "csv", "Excel", "UTF", "GB", "GBK", "GB18030", "ZIP", "U", "FFFD", "kW", "kVA", "H1", "H2", "lv", "zh", "en",
        "yyyy", "MM", "dd", "xxxxxxxx", "xxxxxxx", "data_through", "http", "https", "ANALYTICS_KEY_FILE", "TO", "FROM", "N", "A", "C", "T10",
        // The CLI's informational lines: the risk model's figures and names a Chinese official reads as they are.
        "PDF", "MAE", "AUC", "FastTree", "Ctrl", "ID",
        // The store's and the domain's messages (DomainMessages): products, settings and file keys written as they are.
        "PostgreSQL", "SQLite", "JSON", "SQLSTATE", "ANALYTICS_BUSY_TIMEOUT", "Command", "Timeout", "search_path", "schema", "years",
        // The policy file's own keys and values (JSON), written as they are in the file.
        "responsible", "county", "utility", "in_force", "limit", "from", "true", "false",
    };

    public static IReadOnlyList<MessageTemplate> Entries(Type catalogue) =>
        [.. catalogue.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => typeof(MessageTemplate).IsAssignableFrom(f.FieldType))
            .Select(f => (MessageTemplate)f.GetValue(null)!)];

    /// <summary>Every problem of the catalogue, one line each; empty when it keeps every rule.</summary>
    public static IReadOnlyList<string> Problems(Type catalogue)
    {
        var problems = new List<string>();
        var entries = Entries(catalogue);
        if (entries.Count == 0) problems.Add($"{catalogue.Name} has no entries");
        foreach (var dup in entries.GroupBy(e => e.Id).Where(g => g.Count() > 1)) problems.Add($"{dup.Key}: id used {dup.Count()} times");
        foreach (var e in entries)
        {
            if (!IdPattern().IsMatch(e.Id)) problems.Add($"{e.Id}: not a dotted lower-case id");
            if (string.IsNullOrWhiteSpace(e.Chinese)) problems.Add($"{e.Id}: no Chinese text");
            if (string.IsNullOrWhiteSpace(e.English)) problems.Add($"{e.Id}: no English text");
            var declared = e.Parameters.Order(StringComparer.Ordinal).ToList();
            var zh = MessageTemplate.Placeholders(e.Chinese).Order(StringComparer.Ordinal).ToList();
            var en = MessageTemplate.Placeholders(e.English).Order(StringComparer.Ordinal).ToList();
            if (!zh.SequenceEqual(declared)) problems.Add($"{e.Id}: Chinese placeholders {{{string.Join(",", zh)}}} are not the parameters {{{string.Join(",", declared)}}}");
            if (!en.SequenceEqual(declared)) problems.Add($"{e.Id}: English placeholders {{{string.Join(",", en)}}} are not the parameters {{{string.Join(",", declared)}}}");
            if (EnglishLeftIn(e.Chinese) is { } why) problems.Add($"{e.Id}: the Chinese text is not Chinese ({why}): {e.Chinese}");
        }
        return problems;
    }

    /// <summary>Why a Chinese template reads as English (an English word, or letters with no Chinese at all); null when it does not.</summary>
    public static string? EnglishLeftIn(string chinese)
    {
        // Options (--key-file) and commands (analytics rectify list) are written as typed.
        var text = CommandPattern().Replace(OptionPattern().Replace(PlaceholderPattern().Replace(chinese, " "), " "), " ");
        var words = WordPattern().Matches(text).Select(m => m.Value).ToList();
        var foreign = words.Where(w => !TechnicalWords.Contains(w)).ToList();
        if (foreign.Count > 0) return "English word(s): " + string.Join(" ", foreign);
        // A template of placeholders and punctuation only composes other messages; anything else must hold Chinese.
        var letters = text.Any(char.IsLetter);
        return letters && !Regex.IsMatch(text, Chinese) ? "no Chinese character" : null;
    }

    [GeneratedRegex(@"^[a-z]+(\.[a-z0-9_]+)+$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"\{[a-z][a-z0-9_]*\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"--[a-z][a-z-]*(?: [a-z]+\b)?")]
    private static partial Regex OptionPattern();

    [GeneratedRegex(@"analytics(?: [a-z]+)*(?: [A-Z]+)?")]
    private static partial Regex CommandPattern();

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9_]*")]
    private static partial Regex WordPattern();
}

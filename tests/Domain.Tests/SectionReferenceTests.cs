using System.Text.RegularExpressions;

namespace Analytics.Domain.Tests;

/// <summary>
/// Rules in the code cite the pages in <c>docs/</c> as <c>metrics.md §5</c>, <c>templates.md §1, Atomic</c>,
/// <c>cli.md, Store</c>. Every such citation must be followable inside the repository: the page exists, each
/// cited section has a heading <c>## N.</c> there, and a name added after the section (or after the page) is
/// found in that section (or among the page's headings). A dangling citation fails the build.
/// </summary>
public sealed partial class SectionReferenceTests
{
    private static readonly string[] Pages = ["metrics", "cli", "templates"];
    private static readonly string[] ScannedFolders = ["src", "tests", "bench", "docs"];
    private static readonly string[] ScannedExtensions = [".cs", ".md", ".sh", ".py", ".json", ".csproj", ".props"];

    [Fact]
    public void Every_section_reference_resolves_inside_the_repository()
    {
        var root = RepositoryRoot();
        var docs = LoadPages(Path.Combine(root, "docs"));
        var problems = new List<string>();
        var citations = 0;
        foreach (var file in ScannedFiles(root))
        {
            var text = File.ReadAllText(file);
            citations += CitationPattern().Count(text);
            problems.AddRange(Dangling(Path.GetRelativePath(root, file), text, docs));
        }
        // The code cites these pages in dozens of places; finding none would mean the scan itself is broken.
        Assert.True(citations > 50, $"only {citations} citations found: is the scan looking in the right folders?");
        Assert.True(problems.Count == 0, $"{problems.Count} citation(s) do not resolve:\n{string.Join('\n', problems)}");
    }

    [Fact]
    public void A_citation_of_a_missing_page_section_or_name_is_reported()
    {
        var docs = new Dictionary<string, Page>(StringComparer.Ordinal)
        {
            ["metrics"] = Page.Parse("# M\n## 1. Working days\nA working day …\n## 2. Categories\n## 3. Figures\n## 5. Reliability\nSAIDI …\n"),
            ["templates"] = Page.Parse("# T\n## 1. Rules\n**Atomic** by default; file formats.\n## 3. Applications\n"),
        };
        // Built from pieces so that this file's own text holds no dangling citation.
        const string Md = ".md";
        var text = string.Join('\n',
            $"fine: metrics{Md} §1, metrics{Md} §1–§3, templates{Md} §1, Atomic and templates{Md} §1, Formats",
            $"no such section: metrics{Md} §7",
            $"a range with a hole: metrics{Md} §3–5",
            $"a name not in the section: templates{Md} §3, Atomic",
            $"no such page: cli{Md}, Store");

        var problems = Dangling("Sample.cs", text, docs).ToList();

        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Sample.cs:2:", StringComparison.Ordinal) && p.EndsWith("no section §7 (a heading \"## 7.\")", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Sample.cs:3:", StringComparison.Ordinal) && p.Contains("no section §4", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Sample.cs:4:", StringComparison.Ordinal) && p.Contains("\"Atomic\" is not mentioned in docs/templates.md §3", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Sample.cs:5:", StringComparison.Ordinal) && p.Contains("docs/cli.md does not exist", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_source_file_the_docs_name_exists()
    {
        // docs/metrics.md and docs/cli.md say where each rule is implemented; a moved or renamed file must move the doc too.
        var root = RepositoryRoot();
        var sources = Directory.EnumerateFiles(Path.Combine(root, "src"), "*", SearchOption.AllDirectories)
            .Select(Path.GetFileName)
            .ToHashSet(StringComparer.Ordinal);
        var missing = new List<string>();
        var named = 0;
        foreach (var page in Pages)
        {
            var path = Path.Combine(root, "docs", page + ".md");
            if (!File.Exists(path)) continue;
            foreach (Match m in SourceName().Matches(File.ReadAllText(path)))
            {
                named++;
                var name = m.Groups["path"].Value;
                var exists = name.StartsWith("src/", StringComparison.Ordinal)
                    ? File.Exists(Path.Combine(root, name)) || Directory.Exists(Path.Combine(root, name))
                    : sources.Contains(name);
                if (!exists) missing.Add($"docs/{page}.md: {name}");
            }
        }
        Assert.True(named > 30, $"only {named} source names found in the docs");
        Assert.True(missing.Count == 0, $"the docs name files that do not exist:\n{string.Join('\n', missing)}");
    }

    /// <summary>A path under <c>src/</c> in backquotes (<c>`src/Metrics/MetricsEngine.cs`</c>) or a bare file name (<c>`TargetKind.cs`</c>).</summary>
    [GeneratedRegex(@"`(?<path>src/[^`\s]+|[A-Za-z][A-Za-z0-9]*\.(?:cs|json))`")]
    private static partial Regex SourceName();

    /// <summary>One problem a line, as <c>FILE:LINE: message</c>, for every citation in <paramref name="text"/> that does not resolve.</summary>
    private static IEnumerable<string> Dangling(string file, string text, IReadOnlyDictionary<string, Page> docs)
    {
        foreach (Match m in CitationPattern().Matches(text))
        {
            var line = 1 + text.AsSpan(0, m.Index).Count('\n');
            var where = $"{file}:{line}: \"{m.Value}\"";
            var name = m.Groups["page"].Value;
            if (!docs.TryGetValue(name, out var page))
            {
                yield return $"{where}: docs/{name}.md does not exist";
                continue;
            }
            var sections = new List<int>();
            if (m.Groups["from"].Success)
            {
                var from = int.Parse(m.Groups["from"].Value, System.Globalization.CultureInfo.InvariantCulture);
                var to = m.Groups["to"].Success ? int.Parse(m.Groups["to"].Value, System.Globalization.CultureInfo.InvariantCulture) : from;
                for (var n = from; n <= Math.Max(from, to); n++) sections.Add(n);
            }
            foreach (var n in sections.Where(n => !page.Sections.ContainsKey(n)))
                yield return $"{where}: docs/{name}.md has no section §{n} (a heading \"## {n}.\")";
            if (m.Groups["name"].Success)
            {
                var word = m.Groups["name"].Value;
                var found = sections.Count > 0
                    ? sections.Any(n => page.Sections.TryGetValue(n, out var body) && Mentions(body, word))
                    : page.Headings.Any(h => Mentions(h, word));
                if (!found)
                    yield return sections.Count > 0
                        ? $"{where}: \"{word}\" is not mentioned in docs/{name}.md §{sections[0]}"
                        : $"{where}: docs/{name}.md has no heading mentioning \"{word}\"";
            }
        }
    }

    // "Formats" is found as "format", "Date-times" as "date-time": a name cited in the plural may be written singular.
    private static bool Mentions(string text, string word) =>
        text.Contains(word, StringComparison.OrdinalIgnoreCase)
        || (word.EndsWith('s') && text.Contains(word[..^1], StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// <c>metrics.md</c>, optionally <c>§3</c> or a range <c>§3–§7</c> / <c>§3–4</c>, optionally <c>, Name</c> (a word that
    /// starts with a capital letter, e.g. <c>Atomic</c>, <c>Store</c>, <c>Date-times</c>).
    /// </summary>
    [GeneratedRegex(@"\b(?<page>metrics|cli|templates)\.md\b(?:\s*§\s*(?<from>\d+)(?:\s*[–-]\s*§?\s*(?<to>\d+))?)?(?:,\s*(?<name>[A-Z][A-Za-z-]*[A-Za-z]))?")]
    private static partial Regex CitationPattern();

    [GeneratedRegex(@"^##\s+(?<n>\d+)\.", RegexOptions.Multiline)]
    private static partial Regex NumberedHeading();

    [GeneratedRegex(@"^#+\s+(?<text>.+)$", RegexOptions.Multiline)]
    private static partial Regex AnyHeading();

    private sealed record Page(IReadOnlyDictionary<int, string> Sections, IReadOnlyList<string> Headings)
    {
        /// <summary>Sections by number: the text from a heading <c>## N.</c> to the next <c>## </c> heading.</summary>
        public static Page Parse(string markdown)
        {
            var sections = new Dictionary<int, string>();
            var numbered = NumberedHeading().Matches(markdown);
            foreach (Match h in numbered)
            {
                var start = h.Index;
                var next = markdown.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
                var body = next < 0 ? markdown[start..] : markdown[start..next];
                sections[int.Parse(h.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture)] = body;
            }
            var headings = AnyHeading().Matches(markdown).Select(h => h.Groups["text"].Value).ToList();
            return new Page(sections, headings);
        }
    }

    private static Dictionary<string, Page> LoadPages(string docsFolder)
    {
        var pages = new Dictionary<string, Page>(StringComparer.Ordinal);
        foreach (var name in Pages)
        {
            var path = Path.Combine(docsFolder, name + ".md");
            if (File.Exists(path)) pages[name] = Page.Parse(File.ReadAllText(path));
        }
        return pages;
    }

    private static IEnumerable<string> ScannedFiles(string root)
    {
        var sep = Path.DirectorySeparatorChar;
        var readme = Path.Combine(root, "README.md");
        var files = ScannedFolders
            .Select(f => Path.Combine(root, f))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Where(f => ScannedExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Where(f => !f.Contains($"{sep}bin{sep}", StringComparison.Ordinal) && !f.Contains($"{sep}obj{sep}", StringComparison.Ordinal));
        return File.Exists(readme) ? files.Append(readme) : files;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Analytics.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return dir!.FullName;
    }
}

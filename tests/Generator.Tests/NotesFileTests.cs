using Analytics.Domain;

namespace Analytics.Generator.Tests;

/// <summary>The semiannual notes follow templates.md §6.</summary>
[Collection(GeneratedSetDefinition.Name)]
public sealed class NotesFileTests
{
    private readonly GeneratedSetFixture _set;

    public NotesFileTests(GeneratedSetFixture set) => _set = set;

    [Fact]
    public void Notes_cover_each_complete_half_with_some_sections_missing()
    {
        var t = _set.Notes;
        Assert.Equal(TemplateDescriptions.Notes.Select(c => c.Name), t.Headers);
        var halves = t.Rows.Select(r => t.Get(r, "half")).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["2024H1", "2024H2", "2025H1", "2025H2", "2026H1"], halves);
        foreach (var r in t.Rows)
        {
            Assert.True(HalfYear.TryParse(t.Get(r, "half"), out _));
            Assert.True(Codes.TryParse<NoteSection>(t.Get(r, "section"), out _));
            Assert.True(t.Get(r, "text").Length > 20);
        }
        var complete = 5 * halves.Length * 4;
        Assert.InRange(t.Rows.Count, complete * 0.75, complete - 1);
        Assert.Equal(5, t.Rows.Select(r => t.Get(r, "utility")).Distinct().Count());
        Assert.Contains(t.Rows, r => t.Get(r, "text").Contains('\n', StringComparison.Ordinal));
        Assert.Contains(t.Rows, r => t.Get(r, "text").Contains('"', StringComparison.Ordinal));
    }

    [Fact]
    public void Progress_notes_quote_the_half_years_own_volumes()
    {
        var t = _set.Notes;
        var a = _set.First;
        var progress = t.Rows.Where(r => t.Get(r, "section") == "progress").ToList();
        Assert.NotEmpty(progress);
        foreach (var note in progress)
        {
            Assert.True(HalfYear.TryParse(t.Get(note, "half"), out var half));
            var utility = t.Get(note, "utility");
            var accepted = _set.Latest.Count(r => a.Get(r, "utility") == utility
                && DateOnly.FromDateTime(a.Date(r, "accepted_at")!.Value) is var d && d >= half.First && d <= half.Last);
            Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"受理用电报装申请{accepted}户"), t.Get(note, "text"), StringComparison.Ordinal);
        }
    }
}

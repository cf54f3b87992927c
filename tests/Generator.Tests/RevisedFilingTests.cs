namespace Analytics.Generator.Tests;

/// <summary>The second applications filing re-files a share of the applications later, with the injected 改写 / 后补.</summary>
[Collection(GeneratedSetDefinition.Name)]
public sealed class RevisedFilingTests
{
    private readonly GeneratedSetFixture _set;

    public RevisedFilingTests(GeneratedSetFixture set) => _set = set;

    [Fact]
    public void The_first_filing_knows_nothing_after_its_as_of_and_the_revised_one_is_later()
    {
        var t = _set.First;
        var firstAsOf = _set.Options.FirstFilingAsOf;
        var newestFirst = _set.First.Rows.SelectMany(r => t.Headers.Where(h => h.EndsWith("_at", StringComparison.Ordinal) || h.EndsWith("_start", StringComparison.Ordinal) || h.EndsWith("_end", StringComparison.Ordinal)).Select(h => t.Date(r, h))).Max();
        Assert.True(newestFirst <= firstAsOf);
        var newestRevised = _set.Revised.Rows.Select(r => t.Date(r, "accepted_at")).Max();
        Assert.True(newestRevised > firstAsOf);
        Assert.Equal(_set.Result.Files[0].AsOf, firstAsOf);
        Assert.Equal(_set.Result.Files[1].AsOf, _set.Options.RevisedFilingAsOf);
    }

    [Fact]
    public void The_revised_filing_carries_a_small_share_of_the_applications()
    {
        var share = _set.Revised.Rows.Count / (double)GeneratedSetFixture.ApplicationCount;
        Assert.InRange(share, 0.01, 0.1);
    }

    [Fact]
    public void Rewritten_connection_times_match_the_ground_truth()
    {
        var t = _set.First;
        var first = _set.First.Rows.ToDictionary(r => r[0], StringComparer.Ordinal);
        var rewritten = 0;
        var backFilled = 0;
        var unchanged = 0;
        foreach (var r in _set.Revised.Rows)
        {
            if (!first.TryGetValue(r[0], out var old)) continue;
            if (r.SequenceEqual(old)) { unchanged++; continue; }
            var before = t.Date(old, "connected_at");
            var after = t.Date(r, "connected_at");
            if (before is not null && after is not null && before != after) rewritten++;
            if (before is null && after is { } c && c <= _set.Options.FirstFilingAsOf && t.Get(old, "status") == "in_progress") backFilled++;
        }
        Assert.Equal(_set.Truth.Rewritten, rewritten);
        Assert.Equal(_set.Truth.BackFilled, backFilled);
        Assert.Equal(_set.Truth.RefiledUnchanged, unchanged);
        Assert.True(rewritten > 0 && backFilled > 0 && unchanged > 0);
    }

    [Fact]
    public void Applications_in_progress_at_the_first_as_of_come_back_with_their_progress()
    {
        var t = _set.First;
        var revised = _set.Revised.Rows.ToDictionary(r => r[0], StringComparer.Ordinal);
        var progressed = 0;
        foreach (var old in _set.First.Rows.Where(r => t.Get(r, "status") == "in_progress"))
        {
            if (!revised.TryGetValue(old[0], out var now)) continue;
            if (t.Get(now, "status") != "in_progress" || !now.SequenceEqual(old)) progressed++;
        }
        Assert.True(progressed > 20, $"{progressed} in-progress applications progressed");
        var newOnes = _set.Revised.Rows.Count(r => !_set.First.Rows.Any(f => ReferenceEquals(f, r)) && t.Date(r, "accepted_at") > _set.Options.FirstFilingAsOf);
        Assert.True(newOnes > 20);
    }
}

using System.Collections;

namespace Analytics.Risk;

/// <summary>
/// The regression's rows of a list of queries (features, and the label when training), made as they are read: ML.NET
/// takes them through a cursor (<c>LoadFromEnumerable</c>) that copies a row's features out before moving on, so one row
/// per enumeration is filled in turn instead of an array per row being held (issue 12: the 236,000 moments of a
/// million-application store were 70 MB of arrays). Every enumeration gives the same rows in the same order.
/// </summary>
internal sealed class FeatureRows : IEnumerable<ModelRow>
{
    private readonly FeatureLayout _layout;
    private readonly TargetClock _clock;
    private readonly int _count;
    private readonly Func<int, Query> _query;
    private readonly float[]? _labels;

    /// <param name="layout">The features.</param>
    /// <param name="clock">The clock the features count days with.</param>
    /// <param name="queries">One row each, in this order.</param>
    /// <param name="labels">One per query, or null: every label 0 (rows to predict).</param>
    public FeatureRows(FeatureLayout layout, TargetClock clock, IReadOnlyList<Query> queries, float[]? labels = null)
        : this(layout, clock, queries.Count, i => queries[i], labels)
    {
    }

    private FeatureRows(FeatureLayout layout, TargetClock clock, int count, Func<int, Query> query, float[]? labels)
    {
        if (labels is not null && labels.Length != count)
            throw new ArgumentException("Expected one label per query.", nameof(labels));
        _layout = layout;
        _clock = clock;
        _count = count;
        _query = query;
        _labels = labels;
    }

    /// <summary>The rows of replayed moments (<see cref="Query.Replayed"/>), labelled with their final days (<see cref="DurationRegressor.Label"/>).</summary>
    public static FeatureRows Training(FeatureLayout layout, TargetClock clock, IReadOnlyList<Moment> moments, bool logLabel)
    {
        var labels = new float[moments.Count];
        for (var i = 0; i < labels.Length; i++) labels[i] = DurationRegressor.Label(moments[i].Item.Final, logLabel);
        return new FeatureRows(layout, clock, moments.Count, i => Query.Replayed(moments[i]), labels);
    }

    public int Count => _count;

    public IEnumerator<ModelRow> GetEnumerator()
    {
        var row = new ModelRow { Features = new float[_layout.Count] };
        for (var i = 0; i < _count; i++)
        {
            var q = _query(i);
            _layout.Fill(row.Features, q.App, q.AsOf, q.Figures, _clock);
            row.Label = _labels is null ? 0 : _labels[i];
            yield return row;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

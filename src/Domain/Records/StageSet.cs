namespace Analytics.Domain;

/// <summary>An immutable set of <see cref="Stage"/>s, stored as bits.</summary>
public readonly record struct StageSet(int Bits)
{
    public static StageSet Empty => default;

    public static StageSet Of(params Stage[] stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        var s = Empty;
        foreach (var st in stages) s = s.With(st);
        return s;
    }

    public StageSet With(Stage stage) => new(Bits | (1 << (int)stage));

    public bool Contains(Stage stage) => (Bits & (1 << (int)stage)) != 0;

    public int Count => System.Numerics.BitOperations.PopCount((uint)Bits);

    /// <summary>True when every stage of this set is in <paramref name="other"/>.</summary>
    public bool IsSubsetOf(StageSet other) => (Bits & ~other.Bits) == 0;

    public IEnumerable<Stage> Stages
    {
        get
        {
            for (var s = Stage.Accept; s <= Stage.Connect; s++)
                if (Contains(s)) yield return s;
        }
    }

    public override string ToString() => string.Join(";", Stages.Select(Codes.Of));
}

using Analytics.Domain;

namespace Analytics.Generator;

/// <summary>Relative weights of the four area classes (供电区域) within a territory.</summary>
public readonly record struct AreaMix(double Central, double Urban, double Town, double Rural)
{
    public double Weight(Area area) => area switch
    {
        Area.Central => Central,
        Area.Urban => Urban,
        Area.Town => Town,
        Area.Rural => Rural,
        _ => 0,
    };

    public double Total => Central + Urban + Town + Rural;

    /// <summary>The areas with a positive weight, in the order central, urban, town, rural.</summary>
    public IEnumerable<Area> Areas
    {
        get
        {
            foreach (var a in new[] { Area.Central, Area.Urban, Area.Town, Area.Rural })
                if (Weight(a) > 0) yield return a;
        }
    }
}

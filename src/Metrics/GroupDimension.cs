namespace Analytics.Metrics;

/// <summary>How a target result is grouped.</summary>
public enum GroupDimension
{
    Invalid = 0,
    /// <summary>The whole city (or the whole of the county/utility filter).</summary>
    City = 1,
    /// <summary>One county (县（市、区）).</summary>
    County = 2,
    /// <summary>One utility (供电企业).</summary>
    Utility = 3,
    /// <summary>One area class (供电区域).</summary>
    Area = 4,
    /// <summary>One application category (用户类别).</summary>
    Category = 5,
}

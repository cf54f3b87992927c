using System.Globalization;

namespace Analytics.Domain;

/// <summary>
/// The task key under which a county reports progress on a rectification item (整改台账, issue 16) in its weekly
/// ledger's 工作进展: <c>整改N</c>, N the item's id. The ledger writer lists the county's open items under these keys,
/// the ledger reader accepts them only well formed, and <c>rectify list</c> reads the latest note filed under them.
/// </summary>
public static class RectificationTask
{
    /// <summary>What every such key starts with.</summary>
    public const string Prefix = "整改";

    /// <summary>The key of item <paramref name="id"/>: <c>整改7</c>.</summary>
    public static string Key(long id) => Prefix + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Whether <paramref name="task"/> claims to be a rectification key (starts with 整改), well formed or not.</summary>
    public static bool Claims(string? task) => task is not null && task.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>
    /// The item id of a well-formed key: 整改, then ASCII digits (leading zeros allowed), a positive number that fits an id.
    /// </summary>
    public static bool TryParse(string? task, out long id)
    {
        id = 0;
        if (!Claims(task)) return false;
        var digits = task![Prefix.Length..];
        return digits.Length > 0 && digits.All(char.IsAsciiDigit)
            && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;
    }
}

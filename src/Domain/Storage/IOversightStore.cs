namespace Analytics.Domain.Storage;

/// <summary>
/// The oversight's part of the store (issue 16): spot-check draws and their field results, and the rectification
/// ledger (整改台账). Implemented by both stores next to <see cref="IAnalyticsStore"/>; every write is one transaction
/// under the store's write lock (a busy store gives <see cref="StoreBusyException"/>).
/// </summary>
public interface IOversightStore
{
    /// <summary>Stores a draw and its items.</summary>
    /// <exception cref="StoreDataException">A draw with this id is already stored.</exception>
    void SaveDraw(SpotCheckDrawRecord draw);

    /// <summary>The draw with this id, with its items in stored order; null when none.</summary>
    SpotCheckDrawRecord? FindDraw(string drawId);

    /// <summary>Stores field results; the results of an application already filed for the draw are replaced by the new ones.</summary>
    void SaveResults(IReadOnlyList<SpotCheckResult> results);

    /// <summary>Every field result, ordered by (draw, utility, application, field).</summary>
    IReadOnlyList<SpotCheckResult> SpotCheckResults();

    /// <summary>Adds an item; returns it with its id.</summary>
    RectificationItem AddRectification(RectificationItem item);

    /// <summary>Replaces the stored item of the same id.</summary>
    /// <exception cref="KeyNotFoundException">No item has this id.</exception>
    void UpdateRectification(RectificationItem item);

    /// <summary>Every item, by id.</summary>
    IReadOnlyList<RectificationItem> Rectifications();
}

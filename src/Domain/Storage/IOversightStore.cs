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

    /// <summary>Adds an item and the first entry of its history (<paramref name="change"/>), in one transaction; returns it with its id.</summary>
    RectificationItem AddRectification(RectificationItem item, RectificationChange change);

    /// <summary>Replaces the stored item of the same id and appends <paramref name="change"/> to its history, in one transaction.</summary>
    /// <exception cref="KeyNotFoundException">No item has this id.</exception>
    void UpdateRectification(RectificationItem item, RectificationChange change);

    /// <summary>
    /// The item's history, oldest first: every change made through this interface (with the status it left), and the
    /// progress its county filed on it through the weekly ledgers (task <c>整改N</c>, when the filing was loaded; the
    /// filing's 填报人 as the actor when signed). Empty when no item has this id.
    /// </summary>
    IReadOnlyList<RectificationEvent> RectificationHistory(long id);

    /// <summary>Every item, by id.</summary>
    IReadOnlyList<RectificationItem> Rectifications();
}

namespace Analytics.Domain.Storage;

/// <summary>
/// The trained early-warning models a store keeps (table <c>risk_models</c>), each under the fingerprint of what it was
/// trained on, so that <c>ledger</c> and <c>risk</c> load a model instead of training it again on unchanged data.
/// </summary>
/// <remarks>
/// A model is a cache, never a record: losing one only costs a training. <see cref="SaveRiskModel"/> is its own short
/// transaction, outside any filing; two processes saving the same fingerprint at once leave one row (the fingerprint
/// is unique). At most <see cref="RiskModelStore.Keep"/> models are kept, the oldest saved pruned first.
/// </remarks>
public interface IRiskModelStore
{
    /// <summary>The model saved under <paramref name="fingerprint"/>, or null.</summary>
    StoredRiskModel? FindRiskModel(string fingerprint);

    /// <summary>
    /// Saves a model unless one with its fingerprint is stored already, then prunes all but the newest
    /// <paramref name="keep"/> models. True when this call stored it.
    /// </summary>
    /// <exception cref="StoreBusyException">Another writer held the store longer than the busy timeout.</exception>
    bool SaveRiskModel(StoredRiskModel model, int keep = RiskModelStore.Keep);

    /// <summary>The fingerprints of the stored models, newest saved first (diagnostics, tests).</summary>
    IReadOnlyList<string> RiskModelFingerprints();
}

/// <summary>Constants of the risk model store.</summary>
public static class RiskModelStore
{
    /// <summary>How many models a store keeps by default.</summary>
    public const int Keep = 20;
}

/// <summary>
/// A stored early-warning model: its fingerprint (<c>data_fingerprint</c>), when it was trained (the command's clock),
/// the instant its data were known at, its holdout summary (NaN when there was nothing to score; stored as NULL) and the
/// saved model itself (<see cref="Model"/>, the risk module's versioned binary form).
/// </summary>
public sealed record StoredRiskModel
{
    /// <summary>The store's id (0 before saving).</summary>
    public long Id { get; init; }
    public required string Fingerprint { get; init; }
    public required DateTime TrainedAt { get; init; }
    public required DateTime KnownAt { get; init; }
    public double MaeModel { get; init; } = double.NaN;
    public double MaeBaseline { get; init; } = double.NaN;
    public double AucModel { get; init; } = double.NaN;
    public double AucBaseline { get; init; } = double.NaN;
    public int TrainedOnCount { get; init; }
#pragma warning disable CA1819 // the blob as it is stored; a copy on every read would double a large model's memory
    public required byte[] Model { get; init; }
#pragma warning restore CA1819
}

namespace Analytics.Store;

/// <summary>
/// Instants as both stores keep them: China local time, <see cref="DateTimeKind.Unspecified"/>, to the
/// microsecond (PostgreSQL's <c>timestamp</c> precision). Both stores truncate the same way, before
/// hashing and writing, so a value reads back identically from either and the same file hashes the same.
/// </summary>
public static class StoreTime
{
    /// <summary>The instant truncated to the microsecond, kind Unspecified.</summary>
    public static DateTime Normalize(DateTime value) =>
        new(value.Ticks - value.Ticks % 10, DateTimeKind.Unspecified);

    /// <inheritdoc cref="Normalize(DateTime)"/>
    public static DateTime? Normalize(DateTime? value) => value is { } v ? Normalize(v) : null;
}

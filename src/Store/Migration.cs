namespace Analytics.Store;

/// <summary>
/// One step of the versioned schema: the SQL that takes a store from <c>Version - 1</c> to
/// <see cref="Version"/>. Steps are never edited once released; a change is a new step.
/// </summary>
internal sealed record Migration(int Version, string Description, string Sql);

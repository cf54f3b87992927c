namespace Analytics.Metrics;

/// <summary>
/// What a <see cref="Finding"/> rests on, as typed facts: the times, values and limits behind it, never words. The
/// presentation layer (Analytics.Reports, <c>EvidenceText</c>) composes them into the Chinese sentence people read, so
/// every output words the same evidence the same way.
/// </summary>
public abstract record FindingEvidence;


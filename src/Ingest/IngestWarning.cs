namespace Analytics.Ingest;

/// <summary>Something worth telling that does not stop the load, e.g. columns the template does not know.</summary>
public sealed record IngestWarning
{
    public required string File { get; init; }
    public string? Sheet { get; init; }
    public required string Message { get; init; }

    public override string ToString() => Sheet is null ? $"{File}: warning: {Message}" : $"{File}[{Sheet}]: warning: {Message}";
}

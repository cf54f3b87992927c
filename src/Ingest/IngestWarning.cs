using Analytics.Ingest.Messages;

namespace Analytics.Ingest;

/// <summary>Something worth telling that does not stop the load, e.g. columns the template does not know.</summary>
public sealed record IngestWarning
{
    public required string File { get; init; }
    public string? Sheet { get; init; }
    public required MessageText Text { get; init; }

    /// <summary>The message in Chinese, the default language.</summary>
    public string Message => Text.Render(MessageLanguage.Chinese);

    public override string ToString() => ToString(MessageLanguage.Chinese);

    /// <summary><c>FILE[SHEET]: 警告: message</c> / <c>FILE[SHEET]: warning: message</c>.</summary>
    public string ToString(MessageLanguage language)
    {
        var label = language == MessageLanguage.English ? "warning" : "警告";
        var where = Sheet is null ? File : $"{File}[{Sheet}]";
        return $"{where}: {label}: {Text.Render(language)}";
    }
}

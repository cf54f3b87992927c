namespace Analytics.Ingest.Messages;

/// <summary>
/// The language of every message a person reads (errors, warnings, usage): Chinese by default, English on request
/// (<c>--lang en</c> or <c>ANALYTICS_LANG=en</c>, cli.md). Codes and message ids do not change with it.
/// </summary>
public enum MessageLanguage
{
    /// <summary>简体中文, the default: the zero value, so a language never chosen is Chinese.</summary>
    Chinese = 0,
    English = 1,
}

/// <summary>The language's command-line spelling (<c>zh</c>, <c>en</c>).</summary>
public static class MessageLanguages
{
    /// <summary>The accepted spellings, for help and usage errors.</summary>
    public const string Accepted = "zh, en";

    /// <summary>
    /// <c>zh</c> (also <c>zh-CN</c>, <c>zh_CN.UTF-8</c>, <c>cn</c>, <c>中文</c>) or <c>en</c> (also <c>en-US</c>, <c>english</c>),
    /// case-insensitive; false for anything else.
    /// </summary>
    public static bool TryParse(string? text, out MessageLanguage language)
    {
        language = MessageLanguage.Chinese;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim().ToLowerInvariant();
        var cut = t.IndexOfAny(['-', '_', '.']);
        var head = cut > 0 ? t[..cut] : t;
        switch (head)
        {
            case "zh" or "cn" or "chinese" or "中文":
                language = MessageLanguage.Chinese;
                return true;
            case "en" or "english":
                language = MessageLanguage.English;
                return true;
            default:
                return false;
        }
    }

    /// <summary><c>zh</c> or <c>en</c>.</summary>
    public static string Code(MessageLanguage language) => language == MessageLanguage.English ? "en" : "zh";
}

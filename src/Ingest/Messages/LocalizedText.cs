using System.Globalization;

namespace Analytics.Ingest.Messages;

/// <summary>A piece of a message that reads differently in each language (a nested message, a column's name, a list).</summary>
public interface ILocalizedText
{
    string Render(MessageLanguage language);
}

/// <summary>A fixed text in both languages, e.g. a column as <c>“报装容量(kW)”</c> / <c>capacity_kw (报装容量(kW))</c>.</summary>
public sealed record Localized(string Chinese, string English) : ILocalizedText
{
    public string Render(MessageLanguage language) => language == MessageLanguage.English ? English : Chinese;

    /// <summary>The same text in both languages (a value as found, a file name).</summary>
    public static Localized Same(string text) => new(text, text);

    public override string ToString() => Chinese;
}

/// <summary>Items joined as each language lists them: <c>甲、乙、丙</c> / <c>a, b, c</c>.</summary>
public sealed class ListText : ILocalizedText
{
    private readonly IReadOnlyList<object> _items;

    public ListText(IEnumerable<object> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = [.. items];
    }

    public static ListText Of<T>(IEnumerable<T> items) where T : notnull => new((items ?? throw new ArgumentNullException(nameof(items))).Cast<object>());

    public string Render(MessageLanguage language) =>
        string.Join(language == MessageLanguage.English ? ", " : "、", _items.Select(i => MessageTemplate.Arg(i, language)));

    public override string ToString() => Render(MessageLanguage.Chinese);
}

/// <summary>
/// A message with its arguments, rendered in either language when shown (<see cref="Render"/>); its
/// <see cref="Id"/> is the catalogue's stable id, for programs and tests that must not depend on wording.
/// </summary>
public sealed class MessageText : ILocalizedText
{
    internal MessageText(MessageTemplate template, object?[] args)
    {
        Template = template;
        Args = args;
    }

    public MessageTemplate Template { get; }

    /// <summary>The catalogue id, e.g. <c>row.count_between</c>.</summary>
    public string Id => Template.Id;

    /// <summary>The arguments in the order of <see cref="MessageTemplate.Parameters"/>.</summary>
    public IReadOnlyList<object?> Args { get; }

    public string Render(MessageLanguage language) => Template.Render(language, Args);

    /// <summary>The Chinese text (the default language).</summary>
    public override string ToString() => Render(MessageLanguage.Chinese);

    /// <summary>The text of an argument as rendered in <paramref name="language"/> (tests, the rejects file).</summary>
    public string ArgText(string parameter, MessageLanguage language = MessageLanguage.Chinese)
    {
        var i = Array.IndexOf(Template.ParameterArray, parameter);
        if (i < 0) throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{Id} has no parameter {parameter}."), nameof(parameter));
        return MessageTemplate.Arg(Args[i], language);
    }
}

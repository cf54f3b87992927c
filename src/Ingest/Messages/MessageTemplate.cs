using System.Globalization;
using System.Text;

namespace Analytics.Ingest.Messages;

/// <summary>
/// One entry of a message catalogue (<see cref="IngestMessages"/>, the CLI's <c>CliMessages</c>): a stable id, the
/// names of its parameters, and its Chinese and English templates with the parameters as <c>{name}</c>. The
/// generic subclasses give the parameters their types, so a site cannot pass the wrong arguments; a test holds
/// every entry to having both languages with the same placeholders.
/// </summary>
/// <remarks>
/// Arguments render as: <see cref="ILocalizedText"/> in the message's language; numbers and dates invariant;
/// anything else by <c>ToString()</c>. A placeholder is <c>{</c>, a lower-case name, <c>}</c>; other braces are text.
/// </remarks>
public class MessageTemplate
{
    public MessageTemplate(string id, string chinese, string english) : this(id, [], chinese, english) { }

    protected MessageTemplate(string id, string[] parameters, string chinese, string english)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(chinese);
        ArgumentNullException.ThrowIfNull(english);
        Id = id;
        ParameterArray = parameters;
        Chinese = chinese;
        English = english;
    }

    /// <summary>Stable, dotted, lower-case: <c>row.count_between</c>.</summary>
    public string Id { get; }

    public string Chinese { get; }

    public string English { get; }

    public IReadOnlyList<string> Parameters => ParameterArray;

    internal string[] ParameterArray { get; }

    /// <summary>The message of a template without parameters.</summary>
    public MessageText Text() => Make();

    public string TemplateIn(MessageLanguage language) => language == MessageLanguage.English ? English : Chinese;

    protected MessageText Make(params object?[] args)
    {
        if (args.Length != ParameterArray.Length)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{Id} takes {ParameterArray.Length} arguments, not {args.Length}."), nameof(args));
        return new MessageText(this, args);
    }

    internal string Render(MessageLanguage language, IReadOnlyList<object?> args)
    {
        var template = TemplateIn(language);
        var sb = new StringBuilder(template.Length + 32);
        var i = 0;
        while (i < template.Length)
        {
            if (template[i] == '{' && PlaceholderAt(template, i) is { } name)
            {
                var p = Array.IndexOf(ParameterArray, name);
                sb.Append(p >= 0 ? Arg(args[p], language) : "{" + name + "}");
                i += name.Length + 2;
            }
            else sb.Append(template[i++]);
        }
        return sb.ToString();
    }

    /// <summary>The placeholders of a template, in order of appearance (a name once).</summary>
    public static IReadOnlyList<string> Placeholders(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var found = new List<string>();
        for (var i = 0; i < template.Length; i++)
            if (template[i] == '{' && PlaceholderAt(template, i) is { } name && !found.Contains(name)) found.Add(name);
        return found;
    }

    private static string? PlaceholderAt(string template, int open)
    {
        var j = open + 1;
        while (j < template.Length && (template[j] is (>= 'a' and <= 'z') or '_' || (j > open + 1 && char.IsAsciiDigit(template[j])))) j++;
        return j > open + 1 && j < template.Length && template[j] == '}' ? template[(open + 1)..j] : null;
    }

    /// <summary>One argument as text in <paramref name="language"/>.</summary>
    public static string Arg(object? value, MessageLanguage language) => value switch
    {
        null => "",
        string s => s,
        ILocalizedText t => t.Render(language),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public override string ToString() => Id;

    /// <summary>The parameter names of a template with many, checked against its arity.</summary>
    protected static string[] CheckArity(string[] parameters, int arity)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return parameters.Length == arity ? parameters
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{arity} parameter names expected, not {parameters.Length}."), nameof(parameters));
    }
}

public sealed class MessageTemplate<T1>(string id, string p1, string chinese, string english)
    : MessageTemplate(id, [p1], chinese, english)
{
    public MessageText With(T1 a1) => Make(a1);
}

public sealed class MessageTemplate<T1, T2>(string id, string p1, string p2, string chinese, string english)
    : MessageTemplate(id, [p1, p2], chinese, english)
{
    public MessageText With(T1 a1, T2 a2) => Make(a1, a2);
}

public sealed class MessageTemplate<T1, T2, T3>(string id, string p1, string p2, string p3, string chinese, string english)
    : MessageTemplate(id, [p1, p2, p3], chinese, english)
{
    public MessageText With(T1 a1, T2 a2, T3 a3) => Make(a1, a2, a3);
}

public sealed class MessageTemplate<T1, T2, T3, T4>(string id, string p1, string p2, string p3, string p4, string chinese, string english)
    : MessageTemplate(id, [p1, p2, p3, p4], chinese, english)
{
    public MessageText With(T1 a1, T2 a2, T3 a3, T4 a4) => Make(a1, a2, a3, a4);
}

public sealed class MessageTemplate<T1, T2, T3, T4, T5>(string id, string p1, string p2, string p3, string p4, string p5, string chinese, string english)
    : MessageTemplate(id, [p1, p2, p3, p4, p5], chinese, english)
{
    public MessageText With(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5) => Make(a1, a2, a3, a4, a5);
}

public sealed class MessageTemplate<T1, T2, T3, T4, T5, T6>(string id, string[] parameters, string chinese, string english)
    : MessageTemplate(id, CheckArity(parameters, 6), chinese, english)
{
    public MessageText With(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6) => Make(a1, a2, a3, a4, a5, a6);
}

public sealed class MessageTemplate<T1, T2, T3, T4, T5, T6, T7>(string id, string[] parameters, string chinese, string english)
    : MessageTemplate(id, CheckArity(parameters, 7), chinese, english)
{
    public MessageText With(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7) => Make(a1, a2, a3, a4, a5, a6, a7);
}

namespace Analytics.Ingest.Messages;

/// <summary>
/// An exception whose message a person reads, in either language: <see cref="Exception.Message"/> is the Chinese
/// text; the CLI renders <see cref="Text"/> in the language asked for (<c>--lang</c>).
/// </summary>
public interface ILocalizedError
{
    MessageText Text { get; }
}

/// <summary>The same for exception types we cannot derive from (<see cref="InvalidDataException"/> is sealed): the text rides in <see cref="Exception.Data"/>.</summary>
public static class LocalizedErrors
{
    private const string Key = "Analytics.MessageText";

    /// <summary>An <see cref="InvalidDataException"/> (bad input, exit 1) with the Chinese message and <paramref name="text"/> attached.</summary>
    public static InvalidDataException InvalidData(MessageText text, Exception? inner = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var e = new InvalidDataException(text.ToString(), inner);
        e.Data[Key] = text;
        return e;
    }

    /// <summary>The message of <paramref name="e"/> in both languages, when it carries one.</summary>
    public static MessageText? TextOf(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e is ILocalizedError l ? l.Text : e.Data[Key] as MessageText;
    }
}

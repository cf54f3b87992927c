using Analytics.Domain.Messages;
using Analytics.Ingest.Messages;

namespace Analytics.Cli;

/// <summary>
/// A wrong command line (exit 2): unknown value of an option, a missing option, a date that is not a date. Its
/// <see cref="Text"/> is rendered in the language of <c>--lang</c> (<see cref="Exception.Message"/> is the Chinese).
/// </summary>
public sealed class UsageException : Exception, ILocalizedError
{
    public UsageException(MessageText text) : base(text?.ToString()) => Text = text!;
    public UsageException(MessageText text, Exception inner) : base(text?.ToString(), inner) => Text = text!;
    /// <summary>A reason worded elsewhere (a library's message): shown as it is in both languages.</summary>
    public UsageException(string message) : base(message) => Text = Verbatim(message);
    public UsageException(string message, Exception inner) : base(message, inner) => Text = Verbatim(message);
    public UsageException() : this(CliMessages.SeeHelp.Text()) { }

    public MessageText Text { get; }

    private static MessageText Verbatim(string message) => CliMessages.Verbatim.With(message ?? "");
}

/// <summary>Bad input data (exit 1): one or more located findings, one a line on stderr.</summary>
public sealed class BadInputException : Exception
{
    /// <summary>Lines already worded (in the invocation's language).</summary>
    public BadInputException(IReadOnlyList<string> lines) : base(string.Join(Environment.NewLine, lines)) => Lines = lines;
    public BadInputException(string message) : this([message]) { }
    public BadInputException(string message, Exception inner) : base(message, inner) => Lines = [message];
    /// <summary>One message, rendered in the language of <c>--lang</c> when reported.</summary>
    public BadInputException(MessageText text) : this([text?.ToString() ?? ""]) => Text = text;
    public BadInputException() : this(CliMessages.NothingLoaded.Text()) { }

    public IReadOnlyList<string> Lines { get; }

    /// <summary>The one message in both languages, when the exception was made from one.</summary>
    public MessageText? Text { get; }
}

/// <summary>A message of the domain's catalogue (<see cref="DomainMessages"/>) as a part of a CLI message.</summary>
public sealed record DomainLocalized(DomainText Text) : ILocalizedText
{
    public string Render(MessageLanguage language) => Text.In(language == MessageLanguage.English);

    /// <summary>A CLI message as the domain's text (for the domain's exceptions, e.g. <c>StoreUnavailableException</c>).</summary>
    public static DomainText Of(MessageText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new DomainText(text.Id, text.Render(MessageLanguage.Chinese), text.Render(MessageLanguage.English));
    }
}

using Analytics.Domain.Messages;

namespace Analytics.Domain.Policy;

/// <summary>A policy file that cannot be used; the message names the file and the bad entry.</summary>
public sealed class PolicyException : Exception, IDomainLocalizedError
{
    public PolicyException(string message) : base(message) { }
    public PolicyException(string message, Exception inner) : base(message, inner) { }
    public PolicyException() { }

    /// <summary>A message of the catalogue (<see cref="DomainMessages"/>), in both languages.</summary>
    public PolicyException(DomainText text, Exception? inner = null) : base((text ?? throw new ArgumentNullException(nameof(text))).Chinese, inner) => _text = text;

    /// <summary>The message in both languages (a message worded elsewhere: the same text in both).</summary>
    public DomainText Text => _text ?? new DomainText("policy.verbatim", Message, Message);

    private readonly DomainText? _text;

}

namespace Analytics.Domain.Policy;

/// <summary>A policy file that cannot be used; the message names the file and the bad entry.</summary>
public sealed class PolicyException : Exception
{
    public PolicyException(string message) : base(message) { }
    public PolicyException(string message, Exception inner) : base(message, inner) { }
    public PolicyException() { }
}

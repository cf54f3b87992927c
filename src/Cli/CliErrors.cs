namespace Analytics.Cli;

/// <summary>A wrong command line (exit 2): unknown value of an option, a missing option, a date that is not a date.</summary>
public sealed class UsageException : Exception
{
    public UsageException(string message) : base(message) { }
    public UsageException(string message, Exception inner) : base(message, inner) { }
    public UsageException() { }
}

/// <summary>Bad input data (exit 1): one or more located findings, one a line on stderr.</summary>
public sealed class BadInputException : Exception
{
    public BadInputException(IReadOnlyList<string> lines) : base(string.Join(Environment.NewLine, lines)) => Lines = lines;
    public BadInputException(string message) : this([message]) { }
    public BadInputException(string message, Exception inner) : base(message, inner) => Lines = [message];
    public BadInputException() : this("bad input") { }

    public IReadOnlyList<string> Lines { get; }
}

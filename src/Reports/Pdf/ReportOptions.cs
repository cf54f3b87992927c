namespace Analytics.Reports.Pdf;

/// <summary>Choices about how the PDF reports are laid out (not what they compute).</summary>
public sealed record ReportOptions
{
    public static ReportOptions Default { get; } = new();

    /// <summary>
    /// The appendix lists at most this many applications (the most serious first) and says how many there are in all:
    /// past a few hundred rows a printed list stops being read, and <c>analytics findings</c> exports the whole list.
    /// </summary>
    public int AppendixLimit { get; init; } = 300;

    /// <summary>Typography tokens.</summary>
    public Theme Theme { get; init; } = Theme.Default;
}

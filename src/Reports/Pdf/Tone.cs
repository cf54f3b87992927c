namespace Analytics.Reports.Pdf;

/// <summary>A text colour by meaning, resolved through <see cref="Theme.Colour"/>.</summary>
public enum Tone
{
    /// <summary>Body text.</summary>
    Normal = 0,
    Muted = 1,
    Accent = 2,
    /// <summary>Met, improved.</summary>
    Good = 3,
    /// <summary>Not met, worse.</summary>
    Bad = 4,
    Warn = 5,
}

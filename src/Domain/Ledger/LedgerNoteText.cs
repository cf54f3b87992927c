namespace Analytics.Domain;

/// <summary>
/// How a 工作进展 row's two texts travel in one <c>LedgerNote.Text</c>: the progress (进展情况), then,
/// when the county wrote any, a line starting <c>存在问题：</c> with the problems. The store keeps
/// one text per task; this keeps the problems apart so the next week's ledger can pre-fill both columns.
/// </summary>
public static class LedgerNoteText
{
    /// <summary>The marker that starts the problems part.</summary>
    public const string ProblemsMarker = "存在问题：";

    /// <summary>Progress, then <c>\n存在问题：</c>problems when there are any.</summary>
    public static string Compose(string? progress, string? problems)
    {
        var p = progress?.Trim() ?? "";
        var q = problems?.Trim() ?? "";
        if (q.Length == 0) return p;
        return p.Length == 0 ? ProblemsMarker + q : p + "\n" + ProblemsMarker + q;
    }

    /// <summary>The inverse of <see cref="Compose"/>; a text without the marker is all progress.</summary>
    public static (string Progress, string Problems) Split(string? text)
    {
        var t = text ?? "";
        if (t.StartsWith(ProblemsMarker, StringComparison.Ordinal)) return ("", t[ProblemsMarker.Length..].Trim());
        var i = t.LastIndexOf("\n" + ProblemsMarker, StringComparison.Ordinal);
        return i < 0 ? (t.Trim(), "") : (t[..i].Trim(), t[(i + 1 + ProblemsMarker.Length)..].Trim());
    }
}

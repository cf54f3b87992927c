namespace Analytics.Ingest.Parsing;

/// <summary>The boolean forms of templates.md §1: <c>Y/N</c>, <c>是/否</c>, <c>true/false</c>, <c>1/0</c> (also <c>yes/no</c>), any letter case.</summary>
public static class BooleanText
{
    public const string Accepted = "Y/N, 是/否, true/false, 1/0";

    /// <summary>Parses trimmed text.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, out bool value)
    {
        value = false;
        if (s.Length == 1)
        {
            switch (s[0])
            {
                case 'Y' or 'y' or '是' or '1': value = true; return true;
                case 'N' or 'n' or '否' or '0': return true;
                default: return false;
            }
        }
        if (s.Equals("true", StringComparison.OrdinalIgnoreCase) || s.Equals("yes", StringComparison.OrdinalIgnoreCase)) { value = true; return true; }
        return s.Equals("false", StringComparison.OrdinalIgnoreCase) || s.Equals("no", StringComparison.OrdinalIgnoreCase);
    }
}

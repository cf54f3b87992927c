namespace Analytics.Reports.Pdf;

/// <summary>Where a report goes when the command line passes <c>--out</c>.</summary>
internal static class ReportPaths
{
    /// <summary>
    /// <paramref name="outPath"/> itself when it names a file; <paramref name="fileName"/> inside it when it is an
    /// existing directory or ends with a directory separator; <paramref name="fileName"/> in the current directory when null.
    /// </summary>
    public static string Resolve(string? outPath, string fileName)
    {
        if (string.IsNullOrEmpty(outPath)) return Path.GetFullPath(fileName);
        if (Directory.Exists(outPath) || outPath.EndsWith(Path.DirectorySeparatorChar) || outPath.EndsWith(Path.AltDirectorySeparatorChar))
            return Path.GetFullPath(Path.Combine(outPath, fileName));
        return Path.GetFullPath(outPath);
    }
}

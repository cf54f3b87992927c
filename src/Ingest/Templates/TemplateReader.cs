using Analytics.Domain;
using Analytics.Ingest.Reading;

namespace Analytics.Ingest.Templates;

/// <summary>
/// Reads and validates a whole template file without a store: the validation pass of
/// <see cref="FileIngestor"/>, and a way for tests and tools to see the records a file gives.
/// </summary>
public static class TemplateReader
{
    /// <summary>
    /// Reads <paramref name="path"/> as a file of <paramref name="kind"/>. With
    /// <paramref name="keepRecords"/> false, memory does not grow with the file (only the key sets
    /// of the rules across rows, and at most <paramref name="maxErrors"/> errors are kept).
    /// </summary>
    public static TemplateReadResult Read(FilingKind kind, string path, TemplateContext context, bool keepRecords = true, int maxErrors = int.MaxValue, InputBounds? bounds = null)
    {
        using var file = TemplateFile.Open(path, Template.For(kind, context), bounds);
        return Read(file, keepRecords, maxErrors);
    }

    /// <summary>Reads an opened file (one pass).</summary>
    public static TemplateReadResult Read(TemplateFile file, bool keepRecords, int maxErrors)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.OpenErrors.Count > 0)
            return new TemplateReadResult
            {
                Path = file.Path, Records = [], Errors = file.OpenErrors, ErrorCount = file.OpenErrors.Count, Warnings = [], FileRejected = true,
                BadGroups = new Dictionary<string, int>(),
            };
        var records = new List<object>();
        var errors = new List<IngestError>();
        var badGroups = new Dictionary<string, int>(StringComparer.Ordinal);
        DateTime? newest = null;
        var rejected = 0;
        var errorCount = 0;
        // Records that are not kept need no customer key.
        using var pass = file.Read(customerKeys: keepRecords);
        while (pass.MoveNext())
        {
            if (pass.Record is { } r)
            {
                if (keepRecords) records.Add(r);
                if (file.Template.NewestInstant(r) is { } t && (newest is null || t > newest)) newest = t;
                continue;
            }
            rejected++;
            errorCount += pass.RowErrors.Count;
            foreach (var e in pass.RowErrors)
                if (errors.Count < maxErrors) errors.Add(e);
            if (pass.GroupKey is { } g) badGroups.TryAdd(g, pass.RowNumber);
        }
        var fileRejected = pass.FileErrors.Count > 0;
        if (fileRejected) errors.InsertRange(0, pass.FileErrors);
        return new TemplateReadResult
        {
            Path = file.Path,
            Sha256 = file.Probe?.Sha256,
            Records = records,
            Errors = errors,
            ErrorCount = errorCount + pass.FileErrors.Count,
            Warnings = pass.Warnings.ToList(),
            RowsRead = pass.RowsRead,
            RowsRejected = rejected,
            FileRejected = fileRejected,
            Newest = newest,
            BadGroups = badGroups,
        };
    }
}

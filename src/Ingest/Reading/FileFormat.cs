namespace Analytics.Ingest.Reading;

/// <summary>The format a file's bytes show (not its name).</summary>
public enum FileFormat { Invalid = 0, Csv = 1, Xlsx = 2 }

namespace Analytics.Ingest.Templates;

/// <summary>Rules across the rows of one file, fed the mapped records in file order.</summary>
public interface IRowSetCheck
{
    /// <summary>Checks a mapped record against the rows before it; adds errors to <paramref name="row"/>; returns the record to keep (possibly completed, e.g. an outage's step number).</summary>
    object Admit(object record, TemplateRow row);
}

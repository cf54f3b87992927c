using System.Globalization;
using Analytics.Ingest.Reading;
using Analytics.Ingest.Messages;

namespace Analytics.Ingest.Templates;

/// <summary>
/// One streaming pass over a template file: binds the header, then maps each non-empty row through
/// the template and the rules across rows. Memory holds one row plus the key sets of those rules.
/// </summary>
/// <remarks>
/// File-level problems (a header error, broken CSV quoting) are in <see cref="FileErrors"/> and end
/// the pass; row problems are in <see cref="RowErrors"/> for the current row, and the pass goes on, so
/// every error of a file is found in one go.
/// </remarks>
public sealed class TemplatePass : IDisposable
{
    private readonly TemplateFile _file;
    private readonly TableSource _source;
    private readonly IReadOnlyDictionary<string, int>? _setAside;
    private readonly List<IngestError> _fileErrors = [];
    private readonly List<IngestWarning> _warnings = [];
    private readonly ITableReader? _reader;
    private readonly HeaderBinding? _binding;
    private readonly TemplateRow? _row;
    private readonly IRowSetCheck _rowSet;
    private readonly bool _scanOnly;
    private bool _done;

    internal TemplatePass(TemplateFile file, TableSource source, IReadOnlyDictionary<string, int>? setAside, bool customerKeys, bool scanOnly)
    {
        _file = file;
        _scanOnly = scanOnly;
        _source = source;
        _setAside = setAside;
        _rowSet = file.Template.NewRowSetCheck();
        try
        {
            _reader = source.OpenReader();
        }
        catch (TableFormatException e)
        {
            _fileErrors.Add(new IngestError { Code = IngestErrorCode.NoHeader, File = file.Path, Row = e.Row, Text = e.Text });
            _done = true;
            return;
        }
        Sheet = _reader.Sheet;
        var warnings = new List<MessageText>();
        _binding = HeaderBinding.Bind(_reader.Headers, file.Template.Columns, _reader.Sheet is not null, _reader.HeaderRow,
            (code, row, column, message) => new IngestError { Code = code, File = file.Path, Sheet = Sheet, Row = row, Column = column, Text = message },
            _fileErrors, warnings);
        foreach (var w in warnings) _warnings.Add(new IngestWarning { File = file.Path, Sheet = Sheet, Text = w });
        if (_fileErrors.Count > 0) { _done = true; return; }
        _row = new TemplateRow(file.Path, Sheet, file.Template.Context, source.Bounds) { CustomerKeysWanted = customerKeys };
    }

    /// <summary>The sheet read (XLSX).</summary>
    public string? Sheet { get; }

    public HeaderBinding? Binding => _binding;

    /// <summary>The reader, positioned on the current row (for the rejects file).</summary>
    public ITableReader? Reader => _reader;

    /// <summary>Errors that stop the file: nothing of it may load.</summary>
    public IReadOnlyList<IngestError> FileErrors => _fileErrors;

    public IReadOnlyList<IngestWarning> Warnings => _warnings;

    /// <summary>Non-empty data rows read so far.</summary>
    public int RowsRead { get; private set; }

    /// <summary>Row number of the current row.</summary>
    public int RowNumber => _row?.Number ?? 0;

    /// <summary>The current row's record, or null when the row has errors.</summary>
    public object? Record { get; private set; }

    /// <summary>The current row's errors (empty for a good row).</summary>
    public IReadOnlyList<IngestError> RowErrors => _row is null ? [] : _row.Errors;

    /// <summary>In a scan (<see cref="TemplateFile.Scan"/>): the newest instant of the rows so far.</summary>
    public DateTime? Newest { get; private set; }

    /// <summary>The current row's group key (see <see cref="Template.GroupKey"/>).</summary>
    public string? GroupKey { get; private set; }

    /// <summary>Moves to the next non-empty row; false at the end or when the file turned out broken.</summary>
    public bool MoveNext()
    {
        if (_done) return false;
        var reader = _reader!;
        try
        {
            if (!reader.Read())
            {
                Finish(reader);
                return false;
            }
        }
        catch (TableFormatException e)
        {
            _fileErrors.Add(new IngestError { Code = IngestErrorCode.MalformedCsv, File = _file.Path, Sheet = Sheet, Row = e.Row, Text = e.Text });
            _done = true;
            Record = null;
            return false;
        }
        RowsRead++;
        if (RowsRead > _source.Bounds.MaxRows)
        {
            _fileErrors.Add(new IngestError
            {
                Code = IngestErrorCode.TooLarge, File = _file.Path, Sheet = Sheet, Row = reader.RowNumber,
                Text = IngestMessages.FileTooManyRows.With(_source.Bounds.MaxRows.ToString("N0", CultureInfo.InvariantCulture)),
            });
            _done = true;
            Record = null;
            return false;
        }
        var row = _row!;
        row.Start(reader, _binding!);
        var template = _file.Template;
        if (_scanOnly)
        {
            if (template.NewestInRow(row) is { } t && (Newest is null || t > Newest)) Newest = t;
            Record = null;
            return true;
        }
        if (reader.FieldCount > _binding!.Headers.Count) ExtraFields(reader, row);
        // Control characters, undecodable bytes, overlong cells, formulas without a value: reported
        // once per cell, before (and instead of) what the template would say about such a cell.
        row.CheckCells(template.Columns);
        var record = template.Map(row);
        if (row.HasErrors) record = null;
        if (record is not null)
        {
            record = _rowSet.Admit(record, row);
            if (row.HasErrors) record = null;
        }
        GroupKey = template.GroupKey(row);
        if (record is not null && GroupKey is not null && _setAside is not null && _setAside.TryGetValue(GroupKey, out var badRow))
        {
            row.RowError(IngestErrorCode.GroupRejected, IngestMessages.GroupRejected.With(GroupKey, badRow));
            record = null;
        }
        Record = record;
        return true;
    }

    private void ExtraFields(ITableReader reader, TemplateRow row)
    {
        var headers = _binding!.Headers.Count;
        for (var i = headers; i < reader.FieldCount; i++)
        {
            if (reader.Cell(i).Text.IsWhiteSpace()) continue;
            row.RowError(IngestErrorCode.TooManyFields, IngestMessages.TooManyFields.With(reader.FieldCount, headers));
            return;
        }
    }

    private void Finish(ITableReader reader)
    {
        _done = true;
        Record = null;
        if (!_source.LastPassReadSameBytes())
            _fileErrors.Add(new IngestError { Code = IngestErrorCode.FileChanged, File = _file.Path, Text = IngestMessages.FileChangedWhileLoaded.Text() });
        if (reader is XlsxTableReader { FirstCellBeyondHeader: { } cell })
            _warnings.Add(new IngestWarning { File = _file.Path, Sheet = Sheet, Text = IngestMessages.CellsBeyondHeader.With(cell) });
    }

    public void Dispose() => _reader?.Dispose();
}

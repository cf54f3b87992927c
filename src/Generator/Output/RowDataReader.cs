using System.Collections;
using System.Collections.ObjectModel;
using System.Data.Common;

namespace Analytics.Generator.Output;

/// <summary>
/// A forward-only <see cref="DbDataReader"/> over generated rows, so that Sylvan's
/// <c>CsvDataWriter</c> (which pulls from a reader) streams them: one row is in memory at a time.
/// Every column is text; the typed cell is formatted by <see cref="RowBuffer.Format"/>.
/// </summary>
internal sealed class RowDataReader : DbDataReader, IDbColumnSchemaGenerator
{
    private readonly IReadOnlyList<string> _names;
    private readonly IEnumerator<RowBuffer> _rows;
    private RowBuffer? _current;
    private bool _closed;

    public RowDataReader(IReadOnlyList<string> names, IEnumerable<RowBuffer> rows)
    {
        _names = names;
        _rows = rows.GetEnumerator();
    }

    /// <summary>Rows read so far.</summary>
    public long RowsRead { get; private set; }

    public override bool Read()
    {
        if (_closed || !_rows.MoveNext()) { _current = null; return false; }
        _current = _rows.Current;
        if (_current.Width != _names.Count)
            throw new InvalidOperationException($"A generated row has {_current.Width} cells for {_names.Count} columns.");
        RowsRead++;
        return true;
    }

    private RowBuffer Row => _current ?? throw new InvalidOperationException("No current row.");

    public override int FieldCount => _names.Count;
    public override string GetName(int ordinal) => _names[ordinal];
    public override int GetOrdinal(string name)
    {
        for (var i = 0; i < _names.Count; i++)
            if (string.Equals(_names[i], name, StringComparison.Ordinal)) return i;
        throw new ArgumentOutOfRangeException(nameof(name), name, "No such column.");
    }

    public override Type GetFieldType(int ordinal) => typeof(string);

    /// <summary>Every column is nullable text (an empty cell is an empty field).</summary>
    public ReadOnlyCollection<DbColumn> GetColumnSchema() =>
        new([.. _names.Select((n, i) => (DbColumn)new TextColumn(n, i))]);

    private sealed class TextColumn : DbColumn
    {
        public TextColumn(string name, int ordinal)
        {
            ColumnName = name;
            ColumnOrdinal = ordinal;
            DataType = typeof(string);
            DataTypeName = "string";
            AllowDBNull = true;
        }
    }
    public override string GetDataTypeName(int ordinal) => "string";
    public override bool IsDBNull(int ordinal) => Row.KindAt(ordinal) == CellKind.Empty;
    public override string GetString(int ordinal) => Row.Format(ordinal);
    public override object GetValue(int ordinal) => IsDBNull(ordinal) ? DBNull.Value : GetString(ordinal);

    public override int GetValues(object[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var n = Math.Min(values.Length, FieldCount);
        for (var i = 0; i < n; i++) values[i] = GetValue(i);
        return n;
    }

    public override object this[int ordinal] => GetValue(ordinal);
    public override object this[string name] => GetValue(GetOrdinal(name));
    public override int Depth => 0;
    public override bool HasRows => true;
    public override bool IsClosed => _closed;
    public override int RecordsAffected => -1;
    public override bool NextResult() => false;
    public override IEnumerator GetEnumerator() => new DbEnumerator(this);

    public override void Close()
    {
        _closed = true;
        _rows.Dispose();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Close();
        base.Dispose(disposing);
    }

    // Typed getters other than string are never asked for: every column is declared as text.
    public override bool GetBoolean(int ordinal) => throw new NotSupportedException();
    public override byte GetByte(int ordinal) => throw new NotSupportedException();
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();
    public override char GetChar(int ordinal) => throw new NotSupportedException();
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();
    public override DateTime GetDateTime(int ordinal) => throw new NotSupportedException();
    public override decimal GetDecimal(int ordinal) => throw new NotSupportedException();
    public override double GetDouble(int ordinal) => throw new NotSupportedException();
    public override float GetFloat(int ordinal) => throw new NotSupportedException();
    public override Guid GetGuid(int ordinal) => throw new NotSupportedException();
    public override short GetInt16(int ordinal) => throw new NotSupportedException();
    public override int GetInt32(int ordinal) => throw new NotSupportedException();
    public override long GetInt64(int ordinal) => throw new NotSupportedException();
}

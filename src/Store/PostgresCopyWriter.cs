using System.Buffers.Binary;
using System.Text;
using Npgsql;

namespace Analytics.Store;

/// <summary>
/// Writes rows of PostgreSQL's binary COPY format (the "Binary Format" section of the COPY reference)
/// straight into a raw COPY stream: a 19-byte header, then per row a 16-bit field count and per field a
/// 32-bit length (−1 for NULL) and the value in the type's binary send format, then a −1 trailer.
/// </summary>
/// <remarks>
/// Why not <see cref="NpgsqlBinaryImporter"/>: it resolves a converter and runs an async state machine
/// for every value; on a million-row filing of ~45 columns that was ~18 % of the client's CPU, about
/// as much as parsing and validating the file. The types written here are few and their formats fixed
/// (int2/int4/int8/bool/text/bytea/timestamp/date/numeric). Values are written through one buffer
/// that is sent only between rows; a row longer than the buffer grows it.
/// </remarks>
internal sealed class PostgresCopyWriter : IDisposable
{
    private const int FlushAt = 240 * 1024;
    private static readonly long PostgresEpochTicks = new DateTime(2000, 1, 1).Ticks;
    private static readonly int PostgresEpochDay = new DateOnly(2000, 1, 1).DayNumber;
    private static readonly byte[] Header = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];

    private readonly NpgsqlRawCopyStream _stream;
    private byte[] _buffer = new byte[256 * 1024];
    private int _length;
    private int _rowStart = -1;
    private short _fields;
    private bool _done;

    /// <param name="connection">An open connection (inside the filing's transaction).</param>
    /// <param name="copyCommand"><c>COPY table (columns) FROM STDIN (FORMAT BINARY)</c>.</param>
    public PostgresCopyWriter(NpgsqlConnection connection, string copyCommand)
    {
        _stream = connection.BeginRawBinaryCopy(copyCommand);
        Header.CopyTo(_buffer, 0);
        _length = Header.Length;
    }

    public void StartRow()
    {
        EndRow();
        if (_length >= FlushAt) Flush();
        _rowStart = _length;
        _fields = 0;
        _length += 2;
    }

    public void Null()
    {
        Ensure(4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_length), -1);
        _length += 4;
        _fields++;
    }

    public void Int16(short value) => BinaryPrimitives.WriteInt16BigEndian(Field(2), value);

    public void Int32(int value) => BinaryPrimitives.WriteInt32BigEndian(Field(4), value);

    public void Int64(long value) => BinaryPrimitives.WriteInt64BigEndian(Field(8), value);

    public void Bool(bool value) => Field(1)[0] = value ? (byte)1 : (byte)0;

    public void Bytes(byte[] value) => value.CopyTo(Field(value.Length));

    /// <summary>UTF-8 text; null writes NULL.</summary>
    public void Text(string? value)
    {
        if (value is null)
        {
            Null();
            return;
        }
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        Ensure(4 + max);
        var n = Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length + 4));
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_length), n);
        _length += 4 + n;
        _fields++;
    }

    public void Int16(short? value)
    {
        if (value is { } v) Int16(v);
        else Null();
    }

    public void Int32(int? value)
    {
        if (value is { } v) Int32(v);
        else Null();
    }

    public void Bool(bool? value)
    {
        if (value is { } v) Bool(v);
        else Null();
    }

    /// <summary>
    /// <c>timestamp</c>: microseconds since 2000-01-01 00:00, the instant's own clock (no time zone),
    /// truncated to the microsecond as every store keeps instants (<see cref="StoreTime"/>).
    /// </summary>
    public void Timestamp(DateTime value) =>
        Int64((StoreTime.Normalize(value).Ticks - PostgresEpochTicks) / TimeSpan.TicksPerMicrosecond);

    public void Timestamp(DateTime? value)
    {
        if (value is { } v) Timestamp(v);
        else Null();
    }

    /// <summary><c>date</c>: days since 2000-01-01.</summary>
    public void Date(DateOnly value) => Int32(value.DayNumber - PostgresEpochDay);

    /// <summary>
    /// <c>numeric</c>: digit count, weight (of the first base-10000 digit), sign and display scale, then
    /// the base-10000 digits. The display scale is the decimal's own scale, so 1.50 reads back as 1.50.
    /// </summary>
    public void Numeric(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = value.Scale;
        var mantissa = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
        // Align the fraction to whole base-10000 digits: 1.5 (15, scale 1) becomes 15000 with 4 places.
        var pad = (4 - scale % 4) % 4;
        for (var i = 0; i < pad; i++) mantissa *= 10;
        var fractionDigits = (scale + pad) / 4;
        Span<short> digits = stackalloc short[12];
        var count = 0;
        while (mantissa != 0)
        {
            digits[count++] = (short)(ushort)(mantissa % 10000);
            mantissa /= 10000;
        }
        // digits[] is least significant first; drop trailing zeros of the fraction (they add nothing).
        var low = 0;
        while (low < count && digits[low] == 0) low++;
        var ndigits = count - low;
        var weight = ndigits == 0 ? 0 : count - fractionDigits - 1;
        var field = Field(8 + 2 * ndigits);
        BinaryPrimitives.WriteInt16BigEndian(field, (short)ndigits);
        BinaryPrimitives.WriteInt16BigEndian(field[2..], (short)weight);
        BinaryPrimitives.WriteInt16BigEndian(field[4..], (short)(value < 0 ? 0x4000 : 0));
        BinaryPrimitives.WriteInt16BigEndian(field[6..], (short)scale);
        for (var i = 0; i < ndigits; i++)
            BinaryPrimitives.WriteInt16BigEndian(field[(8 + 2 * i)..], digits[count - 1 - i]);
    }

    public void Numeric(decimal? value)
    {
        if (value is { } v) Numeric(v);
        else Null();
    }

    /// <summary>Sends the trailer and ends the COPY; the server's error, if any, is thrown here.</summary>
    /// <summary>The derived figures of a revision, in <see cref="StoreColumns.Derived"/> order.</summary>
    public void Derived(Analytics.Domain.Storage.DerivedFigures d)
    {
        Int16((short)d.Category);
        Timestamp(d.SettledAt);
        Int32(d.ApprovalDays);
        Int32(d.UtilityDays);
        Int32(d.WholeDays);
        Text(d.Outcomes);
        Int16(d.CalendarGap ? (short)1 : (short)0);
    }

    public void Complete()
    {
        EndRow();
        Ensure(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_length), -1);
        _length += 2;
        Flush();
        _done = true;
        _stream.Dispose();
    }

    /// <summary>Without <see cref="Complete"/>, cancels the COPY: the server discards every row of it.</summary>
    public void Dispose()
    {
        if (_done) return;
        _done = true;
        try
        {
            _stream.Cancel();
        }
        finally
        {
            _stream.Dispose();
        }
    }

    private void EndRow()
    {
        if (_rowStart < 0) return;
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_rowStart), _fields);
        _rowStart = -1;
    }

    /// <summary>Reserves a field of <paramref name="size"/> bytes after its length word; returns the value's bytes.</summary>
    private Span<byte> Field(int size)
    {
        Ensure(4 + size);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_length), size);
        var value = _buffer.AsSpan(_length + 4, size);
        _length += 4 + size;
        _fields++;
        return value;
    }

    private void Ensure(int bytes)
    {
        if (_length + bytes <= _buffer.Length) return;
        Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + bytes));
    }

    private void Flush()
    {
        // Rows are complete up to _rowStart (or to the end when no row is open).
        var upTo = _rowStart < 0 ? _length : _rowStart;
        _stream.Write(_buffer, 0, upTo);
        Buffer.BlockCopy(_buffer, upTo, _buffer, 0, _length - upTo);
        if (_rowStart >= 0) _rowStart -= upTo;
        _length -= upTo;
    }
}

using System.Text;
using System.Text.Unicode;

namespace Analytics.Ingest.Reading;

/// <summary>
/// Decodes a CSV that is not UTF-8 as GB18030 (GBK, GB2312), one line at a time, so that a file mixing
/// encodings does not load as mojibake (<c>鏈湡鎶ヨ…</c>): a line holding non-ASCII bytes that are
/// entirely valid UTF-8 is a UTF-8 line in a GB18030 file. It is decoded as UTF-8 (so messages show it
/// readably) with <see cref="TextMarks.MixedEncoding"/> before each non-ASCII run, and the cell check
/// reports every such cell with its row and column. Bytes invalid in GB18030 become U+FFFD, likewise
/// reported.
/// </summary>
/// <remarks>
/// In GB18030 the byte 0x0A is never part of a multi-byte character, so lines split safely on bytes.
/// A line longer than the buffer cap (<c>4 × MaxCsvRecordChars</c> bytes, already more characters than
/// a record may hold, so the CSV reader refuses it) is decoded in pieces without the UTF-8 test.
/// One pass, no second read of the file: the cost over StreamReader is one UTF-8 validation of each
/// line that has non-ASCII bytes, which for GBK text stops at the first Chinese character.
/// </remarks>
internal sealed class Gb18030LineReader : TextReader
{
    private readonly Stream _stream;
    private readonly int _cap;
    private readonly Decoder _gb = TextEncodings.Gb18030.GetDecoder();
    private byte[] _bytes = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;
    private char[] _chars = new char[1 << 16];
    private int _charPos;
    private int _charLen;

    public Gb18030LineReader(Stream stream, int maxLineBytes)
    {
        _stream = stream;
        _cap = Math.Max(1 << 16, maxLineBytes);
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty) return 0;
        if (_charPos == _charLen && !Fill()) return 0;
        var n = Math.Min(buffer.Length, _charLen - _charPos);
        _chars.AsSpan(_charPos, n).CopyTo(buffer);
        _charPos += n;
        return n;
    }

    public override int Peek()
    {
        if (_charPos == _charLen && !Fill()) return -1;
        return _chars[_charPos];
    }

    public override int Read()
    {
        if (_charPos == _charLen && !Fill()) return -1;
        return _chars[_charPos++];
    }

    /// <summary>Decodes the next line (or piece of an overlong line) into the char buffer; false at the end.</summary>
    private bool Fill()
    {
        _charPos = _charLen = 0;
        while (true)
        {
            var pending = _bytes.AsSpan(_start, _end - _start);
            var nl = pending.IndexOf((byte)'\n');
            if (nl >= 0) { Decode(pending[..(nl + 1)], whole: true); _start += nl + 1; return true; }
            if (_eof)
            {
                if (pending.IsEmpty) return false;
                Decode(pending, whole: true);
                _start = _end;
                return true;
            }
            if (_end - _start >= _cap)
            {
                // An overlong line: decode what there is, keep the decoder's state for the rest.
                Decode(pending, whole: false);
                _start = _end;
                return true;
            }
            ReadMore();
        }
    }

    private void ReadMore()
    {
        if (_start > 0)
        {
            _bytes.AsSpan(_start, _end - _start).CopyTo(_bytes);
            _end -= _start;
            _start = 0;
        }
        if (_end == _bytes.Length) Array.Resize(ref _bytes, Math.Min(_bytes.Length * 2, _cap + 1));
        var n = _stream.Read(_bytes, _end, _bytes.Length - _end);
        if (n == 0) _eof = true;
        _end += n;
    }

    private void Decode(ReadOnlySpan<byte> line, bool whole)
    {
        if (whole && line.IndexOfAnyExceptInRange((byte)0, (byte)0x7F) >= 0 && Utf8.IsValid(line))
        {
            MarkUtf8(line);
            return;
        }
        Ensure(_gb.GetCharCount(line, flush: whole));
        _charLen = _gb.GetChars(line, _chars, flush: whole);
    }

    private void MarkUtf8(ReadOnlySpan<byte> line)
    {
        var text = Encoding.UTF8.GetString(line);
        Ensure(text.Length * 2);
        var n = 0;
        var previousAscii = true;
        foreach (var c in text)
        {
            var ascii = c < '\u0080';
            if (!ascii && previousAscii) _chars[n++] = TextMarks.MixedEncoding;
            _chars[n++] = c;
            previousAscii = ascii;
        }
        _charLen = n;
    }

    private void Ensure(int chars)
    {
        if (_chars.Length < chars) _chars = new char[chars];
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _stream.Dispose();
        base.Dispose(disposing);
    }
}

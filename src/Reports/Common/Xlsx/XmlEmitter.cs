using System.Buffers;
using System.Globalization;
using System.Text;
using System.Xml;

namespace Analytics.Reports.Common.Xlsx;

/// <summary>
/// Writes XML text straight to a stream as UTF-8: no DOM and no per-node objects, numbers formatted into a stack
/// buffer. Text and attribute values are escaped here; text goes through Excel's <c>_xHHHH_</c> encoding first
/// (<see cref="ExcelEncode"/>), as ClosedXML writes and reads it.
/// </summary>
internal sealed class XmlEmitter : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly SearchValues<char> AttributeSpecials = SearchValues.Create("&<>\"\r\n\t");
    private static readonly SearchValues<char> TextSpecials = SearchValues.Create("&<>\r");
    private readonly StreamWriter _w;

    public XmlEmitter(Stream stream)
    {
        _w = new StreamWriter(stream, Utf8, bufferSize: 1 << 16);
        _w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
    }

    /// <summary>Markup written as is (element names, fixed attributes).</summary>
    public void Raw(string markup) => _w.Write(markup);

    public void Raw(char c) => _w.Write(c);

    public void Int(long value)
    {
        Span<char> buf = stackalloc char[24];
        value.TryFormat(buf, out var n, default, CultureInfo.InvariantCulture);
        _w.Write(buf[..n]);
    }

    /// <summary>The shortest text that reads back as the same double ("R").</summary>
    public void Number(double value)
    {
        Span<char> buf = stackalloc char[32];
        value.TryFormat(buf, out var n, "R", CultureInfo.InvariantCulture);
        _w.Write(buf[..n]);
    }

    /// <summary>A column's letters and a row number: <c>AB12</c>.</summary>
    public void CellRef(string columnName, int row)
    {
        _w.Write(columnName);
        Int(row);
    }

    /// <summary><c> name="value"</c>, the value escaped.</summary>
    public void Attr(string name, string value)
    {
        _w.Write(' ');
        _w.Write(name);
        _w.Write("=\"");
        Escape(ExcelEncode(value), attribute: true);
        _w.Write('"');
    }

    public void Attr(string name, long value)
    {
        _w.Write(' ');
        _w.Write(name);
        _w.Write("=\"");
        Int(value);
        _w.Write('"');
    }

    public void Attr(string name, double value)
    {
        _w.Write(' ');
        _w.Write(name);
        _w.Write("=\"");
        Number(value);
        _w.Write('"');
    }

    /// <summary>Element text, escaped.</summary>
    public void Text(string text) => Escape(ExcelEncode(text), attribute: false);

    /// <summary><c>&lt;name&gt;text&lt;/name&gt;</c>, or <c>&lt;name/&gt;</c> when empty.</summary>
    public void Element(string name, string text)
    {
        _w.Write('<');
        _w.Write(name);
        if (text.Length == 0)
        {
            _w.Write("/>");
            return;
        }
        _w.Write('>');
        Text(text);
        _w.Write("</");
        _w.Write(name);
        _w.Write('>');
    }

    private void Escape(string s, bool attribute)
    {
        var span = s.AsSpan();
        while (span.Length > 0)
        {
            var i = span.IndexOfAny(attribute ? AttributeSpecials : TextSpecials);
            if (i < 0)
            {
                _w.Write(span);
                return;
            }
            _w.Write(span[..i]);
            _w.Write(span[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\r' => "&#xD;",
                '\n' => "&#xA;",
                _ => "&#x9;",
            });
            span = span[(i + 1)..];
        }
    }

    /// <summary>
    /// Excel's escape of text that XML cannot hold: a literal <c>_xHHHH_</c> becomes <c>_x005F_xHHHH_</c>, and a
    /// character not allowed in XML (a control character, a lone surrogate) becomes <c>_xHHHH_</c>. Readers (Excel,
    /// ClosedXML) turn both back.
    /// </summary>
    public static string ExcelEncode(string text)
    {
        if (!NeedsEncoding(text)) return text;
        var sb = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch == '_' && IsEscapeAt(text, i)) sb.Append("_x005F"); // then the '_' itself: _x005F_xHHHH_
            if (XmlConvert.IsXmlChar(ch)) sb.Append(ch);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], ch))
            {
                sb.Append(ch).Append(text[i + 1]);
                i++;
            }
            else sb.Append(CultureInfo.InvariantCulture, $"_x{(int)ch:X4}_");
        }
        return sb.ToString();
    }

    private static bool NeedsEncoding(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch == '_' ? IsEscapeAt(text, i) : !XmlConvert.IsXmlChar(ch) && !char.IsSurrogate(ch)) return true;
            if (char.IsHighSurrogate(ch))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
                else return true;
            }
            else if (char.IsLowSurrogate(ch)) return true;
        }
        return false;
    }

    /// <summary><c>_xHHHH_</c> (hex digits of either case) starts at <paramref name="i"/>.</summary>
    private static bool IsEscapeAt(string s, int i) =>
        i + 6 < s.Length && s[i + 1] == 'x' && char.IsAsciiHexDigit(s[i + 2]) && char.IsAsciiHexDigit(s[i + 3])
        && char.IsAsciiHexDigit(s[i + 4]) && char.IsAsciiHexDigit(s[i + 5]) && s[i + 6] == '_';

    public void Dispose() => _w.Dispose();
}

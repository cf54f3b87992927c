using System.Text;
using Analytics.Domain.Output;

namespace Analytics.Cli;

/// <summary>
/// The error stream every command writes to: each line, once complete, has every secret of <see cref="StoreSecrets"/>
/// replaced by <c>***</c> and its control characters escaped (<see cref="TerminalText"/>), so neither a password nor
/// an escape sequence from a hostile file ever reaches the terminal, whatever message carries it.
/// </summary>
public sealed class SafeErrorWriter : TextWriter
{
    private readonly TextWriter _inner;
    private readonly IReadOnlyList<string> _secrets;
    private readonly StringBuilder _line = new();

    public SafeErrorWriter(TextWriter inner, IReadOnlyList<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(secrets);
        _inner = inner;
        // Longest first, so a secret that contains another is replaced whole.
        _secrets = [.. secrets.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];
    }

    public override Encoding Encoding => _inner.Encoding;

    public override void Write(char value)
    {
        lock (_line)
        {
            if (value == '\n')
            {
                if (_line.Length > 0 && _line[^1] == '\r') _line.Length--;
                EmitLine();
            }
            else _line.Append(value);
        }
    }

    public override void Write(string? value)
    {
        if (value is null) return;
        foreach (var c in value) Write(c);
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        Write('\n');
    }

    public override void Flush()
    {
        lock (_line)
        {
            if (_line.Length > 0)
            {
                _inner.Write(Clean(_line.ToString()));
                _line.Clear();
            }
            _inner.Flush();
        }
    }

    /// <summary>One line as it may be shown.</summary>
    public string Clean(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        foreach (var s in _secrets) line = line.Replace(s, "***", StringComparison.Ordinal);
        return TerminalText.Escape(line)!;
    }

    private void EmitLine()
    {
        _inner.WriteLine(Clean(_line.ToString()));
        _line.Clear();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Flush();
        base.Dispose(disposing);
    }
}

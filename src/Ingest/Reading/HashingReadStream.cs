using System.Security.Cryptography;

namespace Analytics.Ingest.Reading;

/// <summary>
/// A forward-only read stream that hashes what passes through, so a second pass over a CSV can prove
/// it read the same bytes the first pass (and the idempotency check) saw.
/// </summary>
internal sealed class HashingReadStream : Stream
{
    private readonly Stream _inner;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private bool _ended;

    public HashingReadStream(Stream inner) => _inner = inner;

    /// <summary>The SHA-256 (lower-case hex) of every byte read, once the stream was read to its end; else null.</summary>
    public string? Sha256 { get; private set; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = _inner.Read(buffer);
        if (n > 0) _hash.AppendData(buffer[..n]);
        else if (!_ended && buffer.Length > 0)
        {
            _ended = true;
            Sha256 = Convert.ToHexStringLower(_hash.GetHashAndReset());
        }
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => _inner.Length;
    public override long Position { get => _inner.Position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _hash.Dispose();
        }
        base.Dispose(disposing);
    }
}

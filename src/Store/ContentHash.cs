using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Analytics.Domain;

namespace Analytics.Store;

/// <summary>
/// The content hash of a stored row: the first 16 bytes of SHA-256 over a canonical encoding of
/// every field of the record, in declaration order. Two rows with the same key and the same hash
/// are "the same row" (templates.md §1, Idempotent): loading it again changes nothing.
/// </summary>
/// <remarks>
/// Canonical encoding (version 1; changing it makes every stored row look changed once, so it is
/// versioned with the schema): a presence byte before every nullable value; integers little-endian;
/// instants as their ticks to the microsecond (<see cref="StoreTime"/>; the kind is ignored: every instant is China local time); decimals as
/// mantissa and scale without trailing zeros (1.50 equals 1.5); text as UTF-8 with a length prefix.
/// </remarks>
internal static class ContentHash
{
    public const int Length = 16;

    [ThreadStatic] private static IncrementalHash? _sha256;

    public static byte[] Of(Application a)
    {
        var w = new Encoder(stackalloc byte[512]);
        try
        {
            w.Text(a.Utility); w.Text(a.ApplicationId); w.Text(a.County);
            w.Int((int)a.Area); w.Int((int)a.CustomerType); w.Int((int)a.Voltage); w.Int(a.PowerSources);
            w.Decimal(a.CapacityKw); w.Bool(a.ThreeZero); w.Bool(a.SmallMicro); w.Bool(a.ImportantUser);
            w.Int((int)a.Channel); w.Bool(a.EContract); w.Int((int?)a.Materials);
            w.Decimal(a.FeeYuan); w.Decimal(a.CustomerInvestmentYuan); w.Int((int)a.Status);
            w.Instant(a.RecordCreatedAt); w.Instant(a.AcceptedAt); w.Instant(a.PlanRepliedAt);
            w.Instant(a.DesignReviewStart); w.Instant(a.DesignReviewEnd);
            w.Instant(a.CustomerWorksStart); w.Instant(a.CustomerWorksEnd);
            w.Instant(a.MidCheckStart); w.Instant(a.MidCheckEnd);
            w.Instant(a.ExternalWorksStart); w.Instant(a.ExternalWorksEnd);
            w.Instant(a.ApprovalSubmittedAt); w.Instant(a.ApprovalGrantedAt); w.Int((int?)a.ApprovalMode);
            w.Instant(a.CompletionCheckStart); w.Instant(a.CompletionCheckEnd); w.Instant(a.ConnectedAt);
            w.Int(a.PausedDays); w.Instant(a.WithdrawnAt); w.Text(a.PreviousApplicationId);
            w.Text(a.CustomerKey); w.Text(a.CustomerMask);
            return w.Hash();
        }
        finally { w.Dispose(); }
    }

    public static byte[] Of(OutageStep o)
    {
        var w = new Encoder(stackalloc byte[256]);
        try
        {
            w.Text(o.Utility); w.Text(o.OutageId); w.Int(o.Step); w.Text(o.County); w.Int((int)o.Area);
            w.Text(o.Feeder); w.Int((int)o.Kind); w.Int((int)o.Cause); w.Instant(o.StartAt); w.Instant(o.EndAt);
            w.Int(o.Customers); w.Instant(o.NotifiedAt); w.Int((int)o.NotifyChannels);
            return w.Hash();
        }
        finally { w.Dispose(); }
    }

    public static byte[] Of(CustomersServed c)
    {
        var w = new Encoder(stackalloc byte[128]);
        try
        {
            w.Text(c.Utility); w.Text(c.County); w.Int((int)c.Area); w.Int(c.Year); w.Int(c.Month);
            w.Long(c.Customers);
            return w.Hash();
        }
        finally { w.Dispose(); }
    }

    public static byte[] Of(ReportNote n)
    {
        var w = new Encoder(stackalloc byte[256]);
        try
        {
            w.Text(n.Utility); w.Int(n.Half.Year); w.Int(n.Half.Half); w.Int((int)n.Section); w.Text(n.Text);
            return w.Hash();
        }
        finally { w.Dispose(); }
    }

    public static byte[] Of(LedgerNote n)
    {
        var w = new Encoder(stackalloc byte[256]);
        try
        {
            w.Text(n.County); w.Int(n.Thursday.DayNumber); w.Text(n.Task); w.Text(n.Text); w.Text(n.Status);
            return w.Hash();
        }
        finally { w.Dispose(); }
    }

    /// <summary>Appends the canonical encoding to a stack buffer, moving to a pooled array when it outgrows it.</summary>
    private ref struct Encoder
    {
        private Span<byte> _buffer;
        private byte[]? _rented;
        private int _length;

        public Encoder(Span<byte> initial)
        {
            _buffer = initial;
            _rented = null;
            _length = 0;
        }

        public void Int(int value)
        {
            BinaryPrimitives.WriteInt32LittleEndian(Take(4), value);
        }

        public void Int(int? value)
        {
            if (Present(value.HasValue)) Int(value!.Value);
        }

        public void Long(long value) => BinaryPrimitives.WriteInt64LittleEndian(Take(8), value);

        public void Bool(bool value) => Take(1)[0] = value ? (byte)1 : (byte)0;

        public void Bool(bool? value)
        {
            if (Present(value.HasValue)) Bool(value!.Value);
        }

        public void Instant(DateTime value) => Long(StoreTime.Normalize(value).Ticks);

        public void Instant(DateTime? value)
        {
            if (Present(value.HasValue)) Instant(value!.Value);
        }

        public void Decimal(decimal value)
        {
            // Mantissa and scale with trailing zeros removed: 1.50 and 1.5 are the same amount.
            Span<int> bits = stackalloc int[4];
            decimal.GetBits(value, bits);
            var mantissa = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
            var scale = (bits[3] >> 16) & 0xFF;
            var negative = bits[3] < 0 && mantissa != 0;
            while (scale > 0 && mantissa % 10 == 0)
            {
                mantissa /= 10;
                scale--;
            }
            if (mantissa == 0) scale = 0;
            BinaryPrimitives.WriteUInt128LittleEndian(Take(16), mantissa);
            Take(1)[0] = (byte)scale;
            Bool(negative);
        }

        public void Decimal(decimal? value)
        {
            if (Present(value.HasValue)) Decimal(value!.Value);
        }

        public void Text(string? value)
        {
            if (value is null)
            {
                Int(-1);
                return;
            }
            var n = Encoding.UTF8.GetByteCount(value);
            Int(n);
            Encoding.UTF8.GetBytes(value, Take(n));
        }

        public readonly byte[] Hash()
        {
            // One SHA-256 context a thread, reused: the one-shot API creates and frees an OpenSSL
            // context on every call, which cost more than hashing a row of a few hundred bytes.
            var sha = _sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            Span<byte> full = stackalloc byte[SHA256.HashSizeInBytes];
            sha.AppendData(_buffer[.._length]);
            sha.GetHashAndReset(full);
            return full[..Length].ToArray();
        }

        public void Dispose()
        {
            if (_rented is not null) ArrayPool<byte>.Shared.Return(_rented);
            _rented = null;
        }

        private bool Present(bool present)
        {
            Take(1)[0] = present ? (byte)1 : (byte)0;
            return present;
        }

        private Span<byte> Take(int n)
        {
            if (_length + n > _buffer.Length)
            {
                var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + n));
                _buffer[.._length].CopyTo(bigger);
                if (_rented is not null) ArrayPool<byte>.Shared.Return(_rented);
                _rented = bigger;
                _buffer = bigger;
            }
            var span = _buffer.Slice(_length, n);
            _length += n;
            return span;
        }
    }
}

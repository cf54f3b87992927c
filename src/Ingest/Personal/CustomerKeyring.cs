using System.Security.Cryptography;
using System.Text;
using Analytics.Domain.Storage;
using Analytics.Ingest.Messages;

namespace Analytics.Ingest.Personal;

/// <summary>
/// The per-installation secret that turns a customer's identity into <c>customer_key</c>
/// (templates.md §3, Personal data): HMAC-SHA256 of the normalized ID number, or of name and phone
/// when there is no ID number, as lower-case hex. The same person gets the same key within one
/// installation, so re-applications can be linked, but nobody without the key file can test a
/// guessed ID number against the stored keys.
/// </summary>
/// <remarks>
/// The key lives outside the data (default <c>$ANALYTICS_KEY_FILE</c>, else
/// <c>~/.config/analytics/customer.key</c>), created once with mode 600 (folder 700) as 64 hex
/// digits. Losing it means new loads no longer link to old keys; it is never stored in the database.
/// The store records only its <see cref="Fingerprint"/>, so that a missing or different key file is
/// refused (<see cref="ForStore"/>) instead of silently replaced by a new key. Every fault of the key
/// file (a folder, unreadable, its folder not creatable, not a key) is an <see cref="InvalidDataException"/>
/// whose one-line message names the file and what to do (exit code 1 at the command line).
/// </remarks>
public sealed class CustomerKeyring
{
    private const int KeyBytes = 32;
    // One HMAC context, reused: creating one per call costs far more than hashing a short ID.
    private readonly IncrementalHash _hmac;
    private readonly Lock _lock = new();

    private const string FingerprintLabel = "analytics customer key fingerprint v1";

    private CustomerKeyring(byte[] key, string path)
    {
        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        Path = path;
        Fingerprint = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(FingerprintLabel)));
    }

    /// <summary>The key file this keyring came from.</summary>
    public string Path { get; }

    /// <summary>
    /// What the store records to recognise the key: HMAC-SHA256 of the constant label
    /// <c>"analytics customer key fingerprint v1"</c> under the key, lower-case hex. It tells keys apart
    /// and reveals nothing of the key (nor lets anyone test an ID number).
    /// </summary>
    public string Fingerprint { get; }

    /// <summary>
    /// The keyring for loading into <paramref name="store"/>: the key file must hold the key whose
    /// fingerprint the store recorded. A missing key file is created only for a store that has recorded
    /// no key and holds no customer keys (a new store); otherwise the load is refused with what to restore.
    /// The caller records <see cref="Fingerprint"/> with its filings (<see cref="IFilingBatch.RecordCustomerKeyFingerprint"/>).
    /// </summary>
    /// <exception cref="InvalidDataException">The key file is missing or different for this store, or cannot be used.</exception>
    public static CustomerKeyring ForStore(string path, IAnalyticsStore store)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(store);
        var recorded = store.CustomerKeyFingerprint();
        if (!Exists(path))
        {
            if (recorded is not null)
                throw LocalizedErrors.InvalidData(IngestMessages.KeyFileMissingForStore.With(path, store.Description, Short(recorded)));
            if (store.HoldsCustomerKeys())
                throw LocalizedErrors.InvalidData(IngestMessages.KeyFileMissingKeysHeld.With(path, store.Description));
        }
        var ring = OpenOrCreate(path);
        if (recorded is not null && recorded != ring.Fingerprint)
            throw LocalizedErrors.InvalidData(IngestMessages.KeyFileNotTheStores.With(path, Short(ring.Fingerprint), store.Description, Short(recorded)));
        return ring;
    }

    private static string Short(string fingerprint) => fingerprint.Length > 16 ? fingerprint[..16] : fingerprint;

    /// <summary>True when a key file is there; a folder in its place is an error, not a missing file.</summary>
    private static bool Exists(string path)
    {
        if (Directory.Exists(path))
            throw LocalizedErrors.InvalidData(IngestMessages.KeyFileIsFolder.With(path));
        return File.Exists(path);
    }

    /// <summary>The default key file: <c>$ANALYTICS_KEY_FILE</c>, else <c>~/.config/analytics/customer.key</c>.</summary>
    public static string DefaultPath() =>
        Environment.GetEnvironmentVariable("ANALYTICS_KEY_FILE") is { Length: > 0 } env
            ? env
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config", "analytics", "customer.key");

    /// <summary>
    /// Reads the key file, or creates it with a fresh random key when it does not exist. Two processes
    /// racing to create it end with the same key (the loser reads the winner's file).
    /// </summary>
    /// <exception cref="InvalidDataException">The file does not hold a key, is a folder, cannot be read, or cannot be created.</exception>
    public static CustomerKeyring OpenOrCreate(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!Exists(path)) TryCreate(path);
        string text;
        try
        {
            // A key file is 65 bytes; anything far bigger is not one (and is not read whole).
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.Length > 4096)
                throw LocalizedErrors.InvalidData(IngestMessages.KeyFileNotAKey.With(path, KeyBytes * 2));
            using var reader = new StreamReader(stream, Encoding.ASCII);
            text = reader.ReadToEnd().Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw LocalizedErrors.InvalidData(IngestMessages.KeyFileUnreadable.With(path, ex.Message), ex);
        }
        byte[] key;
        try
        {
            key = Convert.FromHexString(text);
        }
        catch (FormatException)
        {
            throw LocalizedErrors.InvalidData(IngestMessages.KeyFileNotAKey.With(path, KeyBytes * 2));
        }
        if (key.Length < KeyBytes)
            throw LocalizedErrors.InvalidData(IngestMessages.KeyFileNotAKey.With(path, KeyBytes * 2));
        return new CustomerKeyring(key, path);
    }

    /// <summary>
    /// The customer key: HMAC-SHA256 of <c>"id:" + ID number</c> (normalized: no spaces, upper-case X)
    /// when one is given, else of <c>"np:" + name + "|" + phone</c> (name without spaces, phone digits
    /// only, a leading 86 country code dropped); null when none of the three is given.
    /// </summary>
    public string? KeyOf(string? name, string? idNumber, string? phone)
    {
        Span<byte> mac = stackalloc byte[32];
        if (!string.IsNullOrWhiteSpace(idNumber))
        {
            // The common case, built on the stack: "id:" + the normalized number, as UTF-8.
            Span<char> chars = stackalloc char[3 + ChineseIdNumber.MaxNormalizedLength];
            "id:".CopyTo(chars);
            var length = 3 + ChineseIdNumber.Normalize(idNumber, chars[3..]);
            Span<byte> bytes = stackalloc byte[chars.Length * 3];
            Mac(bytes[..Encoding.UTF8.GetBytes(chars[..length], bytes)], mac);
        }
        else if (!string.IsNullOrWhiteSpace(name) || !string.IsNullOrWhiteSpace(phone))
            Mac(Encoding.UTF8.GetBytes("np:" + NoSpaces(name) + "|" + PhoneDigits(phone)), mac);
        else return null;
        return Convert.ToHexStringLower(mac);
    }

    private void Mac(ReadOnlySpan<byte> material, Span<byte> mac)
    {
        lock (_lock)
        {
            _hmac.AppendData(material);
            _hmac.GetHashAndReset(mac);
        }
    }

    private static string NoSpaces(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var sb = new StringBuilder(s.Length);
        foreach (var c in s) if (!char.IsWhiteSpace(c)) sb.Append(c);
        return sb.ToString();
    }

    private static string PhoneDigits(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var sb = new StringBuilder(s.Length);
        foreach (var c in s) if (char.IsAsciiDigit(c)) sb.Append(c);
        var d = sb.ToString();
        return d.Length == 13 && d.StartsWith("86", StringComparison.Ordinal) ? d[2..] : d;
    }

    private static void TryCreate(string path)
    {
        try
        {
            Create(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw LocalizedErrors.InvalidData(IngestMessages.KeyFileNotCreated.With(path, ex.Message), ex);
        }
    }

    private static void Create(string path)
    {
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        if (!Directory.Exists(dir))
        {
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(dir);
            else Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var key = RandomNumberGenerator.GetBytes(KeyBytes);
        // Written under a temporary name and moved into place, so a reader never sees a half-written key.
        var temp = path + "." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)) + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using (var w = new StreamWriter(temp, Encoding.ASCII, options))
            {
                w.Write(Convert.ToHexStringLower(key));
                w.Write('\n');
            }
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first; its key is the one to use.
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}

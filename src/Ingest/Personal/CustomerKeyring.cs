using System.Security.Cryptography;
using System.Text;

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
/// </remarks>
public sealed class CustomerKeyring
{
    private const int KeyBytes = 32;
    // One HMAC context, reused: creating one per call costs far more than hashing a short ID.
    private readonly IncrementalHash _hmac;
    private readonly Lock _lock = new();

    private CustomerKeyring(byte[] key, string path)
    {
        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        Path = path;
    }

    /// <summary>The key file this keyring came from.</summary>
    public string Path { get; }

    /// <summary>The default key file: <c>$ANALYTICS_KEY_FILE</c>, else <c>~/.config/analytics/customer.key</c>.</summary>
    public static string DefaultPath() =>
        Environment.GetEnvironmentVariable("ANALYTICS_KEY_FILE") is { Length: > 0 } env
            ? env
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config", "analytics", "customer.key");

    /// <summary>
    /// Reads the key file, or creates it with a fresh random key when it does not exist. Two processes
    /// racing to create it end with the same key (the loser reads the winner's file).
    /// </summary>
    /// <exception cref="InvalidDataException">The file exists but does not hold a key.</exception>
    public static CustomerKeyring OpenOrCreate(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) TryCreate(path);
        var text = File.ReadAllText(path).Trim();
        byte[] key;
        try
        {
            key = Convert.FromHexString(text);
        }
        catch (FormatException)
        {
            throw new InvalidDataException($"{path}: the customer key file must hold {KeyBytes * 2} hexadecimal digits.");
        }
        if (key.Length < KeyBytes)
            throw new InvalidDataException($"{path}: the customer key file must hold {KeyBytes * 2} hexadecimal digits.");
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

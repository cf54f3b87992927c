using System.Runtime.InteropServices;

namespace Analytics.Domain.Output;

/// <summary>
/// Every file the program writes (CSV, JSON, XLSX, PDF, rejects, ledgers, reports, generated data) goes through
/// here: the content is written to a temporary file in the target's own folder, flushed to disk, and renamed over
/// the target only when complete, so a reader never sees a half-written file and a failure (full disk, kill, a
/// writer's exception) leaves the target as it was and no temporary file behind.
/// </summary>
/// <remarks>
/// A target that exists and is not a regular file — a folder, a character or block device (<c>/dev/null</c>,
/// <c>/dev/full</c>), a pipe, a socket, or a symbolic link to one of these — is refused with
/// <see cref="OutputFileException"/> before anything is written: renaming over it would replace a device node
/// (as root, <c>/dev/null</c> itself). A symbolic link to a regular file is replaced by the new file (the link's own
/// target is left alone). Every I/O failure (disk full, permission denied, a file where a folder should be) is
/// rethrown as an <see cref="OutputFileException"/> naming the target, one line.
/// </remarks>
public static class OutputFile
{
    private const string TempSuffix = ".tmp";

    /// <summary>Writes <paramref name="path"/> whole or not at all through <paramref name="write"/>; its folder is created if missing.</summary>
    /// <exception cref="OutputFileException">The target is not a regular file, or writing failed.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = CheckTarget(path);
        var dir = Path.GetDirectoryName(full)!;
        string? temp = null;
        try
        {
            Directory.CreateDirectory(dir);
            temp = Path.Combine(dir, $"{Path.GetFileName(full)}.{Path.GetRandomFileName()}{TempSuffix}");
            // CreateNew: a name nobody could predict, never an existing file or a link planted there.
            using (var stream = new FileStream(temp, new FileStreamOptions
            {
                Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, Share = FileShare.None, BufferSize = 1 << 16,
            }))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            CheckTarget(full); // it may have changed while we wrote
            File.Move(temp, full, overwrite: true);
            temp = null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e is not OutputFileException)
        {
            throw new OutputFileException(full, ReasonText(e), e);
        }
        finally
        {
            if (temp is not null) TryDelete(temp);
        }
    }

    /// <summary>Writes text to <paramref name="path"/> whole or not at all (see <see cref="Write(string, Action{Stream})"/>).</summary>
    public static void WriteText(string path, System.Text.Encoding encoding, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        ArgumentNullException.ThrowIfNull(write);
        Write(path, s =>
        {
            using var w = new StreamWriter(s, encoding, 1 << 16, leaveOpen: true);
            write(w);
        });
    }

    /// <summary>
    /// The full path of <paramref name="path"/> when it may be written: missing, or an existing regular file.
    /// </summary>
    /// <exception cref="OutputFileException">Empty, or it exists and is not a regular file.</exception>
    public static string CheckTarget(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new OutputFileException(path ?? "", Analytics.Domain.Messages.DomainMessages.EmptyPath.With(), null);
        string full;
        try { full = Path.GetFullPath(path); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new OutputFileException(path, Analytics.Domain.Messages.DomainMessages.InvalidPath.With(), e);
        }
        if (Kind(full) is var kind and not (FileKind.Missing or FileKind.Regular))
            throw new OutputFileException(full, Analytics.Domain.Messages.DomainMessages.NotRegularFile.With(Label(kind)), null);
        return full;
    }

    /// <summary>What is at <paramref name="fullPath"/> (links followed).</summary>
    public static FileKind Kind(string fullPath)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        if (Directory.Exists(fullPath)) return FileKind.Directory;
        var exists = File.Exists(fullPath);
        var info = new FileInfo(fullPath);
        if (!exists && info.LinkTarget is null) return FileKind.Missing;
        if (!OperatingSystem.IsWindows())
        {
            var mode = UnixStat.Mode(fullPath);
            if (mode is null) return exists ? FileKind.Other : FileKind.Missing; // a dangling link is replaced
            return (mode.Value & 0xF000) switch
            {
                0x8000 => FileKind.Regular,
                0x4000 => FileKind.Directory,
                0x2000 or 0x6000 => FileKind.Device,
                0x1000 => FileKind.Pipe,
                _ => FileKind.Other,
            };
        }
        return (info.Attributes & FileAttributes.Device) != 0 ? FileKind.Device : FileKind.Regular;
    }

    /// <summary>True for an <see cref="IOException"/> that means the disk (or the user's quota) is full.</summary>
    public static bool IsDiskFull(Exception e) =>
        e is IOException io && (io.HResult is 28 or 112 || (io.HResult & 0xFFFF) is 112 or 39 || io.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase));

    /// <summary>A one-line reason for an I/O failure, in Chinese with the system's own words after it.</summary>
    public static string Reason(Exception e) => ReasonText(e).Chinese;

    /// <summary><see cref="Reason"/> in both languages.</summary>
    public static Analytics.Domain.Messages.DomainText ReasonText(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var system = e.Message.ReplaceLineEndings(" ");
        if (IsDiskFull(e)) return Analytics.Domain.Messages.DomainMessages.DiskFull.With();
        if (e is UnauthorizedAccessException) return Analytics.Domain.Messages.DomainMessages.NoPermission.With(system);
        return Analytics.Domain.Messages.DomainMessages.WriteFailed.With(system);
    }

    private static Analytics.Domain.Messages.DomainText Label(FileKind kind) => kind switch
    {
        FileKind.Directory => new("output.kind.folder", "文件夹", "a folder"),
        FileKind.Device => new("output.kind.device", "设备", "a device"),
        FileKind.Pipe => new("output.kind.pipe", "管道", "a pipe"),
        _ => new("output.kind.special", "特殊文件", "a special file"),
    };

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>stat(2) through the runtime's own native shim (its FileStatus struct has the mode at offset 4 since .NET Core 1.0).</summary>
    private static class UnixStat
    {
        private static bool _unavailable;

        public static int? Mode(string path)
        {
            if (_unavailable) return null;
            try
            {
                var buffer = new byte[256];
                var name = System.Text.Encoding.UTF8.GetBytes(path + "\0");
                return Stat(name, buffer) == 0 ? BitConverter.ToInt32(buffer, 4) : null;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                _unavailable = true;
                return null;
            }
        }

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        private static extern int Stat(byte[] path, [Out] byte[] buffer);
    }
}

/// <summary>What a path names, as far as writing over it is concerned.</summary>
public enum FileKind
{
    Missing = 1,
    Regular = 2,
    Directory = 3,
    Device = 4,
    Pipe = 5,
    Other = 6,
}

/// <summary>An output file that may not or could not be written; the message is one line naming the path.</summary>
public sealed class OutputFileException : IOException, Analytics.Domain.Messages.IDomainLocalizedError
{
    public OutputFileException(string path, string reason) : this(path, reason, null!) { }
    public OutputFileException(string path, string reason, Exception inner) : this(path, new Analytics.Domain.Messages.DomainText("output.reason", reason, reason), inner) { }

    /// <summary>A reason of the catalogue (<see cref="Analytics.Domain.Messages.DomainMessages"/>), in both languages.</summary>
    public OutputFileException(string path, Analytics.Domain.Messages.DomainText reason, Exception? inner)
        : base(Analytics.Domain.Messages.DomainMessages.CannotWrite.With(path, reason).Chinese, inner)
    {
        Path = path;
        Reason = (reason ?? throw new ArgumentNullException(nameof(reason))).Chinese;
        Text = Analytics.Domain.Messages.DomainMessages.CannotWrite.With(path, reason);
    }

    /// <summary>The message in both languages.</summary>
    public Analytics.Domain.Messages.DomainText Text { get; }
    public OutputFileException() : this("", "") { }
    public OutputFileException(string message) : this("", message) { }

    /// <summary>The target.</summary>
    public string Path { get; }

    /// <summary>Why, one line.</summary>
    public string Reason { get; }
}

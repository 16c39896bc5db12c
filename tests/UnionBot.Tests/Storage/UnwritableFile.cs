using System.Diagnostics;

namespace UnionBot.Tests.Storage;

/// <summary>
/// Makes a file impossible to open for writing, for this process, until disposed.
/// </summary>
/// <remarks>
/// The tests run as root, and root ignores permission bits: after <c>chmod 444</c> SQLite still opens the file
/// read-write. The immutable attribute (<c>chattr +i</c>, ext4 and CAP_LINUX_IMMUTABLE, both present on the project's
/// machines and in CI) refuses root too, so SQLite's <c>open(O_RDWR)</c> fails and it falls back to a read-only handle
/// exactly as it does for an ordinary user after <c>chmod 444</c>: the same native state the bot meets in production.
/// Run as another user, plain <c>chmod</c> does the same.
/// </remarks>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class UnwritableFile : IDisposable
{
    private readonly string _path;
    private readonly bool _immutable;
    private readonly UnixFileMode _mode;

    public UnwritableFile(string path)
    {
        _path = path;
        _immutable = Environment.UserName == "root";
        _mode = File.GetUnixFileMode(path);
        if (_immutable) Chattr("+i");
        else File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        // Proves the file really refuses a writer before a test relies on it.
        try { using var _ = File.Open(path, FileMode.Open, FileAccess.ReadWrite); }
        catch (UnauthorizedAccessException) { return; }
        catch (IOException) { return; }
        Dispose();
        throw new InvalidOperationException($"{path} still opens for writing; the test cannot simulate a read-only database here");
    }

    public void Dispose()
    {
        if (_immutable) Chattr("-i");
        else File.SetUnixFileMode(_path, _mode);
    }

    private void Chattr(string flag)
    {
        using var process = Process.Start(new ProcessStartInfo("chattr", [flag, _path]) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"chattr {flag} {_path} failed: {error}");
    }
}

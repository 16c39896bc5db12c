namespace UnionBot.Tests.Support;

/// <summary>A folder under the system temp folder, deleted with the test.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("unionbot-test-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* a SQLite handle still closing; the OS temp cleaner takes it */ }
    }
}

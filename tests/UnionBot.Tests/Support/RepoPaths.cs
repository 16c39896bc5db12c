namespace UnionBot.Tests.Support;

/// <summary>Finds files of the repository (seeds, config) from the test's output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Seed(string prefix) =>
        Directory.GetFiles(System.IO.Path.Combine(Root, "seeds"), prefix + "*").Single();

    public static string Golden(string name) =>
        System.IO.Path.Combine(AppContext.BaseDirectory, "Golden", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "UnionBot.sln")))
                return dir.FullName;
        throw new InvalidOperationException("UnionBot.sln not found above " + AppContext.BaseDirectory);
    }
}

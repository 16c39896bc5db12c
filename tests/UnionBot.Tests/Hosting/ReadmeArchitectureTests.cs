using System.Text.RegularExpressions;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Hosting;

/// <summary>
/// The README's architecture section is how a newcomer finds the code: every file or folder it names must exist, and
/// its path must lead to that one file (<c>Core/</c> standing for <c>src/UnionBot.Core/</c>).
/// </summary>
public sealed partial class ReadmeArchitectureTests
{
    [Fact]
    public void EveryFileTheArchitectureSectionNamesExistsAndItsPathLeadsToThatFileOnly()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var start = readme.IndexOf("## Architecture", StringComparison.Ordinal);
        Assert.True(start >= 0, "the README has no architecture section");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = readme[start..(end < 0 ? readme.Length : end)];
        var files = Tracked(directories: false);
        var folders = Tracked(directories: true);

        var problems = new List<string>();
        var named = Named().Matches(section).Select(m => m.Groups["path"].Value).Distinct().ToList();
        foreach (var path in named)
        {
            var folder = path.EndsWith('/') || path.EndsWith("/…", StringComparison.Ordinal);
            var pattern = Regex.Escape(path.TrimEnd('…').TrimEnd('/')).Replace(@"\*", "[^/]*");
            if (pattern.StartsWith("Core/", StringComparison.Ordinal)) pattern = "UnionBot\\.Core/" + pattern["Core/".Length..];
            var regex = new Regex($"(^|/){pattern}$");
            var found = (folder ? folders : files).Where(f => regex.IsMatch(f)).ToList();
            if (found.Count == 0) problems.Add($"{path}: no such {(folder ? "folder" : "file")}");
            else if (found.Count > 1 && !path.Contains('*')) problems.Add($"{path}: could be any of {string.Join(", ", found)}");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(named.Count > 40, $"only {named.Count} paths found in the section: the pattern no longer matches how it names files");
    }

    /// <summary>Paths under src, tests and bench relative to the repository, with '/', build output left out.</summary>
    private static List<string> Tracked(bool directories)
    {
        var root = RepoPaths.Root;
        return new[] { "src", "tests", "bench" }
            .SelectMany(top => directories
                ? Directory.EnumerateDirectories(Path.Combine(root, top), "*", SearchOption.AllDirectories)
                : Directory.EnumerateFiles(Path.Combine(root, top), "*", SearchOption.AllDirectories))
            .Select(p => Path.GetRelativePath(root, p).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(p => !Regex.IsMatch(p, "(^|/)(bin|obj)(/|$)"))
            .ToList();
    }

    // A code span holding a path: a .cs file, or a folder written with its trailing slash or "/…".
    [GeneratedRegex(@"`(?<path>[\w./*…-]+(\.cs|/|/…))`")]
    private static partial Regex Named();
}

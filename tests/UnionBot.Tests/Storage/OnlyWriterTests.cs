using System.Text.RegularExpressions;
using UnionBot.Core.Storage;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Storage;

/// <summary>
/// <see cref="WriteQueue"/> says it never overlaps another writer of the process. That holds only while every write
/// in src runs inside one of its items: these read the source for the ways around it.
/// </summary>
public sealed partial class OnlyWriterTests
{
    // The migrations run before anything else touches the database; the writer owns every other transaction.
    private static readonly string[] OwnTransactions = ["Database.cs", "WriteQueue.cs"];

    private static IEnumerable<(string File, string Text)> Sources() =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(RepoPaths.Root, f), File.ReadAllText(f)));

    [Fact]
    public void NothingButTheWriterAndTheMigrationsOpensATransaction()
    {
        var files = Sources().Where(s => s.Text.Contains("BeginTransaction", StringComparison.Ordinal)).Select(s => Path.GetFileName(s.File));
        Assert.Equal(OwnTransactions, files.Order());
    }

    [Fact]
    public void EveryStatementExecutedInSrcRunsInTheWritersTransaction()
    {
        var outside = new List<string>();
        var calls = 0;
        foreach (var (file, text) in Sources().Where(s => !OwnTransactions.Contains(Path.GetFileName(s.File))))
        {
            foreach (Match m in ExecuteCall().Matches(text))
            {
                calls++;
                var arguments = Arguments(text, m.Index + m.Length);
                if (!TransactionArgument().IsMatch(arguments)) outside.Add($"{file}: {m.Value}{arguments})");
            }
            // Items run synchronously on the writer's connection: an awaited Dapper write is on a connection of its own.
            foreach (Match m in AsyncWrite().Matches(text)) outside.Add($"{file}: {m.Value}");
        }
        Assert.Empty(outside);
        Assert.True(calls > 20, $"only {calls} Execute calls found: the pattern no longer matches the code");
    }

    /// <summary>The text between the call's opening parenthesis (just before <paramref name="start"/>) and its match.</summary>
    private static string Arguments(string text, int start)
    {
        var depth = 1;
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')' && --depth == 0) return text[start..i];
        }
        return text[start..];
    }

    [GeneratedRegex(@"\b\w+\.Execute\(")]
    private static partial Regex ExecuteCall();

    [GeneratedRegex(@"(,\s*tx\s*$|transaction:\s*tx\b|,\s*tx\s*,)")]
    private static partial Regex TransactionArgument();

    [GeneratedRegex(@"\b(c|connection|conn|db)\.(ExecuteAsync|ExecuteScalarAsync)\(")]
    private static partial Regex AsyncWrite();
}

using System.Text;

namespace UnionBot.Tests.Platforms;

/// <summary>
/// Byte-for-byte comparison with a file under tests/UnionBot.Tests/Golden/. With UNIONBOT_UPDATE_GOLDEN=1 the file
/// is rewritten from the actual bytes instead (then review the diff before committing).
/// </summary>
internal static class GoldenFile
{
    public static void AssertMatches(string name, string actual)
    {
        if (Environment.GetEnvironmentVariable("UNIONBOT_UPDATE_GOLDEN") == "1")
        {
            var source = Path.Combine(Support.RepoPaths.Root, "tests", "UnionBot.Tests", "Golden", name);
            Directory.CreateDirectory(Path.GetDirectoryName(source)!);
            File.WriteAllBytes(source, Encoding.UTF8.GetBytes(actual));
            return;
        }
        var path = Support.RepoPaths.Golden(name);
        Assert.True(File.Exists(path), $"missing golden file {name}: run the tests once with UNIONBOT_UPDATE_GOLDEN=1");
        var expected = File.ReadAllBytes(path);
        Assert.Equal(Encoding.UTF8.GetString(expected), actual); // a readable diff first
        Assert.Equal(expected, Encoding.UTF8.GetBytes(actual));
    }
}

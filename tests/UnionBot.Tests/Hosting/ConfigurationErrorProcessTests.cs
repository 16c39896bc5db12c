namespace UnionBot.Tests.Hosting;

/// <summary>
/// A wrong setting stops the real bot with one line naming the key and exit code 1 — what the IT teacher reads in the
/// console or the journal — never an unhandled exception with a stack trace and an abort (a core dump under systemd).
/// </summary>
public sealed class ConfigurationErrorProcessTests
{
    [Theory]
    [InlineData("--UnionBot:TimeZone=Mars/Olympus", "UnionBot:TimeZone")]
    [InlineData("--UnionBot:Database=foo", "UnionBot:Database")]
    [InlineData("--UnionBot:Schedule:MonthlyNotice:Day=first", "UnionBot:Schedule:MonthlyNotice:Day")]
    public async Task AWrongSettingStopsTheBotWithOneLineNamingIt(string setting, string key)
    {
        using var bot = BotProcess.Start(args: setting);

        Assert.Equal(1, await bot.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        var line = Assert.Single(bot.Lines, l => l.Length > 0);
        Assert.StartsWith("unionbot: configuration error: ", line);
        Assert.Contains(key, line);
    }
}

using Microsoft.Extensions.Configuration;
using UnionBot.Core.Options;

namespace UnionBot.Tests.Hosting;

public sealed class OptionsValidationTests
{
    private static IReadOnlyList<string> Validate(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            // later settings win, as in layered configuration
            .AddInMemoryCollection(settings.GroupBy(s => s.Key).Select(g => new KeyValuePair<string, string?>(g.Key, g.Last().Value)))
            .Build();
        var options = new UnionBotOptions();
        configuration.GetSection("UnionBot").Bind(options);
        if (!settings.Any(s => s.Key == "UnionBot:Plan:Path"))
            options.Plan.Path = Path.Combine(Support.RepoPaths.Root, options.Plan.Path);
        var failures = new List<string>();
        foreach (var validator in new Microsoft.Extensions.Options.IValidateOptions<UnionBotOptions>[]
                 { new UnionBotOptionsValidator(), new UnknownKeysValidator(configuration) })
        {
            var result = validator.Validate(null, options);
            if (result.Failed) failures.AddRange(result.Failures!);
        }
        return failures;
    }

    [Fact]
    public void TheEmbeddedDefaultsAreValid() => Assert.Empty(Validate());

    [Fact]
    public void TheCommittedConfigurationIsValid()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Support.RepoPaths.Root, "config", "unionbot.json"))
            .Build();
        var options = new UnionBotOptions();
        configuration.GetSection("UnionBot").Bind(options);
        options.Plan.Path = Path.Combine(Support.RepoPaths.Root, options.Plan.Path);
        Assert.True(new UnionBotOptionsValidator().Validate(null, options).Succeeded);
        Assert.True(new UnknownKeysValidator(configuration).Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("UnionBot:TimeZone", "Mars/Olympus", "UnionBot:TimeZone")]
    [InlineData("UnionBot:Schedule:MonthlyNotice:Time", "25:00", "UnionBot:Schedule:MonthlyNotice:Time")]
    [InlineData("UnionBot:Schedule:MonthlyNotice:Day", "31", "UnionBot:Schedule:MonthlyNotice:Day")]
    [InlineData("UnionBot:Schedule:FestivalNotice:Time", "8am", "UnionBot:Schedule:FestivalNotice:Time")]
    [InlineData("UnionBot:Plan:Year", "1850", "UnionBot:Plan:Year")]
    [InlineData("UnionBot:Urls", "ftp://x", "UnionBot:Urls")]
    [InlineData("UnionBot:PublicUrl", "bot.school.example", "UnionBot:PublicUrl")]
    [InlineData("UnionBot:Plan:Path", "no/such/plan.txt", "UnionBot:Plan:Path")]
    [InlineData("UnionBot:WeCom:ApiBaseUrl", "not a url", "UnionBot:WeCom:ApiBaseUrl")]
    [InlineData("UnionBot:WeCom:LongConnectionUrl", "https://openws.work.weixin.qq.com", "UnionBot:WeCom:LongConnectionUrl")]
    [InlineData("UnionBot:DingTalk:OpenApiBaseUrl", "api.dingtalk.com", "UnionBot:DingTalk:OpenApiBaseUrl")]
    [InlineData("UnionBot:Shedule:CatchUp", "01:00:00", "UnionBot:Shedule")]
    [InlineData("UnionBot:Channels:0:Id", "bad id!", "UnionBot:Channels:0:Id")]
    [InlineData("UnionBot:Channels:0:WebhookKy", "k", "UnionBot:Channels:0:WebhookKy")]
    public void AWrongValueOrKeyIsNamed(string key, string value, string named)
    {
        var failures = Validate(("UnionBot:Channels:0:Platform", "WeCom"), ("UnionBot:Channels:0:Id", "wecom-all"), (key, value));
        Assert.Contains(failures, f => f.StartsWith(named, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("foo")]
    [InlineData("Data Source")]
    [InlineData("Data Source=x.db;Bogus Key=1")]
    public void AWrongDatabaseSettingIsNamedEvenWhenThePlanFileIsMissing(string database)
    {
        // A missing plan file asks the database for an earlier reading: with an unreadable connection string that
        // question must not throw past the validator (the bot then died with a stack trace instead of one line).
        var failures = Validate(("UnionBot:Database", database), ("UnionBot:Plan:Path", "no/such/plan.txt"));

        Assert.Contains(failures, f => f.StartsWith("UnionBot:Database", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("WeCom", "LongConnection", "Webhook", "", "UnionBot:Channels:0:BotId")]
    [InlineData("DingTalk", "LongConnection", "Webhook", "", "UnionBot:Channels:0:AppKey")]
    [InlineData("DingTalk", "LongConnection", "LongConnection", "creds", "UnionBot:Channels:0:SendVia")]
    [InlineData("WeCom", "Webhook", "LongConnection", "creds", "UnionBot:Channels:0:SendVia")]
    public void ALongConnectionChannelNeedsItsCredentialsAndAPossibleSendPath(
        string platform, string mode, string sendVia, string credentials, string named)
    {
        var settings = new List<(string, string)>
        {
            ("UnionBot:Channels:0:Id", "g"), ("UnionBot:Channels:0:Platform", platform),
            ("UnionBot:Channels:0:Mode", mode), ("UnionBot:Channels:0:SendVia", sendVia),
        };
        if (credentials.Length > 0)
            settings.AddRange([("UnionBot:Channels:0:BotId", "b"), ("UnionBot:Channels:0:BotSecret", "s"),
                ("UnionBot:Channels:0:AppKey", "k"), ("UnionBot:Channels:0:AppSecret", "s")]);
        Assert.Contains(Validate([.. settings]), f => f.StartsWith(named, StringComparison.Ordinal));
    }

    [Fact]
    public void AWeComLongConnectionChannelWithItsCredentialsIsValidAndPostsThroughTheConnection()
    {
        var failures = Validate(("UnionBot:Channels:0:Id", "g"), ("UnionBot:Channels:0:Platform", "WeCom"),
            ("UnionBot:Channels:0:Mode", "LongConnection"), ("UnionBot:Channels:0:SendVia", "LongConnection"),
            ("UnionBot:Channels:0:BotId", "b"), ("UnionBot:Channels:0:BotSecret", "s"));
        Assert.Empty(failures);
        var channel = new ChannelOptions { Platform = PlatformKind.WeCom, Mode = ChannelMode.LongConnection, SendVia = SendPath.LongConnection, BotId = "b", BotSecret = "s" };
        Assert.True(channel.CanSend);
        Assert.True(channel.CanConnect);
        Assert.False(channel.CanReceive); // no HTTP callback for a channel that dials out
    }

    [Fact]
    public void TwoChannelsWithOneIdAreRefused()
    {
        var failures = Validate(
            ("UnionBot:Channels:0:Id", "g"), ("UnionBot:Channels:0:Platform", "WeCom"),
            ("UnionBot:Channels:1:Id", "g"), ("UnionBot:Channels:1:Platform", "DingTalk"));
        Assert.Contains(failures, f => f.StartsWith("UnionBot:Channels:1:Id", StringComparison.Ordinal));
    }

    [Fact]
    public void TheZoneIsLookedUpAgainWhenTheTimeZoneSettingChanges()
    {
        var options = new UnionBotOptions();
        Assert.Equal(TimeSpan.FromHours(8), options.FindZone().BaseUtcOffset);
        Assert.Same(options.FindZone(), options.FindZone());

        options.TimeZone = "UTC";

        Assert.Equal(TimeSpan.Zero, options.FindZone().BaseUtcOffset);
    }
}

using Microsoft.Extensions.DependencyInjection;
using UnionBot.Core.Commands;
using UnionBot.Core.Options;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Commands;

/// <summary>The pipeline as the host wires it: the real plan (seed 000), the real outbox, the local channel.</summary>
public sealed class CommandsInTheHostTests
{
    [Fact]
    public async Task AWholeSignUpStoryRunsOnTheRealPlanAndTheRealOutbox()
    {
        using var factory = new UnionBotFactory(settings: new Dictionary<string, string?> { ["UnionBot:Admins:0"] = "chair-userid" });
        using var client = factory.CreateClient(); // starts the host, migrates the database
        var pipeline = factory.Services.GetRequiredService<ICommandPipeline>();
        var n = 0;
        async Task<string> Say(string user, string text) => (await pipeline.HandleAsync(
            new IncomingMessage("local", PlatformKind.Local, $"m{++n}", user, null, text), null, CancellationToken.None)).Markdown;

        Assert.Contains("教学基本功评比", await Say("teacher-li", "/本月"));
        Assert.Contains("「教学基本功评比」开始报名啦！名额 1 人", await Say("chair-userid", "/发起报名 基本功评比 名额1"));
        Assert.Contains("报名成功", await Say("teacher-li", "/报名 基本功评比"));
        Assert.Contains("候补第 1 位", await Say("teacher-zhang", "/报名 基本功评比"));
        Assert.Contains("已取消", await Say("teacher-li", "/取消报名 基本功评比"));
        Assert.Contains("1. 张老师", await Say("teacher-chen", "/名单 基本功评比"));
        await Say("chair-userid", "/公告 周五开教代会");

        var rows = await TestDatabase.QueryAsync<(string SourceKey, string ChannelId, string Mentions, string Text)>(factory.DatabasePath,
            "SELECT source_key, channel_id, mentions, text FROM outbox WHERE kind = 'announce' ORDER BY id");
        var promoted = Assert.Single(rows, r => r.SourceKey.StartsWith("signup-promoted:"));
        Assert.Equal("local", promoted.ChannelId);
        Assert.Contains("teacher-zhang", promoted.Mentions);
        Assert.Contains("张老师", promoted.Text);
        Assert.Contains(rows, r => r.SourceKey.StartsWith("announce:local:") && r.Text.Contains("周五开教代会"));
    }
}

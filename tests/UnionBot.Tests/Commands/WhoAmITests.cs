using System.Net.Http.Json;
using System.Text.Json;
using UnionBot.Core.Commands;
using UnionBot.Tests.Callbacks;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Commands;

/// <summary>/我的ID on each way in: the ids a chair copies into <c>UnionBot:Admins</c>, and whether the sender already is one.</summary>
public sealed class WhoAmITests
{
    [Theory]
    [InlineData("/我的ID")]
    [InlineData("/我的id")]
    [InlineData("／我的ＩＤ")]
    [InlineData("@工会助手 /我的ID。")]
    [InlineData("我的ID")]
    [InlineData("/whoami")]
    [InlineData("/WhoAmI")]
    [InlineData("/我的账号")]
    public void WhoAmIIsRecognisedInEveryForm(string text) => Assert.Equal(new Command.WhoAmI(), CommandParser.Parse(text));

    [Fact]
    public void AChatLineStartingWithTheWordsIsNotACommand() => Assert.IsType<Command.Unknown>(CommandParser.Parse("我的ID忘了"));

    [Fact]
    public async Task OnWeComATeacherSeesTheirUserIdTheChannelIdAndThatTheyAreNotAnAdmin()
    {
        await using var host = await CallbackHost.StartAsync(realPipeline: true);

        var reply = await host.SayOnWeComAsync("zhang_san", "/我的ID");

        Assert.Contains("用户ID：`zhang_san`", reply);
        Assert.Contains($"本群（频道）ID：`{BotSetup.WeComGroup}`", reply);
        Assert.Contains("企业微信", reply);
        Assert.Contains("管理员：否", reply);
        Assert.Contains("UnionBot:Admins", reply);
    }

    [Fact]
    public async Task OnDingTalkTheChairIsToldTheyAreAnAdmin()
    {
        await using var host = await CallbackHost.StartAsync(realPipeline: true);

        var reply = (await host.SayOnDingTalkAsync("chair-userid", "/whoami")).Content!;

        Assert.Contains("用户ID：`chair-userid`", reply);
        Assert.Contains($"本群（频道）ID：`{BotSetup.DingTalkGroup}`", reply);
        Assert.Contains("钉钉", reply);
        Assert.Contains("管理员：是", reply);
    }

    [Fact]
    public async Task OnTheLocalPageTheReplyNamesTheUserTypedAsAndTheLocalChannel()
    {
        await using var host = await CallbackHost.StartAsync(realPipeline: true);

        var response = await host.Client.PostAsJsonAsync("/local/messages", new { userId = "teacher-li", text = "/我的ID" });

        response.EnsureSuccessStatusCode(); // the page's POST returns once the reply is in the feed
        var items = (await host.Client.GetFromJsonAsync<JsonElement>("/local/feed?after=0")).GetProperty("items").EnumerateArray();
        var reply = Assert.Single(items, i => i.GetProperty("kind").GetString() == "reply").GetProperty("text").GetString();
        Assert.Contains("用户ID：`teacher-li`", reply);
        Assert.Contains("本群（频道）ID：`local`", reply);
        Assert.Contains("管理员：否", reply);
    }
}

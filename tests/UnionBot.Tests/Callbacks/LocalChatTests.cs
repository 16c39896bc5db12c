using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using UnionBot.Core.Options;
using UnionBot.Core.Platforms.Local;

namespace UnionBot.Tests.Callbacks;

public sealed class LocalChatTests
{
    [Fact]
    public async Task TheChatPageIsServedAsAChineseHtmlPageForPhones()
    {
        await using var host = await CallbackHost.StartAsync();

        var response = await host.Client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("lang=\"zh-CN\"", html);
        Assert.Contains("name=\"viewport\"", html);
        Assert.Contains("local/feed", html);
    }

    [Fact]
    public async Task ThePagesHintSuggestsSigningUpForAnEventOfTheRunningPlan()
    {
        await using var host = await CallbackHost.StartAsync(); // seed 000 on 10 March: “三﹒八”妇女节专题庆祝活动

        var html = await host.Client.GetStringAsync("/");

        Assert.Contains("<code>/报名 妇女节专题庆祝活动</code>", html);
        Assert.DoesNotContain("乒乓球", html);
    }

    [Fact]
    public async Task ThePageShowsMessageTimesInTheBotsZoneNotTheBrowsers()
    {
        await using var host = await CallbackHost.StartAsync();

        var html = await host.Client.GetStringAsync("/");

        Assert.Contains("<body data-zone=\"Asia/Shanghai\">", html); // the page's script shows times in it: LocalChatRenderingTests
    }

    [Fact]
    public async Task TheUserPickerOffersTheAdminsMarkedAndTheRoster()
    {
        await using var host = await CallbackHost.StartAsync();

        var users = await host.Client.GetFromJsonAsync<JsonElement>("/local/users");

        var list = users.EnumerateArray().Select(u => (u.GetProperty("id").GetString(), u.GetProperty("name").GetString(), u.GetProperty("admin").GetBoolean())).ToList();
        Assert.Equal(("chair-userid", "王主席", true), list[0]);
        Assert.Contains(("teacher-li", "李老师", false), list);
        Assert.Single(list, u => u.Item1 == "chair-userid");
    }

    [Fact]
    public async Task ACommandTypedOnThePageGoesThroughThePipelineAndBothLinesAppearInTheFeed()
    {
        await using var host = await CallbackHost.StartAsync();

        var response = await host.Client.PostAsJsonAsync("/local/messages", new { userId = "teacher-li", text = "/报名 乒乓球赛" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.Single(host.Pipeline.Received);
        Assert.Equal(("local", PlatformKind.Local, "teacher-li", "/报名 乒乓球赛"), (message.ChannelId, message.Platform, message.UserId, message.Text));
        // The schedule's own announcements may reach the local feed meanwhile (a busy machine starts the host slowly).
        var items = (await host.Client.GetFromJsonAsync<JsonElement>("/local/feed?after=0")).GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("kind").GetString() != "announcement").ToList();
        Assert.Equal(["message", "reply"], items.Select(i => i.GetProperty("kind").GetString()));
        Assert.Equal("teacher-li", items[0].GetProperty("author").GetString());
        Assert.Equal("**收到** /报名 乒乓球赛", items[1].GetProperty("text").GetString());
    }

    [Fact]
    public async Task AnAnnouncementPostedToTheLocalFeedReachesAWaitingPage()
    {
        await using var host = await CallbackHost.StartAsync();
        var feed = host.Services.GetRequiredService<LocalFeed>();
        var seen = feed.Append("工会助手", "announcement", "三月活动预告").Id;

        var waiting = host.Client.GetFromJsonAsync<JsonElement>($"/local/feed?after={seen}&wait=20");
        feed.Append("工会助手", "announcement", "# 三八节快乐");
        var items = (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).GetProperty("items").EnumerateArray().ToList();

        var item = Assert.Single(items);
        Assert.Equal(("announcement", "# 三八节快乐"), (item.GetProperty("kind").GetString(), item.GetProperty("text").GetString()));
    }

    [Theory]
    [InlineData("", "/帮助")]
    [InlineData("has space", "/帮助")]
    [InlineData("teacher-li", "   ")]
    public async Task AMessageWithoutAUserOrTextIsRefusedPolitely(string userId, string text)
    {
        await using var host = await CallbackHost.StartAsync();

        var response = await host.Client.PostAsJsonAsync("/local/messages", new { userId, text });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()));
        Assert.Empty(host.Pipeline.Received);
    }

    [Fact]
    public async Task ABrokenBodyIsA400NotA500()
    {
        await using var host = await CallbackHost.StartAsync();

        var response = await host.Client.PostAsync("/local/messages", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ARequestForwardedByAProxyDoesNotReachThePage()
    {
        await using var host = await CallbackHost.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/local/messages") { Content = JsonContent.Create(new { userId = "chair-userid", text = "/公告 假公告" }) };
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(host.Pipeline.Received);
    }
}

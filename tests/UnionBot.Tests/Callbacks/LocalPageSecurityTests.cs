using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UnionBot.Core.Platforms.Local;

namespace UnionBot.Tests.Callbacks;

/// <summary>The local page speaks as any user, the chair included: only a browser on this machine showing the page itself may use it.</summary>
public sealed class LocalPageSecurityTests
{
    private const string ChairAnnouncement = """{"userId":"chair-userid","text":"/公告 假公告：明天放假"}""";

    private static HttpRequestMessage Post(string body, string mediaType = "application/json", string? host = null, string? origin = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/local/messages") { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        if (host is not null) request.Headers.Host = host;
        if (origin is not null) request.Headers.Add("Origin", origin);
        return request;
    }

    private static async Task AssertNothingHappenedAsync(CallbackHost host)
    {
        Assert.Empty(host.Pipeline.Received);
        // The schedule's own announcements may reach the local feed meanwhile; no typed line or reply may.
        Assert.DoesNotContain(host.Services.GetRequiredService<LocalFeed>().Since(0), i => i.Kind is "message" or "reply");
    }

    [Fact]
    public async Task ACrossSiteTextPlainPostAsTheChairFromADnsRebindingPagePostsNothing()
    {
        await using var host = await CallbackHost.StartAsync(realPipeline: true);

        var response = await host.Client.SendAsync(Post(ChairAnnouncement, "text/plain", host: "evil.example:5080", origin: "http://evil.example:5080"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await Task.Delay(300); // a queued announcement would reach the fake robots within milliseconds
        Assert.DoesNotContain(host.Services.GetRequiredService<LocalFeed>().Since(0), i => i.Kind is "message" or "reply" || i.Text.Contains("假公告"));
        Assert.Equal(0, await host.OutboxRowsAsync("announce:%"));
        Assert.DoesNotContain(host.WeCom.Accepted.Concat(host.DingTalk.Accepted), r => r.Body.Contains("公告"));
        Assert.Single(host.Logs.At(LogLevel.Warning, "UnionBot.Local"));
    }

    [Fact]
    public async Task ATextPlainPostFromAnotherOriginIsRefusedEvenWithTheRightHost()
    {
        await using var host = await CallbackHost.StartAsync();

        var response = await host.Client.SendAsync(Post(ChairAnnouncement, "text/plain", origin: "http://evil.example"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertNothingHappenedAsync(host);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data")]
    public async Task ABodyThatIsNotJsonIsRefusedWith415(string mediaType)
    {
        await using var host = await CallbackHost.StartAsync();

        var response = await host.Client.SendAsync(Post(ChairAnnouncement, mediaType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await AssertNothingHappenedAsync(host);
    }

    [Theory]
    [InlineData("http://evil.example")]
    [InlineData("null")]
    [InlineData("http://localhost:3000")]
    [InlineData("https://localhost")]
    public async Task AJsonPostFromAnotherOriginIsRefused(string origin)
    {
        await using var host = await CallbackHost.StartAsync();

        var response = await host.Client.SendAsync(Post(ChairAnnouncement, origin: origin));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertNothingHappenedAsync(host);
    }

    [Theory]
    [InlineData("cross-site")]
    [InlineData("same-site")]
    public async Task ARequestTheBrowserMarksAsSentFromAnotherSiteIsRefused(string site)
    {
        await using var host = await CallbackHost.StartAsync();
        var request = Post(ChairAnnouncement);
        request.Headers.Add("Sec-Fetch-Site", site);

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertNothingHappenedAsync(host);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("localhost.evil.example")]
    [InlineData("127.0.0.1.nip.io")]
    [InlineData("localhost:9999")]
    [InlineData("192.168.1.20")]
    public async Task AJsonPostWithAForeignHostIsRefused(string hostHeader)
    {
        await using var host = await CallbackHost.StartAsync();

        var response = await host.Client.SendAsync(Post(ChairAnnouncement, host: hostHeader));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await AssertNothingHappenedAsync(host);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/local/users")]
    [InlineData("/local/feed?after=0")]
    public async Task EveryPageAddressIsRefusedUnderAForeignHostSoDnsRebindingReadsNothing(string path)
    {
        await using var host = await CallbackHost.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "evil.example";

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("chair-userid", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.9")]
    [InlineData("Forwarded", "for=203.0.113.9")]
    [InlineData("X-Real-IP", "203.0.113.9")]
    [InlineData("X-Client-IP", "203.0.113.9")]
    [InlineData("True-Client-IP", "203.0.113.9")]
    [InlineData("CF-Connecting-IP", "203.0.113.9")]
    [InlineData("X-Cluster-Client-IP", "203.0.113.9")]
    [InlineData("Fastly-Client-IP", "203.0.113.9")]
    [InlineData("X-Forwarded-Host", "unionbot.example")]
    [InlineData("X-Forwarded-Proto", "https")]
    [InlineData("Via", "1.1 nginx")]
    public async Task ARequestCarryingAnyProxyHeaderIsNotLocal(string header, string value)
    {
        await using var host = await CallbackHost.StartAsync();
        var request = Post(ChairAnnouncement);
        request.Headers.Add(header, value);

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await AssertNothingHappenedAsync(host);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    public async Task ThePageItselfOnALoopbackNameStillPosts(string hostName)
    {
        await using var host = await CallbackHost.StartAsync();
        var request = Post("""{"userId":"teacher-li","text":"/帮助"}""", host: hostName, origin: $"http://{hostName}");
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("teacher-li", Assert.Single(host.Pipeline.Received).UserId);
    }

    [Fact]
    public async Task ThePageStartsWithNoUserChosenAndCannotSendUntilOneIsPicked()
    {
        await using var host = await CallbackHost.StartAsync();

        var html = await host.Client.GetStringAsync("/");

        Assert.Matches("<button type=\"submit\" id=\"sendButton\" disabled>", html);
        Assert.DoesNotContain("users[0]", html);
        Assert.DoesNotContain("localStorage.getItem", html);
    }
}

using System.Net;
using Microsoft.Extensions.DependencyInjection;
using UnionBot.Core.Announcements;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Delivery;

public sealed class DeliveryHealthTests
{
    [Fact]
    public async Task HealthzReportsTheSchedulerRunningOnceTheHostHasStarted()
    {
        using var factory = new UnionBotFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/healthz");
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Contains("\"scheduler\":{\"status\":\"healthy\"", body);
    }

    [Fact]
    public async Task HealthzAnswers503WhenTheDispatcherHasStopped()
    {
        using var factory = new UnionBotFactory();
        using var client = factory.CreateClient();

        await factory.Services.GetRequiredService<DeliveryDispatcher>().StopAsync(default);
        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("the delivery dispatcher is not running", await response.Content.ReadAsStringAsync());
    }
}

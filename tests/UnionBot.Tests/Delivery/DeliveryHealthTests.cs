using System.Net;
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
}

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
    public async Task TheDispatcherCountsAsRunningAsSoonAsItsStartReturnsAndAsStoppedOnceItsStopDoes()
    {
        using var factory = new UnionBotFactory();
        _ = factory.Server;
        var status = new DeliveryStatus();
        var dispatcher = ActivatorUtilities.CreateInstance<DeliveryDispatcher>(factory.Services, status);

        await dispatcher.StartAsync(CancellationToken.None);
        var runningAfterStart = status.DispatcherRunning; // its workers start on the thread pool a moment later
        await dispatcher.StopAsync(CancellationToken.None);

        Assert.True(runningAfterStart);
        Assert.False(status.DispatcherRunning);
    }

    [Fact]
    public async Task HealthzAnswers503WhenTheDispatcherHasStopped()
    {
        using var factory = new UnionBotFactory();
        using var client = factory.CreateClient();
        // Stopped only once its ExecuteAsync has begun: a BackgroundService stopped before that ends as a cancelled task,
        // which the host (outside its own shutdown) takes for a crash and stops itself, answering 500 meanwhile.
        await Eventually.TrueAsync(() => Task.FromResult(factory.Logs.All.Contains("Delivering announcements to")), "the dispatcher's workers to start");

        await factory.Services.GetRequiredService<DeliveryDispatcher>().StopAsync(default);
        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("the delivery dispatcher is not running", await response.Content.ReadAsStringAsync());
    }
}

using UnionBot.Core.Platforms.LongConnection;

namespace UnionBot.Tests.Platforms;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void DelaysGrowExponentiallyWithJitterAndStopAtTheCap()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), new Random(7));

        var delays = Enumerable.Range(0, 10).Select(_ => backoff.NextDelay()).ToList();

        for (var i = 0; i < delays.Count; i++)
        {
            var ceiling = Math.Min(30, Math.Pow(2, i));
            Assert.InRange(delays[i].TotalSeconds, ceiling / 2, ceiling);
        }
        Assert.All(delays.Skip(5), d => Assert.InRange(d.TotalSeconds, 15, 30));
    }

    [Fact]
    public void AConnectionThatStayedHealthyResetsTheBackoffAndAShortOneDoesNot()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(1), new Random(1));
        for (var i = 0; i < 6; i++) backoff.NextDelay();

        backoff.ConnectionEnded(TimeSpan.FromSeconds(10));
        Assert.Equal(6, backoff.Failures);

        backoff.ConnectionEnded(TimeSpan.FromMinutes(2));
        Assert.Equal(0, backoff.Failures);
        Assert.InRange(backoff.NextDelay().TotalSeconds, 0.5, 1);
    }
}

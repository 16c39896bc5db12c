using Microsoft.Extensions.Logging.Abstractions;
using UnionBot.Core.Announcements;
using UnionBot.Core.Options;
using UnionBot.Core.Platforms;
using UnionBot.Core.Storage;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Delivery;

public sealed class ChannelWorkerTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    public void Dispose() => _dir.Dispose();

    /// <summary>Throws what no network failure throws, then (when told) succeeds.</summary>
    private sealed class BuggyMessenger(int failures) : IPlatformMessenger
    {
        public int Calls;
        public PlatformKind Platform => PlatformKind.WeCom;
        public int MaxMessageBytes => 4096;

        public Task<SendResult> SendAsync(ChannelOptions channel, OutgoingMessage message, CancellationToken ct) =>
            Interlocked.Increment(ref Calls) <= failures
                ? throw new InvalidOperationException("a bug in the messenger")
                : Task.FromResult(SendResult.Ok);
    }

    private async Task<OutboxRow> RunUntilSettled(BuggyMessenger messenger)
    {
        var database = new Database($"Data Source={_dir.File("w.db")};Pooling=False", NullLogger<Database>.Instance);
        database.Migrate();
        var store = new OutboxStore(database, TimeProvider.System);
        var now = TimeProvider.System.GetUtcNow();
        await store.InsertAsync([new OutboxRow
        {
            Key = "announce:1:wecom-all", SourceKey = "announce:1", ChannelId = "wecom-all", Kind = "announce",
            Title = "通知", Text = "通知", DueAt = StoredTime.Format(now),
        }]);
        var options = new UnionBotOptions { Delivery = { MaxAttempts = 3, RetryDelay = TimeSpan.FromMilliseconds(1) } };
        var channel = new DeliveryChannel(new ChannelOptions { Id = "wecom-all", Platform = PlatformKind.WeCom }, messenger, 18, TimeSpan.FromSeconds(60));
        var worker = new ChannelWorker(channel, store, new DeliveryStatus(), options, TimeProvider.System, NullLogger.Instance);

        using var stop = new CancellationTokenSource();
        var run = worker.RunAsync(stop.Token);
        OutboxRow row = null!;
        await Eventually.TrueAsync(async () => (row = Assert.Single(await store.ListAsync())).State is OutboxState.Sent or OutboxState.Failed,
            "the row is sent or failed, not left 'sending'");
        await stop.CancelAsync();
        await run;
        return row;
    }

    [Fact]
    public async Task AMessengerThatThrowsUnexpectedlyIsRetriedAndThePostGoesOut()
    {
        var messenger = new BuggyMessenger(failures: 1);

        var row = await RunUntilSettled(messenger);

        Assert.Equal(OutboxState.Sent, row.State);
        Assert.Equal(2, messenger.Calls);
    }

    [Fact]
    public async Task AMessengerThatAlwaysThrowsEndsTheRowFailedWithTheReasonNotStuckSending()
    {
        var messenger = new BuggyMessenger(failures: int.MaxValue);

        var row = await RunUntilSettled(messenger);

        Assert.Equal(OutboxState.Failed, row.State);
        Assert.Equal(3, messenger.Calls);
        Assert.Contains("a bug in the messenger", row.LastError);
    }
}

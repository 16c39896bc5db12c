using System.Collections.Concurrent;

namespace UnionBot.Core.Storage;

/// <summary>
/// One writer at a time per database file inside this process. SQLite allows one writer anyway; queueing here, with
/// an async wait, replaces the busy handler's sleep-and-retry (which blocks a pool thread and oversleeps) when many
/// teachers answer at once. BEGIN IMMEDIATE still guards against writers in other processes.
/// </summary>
public static class WriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static async Task<IDisposable> EnterAsync(Database database, CancellationToken ct)
    {
        var gate = GateOf(database);
        await gate.WaitAsync(ct);
        return new Release(gate);
    }

    /// <summary>Blocks the calling thread until it is this writer's turn: for <see cref="WriteQueue"/>'s own thread only.</summary>
    public static IDisposable Enter(Database database)
    {
        var gate = GateOf(database);
        gate.Wait();
        return new Release(gate);
    }

    private static SemaphoreSlim GateOf(Database database) =>
        Gates.GetOrAdd(database.ConnectionString, _ => new SemaphoreSlim(1, 1));

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}

namespace UnionBot.Core.Callbacks;

/// <summary>
/// Lets one command at a time write to SQLite. SQLite has a single writer anyway; when fifty callbacks race for
/// it, the losers back off inside SQLite's busy handler in sleeps of up to 100 ms, which turns a 2 ms command into
/// a 400 ms one. Queuing them here in arrival order is both faster and fairer.
/// </summary>
public sealed class CommandGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try { return await work(); }
        finally { _gate.Release(); }
    }
}

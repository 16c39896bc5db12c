namespace UnionBot.Tests.Support;

/// <summary>
/// Bounded waits for what a background worker of the host produces (the dispatcher, the long connections and the
/// writer run on their own tasks): the one polling helper of the tests.
/// </summary>
/// <remarks>
/// The bound only says when to give up on an event that is not coming: each returns as soon as its condition holds. The
/// bounds are generous because CI machines are shared (two cores, load averages of 40 seen), where a host's background
/// worker can wait seconds for a core; no test measures speed with them.
/// </remarks>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, Func<Task<string>>? describe = null, int timeoutMs = 10_000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (!await condition())
        {
            if (Environment.TickCount64 > deadline)
                throw new TimeoutException($"timed out waiting until {what}" + (describe is null ? "" : ": " + await describe()));
            await Task.Delay(15);
        }
    }

    /// <summary>What <paramref name="probe"/> returns once it returns something.</summary>
    public static async Task<T> WaitForAsync<T>(Func<T?> probe, string what, int timeoutMs = 30_000) where T : class
    {
        for (var waited = 0; waited < timeoutMs; waited += 20)
        {
            if (probe() is { } found) return found;
            await Task.Delay(20);
        }
        return probe() ?? throw new Xunit.Sdk.XunitException($"timed out waiting for {what}");
    }
}

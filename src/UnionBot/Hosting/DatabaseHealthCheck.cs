using Microsoft.Extensions.Diagnostics.HealthChecks;
using UnionBot.Core.Storage;

namespace UnionBot.Hosting;

/// <summary>
/// Unhealthy (503) while the database cannot be written: a read-only file or folder, a full disk. It commits one row
/// through the batched writer every teacher's message goes through, so it fails exactly when their claims fail.
/// </summary>
/// <remarks>
/// A success is trusted for <see cref="Trust"/>, so that a monitor polling /healthz many times a second does not add a
/// commit each time, and only while no write failed for a storage reason since; after a failure every request probes again, so health comes back with the first write that works.
/// </remarks>
internal sealed class DatabaseHealthCheck(Database database, TimeProvider time) : IHealthCheck
{
    private static readonly TimeSpan Trust = TimeSpan.FromSeconds(5);

    private const string ProbeSql = """
        INSERT INTO health_probe (id, written_at) VALUES (1, @WrittenAt)
        ON CONFLICT (id) DO UPDATE SET written_at = excluded.written_at
        """;

    private (DateTimeOffset At, int Faults) _lastGood = (DateTimeOffset.MinValue, 0);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var faults = database.FaultsSeen;
        var last = _lastGood;
        if (now - last.At < Trust && last.Faults == faults) return HealthCheckResult.Healthy("written less than 5 s ago");
        try
        {
            await database.Writes.RunAsync((connection, tx) =>
                connection.ExecuteAdo(ProbeSql, tx, ("@WrittenAt", StoredTime.Format(now))), ct);
            _lastGood = (now, faults);
            return HealthCheckResult.Healthy("a test write committed");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"the database cannot be written: {e.Message}", e);
        }
    }
}

using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using UnionBot.Core.Callbacks;
using UnionBot.Core.Commands;
using UnionBot.Core.Options;
using UnionBot.Core.SignUps;
using UnionBot.Core.Storage;

namespace CallbackLoad;

/// <summary>
/// <c>writer [--rounds N] [--signups N] [--callers N] [--in-flight N]</c>: the durable half of a <c>/报名</c> timed
/// alone, in this process — the sign-up as the bot makes it (<see cref="SignUpStore.JoinAsync"/> with its message-id
/// claim, through the single writer), by default from fifty callers with one sign-up each in flight (wrk.sh's fifty
/// connections), on a fresh database file in a temporary folder. Each round prints the process's CPU time per sign-up
/// (user + system, every thread: callers, writer, checkpoints) and the rate; compare builds round by round, in turn.
/// Fewer callers with several sign-ups each in flight make the writer's batches smaller (it starts on the first item
/// queued): on 4 December one caller with 16 in flight cost 40–44 µs a sign-up in batches of 8–9, fifty callers 24–27 µs
/// in batches of ~28 — in small batches what a commit costs (its WAL frames, its locks, waking the writer) outweighs the
/// statements.
/// What it leaves out (HTTP, crypto, the command's parsing) wrk.sh measures.
/// </summary>
public static class WriterCost
{
    public static async Task<int> RunAsync(int rounds, int signUps, int callers, int inFlight)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        Console.WriteLine($"{signUps} sign-ups a round from {callers} callers with {inFlight} each in flight, after {signUps / 5} of warm-up");
        for (var round = 1; round <= rounds; round++)
        {
            var folder = Directory.CreateTempSubdirectory("unionbot-writer-");
            try
            {
                var database = new Database($"Data Source={Path.Combine(folder.FullName, "bench.db")}", NullLogger<Database>.Instance);
                database.Migrate();
                var processed = new ProcessedMessages(database, TimeProvider.System);
                var store = new SignUpStore(database);
                var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone);
                var chair = Context(processed, "open", "bench-chair", now, zone, isAdmin: true);
                var id = await store.OpenAsync(chair, "乒乓球赛", quota: null, deadline: null, CancellationToken.None);

                await SignUpAsync(store, processed, id, $"warm{round}", signUps / 5, zone, callers, inFlight);
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var start = Stopwatch.GetTimestamp();
                await SignUpAsync(store, processed, id, $"run{round}", signUps, zone, callers, inFlight);
                var wall = Stopwatch.GetElapsedTime(start);
                var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                Console.WriteLine(new StringBuilder($"round {round}: ")
                    .Append($"cpu {used.TotalMicroseconds / signUps:0.00} µs a sign-up, {signUps / wall.TotalSeconds:0} sign-ups/s"));
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                folder.Delete(recursive: true);
            }
        }
        return 0;
    }

    // Each caller queues up to inFlight sign-ups, then waits for them all, until every one of count is taken.
    private static async Task SignUpAsync(SignUpStore store, ProcessedMessages processed, long id, string prefix, int count,
        TimeZoneInfo zone, int callers, int inFlight)
    {
        var next = -1;
        var loops = Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            var joins = new Task<JoinResult>[inFlight];
            while (true)
            {
                var n = 0;
                int i;
                while (n < inFlight && (i = Interlocked.Increment(ref next)) < count)
                {
                    var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone);
                    var ctx = Context(processed, $"{prefix}-m{i}", $"{prefix}-t{i}", now, zone, isAdmin: false);
                    joins[n++] = store.JoinAsync(id, "乒乓球赛", ctx, CancellationToken.None);
                }
                if (n == 0) return;
                for (var k = 0; k < n; k++)
                    if ((await joins[k]).Outcome != JoinOutcome.Joined) throw new InvalidOperationException($"a {prefix} sign-up was not a join");
            }
        })).ToArray();
        await Task.WhenAll(loops);
    }

    private static CommandContext Context(ProcessedMessages processed, string messageId, string userId, DateTimeOffset now, TimeZoneInfo zone, bool isAdmin)
    {
        var message = new IncomingMessage("wecom-all", PlatformKind.WeCom, messageId, userId, null, "/报名 乒乓球赛");
        return new CommandContext(message, isAdmin, now, zone, processed.ClaimFor("wecom-all", messageId));
    }
}

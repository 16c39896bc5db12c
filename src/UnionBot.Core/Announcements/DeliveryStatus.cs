using System.Collections.Concurrent;

namespace UnionBot.Core.Announcements;

/// <summary>What /healthz reports about delivery: whether the dispatcher and scheduler run, which channels are broken, and posts not yet recorded as sent.</summary>
public sealed class DeliveryStatus
{
    private readonly ConcurrentDictionary<string, string> _failing = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _paused = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _unrecorded = new(StringComparer.Ordinal);

    public bool DispatcherRunning { get; set; }

    /// <summary>Channels an administrator must fix, with the reason (errcode and what to change).</summary>
    public IReadOnlyDictionary<string, string> Failing => _failing;

    /// <summary>Channels resting after the platform's rate limit, with the time they resume.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Paused => _paused;

    /// <summary>Channels holding a post the platform acknowledged but the database has not yet taken as sent.</summary>
    public IReadOnlyDictionary<string, string> Unrecorded => _unrecorded;

    public void Fail(string channelId, string reason) => _failing[channelId] = reason;
    public void Pause(string channelId, DateTimeOffset until) => _paused[channelId] = until;
    public void Resume(string channelId) => _paused.TryRemove(channelId, out _);
    public void NotRecorded(string channelId, string what) => _unrecorded[channelId] = what;
    public void Recorded(string channelId) => _unrecorded.TryRemove(channelId, out _);
}

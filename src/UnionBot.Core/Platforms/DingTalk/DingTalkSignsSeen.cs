using System.Security.Cryptography;

namespace UnionBot.Core.Platforms.DingTalk;

/// <summary>
/// DingTalk's callback <c>sign</c> covers the timestamp only (PROTOCOLS.md 2.2), so one captured timestamp/sign pair
/// would carry any body for an hour. Each pair is bound to the first message it came with: used again it is
/// accepted only for that message — the same msgId with the same bytes (DingTalk sending the same request again), or
/// the same msgId once that message was claimed (the msgId dedupe then answers it once, as for any redelivery) —
/// and refused for any other body. The sign is a function of the timestamp, so a valid pair is keyed by its timestamp.
/// </summary>
/// <remarks>
/// Held in memory, bounded: entries leave when their timestamp leaves the <see cref="CallbackWindow"/>, and past
/// <see cref="Capacity"/> (far beyond what one school's robot receives in two hours) the oldest is forgotten first.
/// A restart forgets every pair, and each instance has its own memory.
/// </remarks>
public sealed class DingTalkSignsSeen(TimeProvider time)
{
    public const int Capacity = 100_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Channel, long Timestamp), Use> _uses = new();
    private readonly PriorityQueue<(string Channel, long Timestamp), long> _byTimestamp = new();

    private sealed record Use(string MsgId, UInt128 BodyHash)
    {
        public bool Claimed { get; set; }
    }

    /// <summary>False when the pair was already used for another message.</summary>
    public bool TryUse(string channelId, long timestampMs, string msgId, ReadOnlySpan<byte> body)
    {
        var hash = Hash(body);
        lock (_gate)
        {
            Forget(time.GetUtcNow());
            var key = (channelId, timestampMs);
            if (_uses.TryGetValue(key, out var first))
                return first.MsgId == msgId && (first.Claimed || first.BodyHash == hash);
            if (_uses.Count >= Capacity) _uses.Remove(_byTimestamp.Dequeue());
            _uses[key] = new Use(msgId, hash);
            _byTimestamp.Enqueue(key, timestampMs);
            return true;
        }
    }

    /// <summary>The pair's message was claimed in the msgId dedupe: a second use for it can do nothing more.</summary>
    public void MarkClaimed(string channelId, long timestampMs)
    {
        lock (_gate)
            if (_uses.TryGetValue((channelId, timestampMs), out var use)) use.Claimed = true;
    }

    public int Count { get { lock (_gate) return _uses.Count; } }

    private void Forget(DateTimeOffset now)
    {
        var oldest = (now - CallbackWindow.Width).ToUnixTimeMilliseconds();
        while (_byTimestamp.TryPeek(out var key, out var timestamp) && timestamp < oldest)
        {
            _byTimestamp.Dequeue();
            _uses.Remove(key);
        }
    }

    private static UInt128 Hash(ReadOnlySpan<byte> body)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body, digest);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(digest);
    }
}

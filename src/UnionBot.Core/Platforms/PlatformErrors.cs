using System.Collections.Frozen;
using UnionBot.Core.Options;

namespace UnionBot.Core.Platforms;

/// <summary>
/// The one table that turns a robot's <c>errcode</c> into what UnionBot does about it (PROTOCOLS.md 1.1, 2.1).
/// Each permanent code carries the sentence that tells the administrator what to fix; an unknown code is
/// permanent too, because treating it as success would lose a message silently and retrying it would spam.
/// </summary>
public static class PlatformErrors
{
    private sealed record Entry(SendOutcome Outcome, string Fix);

    // {0} is the channel, described as "wecom-all (全体教职工群)".
    private static readonly FrozenDictionary<int, Entry> Table = new Dictionary<int, Entry>
    {
        [0] = new(SendOutcome.Sent, ""),
        [-1] = new(SendOutcome.Transient, "the platform was busy for channel {0}: UnionBot retries"),
        [45009] = new(SendOutcome.RateLimited, "the WeCom robot of channel {0} sent more than 20 messages in a minute: UnionBot pauses it"),
        [130101] = new(SendOutcome.RateLimited, "the DingTalk robot of channel {0} sent more than 20 messages in a minute: UnionBot pauses it"),
        [410100] = new(SendOutcome.RateLimited, "the DingTalk robot of channel {0} is throttled for sending too fast: UnionBot pauses it"),
        [93000] = new(SendOutcome.Permanent,
            "the WeCom webhook key of channel {0} is invalid or the robot was removed: paste the robot's webhook again"),
        [40008] = new(SendOutcome.Permanent,
            "WeCom refused the message type sent to channel {0}: UnionBot sent a kind of message WeCom does not accept, please report this line"),
        [44004] = new(SendOutcome.Permanent,
            "WeCom refused an empty message for channel {0}: check the announcement or the plan text it came from"),
        [40058] = new(SendOutcome.Permanent,
            "WeCom refused a message for channel {0} as too long: shorten the announcement (UnionBot splits long ones, please report this line)"),
        [310000] = new(SendOutcome.Permanent,
            "DingTalk's security check refused channel {0}: make Secret equal the robot's 加签 secret (or fix its keywords / IP range) and check this computer's clock"),
        [300001] = new(SendOutcome.Permanent,
            "the DingTalk access token of channel {0} does not exist: paste the robot's webhook again"),
        [300005] = new(SendOutcome.Permanent,
            "the DingTalk access token of channel {0} is no longer valid: paste the robot's webhook again"),
        [400013] = new(SendOutcome.Permanent,
            "the DingTalk group of channel {0} was dissolved: remove the channel or add a robot to the new group and paste its webhook"),
        [400101] = new(SendOutcome.Permanent,
            "channel {0} has no DingTalk access token: set AccessToken to the robot's webhook"),
        [400102] = new(SendOutcome.Permanent,
            "the DingTalk robot of channel {0} is disabled: enable it again in the group's robot settings"),
        [400106] = new(SendOutcome.Permanent,
            "the DingTalk robot of channel {0} no longer exists: add a custom robot to the group and paste its webhook"),
        [460101] = new(SendOutcome.Permanent,
            "DingTalk refused a message for channel {0} as too long: shorten the announcement (UnionBot splits long ones, please report this line)"),
    }.ToFrozenDictionary();

    /// <summary>Every code the table knows (the tests walk them all).</summary>
    public static IReadOnlyCollection<int> KnownCodes => Table.Keys;

    /// <summary>Classifies a platform answer; the message names the channel and, when it will not heal by itself, what to fix.</summary>
    public static SendResult Classify(ChannelOptions channel, int errcode, string? errmsg)
    {
        var detail = $"errcode {errcode}: {Sanitize(errmsg)}";
        if (!Table.TryGetValue(errcode, out var entry))
            return new(SendOutcome.Permanent, errcode,
                $"channel {Describe(channel)} got an errcode UnionBot does not know, so it is not retried: check the robot in the group settings ({detail})");
        return entry.Outcome == SendOutcome.Sent
            ? SendResult.Ok
            : new(entry.Outcome, errcode, $"{string.Format(entry.Fix, Describe(channel))} ({detail})");
    }

    /// <summary>
    /// The codes that refuse this one message (its type, emptiness or length) rather than the channel: the outbox can
    /// fail the row and carry on with the next, where a channel error (a removed robot, a wrong secret) stops them all.
    /// </summary>
    public static bool IsContentError(int? errcode) => errcode is 40008 or 44004 or 40058 or 460101;

    /// <summary>The administrator's sentence for a known code, or null for 0 and unknown codes.</summary>
    public static string? FixFor(ChannelOptions channel, int errcode) =>
        errcode != 0 && Table.TryGetValue(errcode, out var entry) ? string.Format(entry.Fix, Describe(channel)) : null;

    public static string Describe(ChannelOptions channel) =>
        string.IsNullOrWhiteSpace(channel.Name) ? channel.Id : $"{channel.Id} ({channel.Name})";

    // errmsg comes from the network: keep it to one short line in logs and the outbox.
    private static string Sanitize(string? errmsg)
    {
        if (string.IsNullOrWhiteSpace(errmsg)) return "no message";
        var line = new string(errmsg.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        return line.Length <= 200 ? line : line[..200] + "…";
    }
}

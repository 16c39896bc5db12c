using UnionBot.Core.Options;

namespace UnionBot.Core.Commands;

/// <summary>Where a follow-up (a promotion, a suggestion reply) is posted: back in the group the teacher used.</summary>
public static class GroupOf
{
    /// <summary>
    /// The channel itself when it can post announcements; a configured channel that only receives commands (no
    /// webhook) cannot, and then every channel gets the post rather than nobody.
    /// </summary>
    public static string? Target(string channelId, UnionBotOptions options) =>
        options.Channels.FirstOrDefault(c => c.Id == channelId) is { CanSend: false } ? null : channelId;
}

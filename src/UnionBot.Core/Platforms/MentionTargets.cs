namespace UnionBot.Core.Platforms;

/// <summary>
/// <see cref="Announcements.OutgoingMessage.Mentions"/> sorted the way both robots want them: user ids, and 11-digit
/// mainland mobile numbers (which the platforms take in a separate list).
/// </summary>
/// <remarks>
/// Every mention is a person's id, and ids come from the platforms' bodies and from what people typed. So an id that
/// is a platform keyword (<c>@all</c>, <c>all</c>) or carries mention markup (<c>&lt;</c>, <c>&gt;</c>, spaces) is
/// dropped, never passed on: "@all" as a sender's id must not notify the whole group (DingTalk <c>isAtAll</c>, WeCom
/// <c>mentioned_list:["@all"]</c> or <c>&lt;@all&gt;</c>). UnionBot itself never mentions everyone.
/// </remarks>
public sealed record MentionTargets(IReadOnlyList<string> UserIds, IReadOnlyList<string> Mobiles)
{
    public bool Any => UserIds.Count > 0 || Mobiles.Count > 0;

    public static MentionTargets From(IReadOnlyList<string>? mentions)
    {
        var users = new List<string>();
        var mobiles = new List<string>();
        foreach (var raw in mentions ?? [])
        {
            var id = raw.Trim();
            if (!IsPersonId(id)) continue;
            if (IsMobile(id)) { if (!mobiles.Contains(id)) mobiles.Add(id); }
            else if (!users.Contains(id, StringComparer.Ordinal)) users.Add(id);
        }
        return new(users, mobiles);
    }

    /// <summary>The ids that may be mentioned: see the remarks.</summary>
    public static bool IsPersonId(string id) =>
        id.Length is > 0 and <= 128 && !id.StartsWith('@') && !id.Equals("all", StringComparison.OrdinalIgnoreCase) &&
        !id.Any(c => c is '<' or '>' || char.IsWhiteSpace(c) || char.IsControl(c));

    public static bool IsMobile(string id) => id.Length == 11 && id[0] == '1' && id.All(char.IsAsciiDigit);
}

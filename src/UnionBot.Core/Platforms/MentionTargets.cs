namespace UnionBot.Core.Platforms;

/// <summary>
/// <see cref="Announcements.OutgoingMessage.Mentions"/> sorted the way both robots want them: <c>@all</c>, user ids,
/// and 11-digit mainland mobile numbers (which the platforms take in a separate list).
/// </summary>
public sealed record MentionTargets(bool All, IReadOnlyList<string> UserIds, IReadOnlyList<string> Mobiles)
{
    public const string AllId = "@all";

    public bool Any => All || UserIds.Count > 0 || Mobiles.Count > 0;

    public static MentionTargets From(IReadOnlyList<string>? mentions)
    {
        var all = false;
        var users = new List<string>();
        var mobiles = new List<string>();
        foreach (var raw in mentions ?? [])
        {
            var id = raw.Trim();
            if (id.Length == 0) continue;
            if (id.Equals(AllId, StringComparison.OrdinalIgnoreCase)) all = true;
            else if (IsMobile(id)) { if (!mobiles.Contains(id)) mobiles.Add(id); }
            else if (!users.Contains(id, StringComparer.Ordinal)) users.Add(id);
        }
        return new(all, users, mobiles);
    }

    public static bool IsMobile(string id) => id.Length == 11 && id[0] == '1' && id.All(char.IsAsciiDigit);
}

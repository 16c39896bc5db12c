using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UnionBot.Core.Options;

namespace UnionBot.Core.Members;

/// <summary>
/// The optional <c>Members</c> roster (<c>userid,name,branch</c>, UTF-8, header row) that turns user ids into the
/// names teachers know. Read again when the file changes, so the chair can edit it without a restart.
/// </summary>
public sealed class MemberDirectory(IOptions<UnionBotOptions> options, ILogger<MemberDirectory> logger)
{
    private readonly Lock _gate = new();
    private DateTime _loadedStamp = DateTime.MinValue;
    private IReadOnlyDictionary<string, Member> _names = new Dictionary<string, Member>();

    /// <summary>The roster name, else the platform's nick, else the user id.</summary>
    public string DisplayName(string userId, string? nick = null) =>
        Names().TryGetValue(userId, out var member) ? member.Name : string.IsNullOrWhiteSpace(nick) ? userId : nick.Trim();

    /// <summary>The roster entry, when the user is on it.</summary>
    public Member? Find(string userId) => Names().GetValueOrDefault(userId);

    /// <summary>Everyone on the roster, in the file's order.</summary>
    public IReadOnlyList<Member> All => Names().Values.ToList();

    private IReadOnlyDictionary<string, Member> Names()
    {
        var path = options.Value.Members;
        if (string.IsNullOrWhiteSpace(path)) return _names;
        lock (_gate)
        {
            try
            {
                var stamp = File.Exists(path) ? File.GetLastWriteTimeUtc(path) : DateTime.MinValue;
                if (stamp == _loadedStamp) return _names;
                _names = stamp == DateTime.MinValue ? new Dictionary<string, Member>() : Parse(File.ReadAllLines(path));
                _loadedStamp = stamp;
                logger.LogInformation("Members roster read: {Count} names", _names.Count);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning("Members roster {Path} cannot be read ({Reason}); showing nicks or user ids", path, e.Message);
            }
            return _names;
        }
    }

    internal static Dictionary<string, Member> Parse(IEnumerable<string> lines)
    {
        // Insertion order is kept by Dictionary while nothing is removed: the roster page lists the file's order.
        var names = new Dictionary<string, Member>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split(',');
            if (fields.Length < 2) continue;
            var id = fields[0].Trim().Trim('"');
            var name = fields[1].Trim().Trim('"');
            var branch = fields.Length > 2 ? fields[2].Trim().Trim('"') : "";
            if (id.Length > 0 && name.Length > 0) names[id] = new Member(id, name, branch);
        }
        return names;
    }
}

/// <summary>One line of the roster: <c>userid,name,branch</c>.</summary>
public sealed record Member(string UserId, string Name, string Branch);

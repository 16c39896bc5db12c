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
    private IReadOnlyDictionary<string, string> _names = new Dictionary<string, string>();

    /// <summary>The roster name, else the platform's nick, else the user id.</summary>
    public string DisplayName(string userId, string? nick = null) =>
        Names().TryGetValue(userId, out var name) ? name : string.IsNullOrWhiteSpace(nick) ? userId : nick.Trim();

    private IReadOnlyDictionary<string, string> Names()
    {
        var path = options.Value.Members;
        if (string.IsNullOrWhiteSpace(path)) return _names;
        lock (_gate)
        {
            try
            {
                var stamp = File.Exists(path) ? File.GetLastWriteTimeUtc(path) : DateTime.MinValue;
                if (stamp == _loadedStamp) return _names;
                _names = stamp == DateTime.MinValue ? new Dictionary<string, string>() : Parse(File.ReadAllLines(path));
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

    internal static Dictionary<string, string> Parse(IEnumerable<string> lines)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split(',');
            if (fields.Length < 2) continue;
            var id = fields[0].Trim().Trim('"');
            var name = fields[1].Trim().Trim('"');
            if (id.Length > 0 && name.Length > 0) names[id] = name;
        }
        return names;
    }
}

using Microsoft.Extensions.Options;
using UnionBot.Core.Options;

namespace UnionBot.Local;

public sealed record LocalUser(string Id, string Name, bool Admin);

/// <summary>
/// The user ids offered on the local chat page: the admins first, then the <c>Members</c> roster
/// (<c>userid,name,branch</c>, header row). A missing or broken roster only means fewer names to pick.
/// </summary>
public sealed class LocalRoster(IOptions<UnionBotOptions> options, ILogger<LocalRoster> logger)
{
    private readonly Lazy<IReadOnlyList<LocalUser>> _users = new(() => Load(options.Value, logger));

    public IReadOnlyList<LocalUser> Users => _users.Value;

    private static IReadOnlyList<LocalUser> Load(UnionBotOptions o, ILogger logger)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var order = new List<string>();
        if (!string.IsNullOrWhiteSpace(o.Members) && File.Exists(o.Members))
        {
            try
            {
                foreach (var line in File.ReadLines(o.Members).Skip(1))
                {
                    var cells = line.Split(',');
                    var id = cells[0].Trim();
                    if (id.Length == 0 || names.ContainsKey(id)) continue;
                    names[id] = cells.Length > 1 && cells[1].Trim().Length > 0 ? cells[1].Trim() : id;
                    order.Add(id);
                }
            }
            catch (IOException e)
            {
                logger.LogWarning("Members roster {Path} could not be read: {Reason}", o.Members, e.Message);
            }
        }
        var admins = o.Admins.Where(a => !string.IsNullOrWhiteSpace(a)).Distinct().ToList();
        return admins.Select(a => new LocalUser(a, names.GetValueOrDefault(a, a), true))
            .Concat(order.Where(id => !admins.Contains(id)).Select(id => new LocalUser(id, names[id], false)))
            .ToList();
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UnionBot.Core.Commands;
using UnionBot.Core.Options;
using UnionBot.Core.Plan;
using UnionBot.Core.Storage;

namespace UnionBot.Core.Members;

/// <summary>
/// The roster (<c>userid,name,branch</c>) that turns user ids into the names teachers know. Until the chair imports
/// one in the console it is the optional <c>Members</c> file (UTF-8 or GB18030, header row), read again when the file
/// changes; from the first import on it is the imported roster in the database, and the file is no longer read.
/// </summary>
public sealed class MemberDirectory(IOptions<UnionBotOptions> options, ILogger<MemberDirectory> logger, Database? database = null)
{
    private readonly Lock _gate = new();
    private DateTime _loadedStamp = DateTime.MinValue;
    private IReadOnlyDictionary<string, Member> _names = new Dictionary<string, Member>();

    // Read from the database once, then replaced by each import: this process is the only one that imports.
    private volatile Imported? _imported;
    private volatile bool _importChecked;

    private sealed record Imported(MemberImport Import, IReadOnlyDictionary<string, Member> Names);

    /// <summary>The roster name, else the platform's nick, else the user id.</summary>
    public string DisplayName(string userId, string? nick = null) =>
        Names().TryGetValue(userId, out var member) ? member.Name : string.IsNullOrWhiteSpace(nick) ? userId : nick.Trim();

    /// <summary>The roster entry, when the user is on it.</summary>
    public Member? Find(string userId) => Names().GetValueOrDefault(userId);

    /// <summary>Everyone on the roster, in the file's (or the imported sheet's) order.</summary>
    public IReadOnlyList<Member> All => Names().Values.ToList();

    /// <summary>The import the roster comes from, or null while it is the <c>Members</c> file.</summary>
    public MemberImport? LastImport => CheckImported()?.Import;

    /// <summary>Makes <paramref name="members"/> the roster (stored, audited) instead of whatever was the source.</summary>
    public async Task<MemberImport> ImportAsync(IReadOnlyList<Member> members, string fileName, string summary, CommandContext ctx, CancellationToken ct)
    {
        if (database is null) throw new InvalidOperationException("the roster cannot be imported without the database");
        var import = await MemberTable.ReplaceAsync(database, members, fileName, summary, ctx, ct);
        _imported = new Imported(import, Index(members));
        _importChecked = true;
        logger.LogInformation("Members roster imported by {UserId} from {File}: {Count} names; the Members file is no longer read", ctx.UserId, fileName, members.Count);
        return import;
    }

    private IReadOnlyDictionary<string, Member> Names() => CheckImported()?.Names ?? FileNames();

    private Imported? CheckImported()
    {
        if (_importChecked || database is null) return _imported;
        lock (_gate)
        {
            if (_importChecked) return _imported;
            try
            {
                if (MemberTable.Load(database) is { } loaded) _imported = new Imported(loaded.Import, Index(loaded.Members));
                _importChecked = true;
            }
            catch (SqliteException e)
            {
                // Asked again at the next call: the database may be busy or not migrated yet.
                logger.LogWarning("The imported roster cannot be read ({Reason}); showing the Members file meanwhile", e.Message);
            }
            return _imported;
        }
    }

    private IReadOnlyDictionary<string, Member> FileNames()
    {
        var path = options.Value.Members;
        if (string.IsNullOrWhiteSpace(path)) return _names;
        lock (_gate)
        {
            try
            {
                var stamp = File.Exists(path) ? File.GetLastWriteTimeUtc(path) : DateTime.MinValue;
                if (stamp == _loadedStamp) return _names;
                _names = stamp == DateTime.MinValue ? new Dictionary<string, Member>() : Read(File.ReadAllBytes(path), path);
                _loadedStamp = stamp;
                logger.LogInformation("Members roster read: {Count} names", _names.Count);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlanReadException)
            {
                logger.LogWarning("Members roster {Path} cannot be read ({Reason}); showing nicks or user ids", path, e.Message);
            }
            return _names;
        }
    }

    private Dictionary<string, Member> Read(byte[] bytes, string path)
    {
        var reading = Roster.FromRows(Roster.CsvRows(PlanText.Decode(bytes, path)));
        if (reading.Problems.Count > 0)
            logger.LogWarning("Members roster {Path}: {Count} rows not read, e.g. {Problem}", path, reading.Problems.Count, reading.Problems[0]);
        return Index(reading.Members);
    }

    // Insertion order is kept by Dictionary while nothing is removed: the roster page lists the source's order.
    private static Dictionary<string, Member> Index(IEnumerable<Member> members) =>
        members.ToDictionary(m => m.UserId, StringComparer.Ordinal);
}

/// <summary>One line of the roster: <c>userid,name,branch</c>.</summary>
public sealed record Member(string UserId, string Name, string Branch);

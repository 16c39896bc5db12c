using System.Collections.Concurrent;

namespace UnionBot.Core.Commands;

/// <summary>
/// The numbered list a teacher was last shown when a name matched several activities, so that
/// <c>/报名 2</c> picks the second. Kept in memory for a short while per channel, user and command: a restart
/// only means retyping the name.
/// </summary>
public sealed class PendingChoices(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    private readonly ConcurrentDictionary<(string Channel, string User, Type Command), (Command Template, IReadOnlyList<string> Titles, DateTimeOffset Expires)> _choices = new();

    public void Offer(CommandContext ctx, Command template, IReadOnlyList<string> titles)
    {
        var now = time.GetUtcNow();
        // Lists nobody answered stay until this sweep; a school's staff keeps it small, the sweep keeps it bounded.
        if (_choices.Count > 1000)
            foreach (var stale in _choices.Where(c => c.Value.Expires < now).Select(c => c.Key).ToList())
                _choices.TryRemove(stale, out _);
        _choices[(ctx.ChannelId, ctx.UserId, template.GetType())] = (template, titles, now + Lifetime);
    }

    /// <summary>When <paramref name="typed"/> is a number from the last list shown for this command, the title it names.</summary>
    public bool TryPick(CommandContext ctx, Command command, string typed, out string title, out Command template)
    {
        title = "";
        template = command;
        var key = (ctx.ChannelId, ctx.UserId, command.GetType());
        if (!int.TryParse(typed, out var n) || !_choices.TryGetValue(key, out var offer)) return false;
        if (offer.Expires < time.GetUtcNow() || n < 1 || n > offer.Titles.Count)
            return false;
        _choices.TryRemove(key, out _);
        (title, template) = (offer.Titles[n - 1], offer.Template);
        return true;
    }
}

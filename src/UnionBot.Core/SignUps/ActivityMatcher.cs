using System.Collections.Concurrent;
using System.Text;
using UnionBot.Core.Plan;
using UnionBot.Core.Text;

namespace UnionBot.Core.SignUps;

/// <summary>How a typed name matched the activities one can sign up for.</summary>
public abstract record ActivityMatch
{
    private ActivityMatch() { }
    public sealed record One(string Title) : ActivityMatch;
    public sealed record Several(IReadOnlyList<string> Titles) : ActivityMatch;
    public sealed record None : ActivityMatch;
}

/// <summary>
/// SPEC section 7: an exact name, or a part that names one activity only (乒乓球赛 → 举办教职工乒乓球赛).
/// Quotes, spaces, invisible characters (U+200B…), full-width and traditional forms and the odd dots of plan titles
/// (“三﹒八”) are ignored on both sides.
/// </summary>
public static class ActivityMatcher
{
    public static ActivityMatch Match(string typed, IEnumerable<string> titles)
    {
        var key = Normalize(typed);
        if (key.Length == 0) return new ActivityMatch.None();
        var distinct = titles.Distinct().Select(t => (Title: t, Key: NormalizedTitle(t))).ToList();

        foreach (var t in distinct)
            if (t.Key == key) return new ActivityMatch.One(t.Title);

        var partial = distinct.Where(t => t.Key.Contains(key, StringComparison.Ordinal)).Select(t => t.Title).ToList();
        return partial.Count switch
        {
            0 => new ActivityMatch.None(),
            1 => new ActivityMatch.One(partial[0]),
            _ => new ActivityMatch.Several(partial),
        };
    }

    // The titles are the plan's and the sign-ups' (a few dozen), normalised again for every /报名 otherwise. Capped, so
    // that a database full of odd titles cannot grow it without end; past the cap titles are normalised each time.
    private const int MaxCachedTitles = 4096;
    private static readonly ConcurrentDictionary<string, string> NormalizedTitles = new(StringComparer.Ordinal);

    private static string NormalizedTitle(string title) =>
        NormalizedTitles.TryGetValue(title, out var key) ? key
        : NormalizedTitles.Count < MaxCachedTitles ? NormalizedTitles.GetOrAdd(title, Normalize)
        : Normalize(title);

    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var raw in text)
        {
            // The plan reader's own folding (full-width, ﹒, traditional forms), so a name matches as the plan is read.
            var c = PlanChars.Normalize(raw);
            if (char.IsWhiteSpace(c) || InvisibleChars.Is(c) || "\"'“”‘’「」『』《》〈〉<>()（）[]【】.·・﹒。,，、!！?？:：;；-—_".Contains(c)) continue;
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}

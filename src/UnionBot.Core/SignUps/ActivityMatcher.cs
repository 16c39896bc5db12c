using System.Text;
using UnionBot.Core.Plan;

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
/// Quotes, spaces, full-width and traditional forms and the odd dots of plan titles (“三﹒八”) are ignored on both sides.
/// </summary>
public static class ActivityMatcher
{
    public static ActivityMatch Match(string typed, IEnumerable<string> titles)
    {
        var key = Normalize(typed);
        var distinct = titles.Distinct().ToList();
        if (key.Length == 0) return new ActivityMatch.None();

        var exact = distinct.Where(t => Normalize(t) == key).ToList();
        if (exact.Count > 0) return new ActivityMatch.One(exact[0]);

        var partial = distinct.Where(t => Normalize(t).Contains(key, StringComparison.Ordinal)).ToList();
        return partial.Count switch
        {
            0 => new ActivityMatch.None(),
            1 => new ActivityMatch.One(partial[0]),
            _ => new ActivityMatch.Several(partial),
        };
    }

    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var raw in text)
        {
            // The plan reader's own folding (full-width, ﹒, traditional forms), so a name matches as the plan is read.
            var c = PlanChars.Normalize(raw);
            if (char.IsWhiteSpace(c) || "\"'“”‘’「」『』《》〈〉<>()（）[]【】.·・﹒。,，、!！?？:：;；-—_".Contains(c)) continue;
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}

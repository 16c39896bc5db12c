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
    public static ActivityMatch Match(string typed, IEnumerable<string> titles) => Match(typed, new MatchTitles(titles));

    public static ActivityMatch Match(string typed, MatchTitles titles)
    {
        var key = Normalize(typed);
        if (key.Length == 0) return new ActivityMatch.None();

        foreach (var t in titles.Keyed)
            if (t.Key == key) return new ActivityMatch.One(t.Title);

        List<string>? partial = null;
        foreach (var t in titles.Keyed)
            if (t.Key.Contains(key, StringComparison.Ordinal)) (partial ??= []).Add(t.Title);
        return partial switch
        {
            null => new ActivityMatch.None(),
            [var one] => new ActivityMatch.One(one),
            _ => new ActivityMatch.Several(partial),
        };
    }

    /// <summary>
    /// Titles to match against, each once and with its normalised form: a list that message after message is matched
    /// against (the sign-ups and this and next month's plan) is built once, not for every message.
    /// </summary>
    public sealed class MatchTitles
    {
        public MatchTitles(IEnumerable<string> titles)
        {
            Titles = titles.Distinct().ToList();
            Keyed = [.. Titles.Select(t => (t, Normalize(t)))];
        }

        /// <summary>The titles in their first order, without repeats.</summary>
        public IReadOnlyList<string> Titles { get; }

        internal (string Title, string Key)[] Keyed { get; }
    }

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

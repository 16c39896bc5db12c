using System.Text.RegularExpressions;

namespace UnionBot.Core.Commands;

public static partial class CommandParser
{
    public const int MaxPollOptions = 20;
    public const int MaxPollOptionLength = 100;

    /// <summary>
    /// <c>/投票 问题 选项：A、B、C [多选] [匿名]</c>. Flags are whole words (or bracketed anywhere), so an option
    /// list like 实名、匿名 keeps its options. Options split on 、，,|; — or on spaces when none of those is used.
    /// </summary>
    private static Command ParsePoll(CommandText rest)
    {
        bool multi = false, anonymous = false;
        void Flag(string word)
        {
            if (IsMulti(word)) multi = true;
            else if (IsAnonymous(word)) anonymous = true;
        }

        foreach (Match m in BracketFlagRegex().Matches(rest.Folded))
        {
            Flag(m.Groups[1].Value);
            rest = rest.Blank(m.Index, m.Length);
        }

        int questionEnd, optionsStart;
        var keyword = OptionsKeywordRegex().Match(rest.Folded);
        if (keyword.Success) (questionEnd, optionsStart) = (keyword.Index, keyword.Index + keyword.Length);
        else
        {
            // Without 选项： the question ends at its question mark: "/投票 周五去哪？A、B".
            var mark = rest.Folded.IndexOf('?');
            if (mark < 0) return new Command.Unknown(Hints.Poll);
            (questionEnd, optionsStart) = (mark + 1, mark + 1);
        }

        var question = rest.Slice(0, questionEnd);
        var words = WordRegex().Matches(question.Folded);
        var start = 0;
        foreach (Match w in words)
        {
            if (!IsFlag(w.Value)) break;
            Flag(w.Value);
            start = w.Index + w.Length;
        }
        question = question.Slice(start).Trim();
        var qEnd = question.Folded.Length;
        while (qEnd > 0 && (char.IsWhiteSpace(question.Folded[qEnd - 1]) || ",;:、".Contains(question.Folded[qEnd - 1]))) qEnd--;
        question = question.Slice(0, qEnd);

        var options = rest.Slice(optionsStart);
        var cut = options.Folded.Length;
        var tokens = WordRegex().Matches(options.Folded);
        for (var i = tokens.Count - 1; i >= 0 && IsFlag(tokens[i].Value); i--)
        {
            Flag(tokens[i].Value);
            cut = tokens[i].Index;
        }
        options = options.Slice(0, cut);

        if (question.IsEmpty) return new Command.Unknown(Hints.Poll);
        var list = SplitOptions(options);
        if (list.Count < 2 || list.Count > MaxPollOptions || list.Distinct().Count() != list.Count || list.Any(o => o.Length > MaxPollOptionLength))
            return new Command.Unknown(Hints.PollOptions);
        return new Command.CreatePoll(question.CollapsedOriginal(), list, multi, anonymous);
    }

    private static List<string> SplitOptions(CommandText options)
    {
        var separated = options.Folded.IndexOfAny(Separators) >= 0;
        var result = new List<string>();
        var start = 0;
        for (var i = 0; i <= options.Folded.Length; i++)
        {
            var end = i == options.Folded.Length;
            if (!end && !(separated ? Separators.Contains(options.Folded[i]) : options.Folded[i] is ' ' or '\n')) continue;
            var item = options.Slice(start, i - start).TrimArgument();
            if (!item.IsEmpty) result.Add(item.CollapsedOriginal());
            start = i + 1;
        }
        return result;
    }

    private static readonly char[] Separators = ['、', ',', '|', ';', '\n'];

    private static bool IsMulti(string w) => w.ToLowerInvariant() is "多选" or "可多选" or "multi" or "multiple";
    private static bool IsAnonymous(string w) => w.ToLowerInvariant() is "匿名" or "anonymous" or "anon";
    private static bool IsFlag(string w) => IsMulti(w) || IsAnonymous(w) || w.ToLowerInvariant() is "单选" or "实名";

    /// <summary><c>/投 3 1 2</c>, <c>/投 #3 1、2</c>, <c>/投3 2</c>: the poll number, then every number that follows.</summary>
    private static Command ParseVote(CommandText rest)
    {
        var m = VoteRegex().Match(rest.TrimArgument().Folded);
        if (!m.Success || !int.TryParse(m.Groups[1].Value, out var poll) || poll < 1) return new Command.Unknown(Hints.Vote);
        var choices = new List<int>();
        foreach (Match c in NumberRegex().Matches(m.Groups[2].Value))
            if (int.TryParse(c.Value, out var n) && !choices.Contains(n)) choices.Add(n);
        return choices.Count == 0 ? new Command.Unknown(Hints.Vote) : new Command.Vote(poll, choices);
    }

    [GeneratedRegex(@"[\[(]\s*(多选|可多选|单选|匿名|实名|multi|multiple|anonymous|anon)\s*[\])]", RegexOptions.IgnoreCase)]
    private static partial Regex BracketFlagRegex();

    [GeneratedRegex(@"(?:选项|options|choices)\s*[:=]?", RegexOptions.IgnoreCase)]
    private static partial Regex OptionsKeywordRegex();

    [GeneratedRegex(@"[^\s]+")]
    private static partial Regex WordRegex();

    [GeneratedRegex(@"^(?:第)?\s*#?\s*(\d{1,9})(?!\d)\s*(?:号)?(?:投票)?\s*[:,]?(.*)$", RegexOptions.Singleline)]
    private static partial Regex VoteRegex();

    [GeneratedRegex(@"\d{1,4}")]
    private static partial Regex NumberRegex();
}

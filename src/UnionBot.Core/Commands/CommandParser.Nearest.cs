namespace UnionBot.Core.Commands;

public static partial class CommandParser
{
    /// <summary>
    /// The hint for <c>/报明</c>: "你是不是想输入 /报名" when exactly one command word is one edit away (a wrong, missing,
    /// extra or swapped character), the longest such word when several are; otherwise the plain "没有这个命令". One-character words (投) are never guessed: one
    /// edit turns any character into them.
    /// </summary>
    private static string UnknownCommandHint(string folded)
    {
        string? best = null;
        var bestVerb = default(Verb);
        var tie = false;
        foreach (var (word, verb) in Verbs)
        {
            if (word.Length < 2) continue;
            var distance = DistanceToPrefix(word, folded, ascii: char.IsAsciiLetter(word[0]));
            if (distance != 1) continue;
            // The longest word one edit away is the most specific guess (/结束报明: 结束报名, not 结果).
            if (best is null || word.Length > best.Length) (best, bestVerb, tie) = (word, verb, false);
            else if (word.Length == best.Length && verb != bestVerb) tie = true;
        }
        return best is null || tie ? Hints.UnknownCommand : $"没有这个命令哦。你是不是想输入 /{best}？发 /帮助 查看全部命令。";
    }

    /// <summary>
    /// The smallest edit distance between <paramref name="word"/> and a start of <paramref name="typed"/> one shorter,
    /// as long or one longer than it (Chinese commands are often typed without a space: /报明乒乓球赛). An English word
    /// is compared with the whole run of letters typed.
    /// </summary>
    private static int DistanceToPrefix(string word, string typed, bool ascii)
    {
        if (ascii)
        {
            var letters = 0;
            while (letters < typed.Length && char.IsAsciiLetter(typed[letters])) letters++;
            return Distance(word, typed[..letters].ToLowerInvariant());
        }
        var end = 0;
        while (end < typed.Length && !char.IsWhiteSpace(typed[end])) end++;
        var min = int.MaxValue;
        for (var length = word.Length - 1; length <= word.Length + 1; length++)
            if (length <= end) min = Math.Min(min, Distance(word, typed[..length]));
        return min;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
        {
            var cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
        }
        return d[a.Length, b.Length];
    }
}

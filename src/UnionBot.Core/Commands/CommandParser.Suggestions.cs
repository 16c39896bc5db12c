using System.Text.RegularExpressions;

namespace UnionBot.Core.Commands;

public static partial class CommandParser
{
    /// <summary>
    /// <c>/建议 [匿名] 内容</c>, <c>/建议 查询 编号</c>, <c>/建议 列表</c>, <c>/建议 回复 编号 内容</c>. 查询 and 回复 are only
    /// sub-commands when a receipt follows, so a suggestion that starts with those words is still a suggestion.
    /// </summary>
    private static Command ParseSuggestion(CommandText rest)
    {
        rest = rest.TrimStart();
        var sub = SubCommandRegex().Match(rest.Folded);
        if (sub.Success)
        {
            var word = sub.Groups[1].Value.ToLowerInvariant();
            var after = rest.Slice(sub.Length).TrimStart();
            if (word is "列表" or "list")
            {
                if (after.TrimArgument().IsEmpty) return new Command.SuggestionList();
            }
            else if ((ReadReceipt(after.Folded) ?? ReadNumber(after.Folded, word)) is { } receipt)
            {
                var text = after.Slice(receipt.Length);
                var trimmed = text.Trim();
                while (trimmed.Folded.Length > 0 && trimmed.Folded[0] is ':' or ',') trimmed = trimmed.Slice(1).Trim();
                if (word is "查询" or "查" or "query" or "status") return new Command.SuggestionQuery(receipt.Receipt);
                return trimmed.IsEmpty ? new Command.Unknown(Hints.SuggestionReply) : new Command.SuggestionReply(receipt.Receipt, trimmed.Original);
            }
            else if (after.TrimArgument().IsEmpty || after.Folded.StartsWith("JY", StringComparison.OrdinalIgnoreCase))
                // A mistyped receipt (JY-2026-00O7) must not be stored as a new suggestion.
                return new Command.Unknown(word is "回复" or "答复" or "reply" ? Hints.SuggestionReply : Hints.SuggestionQuery);
        }

        var anonymous = AnonymousRegex().Match(rest.Folded);
        if (anonymous.Success) rest = rest.Slice(anonymous.Length);
        var content = rest.Trim();
        while (content.Folded.Length > 0 && content.Folded[0] is ':' or ',') content = content.Slice(1).Trim();
        return content.IsEmpty ? new Command.Unknown(Hints.Suggest) : new Command.Suggest(anonymous.Success, content.Original);
    }

    private sealed record ReceiptMatch(string Receipt, int Length);

    private static ReceiptMatch? ReadReceipt(string folded)
    {
        var m = ReceiptRegex().Match(folded);
        if (!m.Success || !int.TryParse(m.Groups[2].Value, out var seq) || seq < 1) return null;
        return new ReceiptMatch($"JY-{m.Groups[1].Value}-{seq:D4}", m.Length);
    }

    /// <summary>
    /// A receipt's number alone (<c>1</c>, <c>#2</c>, <c>0002</c>, <c>2号</c>): for 查询 it must be the whole argument, for
    /// 回复 a space must follow, so that "查询 3楼的灯" stays a suggestion.
    /// </summary>
    private static ReceiptMatch? ReadNumber(string folded, string word)
    {
        var m = BareReceiptRegex().Match(folded);
        if (!m.Success || !int.TryParse(m.Groups[1].Value, out var seq) || seq < 1) return null;
        var rest = folded[m.Length..];
        var query = word is "查询" or "查" or "query" or "status";
        if (query ? rest.Trim().Length > 0 : rest.Length == 0 || !char.IsWhiteSpace(rest[0]) && rest[0] is not (':' or ',')) return null;
        return new ReceiptMatch(seq.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), m.Length);
    }

    [GeneratedRegex(@"^#?\s*(\d{1,6})(?:号)?(?!\d)")]
    private static partial Regex BareReceiptRegex();

    [GeneratedRegex(@"^(查询|查|回复|答复|列表|(?:query|status|reply|list)(?![a-z]))", RegexOptions.IgnoreCase)]
    private static partial Regex SubCommandRegex();

    [GeneratedRegex(@"^JY\s*-?\s*(\d{4})\s*-?\s*(\d{1,6})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex ReceiptRegex();

    [GeneratedRegex(@"^\s*(?:\[\s*匿名\s*\]|\(\s*匿名\s*\)|匿名|anonymous(?![a-z])|anon(?![a-z]))\s*[:,]?", RegexOptions.IgnoreCase)]
    private static partial Regex AnonymousRegex();
}

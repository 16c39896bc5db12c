using System.Text.RegularExpressions;
using UnionBot.Core.Text;

namespace UnionBot.Core.Commands;

/// <summary>
/// Message text → <see cref="Command"/>. Pure: no clock, no database. Tolerates what phones and group chats add:
/// a leading @mention, full-width ／ and spaces, no space after the command word (/报名乒乓球赛), trailing 。！.
/// </summary>
public static partial class CommandParser
{
    public const int MaxLength = 2000;

    private enum Verb { Help, ThisMonth, Plan, SignUp, Cancel, List, Open, Close, Suggest, Poll, Vote, Result, ClosePoll, Announce, WhoAmI, Console }

    // Chinese words first as SPEC names them, then the English alias; longest match wins (取消报名 before 取消, 投票 before 投).
    private static readonly (string Word, Verb Verb)[] Verbs =
    [
        ("帮助", Verb.Help), ("help", Verb.Help), ("菜单", Verb.Help),
        ("本月", Verb.ThisMonth), ("month", Verb.ThisMonth),
        ("计划", Verb.Plan), ("plan", Verb.Plan),
        ("报名", Verb.SignUp), ("signup", Verb.SignUp),
        ("取消报名", Verb.Cancel), ("取消", Verb.Cancel), ("cancel", Verb.Cancel),
        ("名单", Verb.List), ("list", Verb.List),
        ("发起报名", Verb.Open), ("open", Verb.Open),
        ("结束报名", Verb.Close), ("close", Verb.Close),
        ("建议", Verb.Suggest), ("suggest", Verb.Suggest),
        ("投票", Verb.Poll), ("poll", Verb.Poll),
        ("投", Verb.Vote), ("vote", Verb.Vote),
        ("结果", Verb.Result), ("result", Verb.Result),
        ("结束投票", Verb.ClosePoll), ("closepoll", Verb.ClosePoll), ("endpoll", Verb.ClosePoll),
        ("公告", Verb.Announce), ("announce", Verb.Announce),
        ("我的ID", Verb.WhoAmI), ("我的账号", Verb.WhoAmI), ("whoami", Verb.WhoAmI),
        ("后台", Verb.Console), ("console", Verb.Console),
    ];

    public static Command Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new Command.Unknown(Hints.Empty);
        if (text.Length > MaxLength) return new Command.TooLong(text.Length);

        var body = StripMentions(CommandText.Of(InvisibleChars.Strip(text))).Trim();
        if (body.IsEmpty) return new Command.Unknown(Hints.Empty);

        var hasSlash = body.Folded[0] == '/';
        if (hasSlash) body = body.Slice(1).TrimStart();
        if (!TryReadVerb(body.Folded, hasSlash, out var verb, out var length))
            return new Command.Unknown(hasSlash ? UnknownCommandHint(body.Folded) : Hints.NotACommand);

        var rest = body.Slice(length);
        return verb switch
        {
            Verb.Help => new Command.Help(),
            Verb.ThisMonth => new Command.ThisMonth(),
            Verb.Plan => ParsePlan(rest),
            Verb.SignUp => Named(rest, a => new Command.SignUp(a), Hints.SignUp),
            Verb.Cancel => Named(rest, a => new Command.CancelSignUp(a), Hints.Cancel),
            Verb.List => rest.TrimArgument().IsEmpty ? new Command.ListSignUps(null) : new Command.ListSignUps(Name(rest)),
            Verb.Open => ParseOpen(rest),
            Verb.Close => Named(rest, a => new Command.CloseSignUp(a), Hints.Close),
            Verb.Suggest => ParseSuggestion(rest),
            Verb.Poll => ParsePoll(rest),
            Verb.Vote => ParseVote(rest),
            Verb.Result => ParseResult(rest),
            Verb.ClosePoll => PollNumber(rest) is { } n ? new Command.ClosePoll(n) : new Command.Unknown(Hints.ClosePoll),
            Verb.WhoAmI => new Command.WhoAmI(),
            Verb.Console => new Command.ConsoleLink(),
            Verb.Announce => rest.Trim().IsEmpty ? new Command.Unknown(Hints.Announce) : new Command.Announce(rest.Trim().Original),
            _ => new Command.Unknown(Hints.UnknownCommand),
        };
    }

    /// <summary>Drops leading <c>@name</c> tokens: a mention ends at a space or where the command's slash begins.</summary>
    private static CommandText StripMentions(CommandText text)
    {
        var t = text.TrimStart();
        while (t.Folded.Length > 0 && t.Folded[0] == '@')
        {
            var end = 1;
            while (end < t.Folded.Length && !char.IsWhiteSpace(t.Folded[end]) && t.Folded[end] != '/') end++;
            t = t.Slice(end).TrimStart();
        }
        return t;
    }

    private static bool TryReadVerb(string folded, bool hasSlash, out Verb verb, out int length)
    {
        verb = default;
        length = 0;
        foreach (var (word, v) in Verbs)
        {
            if (word.Length <= length || !folded.StartsWith(word, StringComparison.OrdinalIgnoreCase)) continue;
            var next = word.Length < folded.Length ? folded[word.Length] : ' ';
            // English words end at a non-letter (/listing is not /list); without a slash any word must stand alone,
            // so that a chat line like "建议大家早点到" is not taken for a command.
            if (char.IsAsciiLetter(word[0]) && char.IsAsciiLetter(next)) continue;
            if (!hasSlash && !char.IsWhiteSpace(next)) continue;
            (verb, length) = (v, word.Length);
        }
        return length > 0;
    }

    private static Command Named(CommandText rest, Func<string, Command> make, string hint) =>
        rest.TrimArgument().IsEmpty ? new Command.Unknown(hint) : make(Name(rest));

    private static string Name(CommandText rest) => rest.TrimArgument().CollapsedOriginal();

    private static Command ParsePlan(CommandText rest)
    {
        var arg = rest.TrimArgument().Folded.Replace(" ", "");
        if (arg.Length == 0) return new Command.Plan(null);
        var m = MonthRegex().Match(arg);
        var month = m.Success ? (m.Groups[1].Value == "元" ? 1 : ChineseNumber.Parse(m.Groups[1].Value)) : null;
        return month is >= 1 and <= 12 ? new Command.Plan(month) : new Command.Unknown(Hints.Plan);
    }

    private static Command ParseResult(CommandText rest) =>
        rest.TrimArgument().IsEmpty ? new Command.PollResult(null)
        : PollNumber(rest) is { } n ? new Command.PollResult(n)
        : new Command.Unknown(Hints.Result);

    /// <summary>3, #3, 3号, 第3个 → 3.</summary>
    private static int? PollNumber(CommandText rest)
    {
        var m = PollNumberRegex().Match(rest.TrimArgument().Folded);
        return m.Success && int.TryParse(m.Groups[1].Value, out var n) && n > 0 ? n : null;
    }

    [GeneratedRegex(@"^(\d{1,2}|[一二三四五六七八九十]{1,3}|元)(?:月份?)?$")]
    private static partial Regex MonthRegex();

    [GeneratedRegex(@"^(?:第|no\.?)?\s*#?\s*(\d{1,9})\s*(?:号|个)?$", RegexOptions.IgnoreCase)]
    private static partial Regex PollNumberRegex();
}

using UnionBot.Core.Storage;
using UnionBot.Core.Commands;
using UnionBot.Core.Members;

namespace UnionBot.Core.SignUps;

/// <summary>One line of a sign-up's list as the chair exports it: 序号, 姓名, 用户ID, 分会, 报名时间, 状态.</summary>
public sealed record SignUpLine(int Number, string Name, string UserId, string Branch, DateTimeOffset JoinedAt, bool Waiting, long Position)
{
    /// <summary>已报名, or 候补N for the N-th on the waiting list.</summary>
    public string Status => Waiting ? $"候补{Position}" : "已报名";
}

public static class SignUpSheet
{
    public static readonly string[] Headers = ["序号", "姓名", "用户ID", "分会", "报名时间", "状态"];

    /// <summary>Everyone in arrival order, named from the roster (else the platform's nick, else the user id).</summary>
    public static IReadOnlyList<SignUpLine> Lines(SignUpRow signUp, IReadOnlyList<EntryRow> entries, MemberDirectory members) =>
        SignUpStore.Standings(entries, signUp.Quota)
            .Select((s, i) => new SignUpLine(i + 1, members.DisplayName(s.Entry.UserId, s.Entry.UserName), s.Entry.UserId,
                members.Find(s.Entry.UserId)?.Branch ?? "", StoredTime.Parse(s.Entry.JoinedAt), s.Standing.Waiting, s.Standing.Position))
            .ToList();

    /// <summary>The six cells of a line, the time in <paramref name="zone"/>.</summary>
    public static string[] Cells(SignUpLine line, TimeZoneInfo zone) =>
    [
        line.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), line.Name, line.UserId, line.Branch,
        TimeZoneInfo.ConvertTime(line.JoinedAt, zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        line.Status,
    ];
}

namespace UnionBot.Core.Commands;

/// <summary>
/// The /我的ID answer. The ids are shown in code spans: user ids such as <c>zhang_san</c> would otherwise turn into
/// italics in the group's markdown, and the chair copies them character for character into the configuration.
/// </summary>
public static class WhoAmIText
{
    public static string For(CommandContext ctx)
    {
        var admin = ctx.IsAdmin
            ? "是（可以用 /发起报名、/公告 等管理员命令）"
            : "否（要设为管理员，请把上面的用户ID加到配置文件 config/unionbot.local.json 的 UnionBot:Admins 里，然后重启工会助手）";
        return $"""
            **你的信息**
            - 用户ID：`{ctx.UserId}`
            - 本群（频道）ID：`{ctx.ChannelId}`
            - 平台：{PlatformName(ctx.Message.Platform)}
            - 管理员：{admin}
            """;
    }

    private static string PlatformName(Options.PlatformKind platform) => platform switch
    {
        Options.PlatformKind.WeCom => "企业微信",
        Options.PlatformKind.DingTalk => "钉钉",
        _ => "本机聊天页",
    };
}

using UnionBot.Core.Text;

namespace UnionBot.Core.Commands;

/// <summary>
/// The /帮助 answer: every command with its English alias; admins also see theirs. The /报名 example is an event of the
/// running plan (<see cref="PlanCalendar.SignUpExample"/>), or a pointer to /本月 when this and next month have none.
/// </summary>
public static class HelpText
{
    private const string Everyone = """
        **工会助手可以帮你：**
        - /本月 (/month) 本月活动和正在进行的报名
        - /计划 [N月] (/plan) 工会工作计划
        - /报名 活动名 (/signup) 报名{0}
        - /取消报名 活动名 (/cancel) 取消报名
        - /名单 活动名 (/list) 查看报名名单
        - /建议 [匿名] 内容 (/suggest) 提建议，会给你回执编号
        - /建议 查询 编号 查看建议的处理和回复
        - /投票 问题 选项：A、B、C [多选] [匿名] (/poll) 发起投票
        - /投 投票编号 选项号 (/vote) 投票，再投一次会改票
        - /结果 投票编号 (/result) 查看投票结果
        - /结束投票 投票编号 (/closepoll) 发起人结束投票
        - /我的ID (/whoami) 查看自己的用户ID和本群ID（设置管理员时用）
        """;

    private const string Admins = """
        **管理员命令：**
        - /发起报名 活动名 [名额N] [截止M月D日] (/open)
        - /结束报名 活动名 (/close)
        - /建议 列表 、/建议 回复 编号 内容
        - /公告 内容 (/announce) 发到所有群
        - /后台 (/console) 私聊我，获取管理后台的登录链接
        """;

    public static string For(bool isAdmin, string? signUpExample)
    {
        var everyone = Everyone.Replace("{0}", signUpExample is { } example ? $"，例如 /报名 {Markdown.Inline(example)}" : "（发 /本月 看看有哪些活动）", StringComparison.Ordinal);
        return isAdmin ? everyone + "\n\n" + Admins : everyone;
    }
}

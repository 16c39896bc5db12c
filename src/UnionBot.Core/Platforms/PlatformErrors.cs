using System.Collections.Frozen;
using UnionBot.Core.Options;

namespace UnionBot.Core.Platforms;

/// <summary>
/// The one table that turns a robot's <c>errcode</c> into what UnionBot does about it (PROTOCOLS.md 1.1, 2.1).
/// Each permanent code carries the sentence that tells the administrator what to fix; an unknown code is
/// permanent too, because treating it as success would lose a message silently and retrying it would spam.
/// </summary>
public static class PlatformErrors
{
    /// <param name="Fix">What the administrator must do, for the log and /healthz (English, as the log is).</param>
    /// <param name="Chinese">The same in words the union chair reads in the console.</param>
    private sealed record Entry(SendOutcome Outcome, string Fix, string Chinese);

    // {0} is the channel, described as "wecom-all (全体教职工群)".
    private static readonly FrozenDictionary<int, Entry> Table = new Dictionary<int, Entry>
    {
        [0] = new(SendOutcome.Sent, "", ""),
        [-1] = new(SendOutcome.Transient, "the platform was busy for channel {0}: UnionBot retries",
            "平台忙，没有接收，助手会自动重试；一直不成功时可以点“重发”"),
        [45009] = new(SendOutcome.RateLimited, "the WeCom robot of channel {0} sent more than 20 messages in a minute: UnionBot pauses it",
            "企业微信群机器人一分钟内发了 20 条以上，平台限流：助手暂停一会儿再发"),
        [130101] = new(SendOutcome.RateLimited, "the DingTalk robot of channel {0} sent more than 20 messages in a minute: UnionBot pauses it",
            "钉钉群机器人一分钟内发了 20 条以上，平台限流：助手暂停一会儿再发"),
        [410100] = new(SendOutcome.RateLimited, "the DingTalk robot of channel {0} is throttled for sending too fast: UnionBot pauses it",
            "钉钉群机器人发得太快被限流：助手暂停一会儿再发"),
        [93000] = new(SendOutcome.Permanent,
            "the WeCom webhook key of channel {0} is invalid or the robot was removed: paste the robot's webhook again",
            "企业微信群机器人的 Webhook 地址无效，或机器人已被移出群：请重新复制机器人的 Webhook 地址填到配置里，再重启助手"),
        [40008] = new(SendOutcome.Permanent,
            "WeCom refused the message type sent to channel {0}: UnionBot sent a kind of message WeCom does not accept, please report this line",
            "企业微信不接受这种消息类型：这是助手的问题，请把这条记录告诉维护的老师"),
        [44004] = new(SendOutcome.Permanent,
            "WeCom refused an empty message for channel {0}: check the announcement or the plan text it came from",
            "企业微信拒收空消息：请检查这条通知或它来自的计划内容"),
        [40058] = new(SendOutcome.Permanent,
            "WeCom refused a message for channel {0} as too long: shorten the announcement (UnionBot splits long ones, please report this line)",
            "企业微信嫌消息太长拒收：请把通知写短一些"),
        [310000] = new(SendOutcome.Permanent,
            "DingTalk's security check refused channel {0}: make Secret equal the robot's 加签 secret (or fix its keywords / IP range) and check this computer's clock",
            "钉钉安全设置拦下了消息：请把配置里的 Secret 改成机器人的“加签”密钥（或检查关键词、IP 段），并检查服务器的时间"),
        [300001] = new(SendOutcome.Permanent,
            "the DingTalk access token of channel {0} does not exist: paste the robot's webhook again",
            "钉钉机器人的 access_token 不存在：请重新复制机器人的 Webhook 地址填到配置里"),
        [300005] = new(SendOutcome.Permanent,
            "the DingTalk access token of channel {0} is no longer valid: paste the robot's webhook again",
            "钉钉机器人的 access_token 已失效：请重新复制机器人的 Webhook 地址填到配置里"),
        [400013] = new(SendOutcome.Permanent,
            "the DingTalk group of channel {0} was dissolved: remove the channel or add a robot to the new group and paste its webhook",
            "钉钉群已解散：请删掉这个群的配置，或在新群里添加机器人并填入它的 Webhook"),
        [400101] = new(SendOutcome.Permanent,
            "channel {0} has no DingTalk access token: set AccessToken to the robot's webhook",
            "没有填钉钉机器人的 access_token：请把机器人的 Webhook 地址填到配置里"),
        [400102] = new(SendOutcome.Permanent,
            "the DingTalk robot of channel {0} is disabled: enable it again in the group's robot settings",
            "钉钉群机器人已被停用：请在群设置的机器人里重新启用"),
        [400106] = new(SendOutcome.Permanent,
            "the DingTalk robot of channel {0} no longer exists: add a custom robot to the group and paste its webhook",
            "钉钉群机器人已不存在：请在群里重新添加自定义机器人并填入它的 Webhook"),
        [460101] = new(SendOutcome.Permanent,
            "DingTalk refused a message for channel {0} as too long: shorten the announcement (UnionBot splits long ones, please report this line)",
            "钉钉嫌消息太长拒收：请把通知写短一些"),
    }.ToFrozenDictionary();

    /// <summary>Every code the table knows (the tests walk them all).</summary>
    public static IReadOnlyCollection<int> KnownCodes => Table.Keys;

    /// <summary>Classifies a platform answer; the message names the channel and, when it will not heal by itself, what to fix.</summary>
    public static SendResult Classify(ChannelOptions channel, int errcode, string? errmsg)
    {
        var detail = $"errcode {errcode}: {Sanitize(errmsg)}";
        if (!Table.TryGetValue(errcode, out var entry))
            return new(SendOutcome.Permanent, errcode,
                $"channel {Describe(channel)} got an errcode UnionBot does not know, so it is not retried: check the robot in the group settings ({detail})");
        return entry.Outcome == SendOutcome.Sent
            ? SendResult.Ok
            : new(entry.Outcome, errcode, $"{string.Format(entry.Fix, Describe(channel))} ({detail})");
    }

    /// <summary>
    /// The codes that refuse this one message (its type, emptiness or length) rather than the channel: the outbox can
    /// fail the row and carry on with the next, where a channel error (a removed robot, a wrong secret) stops them all.
    /// </summary>
    public static bool IsContentError(int? errcode) => errcode is 40008 or 44004 or 40058 or 460101;

    /// <summary>The administrator's sentence for a known code, or null for 0 and unknown codes.</summary>
    public static string? FixFor(ChannelOptions channel, int errcode) =>
        errcode != 0 && Table.TryGetValue(errcode, out var entry) ? string.Format(entry.Fix, Describe(channel)) : null;

    /// <summary>The chair's Chinese sentence for a known code (what happened, what to do), or null for 0 and unknown codes.</summary>
    public static string? ChineseFor(int? errcode) =>
        errcode is { } code and not 0 && Table.TryGetValue(code, out var entry) ? entry.Chinese : null;

    public static string Describe(ChannelOptions channel) =>
        string.IsNullOrWhiteSpace(channel.Name) ? channel.Id : $"{channel.Id} ({channel.Name})";

    // errmsg comes from the network: keep it to one short line in logs and the outbox.
    private static string Sanitize(string? errmsg)
    {
        if (string.IsNullOrWhiteSpace(errmsg)) return "no message";
        var line = new string(errmsg.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        return line.Length <= 200 ? line : line[..200] + "…";
    }
}

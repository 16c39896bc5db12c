namespace UnionBot.Core.Announcements;

/// <summary>What a permanent errcode means for the administrator, and whether it breaks the whole channel or one message.</summary>
public static class PlatformErrors
{
    /// <summary>Errors about one message's content: that row fails, the channel carries on.</summary>
    private static readonly HashSet<int> ContentErrors = [40058, 44004, 40008, 460101];

    public static bool BreaksChannel(int? code) => code is not { } c || !ContentErrors.Contains(c);

    public static string Advice(int? code) => code switch
    {
        93000 => "the WeCom webhook key is invalid or the robot was removed from the group: copy the robot's webhook into WebhookKey and restart",
        310000 => "DingTalk refused the signature, keyword or IP: check the robot's Secret (加签) and its security settings, then restart",
        300001 or 300005 => "the DingTalk access token does not exist or expired: copy the robot's webhook token into AccessToken and restart",
        400013 => "the DingTalk group was dissolved: remove the channel or point it at a new group's robot",
        400101 => "the DingTalk access token is missing: set AccessToken and restart",
        400102 => "the DingTalk robot is disabled: enable it in the group's robot settings",
        400106 => "the DingTalk robot no longer exists: add a robot to the group and set its AccessToken",
        40058 or 460101 => "the message is too long for the platform",
        44004 => "the message is empty",
        40008 => "the platform rejected the message type",
        _ => "the platform answered an error UnionBot does not know: check the channel's credentials and the platform's documentation for this code",
    };
}

using UnionBot.Core.Platforms;

namespace UnionBot.Tests.Platforms;

public sealed class WebhookCredentialTests
{
    [Theory]
    [InlineData("693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa", "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa")]
    [InlineData("  693a91f6-7xxx  ", "693a91f6-7xxx")]
    [InlineData("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa", "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa")]
    [InlineData("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?debug=1&KEY=abc%2Ddef#top", "abc-def")]
    [InlineData("https://qyapi.weixin.qq.com/cgi-bin/webhook/send", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send")]
    [InlineData("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?token=abc", "")]
    [InlineData("", "")]
    public void AWeComKeyIsTakenFromABareKeyOrFromThePastedWebhookUrl(string configured, string expected)
    {
        Assert.Equal(expected, WebhookCredential.Extract(configured, "key"));
    }

    [Fact]
    public void ADingTalkTokenIsTakenFromThePastedWebhookUrl()
    {
        Assert.Equal("f3e4d5", WebhookCredential.Extract("https://oapi.dingtalk.com/robot/send?access_token=f3e4d5", "access_token"));
    }
}

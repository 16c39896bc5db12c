using UnionBot.Core.Platforms.DingTalk;

namespace UnionBot.Tests.Platforms;

public sealed class DingTalkSignerTests
{
    [Fact]
    public void TheOfficialVectorSignsToTheDocumentedBase64()
    {
        Assert.Equal("hmPWwU+7lVdm3ZZz0r9tSfx0L4Q26jWOZr9+Gs6EZQM=", DingTalkSigner.Sign("this is secret", 1577262236757));
    }

    [Theory]
    [InlineData("this is secret", 1577262236757L, "hmPWwU%2B7lVdm3ZZz0r9tSfx0L4Q26jWOZr9%2BGs6EZQM%3D")]
    [InlineData("SECx", 1700000000000L, "rgcjbH%2ByFyES%2BS0llX%2BcAPCwVRpsr7sbiX5Lnyo%2FocU%3D")]
    public void BothDocumentedVectorsEncodeForTheUrlExactlyOnce(string secret, long timestamp, string expected)
    {
        Assert.Equal(expected, DingTalkSigner.SignForUrl(secret, timestamp));
    }
}

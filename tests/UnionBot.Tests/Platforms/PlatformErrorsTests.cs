using UnionBot.Core.Options;
using UnionBot.Core.Platforms;

namespace UnionBot.Tests.Platforms;

public sealed class PlatformErrorsTests
{
    private static readonly ChannelOptions Channel = new() { Id = "wecom-all", Name = "全体教职工群", Platform = PlatformKind.WeCom };

    [Theory]
    [InlineData(0, SendOutcome.Sent)]
    [InlineData(-1, SendOutcome.Transient)]
    [InlineData(45009, SendOutcome.RateLimited)]
    [InlineData(130101, SendOutcome.RateLimited)]
    [InlineData(410100, SendOutcome.RateLimited)]
    [InlineData(93000, SendOutcome.Permanent)]
    [InlineData(310000, SendOutcome.Permanent)]
    [InlineData(300001, SendOutcome.Permanent)]
    [InlineData(300005, SendOutcome.Permanent)]
    [InlineData(400013, SendOutcome.Permanent)]
    [InlineData(400101, SendOutcome.Permanent)]
    [InlineData(400102, SendOutcome.Permanent)]
    [InlineData(400106, SendOutcome.Permanent)]
    [InlineData(40008, SendOutcome.Permanent)]
    [InlineData(44004, SendOutcome.Permanent)]
    [InlineData(40058, SendOutcome.Permanent)]
    [InlineData(460101, SendOutcome.Permanent)]
    [InlineData(40035, SendOutcome.Permanent)]
    [InlineData(12345, SendOutcome.Permanent)]
    [InlineData(1, SendOutcome.Permanent)]
    public void EachErrcodeMapsToWhatUnionBotDoesAboutIt(int errcode, SendOutcome expected)
    {
        var result = PlatformErrors.Classify(Channel, errcode, "errmsg");

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(errcode, result.ErrorCode);
    }

    [Fact]
    public void EveryKnownFailureNamesTheChannelAndTheCode()
    {
        foreach (var code in PlatformErrors.KnownCodes.Where(c => c != 0))
        {
            var result = PlatformErrors.Classify(Channel, code, "the platform's words");
            Assert.Contains("wecom-all (全体教职工群)", result.ErrorMessage);
            Assert.Contains($"errcode {code}: the platform's words", result.ErrorMessage);
        }
    }

    [Fact]
    public void TheInvalidWebhookKeyTellsTheAdministratorWhatToDo()
    {
        Assert.Equal(
            "the WeCom webhook key of channel wecom-all (全体教职工群) is invalid or the robot was removed: paste the robot's webhook again",
            PlatformErrors.FixFor(Channel, 93000));
    }

    [Theory]
    [InlineData(40008, true)]
    [InlineData(44004, true)]
    [InlineData(40058, true)]
    [InlineData(460101, true)]
    [InlineData(93000, false)]
    [InlineData(310000, false)]
    [InlineData(400102, false)]
    [InlineData(12345, false)]
    [InlineData(null, false)]
    public void OnlyTheCodesAboutTheMessageItselfAreContentErrors(int? errcode, bool expected)
    {
        Assert.Equal(expected, PlatformErrors.IsContentError(errcode));
    }

    [Fact]
    public void AnUnknownCodeIsNeverSuccessAndIsNotRetried()
    {
        var result = PlatformErrors.Classify(Channel, 88888, "new rule");

        Assert.Equal(SendOutcome.Permanent, result.Outcome);
        Assert.Contains("not retried", result.ErrorMessage);
        Assert.Null(PlatformErrors.FixFor(Channel, 88888));
    }

    [Fact]
    public void APlatformMessageIsKeptToOneShortLine()
    {
        var result = PlatformErrors.Classify(Channel, 93000, "line one\nline two" + new string('x', 500));

        Assert.DoesNotContain("\n", result.ErrorMessage);
        Assert.True(result.ErrorMessage!.Length < 400);
    }
}

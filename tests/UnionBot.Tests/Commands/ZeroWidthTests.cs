using UnionBot.Core.Commands;
using UnionBot.Core.SignUps;
using static UnionBot.Core.Commands.Command;

namespace UnionBot.Tests.Commands;

/// <summary>Zero-width and other invisible format characters (pasted from a document or a chat) do not change a name or a command.</summary>
public sealed class ZeroWidthTests
{
    [Theory]
    [InlineData("师生\u200b冬季长跑")]
    [InlineData("师生\u200c冬季\u200d长跑")]
    [InlineData("\ufeff师生冬季长跑\u2060")]
    [InlineData("师\u00ad生冬季长跑")]
    [InlineData("\u200e师生冬季长跑\u200f")]
    public void ATypedNameWithInvisibleCharactersMatchesThePlanActivity(string typed) =>
        Assert.Equal(new ActivityMatch.One("师生冬季长跑"), ActivityMatcher.Match(typed, ["师生冬季长跑", "教职工乒乓球赛"]));

    [Fact]
    public void APlanTitleWithAZeroWidthSpaceMatchesTheTypedName() =>
        Assert.Equal(new ActivityMatch.One("师生\u200b冬季长跑"), ActivityMatcher.Match("冬季长跑", ["师生\u200b冬季长跑"]));

    [Theory]
    [InlineData("/报\u200b名 师生冬季长跑")]
    [InlineData("\u200b/报名 师生\u200b冬季长跑")]
    [InlineData("/报名\u2060师生冬季长跑")]
    [InlineData("@工会助手\u200b /\ufeff报名 师生冬季长跑")]
    public void ACommandWithInvisibleCharactersIsRecognised(string text) =>
        Assert.Equal(new SignUp("师生冬季长跑"), CommandParser.Parse(text));

    [Fact]
    public void AnEmojiJoinedByAZeroWidthJoinerIsKeptInASuggestion() =>
        Assert.Equal(new Suggest(false, "食堂加油👨‍🍳"), CommandParser.Parse("/建议 食堂加油👨‍🍳"));
}

using UnionBot.Core.SignUps;

namespace UnionBot.Tests.Commands;

public sealed class ActivityMatcherTests
{
    private static readonly string[] Titles = ["举办教职工乒乓球赛", "举办教职工羽毛球赛", "“三﹒八”妇女节专题庆祝活动"];

    [Theory]
    [InlineData("乒乓球赛", "举办教职工乒乓球赛")]
    [InlineData("ＡＢＣ 乒乓球赛", null)]
    [InlineData("三八妇女节", "“三﹒八”妇女节专题庆祝活动")]
    [InlineData("三.八婦女節", "“三﹒八”妇女节专题庆祝活动")]
    [InlineData("「举办教职工羽毛球赛」", "举办教职工羽毛球赛")]
    public void ANameMatchesByItsPartIgnoringQuotesDotsAndCharacterForms(string typed, string? title)
    {
        var match = ActivityMatcher.Match(typed, Titles);
        if (title is null) Assert.IsType<ActivityMatch.None>(match);
        else Assert.Equal(title, Assert.IsType<ActivityMatch.One>(match).Title);
    }

    [Fact]
    public void APartOfSeveralTitlesOffersThemAll() =>
        Assert.Equal(Titles[..2], Assert.IsType<ActivityMatch.Several>(ActivityMatcher.Match("教职工", Titles)).Titles);
}

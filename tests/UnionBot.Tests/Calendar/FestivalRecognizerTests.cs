using UnionBot.Core.Calendar;

namespace UnionBot.Tests.Calendar;

/// <summary>Festivals recognised however an item writes them, and never in month names or ordinary numbers.</summary>
public sealed class FestivalRecognizerTests
{
    [Theory]
    [InlineData("“三﹒八”妇女节专题庆祝活动", "womens-day")]
    [InlineData("\"三﹒八\"妇女节专题庆祝活动", "womens-day")]
    [InlineData("庆\"三·八\"系列活动", "womens-day")]
    [InlineData("积极开展“三、八”妇女节趣味竞赛", "womens-day")]
    [InlineData("庆祝三八节", "womens-day")]
    [InlineData("女教职工妇女节外出踏青", "womens-day")]
    [InlineData("庆祝“3.8”活动", "womens-day")]
    [InlineData("庆祝婦女節", "womens-day")]
    [InlineData("庆祝“五一”国际劳动节", "labour-day")]
    [InlineData("劳动节表彰先进", "labour-day")]
    [InlineData("勞動節慰問", "labour-day")]
    [InlineData("纪念“五四”青年座谈会", "youth-day")]
    [InlineData("青年节团员活动", "youth-day")]
    [InlineData("靑年節座談", "youth-day")]
    [InlineData("“五·四”青年座谈会", "youth-day")]
    [InlineData("参加“六一”联欢", "childrens-day")]
    [InlineData("开展庆“六一”国际儿童节活动", "childrens-day")]
    [InlineData("兒童節遊園會", "childrens-day")]
    [InlineData("庆祝“七一”党员大会", "party-day")]
    [InlineData("庆祝党的生日九十周年", "party-day")]
    [InlineData("庆祝建党一百周年歌咏比赛", "party-day")]
    [InlineData("教师节庆祝活动", "teachers-day")]
    [InlineData("“教師節”表彰大会", "teachers-day")]
    [InlineData("庆祝国庆活动", "national-day")]
    [InlineData("迎国庆登山比赛", "national-day")]
    [InlineData("庆“十一”文艺汇演", "national-day")]
    [InlineData("迎十一长跑", "national-day")]
    [InlineData("慶祝國慶", "national-day")]
    [InlineData("重阳节:教师座谈会", "double-ninth")]
    [InlineData("欢迎退休教师“回家”团圆，庆祝重阳佳节", "double-ninth")]
    [InlineData("庆祝第26个敬老节暨庆金婚活动", "double-ninth")]
    [InlineData("重陽登高", "double-ninth")]
    [InlineData("中秋节慰问", "mid-autumn")]
    [InlineData("端午节包粽子比赛", "dragon-boat")]
    [InlineData("春节慰问退休教职工", "spring-festival")]
    [InlineData("召开职工代表大会，农历新年慰问退休教职工", "spring-festival")]
    [InlineData("春節團拜", "spring-festival")]
    [InlineData("元旦庆祝活动", "new-year")]
    [InlineData("迎新年联欢活动", "new-year")]
    [InlineData("植树节义务植树", "arbor-day")]
    [InlineData("植樹節", "arbor-day")]
    public void EachWayOfWritingAFestivalIsRecognised(string text, string id) =>
        Assert.Equal(id, FestivalRecognizer.Recognize(text));

    [Theory]
    [InlineData("十一月份教职工体检")]
    [InlineData("三月份、八月份各召开一次委员会")]
    [InlineData("七、八月份暑期慰问")]
    [InlineData("开展“六个一”专项行动")]
    [InlineData("开展168爱生行动")]
    [InlineData("第十一届运动会")]
    [InlineData("参加二十三八组比赛")]
    [InlineData("五一二防灾演练")]
    [InlineData("召开2021年度工会新年度工作会议")]
    [InlineData("制定本年度工会工作计划")]
    [InlineData("“第六个师德建设月”系列活动")]
    [InlineData("敬老院志愿服务")]
    [InlineData("开展党建党课活动")]
    [InlineData("庆祝第11个校庆")]
    public void MonthNamesAndOrdinaryNumbersAreNoFestival(string text) =>
        Assert.Null(FestivalRecognizer.Recognize(text));

    [Fact]
    public void WhenAnItemNamesTwoFestivalsTheFirstWrittenWins() =>
        Assert.Equal("mid-autumn", FestivalRecognizer.Recognize("中秋国庆双节慰问"));

    [Fact]
    public void EveryRecognisedIdIsAFestivalOfTheCalendar()
    {
        var samples = new[] { "三八", "植树节", "五一", "五四", "六一", "七一", "教师节", "国庆", "重阳", "中秋", "端午", "春节", "元旦" };
        var ids = samples.Select(FestivalRecognizer.Recognize).ToList();
        Assert.Equal(Festival.All.Select(f => f.Id).Order(), ids.Select(id => id!).Order());
    }
}

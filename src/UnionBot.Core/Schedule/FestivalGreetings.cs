using UnionBot.Core.Calendar;

namespace UnionBot.Core.Schedule;

/// <summary>What the union says on each festival: a short title for the chat list and one warm paragraph.</summary>
internal static class FestivalGreetings
{
    public static string Title(Festival festival) => festival.Id switch
    {
        "new-year" => "元旦快乐",
        "spring-festival" => "新春快乐",
        "womens-day" => "三八妇女节快乐",
        "arbor-day" => "植树节，添一抹新绿",
        "labour-day" => "五一劳动节快乐",
        "youth-day" => "五四青年节快乐",
        "childrens-day" => "六一儿童节快乐",
        "dragon-boat" => "端午安康",
        "party-day" => "庆祝党的生日",
        "teachers-day" => "教师节快乐",
        "mid-autumn" => "中秋快乐",
        "national-day" => "国庆节快乐",
        "double-ninth" => "九九重阳，敬老爱老",
        _ => festival.Name,
    };

    /// <summary>The greeting of the day; anniversaries are counted from the year (教师节 since 1985, 建党 1921, 国庆 1949).</summary>
    public static string Body(Festival festival, int year) => festival.Id switch
    {
        "new-year" => "新年伊始，万象更新。工会祝全体教职工元旦快乐，新的一年身体健康、工作顺利、阖家幸福！",
        "spring-festival" => "爆竹声中辞旧岁，工会给全体教职工和家人拜年啦！祝大家新春快乐、阖家团圆、万事如意！",
        "womens-day" => "今天是三八国际妇女节。感谢每一位女教职工在讲台上、在家庭里的辛勤付出，工会祝大家节日快乐、美丽常在！",
        "arbor-day" => "今天是植树节。春回大地，正是植绿护绿的好时节，让我们一起爱护校园里的一草一木。",
        "labour-day" => "今天是五一国际劳动节。向每一位辛勤耕耘的教职工致敬！祝大家节日愉快，好好休息，劳逸结合。",
        "youth-day" => "今天是五四青年节。祝全校青年教职工节日快乐！愿大家永葆青春朝气，在教书育人的路上不断成长。",
        "childrens-day" => "今天是六一儿童节。祝孩子们节日快乐，也祝每一位守护童心的老师快乐常在！",
        "dragon-boat" => "粽叶飘香，又是一年端午时。工会祝全体教职工端午安康，阖家幸福！",
        "party-day" => $"今天是中国共产党成立{year - 1921}周年纪念日。让我们不忘初心，立足岗位，把教书育人的每一件事做好。",
        "teachers-day" => $"今天是第{year - 1984}个教师节。老师们辛苦了！工会向全体教职工致以节日的问候，祝大家身体健康、工作顺利、桃李芬芳！",
        "mid-autumn" => "月圆人团圆。工会祝全体教职工中秋快乐，阖家幸福，万事顺意！",
        "national-day" => $"今天是中华人民共和国成立{year - 1949}周年。祝伟大祖国繁荣昌盛，祝全体教职工节日快乐、假期愉快！",
        "double-ninth" => "九九重阳，岁岁安康。工会向全体离退休教职工致以节日的问候，也祝各位老师家中的长辈健康长寿！",
        _ => $"今天是{festival.Name}，工会祝全体教职工节日快乐！",
    };
}

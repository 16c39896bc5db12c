namespace UnionBot.Core.Calendar;

/// <summary>A festival of SPEC section 5. Lunar festivals give their lunar month and day.</summary>
public sealed record Festival(string Id, string Name, int Month, int Day, bool IsLunar, bool AlwaysNoticed)
{
    public static IReadOnlyList<Festival> All { get; } =
    [
        new("new-year", "元旦", 1, 1, false, false),
        new("spring-festival", "春节", 1, 1, true, false),
        new("womens-day", "三八妇女节", 3, 8, false, true),
        new("arbor-day", "植树节", 3, 12, false, false),
        new("labour-day", "五一劳动节", 5, 1, false, false),
        new("youth-day", "五四青年节", 5, 4, false, false),
        new("childrens-day", "六一儿童节", 6, 1, false, false),
        new("dragon-boat", "端午节", 5, 5, true, false),
        new("party-day", "七一建党节", 7, 1, false, false),
        new("teachers-day", "教师节", 9, 10, false, true),
        new("mid-autumn", "中秋节", 8, 15, true, false),
        new("national-day", "国庆节", 10, 1, false, false),
        new("double-ninth", "重阳节", 9, 9, true, false),
    ];

    public static Festival? ById(string id) => All.FirstOrDefault(f => f.Id == id);
}

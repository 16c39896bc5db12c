using System.Globalization;

namespace UnionBot.Core.Calendar;

/// <summary>The Gregorian date of a festival in a given year; lunar festivals through <see cref="ChineseLunisolarCalendar"/>.</summary>
public static class FestivalCalendar
{
    private static readonly ChineseLunisolarCalendar Lunar = new();

    /// <summary>The years for which every festival has a date: the lunar years .NET's calendar covers (1901-02-19 to 2101-01-28).</summary>
    public const int MinYear = 1901;
    public const int MaxYear = 2100;

    public static DateOnly DateIn(string festivalId, int year) =>
        DateIn(Festival.ById(festivalId) ?? throw new ArgumentException($"unknown festival '{festivalId}'", nameof(festivalId)), year);

    /// <summary>
    /// The festival's date in Gregorian <paramref name="year"/>. Every lunar festival we know (正月初一 to 九月初九) falls in
    /// the Gregorian year in which that lunar year begins, so lunar year and Gregorian year are the same number here.
    /// </summary>
    public static DateOnly DateIn(Festival festival, int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        if (!festival.IsLunar) return new DateOnly(year, festival.Month, festival.Day);

        // GetLeapMonth gives the 1-based index of the leap month within the lunar year (闰六月 → 7), or 0. Every month
        // from that index on sits one place later, so 八月 of a year with 闰六月 is month index 9.
        var leap = Lunar.GetLeapMonth(year);
        var index = leap > 0 && festival.Month >= leap ? festival.Month + 1 : festival.Month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, index, festival.Day, 0, 0, 0, 0));
    }

    private static readonly string[] LunarMonthNames = ["正", "二", "三", "四", "五", "六", "七", "八", "九", "十", "冬", "腊"];
    private static readonly string[] TenNames = ["初", "十", "廿", "三十"];
    private static readonly string[] DigitNames = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    /// <summary>How people say a lunar date: 正月初一, 五月初五, 八月十五, 九月初九.</summary>
    public static string LunarName(int month, int day)
    {
        var dayName = day switch
        {
            10 => "初十",
            20 => "二十",
            30 => "三十",
            _ => TenNames[day / 10] + DigitNames[day % 10],
        };
        return LunarMonthNames[month - 1] + "月" + dayName;
    }
}

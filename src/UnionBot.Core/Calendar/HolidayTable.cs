using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace UnionBot.Core.Calendar;

/// <summary>One year's <c>holidays/YYYY.json</c>: the State Council's 放假 ranges and the weekend days worked instead (调休).</summary>
public sealed record HolidayTable(int Year, string? Source, IReadOnlyList<HolidayRange> Holidays, IReadOnlyList<HolidayWorkday> Workdays)
{
    // The tables are read at every start: metadata generated at compile time, as for the plan (PlanJson).
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        TypeInfoResolver = HolidayJsonContext.Default,
    };

    public IEnumerable<DateOnly> DaysOff() =>
        Holidays.SelectMany(h => Enumerable.Range(0, h.To.DayNumber - h.From.DayNumber + 1).Select(h.From.AddDays));

    /// <summary>Reads and checks a table; what is wrong with it is a <see cref="FormatException"/> naming the entry.</summary>
    public static HolidayTable Read(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        if (!int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var fileYear))
            throw new FormatException("the file name must be the year, as 2026.json");
        var table = JsonSerializer.Deserialize<HolidayTable>(File.ReadAllBytes(path), Json)
            ?? throw new FormatException("the file is empty");
        if (table.Year != fileYear) throw new FormatException($"\"year\" is {table.Year} in a file named {fileYear}.json");
        foreach (var h in table.Holidays ?? throw new FormatException("\"holidays\" is missing"))
        {
            // 元旦 may begin on 30 or 31 December of the year before (2023's did), so a range may start there.
            if (h.To < h.From || h.To.DayNumber - h.From.DayNumber > 14 || h.From.Year < fileYear - 1 || h.To.Year > fileYear)
                throw new FormatException($"the holiday \"{h.Name}\" from {h.From:yyyy-MM-dd} to {h.To:yyyy-MM-dd} is not a range of at most 15 days in {fileYear}");
        }
        foreach (var w in table.Workdays ?? throw new FormatException("\"workdays\" is missing"))
        {
            if (w.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) || Math.Abs(w.Date.Year - fileYear) > 1)
                throw new FormatException($"the workday {w.Date:yyyy-MM-dd} (\"{w.Name}\") is not a Saturday or Sunday near {fileYear}: 调休 moves work onto a weekend day");
        }
        var off = table.DaysOff().ToHashSet();
        if (table.Workdays.FirstOrDefault(w => off.Contains(w.Date)) is { } both)
            throw new FormatException($"{both.Date:yyyy-MM-dd} is both a holiday and a workday");
        return table;
    }
}

public sealed record HolidayRange(string Name, DateOnly From, DateOnly To);

public sealed record HolidayWorkday(string Name, DateOnly Date);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HolidayTable))]
internal sealed partial class HolidayJsonContext : JsonSerializerContext;

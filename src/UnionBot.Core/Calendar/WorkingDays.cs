using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace UnionBot.Core.Calendar;

/// <summary>
/// SPEC section 2: days off are Saturdays, Sundays and China's statutory holidays; a 调休 Saturday or Sunday is a working
/// day. The State Council publishes each year's table in November, so the tables are data beside the bot
/// (<c>holidays/2026.json</c>), one file a year, and a year is added by dropping in its file. A year without a table
/// falls back to weekends and says so once, the first time it is asked about.
/// </summary>
public sealed partial class WorkingDays
{
    /// <summary>The folder, beside the bot's executable, that holds one <c>YYYY.json</c> per year.</summary>
    public const string Folder = "holidays";

    private readonly HashSet<DateOnly> _off;
    private readonly HashSet<DateOnly> _worked;
    private readonly HashSet<int> _years;
    private readonly string _directory;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<int, byte> _warned = new();

    private WorkingDays(IReadOnlyList<HolidayTable> tables, string directory, ILogger logger)
    {
        _off = tables.SelectMany(t => t.DaysOff()).ToHashSet();
        _worked = tables.SelectMany(t => t.Workdays.Select(w => w.Date)).ToHashSet();
        _years = tables.Select(t => t.Year).ToHashSet();
        (_directory, _logger) = (directory, logger);
    }

    /// <summary>The years that have a table, in order.</summary>
    public IReadOnlyList<int> Years => _years.Order().ToList();

    /// <summary>The tables shipped beside the executable (build output, release folder), for the bot and the verbs alike.</summary>
    public static WorkingDays LoadShipped(ILogger logger) => Load(Path.Combine(AppContext.BaseDirectory, Folder), logger);

    /// <summary>Reads every <c>YYYY.json</c> of <paramref name="directory"/>; a bad file is logged and its year left to weekends.</summary>
    public static WorkingDays Load(string directory, ILogger logger)
    {
        var tables = new List<HolidayTable>();
        IEnumerable<string> files = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal) : [];
        foreach (var file in files)
        {
            try
            {
                tables.Add(HolidayTable.Read(file));
            }
            catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or FormatException)
            {
                LogBadTable(logger, file, e.Message);
            }
        }
        return new WorkingDays(tables, directory, logger);
    }

    public bool IsDayOff(DateOnly day)
    {
        if (_off.Contains(day)) return true;
        if (_worked.Contains(day)) return false;
        if (!_years.Contains(day.Year) && _warned.TryAdd(day.Year, 0))
            LogNoTable(_logger, day.Year, Path.Combine(_directory, $"{day.Year}.json"));
        return day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
    }

    /// <summary><paramref name="day"/> itself when it is a working day, else the first working day after it.</summary>
    public DateOnly OnOrAfter(DateOnly day)
    {
        // The longest run of days off in a year is 春节's nine days; the bound only guards against a table gone wrong.
        for (var i = 0; i < 31 && IsDayOff(day); i++) day = day.AddDays(1);
        return day;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No holiday table for {Year} ({File}): monthly notices of {Year} skip Saturdays and Sundays only, not statutory holidays; add the file when the State Council publishes the year's 节假日安排 (README, \"Holidays\")")]
    private static partial void LogNoTable(ILogger logger, int year, string file);

    [LoggerMessage(Level = LogLevel.Error, Message = "The holiday table {File} cannot be used and its year falls back to weekends: {Reason}")]
    private static partial void LogBadTable(ILogger logger, string file, string reason);
}

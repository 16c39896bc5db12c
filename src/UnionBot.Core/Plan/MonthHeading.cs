namespace UnionBot.Core.Plan;

/// <summary>
/// A month heading of a schedule: 三月份： 3月 十一月 元月 七、八月份 七月、八月 7-8月 一二月份 十二月份、XX年元月 【三月】
/// 2027.03, a quarter (第一季度 covers January to March) or the school holidays (寒假, 暑假), alone on its line or followed
/// by a colon, comma, space or closing bracket and the month's first item. A date that opens a line and is set off from the
/// text after it (3月8日 三八节…, 4月上旬：春游, 5月1日前：…, 2027.3.8 …) dates that one item. A month word inside a
/// sentence (三月份组织…, 三月三日召开…) is not a heading.
/// </summary>
internal static class MonthHeading
{
    // Any dash or tilde people type between two months: ASCII and full-width ones are one after normalisation.
    internal const string RangeSeparators = "-—–~至到\u2010\u2011\u2012\u2212\u2015\u301C\u2500";
    private const string ListSeparators = "、,和及与/";
    private const int MaxMonthNote = 12;
    private const string Decorations = "★☆◆◇■□●○▲△※♦";
    private static readonly string[] Suffixes =
    [
        "主要工作安排", "工作安排", "活动安排", "具体安排", "重点工作", "主要工作", "主要活动", "工作要点", "工作重点", "工作计划",
        "活动计划", "活动内容", "工作内容", "安排", "工作", "活动", "计划", "要点", "重点", "内容",
    ];

    /// <param name="s">A normalized line.</param>
    /// <param name="i">Where its text starts.</param>
    /// <param name="months">The months it covers, in the order written.</param>
    /// <param name="rest">Where the first item written on the heading line starts, or the line's length.</param>
    public static bool TryRead(string s, int i, out List<int> months, out int rest) => TryRead(s, i, out months, out rest, out _, out _);

    /// <param name="dated">
    /// The line is one activity with its month, not a heading over the lines below it: a numbered item opened by a full
    /// date ("2、2009年3月:毽球赛", "1、2009年元月卡拉OK舞会") or any line opened by a day of the month ("3月8日 登山").
    /// </param>
    /// <param name="marker">The dated item's number, when it has one.</param>
    public static bool TryRead(string s, int i, out List<int> months, out int rest, out bool dated, out ItemMarker? marker)
    {
        marker = null;
        if (TryReadAt(s, i, out months, out rest, out _, out dated)) return true;
        // "1、三月份：" or "(一)三月份" — a numbered heading; "七、八月份" was already read above as two months.
        if (!ItemMarker.TryRead(s, i, out var numbered) || numbered.IsBareDigit) return false;
        if (!TryReadAt(s, numbered.TextStart, out months, out rest, out var yearWritten, out dated, runOn: true)) return false;
        // A full date (year and month) opening a numbered line with text after it is when that item happens.
        dated |= yearWritten && rest < s.Length;
        if (dated) marker = numbered;
        return true;
    }

    /// <summary>
    /// A date and nothing else, as written in brackets after an item: 1月, 1月份, 4月下旬, 6月1日, 7—8月, 2026年3月.
    /// </summary>
    /// <param name="s">A normalized text.</param>
    public static bool TryReadDate(string s, out List<int> months)
    {
        // A heading's grammar wants the date set off from an item after it: a stand-in item, which must be all that is left.
        const string StandIn = " x";
        return TryReadAt(s + StandIn, 0, out months, out var rest, out _, out _) && rest == s.Length + 1;
    }

    /// <param name="datesItem">The months are the date of the item after them (a day, or a comma after a numbered item's month), not a heading.</param>
    private static bool TryReadAt(string s, int i, out List<int> months, out int rest, out bool yearWritten, out bool datesItem, bool runOn = false)
    {
        yearWritten = false;
        datesItem = false;
        months = [];
        rest = s.Length;
        var p = i;
        // 【三月】 〖三月〗 《三月》 <三月> 「三月」: a month in brackets of any kind is a heading.
        var opened = p < s.Length && Openers.Contains(s[p]);
        if (opened) p++;
        // 2027.03, 2027-3, 2027/3/8: a year and month written in digits, as in many tables' time column.
        if (TryNumericDate(s, p, out var numericMonth, out var afterDate, out var withDay))
        {
            months.Add(numericMonth);
            yearWritten = true;
            if (!withDay)
            {
                // 2027.3-2027.4, 2027.9-12: a range of them.
                if (afterDate + 1 < s.Length && RangeSeparators.Contains(s[afterDate]))
                {
                    var q = afterDate + 1;
                    if (TryNumericDate(s, q, out var last, out var end, out var endDay) && !endDay) q = end;
                    else if (!PlanChars.TrySmallNumber(s, ref q, out last) || last > 12 || q < s.Length && s[q] is '.' or '/' or '-') last = 0;
                    if (last > 0 && last != numericMonth)
                    {
                        AddRange(months, numericMonth, last);
                        afterDate = q;
                    }
                }
                if (TryEnd(s, afterDate, out rest) || opened && BracketEnds(s, afterDate, runOn, out rest, out datesItem)) return true;
            }
            // A day (2027.3.8) or a leeway (2027.4前) dates the item after it; alone on its line a date is a sign-off.
            datesItem = TryDay(s, afterDate, months, out rest, comma: runOn, bracketed: opened, dayRead: withDay);
            return datesItem;
        }
        var quarterStart = p;
        SkipYear(s, ref quarterStart);
        if (TryQuarter(s, ref quarterStart, out var first))
        {
            months.AddRange([first, first + 1, first + 2]);
            return TryEnd(s, quarterStart, out rest);
        }
        // 寒假期间： / 暑假： — a school's holidays head their items as months do (January–February, July–August); without
        // them those items were read as the month before's.
        if (TryHolidays(s, quarterStart, out var holidayMonths, out var afterHolidays) && TryEnd(s, afterHolidays, out rest))
        {
            months.AddRange(holidayMonths);
            return true;
        }
        var sawMonthWord = false;
        var range = false;
        var arabic = false;
        var previousHadWord = false;
        while (true)
        {
            var year = SkipYear(s, ref p);
            // "2、2009年3月" is item 2 dated March: a year never comes between the two months of a pair.
            if (year && months.Count > 0 && !previousHadWord) return false;
            yearWritten |= year && months.Count == 0;
            var digits = p < s.Length && char.IsAsciiDigit(s[p]);
            if (!TryMonthNumber(s, ref p, out var m)) return false;
            // "1、九月份" is item 1 then 九月份, not two months: 七、八月 shares one 月 only between numerals of one kind.
            if (months.Count > 0 && !previousHadWord && digits != arabic) return false;
            arabic = digits;
            if (range && months.Count > 0) AddRange(months, months[^1], m);
            // 七、八月 and 十二月、元月 name consecutive months; "1、3月：" is item 1, the heading 3月.
            else if (months.Count > 0 && m != months[^1] % 12 + 1) return false;
            else months.Add(m);
            var hasWord = p < s.Length && s[p] == '月';
            previousHadWord = hasWord;
            if (hasWord)
            {
                p++;
                sawMonthWord = true;
                if (p < s.Length && s[p] == '份') p++;
            }
            if (p >= s.Length) break;
            if (RangeSeparators.Contains(s[p]) || ListSeparators.Contains(s[p]))
            {
                range = RangeSeparators.Contains(s[p]);
                var q = p + 1;
                SkipYear(s, ref q);
                if (!TryMonthNumber(s, ref q, out _)) break;
                p++;
                continue;
            }
            // 一二月份, 七八月份: two Chinese numerals written together.
            if (!hasWord && PlanChars.Digit(s[p]) > 0 || !hasWord && s[p] == '十')
            {
                range = false;
                continue;
            }
            break;
        }
        if (!sawMonthWord || s[p - 1] is not ('月' or '份')) return false;
        if (TryEnd(s, p, out rest)) return true;
        if (opened && BracketEnds(s, p, runOn, out rest, out datesItem)) return true;
        if (TryDay(s, p, months, out rest, runOn, opened))
        {
            datesItem = true;
            return true;
        }
        // "1、4月，组织教职工春季运动会": a numbered item opened by its month, set off by a comma, is dated by it; a line
        // opened so ("三月份，开展三八节活动；组织植树活动。") is the month's heading with its activities written after it.
        if (p + 1 < s.Length && s[p] == ',')
        {
            rest = p + 1;
            while (rest < s.Length && s[rest] == ' ') rest++;
            datesItem = runOn && rest < s.Length;
            return rest < s.Length;
        }
        // The date of a numbered item runs straight into its text: "2009年6月进行棋、牌类比赛".
        if (!runOn || !yearWritten) return false;
        rest = p;
        return true;
    }

    /// <summary>寒假 (January–February) or 暑假/暑期 (July–August), and 期间/前后/中 after it, at <paramref name="p"/>.</summary>
    private static bool TryHolidays(string s, int p, out int[] months, out int after)
    {
        months = [];
        after = p;
        foreach (var (word, holidayMonths) in Holidays)
            if (string.CompareOrdinal(s, p, word, 0, word.Length) == 0)
            {
                after = p + word.Length;
                after += WordLength(s, after, HolidayTails);
                months = holidayMonths;
                return true;
            }
        return false;
    }

    private static readonly (string Word, int[] Months)[] Holidays = [("寒假", [1, 2]), ("暑假", [7, 8]), ("暑期", [7, 8])];
    private static readonly string[] HolidayTails = ["期间", "前后", "中"];

    /// <summary>"1、（3月）三八节…", "【三月】三八节活动": the bracket closing the month sets it off from the item as a colon does.</summary>
    private static bool BracketEnds(string s, int p, bool runOn, out int rest, out bool datesItem)
    {
        rest = s.Length;
        datesItem = false;
        if (p + 1 >= s.Length || !Closers.Contains(s[p])) return false;
        rest = p + 1;
        while (rest < s.Length && s[rest] == ' ') rest++;
        datesItem = runOn && rest < s.Length;
        return rest < s.Length;
    }

    /// <summary>
    /// A year of four digits, then its month and maybe a day, each after a . - or /: 2027.03, 2027-3, 2027/3/8. The year
    /// must be written, since 3.8 alone is as often an item number and its text ("3.8妇女节") as a date.
    /// </summary>
    public static bool TryNumericDate(string s, int p, out int month, out int end, out bool withDay)
    {
        month = 0;
        end = p;
        withDay = false;
        if (p + 6 > s.Length || s.AsSpan(p, 4).ContainsAnyExceptInRange('0', '9')) return false;
        var year = int.Parse(s.AsSpan(p, 4), provider: System.Globalization.CultureInfo.InvariantCulture);
        var sep = s[p + 4];
        if (year is < 1990 or > 2099 || sep is not ('.' or '-' or '/')) return false;
        var q = p + 5;
        if (!PlanChars.TrySmallNumber(s, ref q, out month) || month > 12) return false;
        end = q;
        if (q + 1 < s.Length && s[q] == sep && char.IsAsciiDigit(s[q + 1]))
        {
            q++;
            if (!PlanChars.TrySmallNumber(s, ref q, out var day) || day > 31) return false;
            end = q;
            withDay = true;
        }
        // 2027.3.8.5 or 2027.35 is no date.
        return end >= s.Length || !char.IsAsciiDigit(s[end]) && !(s[end] == sep && end + 1 < s.Length && char.IsAsciiDigit(s[end + 1]));
    }

    /// <summary>What may follow the months: a word like 工作安排, a closing bracket, then the end, a colon or a space.</summary>
    private static bool TryEnd(string s, int p, out int rest)
    {
        rest = s.Length;
        if (p < s.Length && s[p] == '的') p++;
        p += WordLength(s, p, Suffixes);
        // ★五月★, ◆四月份◆: the marks a heading opens with (read as a bullet) close it too.
        while (p < s.Length && Decorations.Contains(s[p])) p++;
        if (p < s.Length && Closers.Contains(s[p])) p++;
        // 三月份（学雷锋月）： — a short note on the month.
        if (p < s.Length && s[p] == '(' && s.IndexOf(')', p) is var close and > 0 && close - p <= MaxMonthNote) p = close + 1;
        if (p >= s.Length) return true;
        if (s[p] is ':' or ' ' or '\t' or '—' or '-')
        {
            while (p < s.Length && s[p] is ':' or ' ' or '\t' or '—' or '-') p++;
            rest = p;
            return true;
        }
        // "三月份1.xxx": a numbered first item glued to the heading.
        if (ItemMarker.TryRead(s, p, out var marker) && !marker.IsBareDigit && marker.Family is not MarkerFamily.Bullet)
        {
            rest = p;
            return true;
        }
        return false;
    }

    /// <summary>
    /// 第一季度, 一季度, 第1季度: the quarter's first month. What follows is read as after a month (its months in
    /// brackets, 第一季度（1—3月）, are a note on it).
    /// </summary>
    private static bool TryQuarter(string s, ref int p, out int firstMonth)
    {
        firstMonth = 0;
        var q = p;
        if (q < s.Length && s[q] == '第') q++;
        if (q >= s.Length) return false;
        var quarter = s[q] is >= '1' and <= '4' ? s[q] - '0' : PlanChars.Digit(s[q]);
        if (quarter is < 1 or > 4 || string.CompareOrdinal(s, q + 1, "季度", 0, 2) != 0) return false;
        p = q + 3;
        firstMonth = quarter * 3 - 2;
        return true;
    }

    /// <summary>
    /// A day after the month — 8日, 8号, 上旬, 中下旬, 初, 底, 第二周, or a span of them (20日—25日, 下旬至4月上旬) —
    /// set off by a colon or a space from the item it dates. The month a span ends in is added.
    /// </summary>
    /// <param name="rest">Where the item starts; there must be one.</param>
    /// <param name="comma">A comma sets the date off too (after a numbered item's number).</param>
    /// <param name="bracketed">The date was opened by a bracket, which closing sets it off too ("（3月8日）三八节…").</param>
    /// <param name="dayRead">The day was already read (2027.3.8): what may follow it is read from <paramref name="p"/>.</param>
    private static bool TryDay(string s, int p, List<int> months, out int rest, bool comma = false, bool bracketed = false, bool dayRead = false)
    {
        rest = s.Length;
        // "5月前：上报先进材料": a month with its leeway dates an item as a day does.
        if (!dayRead && !SkipDay(s, ref p) && LeewayLength(s, p) == 0) return false;
        if (p < s.Length && RangeSeparators.Contains(s[p]))
        {
            var q = p + 1;
            var end = 0;
            var monthEnd = q;
            if (TryMonthNumber(s, ref monthEnd, out var m) && monthEnd < s.Length && s[monthEnd] == '月')
            {
                end = m;
                q = monthEnd + 1;
            }
            if (SkipDay(s, ref q) || end > 0)
            {
                p = q;
                if (end > 0 && end != months[^1]) AddRange(months, months[^1], end);
            }
        }
        p += LeewayLength(s, p);
        if (bracketed && p < s.Length && Closers.Contains(s[p])) p++;
        else if (p >= s.Length || !(s[p] is ':' or ' ' or '\t' || comma && s[p] == ',')) return false;
        while (p < s.Length && (s[p] is ':' or ' ' or '\t' || comma && s[p] == ',')) p++;
        rest = p;
        return p < s.Length;
    }

    private const string Openers = "【[〔(（〖《<「『";
    private const string Closers = "】]〕)）〗》>」』";

    /// <summary>前, 以前, 左右 …: what may follow a date and leave it a date.</summary>
    public static bool IsLeeway(string text) => LeewayLength(text, 0) == text.Length;

    private static int LeewayLength(string s, int p) => WordLength(s, p, Leeways);

    /// <summary>The length of the first of <paramref name="words"/> written at <paramref name="p"/>, or 0.</summary>
    private static int WordLength(string s, int p, string[] words)
    {
        foreach (var word in words)
            if (string.CompareOrdinal(s, p, word, 0, word.Length) == 0) return word.Length;
        return 0;
    }

    /// <summary>5月1日前, 6月底以前, 10月中旬左右: a date with its leeway is as good a date.</summary>
    private static readonly string[] Leeways = ["以前", "之前", "前后", "左右", "以后", "之后", "前", "后"];

    private static readonly string[] PartsOfMonth = ["上中旬", "中下旬", "上旬", "中旬", "下旬", "初", "中", "底", "末"];

    private static bool SkipDay(string s, ref int p)
    {
        if (p >= s.Length) return false;
        if (WordLength(s, p, PartsOfMonth) is > 0 and var part)
        {
            p += part;
            return true;
        }
        var q = p;
        var week = s[q] == '第';
        if (week) q++;
        if (!SkipNumber(s, ref q) || q >= s.Length) return false;
        if (week ? s[q] != '周' : s[q] is not ('日' or '号')) return false;
        p = q + 1;
        return true;
    }

    private static bool SkipNumber(string s, ref int q)
    {
        if (q >= s.Length) return false;
        if (!char.IsAsciiDigit(s[q])) return PlanChars.TryChineseNumber(s, ref q, out _);
        var start = q;
        while (q < s.Length && char.IsAsciiDigit(s[q]) && q - start < 2) q++;
        return true;
    }

    private static bool TryMonthNumber(string s, ref int p, out int month)
    {
        month = 0;
        if (p >= s.Length) return false;
        if (s[p] == '元')
        {
            if (p + 1 >= s.Length || s[p + 1] != '月') return false;
            month = 1;
            p++;
            return true;
        }
        var q = p;
        if (char.IsAsciiDigit(s[q]))
        {
            while (q < s.Length && char.IsAsciiDigit(s[q]) && q - p < 3) month = month * 10 + (s[q++] - '0');
            if (q - p > 2) return false;
        }
        else if (!PlanChars.TryChineseNumber(s, ref q, out month)) return false;
        if (month is < 1 or > 12) return false;
        p = q;
        return true;
    }

    /// <summary>XX年, 2024年, 次年, 明年 before a month (十二月份、XX年元月).</summary>
    /// <returns>Whether a year was there.</returns>
    private static bool SkipYear(string s, ref int p)
    {
        var q = p;
        // 二〇一六年 is also typed with ○ (a circle) or the letter O for the zero.
        while (q < s.Length && q - p < 4 && (char.IsAsciiDigit(s[q]) || s[q] is 'X' or 'x' or '〇' or '○' or 'O' or '零' or '*' || PlanChars.Digit(s[q]) >= 0)) q++;
        if (q - p is 2 or 4 && q < s.Length && s[q] == '年')
        {
            p = q + 1;
            if (p < s.Length && s[p] == '度') p++;
            return true;
        }
        if (q == p && q + 1 < s.Length && s[q] is '次' or '明' or '来' or '下' && s[q + 1] == '年')
        {
            p = q + 2;
            return true;
        }
        return false;
    }

    private static void AddRange(List<int> months, int from, int to)
    {
        for (var m = from % 12 + 1; ; m = m % 12 + 1)
        {
            months.Add(m);
            if (m == to || months.Count > 12) break;
        }
    }
}

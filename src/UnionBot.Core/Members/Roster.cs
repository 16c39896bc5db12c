using System.Text;

namespace UnionBot.Core.Members;

/// <summary>
/// A roster read from a table (the <c>Members</c> CSV file, or a .csv/.xlsx the chair imports in the console): the
/// header row names the columns, so a sheet exported from the WeCom or DingTalk address book (账号, 姓名, 部门 …)
/// is read as it is; a header that names none of them is read as <c>userid,name,branch</c>.
/// </summary>
public static class Roster
{
    private static readonly string[] UserIdHeaders = ["userid", "user_id", "用户id", "账号", "成员账号", "员工userid", "钉钉userid"];
    private static readonly string[] NameHeaders = ["name", "姓名", "名字"];
    private static readonly string[] BranchHeaders = ["branch", "分会", "部门", "工会小组", "小组"];

    /// <summary>The members of <paramref name="rows"/> (the first is the header) and what was skipped, in words for the chair.</summary>
    public static RosterReading FromRows(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var problems = new List<string>();
        if (rows.Count == 0) return new RosterReading([], ["文件是空的。"]);
        var header = rows[0].Select(h => Clean(h).Replace(" ", "").ToLowerInvariant()).ToList();
        int id = Column(header, UserIdHeaders), name = Column(header, NameHeaders), branch = Column(header, BranchHeaders);
        if (id < 0 || name < 0)
        {
            if (id >= 0 || name >= 0)
                return new RosterReading([], [$"表头里要有“用户ID”（或“账号”）和“姓名”两列，现在的表头是：{string.Join("，", rows[0])}"]);
            (id, name, branch) = (0, 1, 2);
            problems.Add("第一行不是认得的表头，按“用户ID,姓名,分会”的顺序读，第一行当作表头跳过。");
        }
        var members = new Dictionary<string, Member>(StringComparer.Ordinal);
        var lineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 1; i < rows.Count; i++)
        {
            var row = rows[i];
            string Cell(int c) => c >= 0 && c < row.Count ? Clean(row[c]) : "";
            var (userId, userName) = (Cell(id), Cell(name));
            if (userId.Length == 0 && userName.Length == 0) continue;
            if (userId.Length == 0 || userName.Length == 0)
            {
                problems.Add($"第 {i + 1} 行缺{(userId.Length == 0 ? "用户ID" : "姓名")}，跳过。");
                continue;
            }
            if (lineOf.TryGetValue(userId, out var earlier))
                problems.Add($"用户ID {userId} 在第 {earlier} 行和第 {i + 1} 行都有，用第 {i + 1} 行。");
            members.Remove(userId); // the later line wins and takes the later place
            members[userId] = new Member(userId, userName, Cell(branch));
            lineOf[userId] = i + 1;
        }
        return new RosterReading(members.Values.ToList(), problems);
    }

    /// <summary>The rows of a CSV text: commas, quoted fields with "" inside, line breaks inside quotes.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> CsvRows(string text)
    {
        var rows = new List<IReadOnlyList<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"' && field.Length == 0) quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                row.Add(field.ToString()); field.Clear();
                rows.Add(row); row = [];
            }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
        return rows;
    }

    /// <summary>The roster as a CSV text with the SPEC's header, which <see cref="CsvRows"/> and <see cref="FromRows"/> read back.</summary>
    public static string ToCsv(IEnumerable<Member> members)
    {
        var sb = new StringBuilder("userid,name,branch\n");
        foreach (var m in members) sb.Append(Field(m.UserId)).Append(',').Append(Field(m.Name)).Append(',').Append(Field(m.Branch)).Append('\n');
        return sb.ToString();
    }

    /// <summary>What importing <paramref name="next"/> over <paramref name="current"/> adds, changes and removes.</summary>
    public static RosterChanges Compare(IReadOnlyList<Member> current, IReadOnlyList<Member> next)
    {
        var before = current.ToDictionary(m => m.UserId, StringComparer.Ordinal);
        var after = next.Select(m => m.UserId).ToHashSet(StringComparer.Ordinal);
        var added = next.Where(m => !before.ContainsKey(m.UserId)).ToList();
        var changed = next.Where(m => before.TryGetValue(m.UserId, out var old) && old != m)
            .Select(m => (Before: before[m.UserId], After: m)).ToList();
        var removed = current.Where(m => !after.Contains(m.UserId)).ToList();
        return new RosterChanges(added, changed, removed, next.Count - added.Count - changed.Count);
    }

    private static int Column(List<string> header, string[] names) => header.FindIndex(names.Contains);

    // Invisible characters Excel and the address-book exports leave in cells (BOM, zero-width space, NBSP) are not part of an id.
    private static string Clean(string cell) => cell.Replace("\uFEFF", "").Replace("\u200B", "").Replace('\u00A0', ' ').Trim();

    private static string Field(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}

/// <summary>The members read from a roster table and the rows skipped (in Chinese, for the chair).</summary>
public sealed record RosterReading(IReadOnlyList<Member> Members, IReadOnlyList<string> Problems);

/// <summary>What an import would do to the roster in use.</summary>
public sealed record RosterChanges(
    IReadOnlyList<Member> Added, IReadOnlyList<(Member Before, Member After)> Changed, IReadOnlyList<Member> Removed, int Unchanged)
{
    public bool Any => Added.Count + Changed.Count + Removed.Count > 0;
}

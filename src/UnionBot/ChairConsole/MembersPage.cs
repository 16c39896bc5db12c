using Microsoft.Extensions.Options;
using UnionBot.Core.Members;
using UnionBot.Core.Options;
using UnionBot.Core.Plan;
using static UnionBot.ChairConsole.Html;

namespace UnionBot.ChairConsole;

/// <summary>
/// <c>/console/members</c>: the roster that turns user ids into names in lists and exports, and its import from a
/// .csv or .xlsx: the file is read and shown as what it adds, changes and removes; only 确认导入 stores it.
/// </summary>
public sealed class MembersPage(MemberDirectory members, IOptions<UnionBotOptions> options, ILogger<MembersPage> logger)
{
    public const long MaxFileBytes = 5 * 1024 * 1024;
    private const string RosterField = "roster";
    private const string FileNameField = "file_name";

    public IResult Show(HttpContext http)
    {
        var session = ConsoleSession.Of(http);
        var all = members.All;
        var body = H($"""
            <p class="muted">{Source(session)} · 共 {all.Count} 人。名单里的名字用在报名名单和导出里。</p>
            {UploadForm(session)}
            {(all.Count == 0 ? H($"<p class=\"muted\">名单是空的：列表里会显示平台昵称或用户ID。</p>") : Table(all))}
            """);
        return ConsoleLayout.Page(session, "成员", body);
    }

    /// <summary><c>POST /console/members/preview</c>: reads the uploaded file and shows what importing it would change.</summary>
    public async Task<IResult> PreviewAsync(HttpContext http, CancellationToken ct)
    {
        var session = ConsoleSession.Of(http);
        var form = await http.Request.ReadFormAsync(ct);
        if (form.Files.GetFile("file") is not { Length: > 0 } file)
            return Refused(session, "没有选文件，或文件是空的。");
        if (file.Length > MaxFileBytes) return Refused(session, $"文件太大（{file.Length / 1024} KB），名单文件一般不超过几百 KB。");
        var name = Path.GetFileName(file.FileName);
        RosterReading reading;
        try
        {
            await using var stream = file.OpenReadStream();
            var bytes = new byte[file.Length];
            await stream.ReadExactlyAsync(bytes, ct);
            reading = Roster.FromRows(RowsOf(bytes, name));
        }
        catch (UnreadableSheetException e)
        {
            logger.LogWarning("Roster import by {UserId} refused: {File} cannot be read ({Reason})", session.UserId, name, e.Message);
            return Refused(session, e.Message);
        }
        if (reading.Members.Count == 0)
            return Refused(session, $"文件「{name}」里没有读到成员。{string.Join(" ", reading.Problems)}");
        var changes = Roster.Compare(members.All, reading.Members);
        var confirm = ConsoleLayout.Form(session, "/console/members/import", H($"""
            <input type="hidden" name="{FileNameField}" value="{name}">
            <input type="hidden" name="{RosterField}" value="{Roster.ToCsv(reading.Members)}">
            """), $"确认导入（名单换成这 {reading.Members.Count} 人）", css: "block");
        var body = H($"""
            <section><p>文件「{name}」里有 <strong>{reading.Members.Count}</strong> 人。{Summary(changes)}。现在还<strong>没有</strong>导入。</p>
            {When(members.LastImport is null && !string.IsNullOrWhiteSpace(options.Value.Members), H($"<p class=\"muted\">导入后名单以后台为准，不再读名单文件 {options.Value.Members}。</p>"))}
            {confirm}<p><a href="/console/members">不导入，返回</a></p></section>
            {Problems(reading.Problems)}
            {ChangeList("新增", changes.Added.Select(m => (m, (Member?)null)))}
            {ChangeList("修改", changes.Changed.Select(c => (c.After, (Member?)c.Before)))}
            {ChangeList("移除", changes.Removed.Select(m => (m, (Member?)null)))}
            """);
        return ConsoleLayout.Page(session, "成员", body);
    }

    /// <summary><c>POST /console/members/import</c>: stores the previewed roster, which is the source from then on.</summary>
    public async Task<IResult> ImportAsync(HttpContext http, CancellationToken ct)
    {
        var session = ConsoleSession.Of(http);
        var form = await http.Request.ReadFormAsync(ct);
        var name = form[FileNameField].ToString();
        var reading = Roster.FromRows(Roster.CsvRows(form[RosterField].ToString()));
        if (reading.Members.Count == 0 || name.Length == 0) return Refused(session, "没有可以导入的名单，请重新选择文件。");
        var changes = Roster.Compare(members.All, reading.Members);
        var summary = $"+{changes.Added.Count} ~{changes.Changed.Count} -{changes.Removed.Count}";
        await members.ImportAsync(reading.Members, name, summary, session.Context(), ct);
        return ConsoleLayout.Page(session, "成员", H($"""
            <section><p>已导入「{name}」：共 {reading.Members.Count} 人（新增 {changes.Added.Count}，修改 {changes.Changed.Count}，移除 {changes.Removed.Count}）。以后名单以后台为准。</p><p><a href="/console/members">返回成员</a></p></section>
            """));
    }

    /// <summary>The rows of an .xlsx (MiniExcel) or a .csv in UTF-8 or GB18030 (Excel on a Chinese Windows saves CSV in GB18030).</summary>
    private static IReadOnlyList<IReadOnlyList<string>> RowsOf(byte[] bytes, string name)
    {
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (extension == ".xlsx") return Sheets.Rows(bytes, name);
        if (extension != ".csv") throw new UnreadableSheetException($"「{name}」不是 .csv 或 .xlsx 文件。请在 Excel 里另存为 .xlsx 再导入。");
        try
        {
            return Roster.CsvRows(PlanText.Decode(bytes, name));
        }
        catch (PlanReadException)
        {
            throw new UnreadableSheetException($"「{name}」读不出文字（不是 UTF-8 或 GB18030 编码的 CSV）。请在 Excel 里另存为 .xlsx 再导入。");
        }
    }

    private static string Summary(RosterChanges c) =>
        $"导入后：新增 {c.Added.Count} 人，修改 {c.Changed.Count} 人，移除 {c.Removed.Count} 人，不变 {c.Unchanged} 人";

    private string Source(ConsoleSession session) => members.LastImport is { } import
        ? $"名单来自后台导入：{import.FileName}（{members.DisplayName(import.ImportedBy)}，{session.Time(import.ImportedAt)}），不再读名单文件"
        : string.IsNullOrWhiteSpace(options.Value.Members) ? "没有配置名单文件（UnionBot:Members）" : $"名单文件：{options.Value.Members}";

    private static Html UploadForm(ConsoleSession session) => H($"""
        <section><h2>从 Excel 导入</h2>
        {ConsoleLayout.Form(session.FormToken, "/console/members/preview", H($"""
            <p><input type="file" name="file" accept=".csv,.xlsx" aria-label="名单文件"></p>
            """), "读取并预览", css: "block", enctype: "multipart/form-data")}
        <p class="muted">.xlsx 或 .csv，第一行是表头：用户ID（或“账号”）、姓名、分会（或“部门”）。企业微信、钉钉通讯录导出的表可以直接用。先看预览，确认后才替换名单。</p></section>
        """);

    private static Html Table(IEnumerable<Member> list) => H($"""
        <table class="cards"><thead><tr><th>用户ID</th><th>姓名</th><th>分会</th></tr></thead><tbody>
        {list.Select(m => H($"<tr><td data-l=\"用户ID\">{m.UserId}</td><td data-l=\"姓名\">{m.Name}</td><td data-l=\"分会\">{m.Branch}</td></tr>"))}
        </tbody></table>
        """);

    private static Html ChangeList(string title, IEnumerable<(Member Now, Member? Before)> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0) return Empty;
        return H($"""
            <h2>{title}（{list.Count}）</h2>
            <table class="cards"><thead><tr><th>用户ID</th><th>姓名</th><th>分会</th></tr></thead><tbody>
            {list.Select(r => H($"<tr><td data-l=\"用户ID\">{r.Now.UserId}</td><td data-l=\"姓名\">{Was(r.Now.Name, r.Before?.Name)}</td><td data-l=\"分会\">{Was(r.Now.Branch, r.Before?.Branch)}</td></tr>"))}
            </tbody></table>
            """);
    }

    private static Html Was(string now, string? before) =>
        before is null || before == now ? H($"{now}") : H($"{now} <span class=\"muted\">（原来：{before}）</span>");

    private static Html Problems(IReadOnlyList<string> problems) => problems.Count == 0 ? Empty : H($"""
        <section><p><strong>跳过的行</strong></p>{problems.Select(p => H($"<p class=\"muted\">{p}</p>"))}</section>
        """);

    private static IResult Refused(ConsoleSession session, string why) => ConsoleLayout.Page(session, "成员", H($"""
        <p class="note">{why}</p><p>名单没有改动。<a href="/console/members">返回成员</a></p>
        """), StatusCodes.Status400BadRequest);
}

/// <summary>An uploaded sheet that cannot be read; the message is for the chair.</summary>
public sealed class UnreadableSheetException(string message) : Exception(message);

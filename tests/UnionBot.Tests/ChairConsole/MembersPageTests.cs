using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MiniExcelLibs;
using Microsoft.Extensions.DependencyInjection;
using UnionBot.Core.Members;
using Member = UnionBot.Core.Members.Member;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.ChairConsole;

public sealed partial class MembersPageTests
{
    private static readonly Encoding Gb18030 = CodePages();

    private static Encoding CodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936);
    }

    /// <summary>The address-book export's headers, saved by Excel on a Chinese Windows: GB18030.</summary>
    private static byte[] AddressBookCsv => Gb18030.GetBytes(
        "姓名,账号,部门\r\n王主席,chair-userid,工会委员会\r\n李红,teacher-li,语文组\r\n吴老师,teacher-wu,\"体育组,田径\"\r\n,teacher-x,\r\n");

    private static Task<HttpResponseMessage> UploadAsync(ConsoleHost host, byte[] bytes, string fileName, bool withToken = true) =>
        host.UploadAsync("/console/members", "/console/members/preview", bytes, fileName, withToken);

    /// <summary>Presses 确认导入 on a preview page: its form's hidden fields, posted back.</summary>
    private static async Task<HttpResponseMessage> ConfirmAsync(ConsoleHost host, string preview)
    {
        var form = ImportForm().Match(preview).Value;
        var fields = HiddenField().Matches(form).Select(m => KeyValuePair.Create(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value)));
        return await host.Client.PostAsync("/console/members/import", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task AnImportedCsvIsPreviewedFirstThenReplacesTheRosterFileAsTheSource()
    {
        using var dir = new TempDirectory();
        var database = dir.File("unionbot.db");
        await using (var host = ConsoleHost.Start(databasePath: database))
        {
            await host.LoginAsync();
            Assert.Contains("名单文件：", await host.Client.GetStringAsync("/console/members"));

            var preview = await UploadAsync(host, AddressBookCsv, "通讯录.csv");

            var html = await preview.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
            Assert.Contains("新增 1 人，修改 1 人，", html);
            Assert.Contains("移除 2 人，不变 1 人", html);
            Assert.Contains("李红 <span class=\"muted\">（原来：李老师）</span>", html);
            Assert.Contains("体育组,田径", html);
            Assert.Contains("第 5 行缺姓名，跳过。", html);
            Assert.Empty(await host.QueryAsync<long>("SELECT id FROM member_imports"));
            Assert.Equal("李老师", host.Services.GetRequiredService<MemberDirectory>().DisplayName("teacher-li"));

            var import = await ConfirmAsync(host, html);

            Assert.Equal(HttpStatusCode.OK, import.StatusCode);
            Assert.Contains("已导入「通讯录.csv」：共 3 人", await import.Content.ReadAsStringAsync());
            var roster = await host.Client.GetStringAsync("/console/members");
            Assert.Contains("名单来自后台导入：通讯录.csv", roster);
            Assert.Contains("李红", roster);
            Assert.Equal(["chair-userid"], await host.QueryAsync<string>("SELECT user_id FROM audit_log WHERE action = 'import-members'"));
        }

        await using var restarted = ConsoleHost.Start(databasePath: database);
        var members = restarted.Services.GetRequiredService<MemberDirectory>();
        Assert.Equal("李红", members.DisplayName("teacher-li"));
        Assert.Equal("吴老师", members.DisplayName("teacher-wu"));
        Assert.Equal("teacher-zhang", members.DisplayName("teacher-zhang")); // still in config/members.csv, but that is no longer read
        Assert.Equal(["chair-userid", "teacher-li", "teacher-wu"], members.All.Select(m => m.UserId));
        Assert.Equal("体育组,田径", members.Find("teacher-wu")!.Branch);
    }

    [Fact]
    public async Task AnXlsxFromExcelIsReadByItsHeaderRow()
    {
        await using var host = ConsoleHost.Start();
        await host.LoginAsync();
        var sheet = new MemoryStream();
        sheet.SaveAs(new[]
        {
            new Dictionary<string, object> { ["用户ID"] = "teacher-li", ["姓名"] = "李红", ["分会"] = "语文组" },
            new Dictionary<string, object> { ["用户ID"] = 10086, ["姓名"] = "赵老师", ["分会"] = "后勤" },
        });

        var preview = await UploadAsync(host, sheet.ToArray(), "名单.xlsx");
        await ConfirmAsync(host, await preview.Content.ReadAsStringAsync());

        var members = host.Services.GetRequiredService<MemberDirectory>();
        Assert.Equal([new Member("teacher-li", "李红", "语文组"), new Member("10086", "赵老师", "后勤")], members.All);
    }

    [Theory]
    [InlineData("名单.xls")]
    [InlineData("名单.xlsx")]
    public async Task AFileThatIsNotARosterIsRefusedAndChangesNothing(string fileName)
    {
        await using var host = ConsoleHost.Start();
        await host.LoginAsync();

        var response = await UploadAsync(host, [0xD0, 0xCF, 0x11, 0xE0, 1, 2, 3], fileName);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("另存为 .xlsx", await response.Content.ReadAsStringAsync());
        Assert.Empty(await host.QueryAsync<long>("SELECT id FROM member_imports"));
    }

    [Fact]
    public async Task AnImportWithoutTheAntiforgeryTokenIsRefusedAndChangesNothing()
    {
        await using var host = ConsoleHost.Start();
        await host.LoginAsync();
        var html = await (await UploadAsync(host, AddressBookCsv, "通讯录.csv")).Content.ReadAsStringAsync();

        var forged = await host.Client.PostAsync("/console/members/import", new FormUrlEncodedContent(
            [KeyValuePair.Create("file_name", "x.csv"), KeyValuePair.Create("roster", "userid,name,branch\nevil,坏人,\n")]));
        var noToken = await UploadAsync(host, AddressBookCsv, "通讯录.csv", withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Empty(await host.QueryAsync<long>("SELECT id FROM member_imports"));
        Assert.Contains("确认导入", html);
    }

    [GeneratedRegex("<form[^>]*action=\"/console/members/import\".*?</form>", RegexOptions.Singleline)]
    private static partial Regex ImportForm();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenField();
}

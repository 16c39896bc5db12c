using System.Text;
using UnionBot.Cli;
using UnionBot.Core.Platforms.DingTalk;
using UnionBot.Core.Platforms.WeCom;
using UnionBot.Tests.Commands;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.ChairConsole;

public sealed class ConsoleLinkCommandTests
{
    [Theory]
    [InlineData("/后台")]
    [InlineData("/console")]
    [InlineData("@工会助手 ／后台")]
    public async Task AnAdminInAPrivateChatGetsASingleUseLink(string text)
    {
        using var h = new CommandsHarness();

        var reply = await h.Send(CommandsHarness.Admin, text, isPrivate: true);

        Assert.Contains("http://127.0.0.1:5080/console/login?token=", reply.Markdown);
        Assert.Contains("只能用一次", reply.Markdown);
        Assert.Equal(1, (await h.Query<long>("SELECT COUNT(*) FROM console_links WHERE user_id = @U AND used_at IS NULL", new { U = CommandsHarness.Admin }))[0]);
    }

    [Fact]
    public async Task InAGroupTheLinkIsNotSentAndNoneIsMade()
    {
        using var h = new CommandsHarness();

        var reply = await h.Say(CommandsHarness.Admin, "/后台");

        Assert.Contains("只在私聊里发送", reply);
        Assert.DoesNotContain("token=", reply);
        Assert.Equal(0, (await h.Query<long>("SELECT COUNT(*) FROM console_links"))[0]);
    }

    [Fact]
    public async Task ATeacherWhoIsNotAnAdminGetsNoLinkEvenInPrivate()
    {
        using var h = new CommandsHarness();

        var reply = await h.Send("teacher-li", "/后台", isPrivate: true);

        Assert.DoesNotContain("token=", reply.Markdown);
        Assert.Contains("管理员", reply.Markdown);
        Assert.Equal(0, (await h.Query<long>("SELECT COUNT(*) FROM console_links"))[0]);
    }

    [Fact]
    public async Task TheLinkGoesToThePublicUrlWhenOneIsSet()
    {
        using var h = new CommandsHarness();
        h.Options.Value.PublicUrl = "https://bot.school.example/";

        var reply = await h.Send(CommandsHarness.Admin, "/后台", isPrivate: true);

        Assert.Contains("(https://bot.school.example/console/login?token=", reply.Markdown);
    }

    [Theory]
    [InlineData("single", true)]
    [InlineData("group", false)]
    [InlineData(null, false)]
    public void AWeComSingleChatIsPrivate(string? chatType, bool isPrivate)
    {
        var type = chatType is null ? "" : $"\"chattype\":\"{chatType}\",";
        var message = WeComIncoming.Parse($$$"""{"msgid":"m1",{{{type}}}"from":{"userid":"u"},"msgtype":"text","text":{"content":"/后台"}}""");
        Assert.Equal(isPrivate, message!.IsPrivate);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("2", false)]
    public void ADingTalkOneToOneConversationIsPrivate(string conversationType, bool isPrivate)
    {
        var body = Encoding.UTF8.GetBytes($$$"""{"msgtype":"text","text":{"content":"/后台"},"msgId":"m1","conversationType":"{{{conversationType}}}","senderStaffId":"u","sessionWebhook":"https://oapi.dingtalk.com/robot/sendBySession?session=x"}""");
        Assert.Equal(isPrivate, DingTalkIncoming.Parse(body)!.IsPrivate);
    }

    [Fact]
    public async Task TheCommandLinePrintsALinkForAnAdmin()
    {
        using var dir = new TempDirectory();
        var (exit, stdout, stderr) = await Run("console", "link", "--user", "chair-userid", "--minutes", "5",
            $"--UnionBot:Database=Data Source={dir.File("bot.db")}", $"--UnionBot:Plan:Path={RepoPaths.Seed("000")}",
            "--UnionBot:PublicUrl=https://bot.school.example", "--UnionBot:Admins:0=chair-userid");

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        Assert.Matches(@"^https://bot\.school\.example/console/login\?token=[A-Za-z0-9_-]{43}\n$", stdout);
    }

    [Fact]
    public async Task TheCommandLineRefusesSomeoneWhoIsNotAnAdminWithOneLine()
    {
        using var dir = new TempDirectory();
        var (exit, stdout, stderr) = await Run("console", "link", "--user", "teacher-li",
            $"--UnionBot:Database=Data Source={dir.File("bot.db")}", $"--UnionBot:Plan:Path={RepoPaths.Seed("000")}", "--UnionBot:Admins:0=chair-userid");

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Equal("unionbot: 'teacher-li' is not in UnionBot:Admins; only admins get a console link\n", stderr);
    }

    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var exit = await CommandLine.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}

using UnionBot.Core.Commands;
using UnionBot.Core.Options;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Commands;

/// <summary>The message id is claimed in the transaction of the command's writes: both are kept, or neither.</summary>
public sealed class ClaimWithCommandTests : IDisposable
{
    private readonly CommandsHarness _bot = new();
    public void Dispose() => _bot.Dispose();

    private static IncomingMessage SignUp(string user) =>
        new("wecom-all", PlatformKind.WeCom, "msg-kept-for-redelivery", user, null, "/报名 乒乓球赛");

    [Fact]
    public async Task ASignUpWhoseWriteFailedLeavesTheIdUnclaimedAndItsRedeliveryIsAnsweredAndSignsUp()
    {
        await ExecuteAsync("""
            CREATE TRIGGER refuse_entries BEFORE INSERT ON signup_entries
            BEGIN SELECT RAISE(ABORT, 'disk said no'); END;
            """);

        var failed = await _bot.Conversation.AnswerOnceAsync(SignUp("teacher-li"));

        Assert.Contains("错误编号", failed!.Markdown);
        Assert.Empty(await _bot.Query<string>("SELECT message_id FROM processed_messages"));
        Assert.Empty(await _bot.Query<long>("SELECT id FROM signups")); // the sign-up the command opened went with it

        await ExecuteAsync("DROP TRIGGER refuse_entries;");
        var redelivered = await _bot.Conversation.AnswerOnceAsync(SignUp("teacher-li"));

        Assert.Contains("你是「举办教职工乒乓球赛」第 1 位", redelivered!.Markdown);
        Assert.Equal(["teacher-li"], await _bot.Query<string>("SELECT user_id FROM signup_entries"));
        Assert.Equal(["msg-kept-for-redelivery"], await _bot.Query<string>("SELECT message_id FROM processed_messages"));
        Assert.Null(await _bot.Conversation.AnswerOnceAsync(SignUp("teacher-li"))); // now it is a redelivery of a handled message
        Assert.Equal(["teacher-li"], await _bot.Query<string>("SELECT user_id FROM signup_entries"));
    }

    private Task ExecuteAsync(string sql) => TestDatabase.ExecuteAsync(_bot.DatabasePath, sql);
}

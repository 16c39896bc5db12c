using UnionBot.Core.Plan;
using Microsoft.Extensions.Logging.Abstractions;
using UnionBot.Core.Commands;
using UnionBot.Core.Options;
using UnionBot.Core.SignUps;
using UnionBot.Core.Storage;

namespace UnionBot.Tests.Commands;

public sealed class SignUpTests : IDisposable
{
    private readonly CommandsHarness _bot = new();
    public void Dispose() => _bot.Dispose();

    private Task<List<string>> EntryUsers() =>
        _bot.Query<string>("SELECT user_id FROM signup_entries ORDER BY id");

    [Fact]
    public async Task TheUnionsOwnTaskDoesNotOpenBySignUpAndSaysAnAdminCanOpenIt()
    {
        var plan = CommandsHarness.Plan with { Activities = [.. CommandsHarness.Plan.Activities, new([new PlanMonth(3)], "组织财务内审", null, SignUp: false)] };
        using var bot = new CommandsHarness(plan);

        var reply = await bot.Say("teacher-li", "@工会助手 /报名 财务内审");

        Assert.Contains("「组织财务内审」是工会的工作安排，不用报名", reply);
        Assert.Empty(await bot.Query<long>("SELECT id FROM signups"));
        Assert.Contains("已为大家开启报名", await bot.Say("teacher-li", "@工会助手 /报名 乒乓球赛"));
    }

    [Fact]
    public async Task ASignUpOpenedBetweenTwoMessagesIsFoundByTheNextOne()
    {
        // The titles matched against are kept between messages; opening a sign-up outside the plan must renew them.
        Assert.Contains("没有找到「读书分享会」", await _bot.Say("teacher-li", "@工会助手 /报名 读书分享会"));

        await _bot.Say(CommandsHarness.Admin, "/发起报名 读书分享会 名额3");

        Assert.Contains("你是「读书分享会」第 1 位", await _bot.Say("teacher-li", "@工会助手 /报名 读书分享会"));
        Assert.Contains("你是「读书分享会」第 2 位", await _bot.Say("teacher-wang", "@工会助手 /报名 分享会"));
    }

    [Fact]
    public async Task SigningUpByAUniquePartOpensThePlanActivityWithoutQuotaAndSaysSo()
    {
        var reply = await _bot.Say("teacher-li", "@工会助手 /报名 乒乓球赛");

        Assert.Contains("「举办教职工乒乓球赛」是计划里的活动，已为大家开启报名（不限名额）", reply);
        Assert.Contains("你是「举办教职工乒乓球赛」第 1 位", reply);
        Assert.Equal(["举办教职工乒乓球赛"], await _bot.Query<string>("SELECT activity FROM signups"));
        Assert.Equal(["teacher-li"], await EntryUsers());
    }

    [Fact]
    public async Task SigningUpTwiceIsAFriendlyNoOpNotASecondEntry()
    {
        await _bot.Say("teacher-li", "/报名 乒乓球赛");
        var second = await _bot.Say("teacher-li", "/signup 举办教职工乒乓球赛");

        Assert.Contains("你已经报过「举办教职工乒乓球赛」了（第 1 位）", second);
        Assert.Single(await EntryUsers());
    }

    [Fact]
    public async Task SeveralMatchesGiveANumberedListAndTheNumberPicksOne()
    {
        var list = await _bot.Say("teacher-li", "/报名 乒乓球");

        Assert.Contains("1. 举办教职工乒乓球赛", list);
        Assert.Contains("2. 教职工乒乓球友谊赛", list);
        Assert.Empty(await EntryUsers());

        var picked = await _bot.Say("teacher-li", "/报名 2");
        Assert.Contains("你是「教职工乒乓球友谊赛」第 1 位", picked);
    }

    [Fact]
    public async Task AnAdminPickingFromTheListKeepsTheQuotaAndDeadlineFirstTyped()
    {
        Assert.Contains("请回复序号选择", await _bot.Say(CommandsHarness.Admin, "/发起报名 乒乓球 名额5 截止3月20日"));

        Assert.Contains("「教职工乒乓球友谊赛」开始报名啦！名额 5 人，3月20日 截止", await _bot.Say(CommandsHarness.Admin, "/发起报名 2"));
        var row = Assert.Single(await _bot.Query<(string Activity, long Quota)>("SELECT activity, quota FROM signups"));
        Assert.Equal(("教职工乒乓球友谊赛", 5L), row);
    }

    [Fact]
    public async Task ANumberedListIsForgottenAfterAQuarterOfAnHour()
    {
        await _bot.Say("teacher-li", "/报名 乒乓球");
        _bot.Time.Advance(TimeSpan.FromMinutes(16));

        Assert.Contains("没有找到「2」", await _bot.Say("teacher-li", "/报名 2"));
        Assert.Empty(await EntryUsers());
    }

    [Fact]
    public async Task TeachersOpeningTheSamePlanActivityAtOnceShareOneSignUp()
    {
        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => _bot.Say($"t{i}", "/报名 羽毛球赛"))));

        Assert.Single(await _bot.Query<long>("SELECT id FROM signups"));
        Assert.Equal(20, (await EntryUsers()).Distinct().Count());
        Assert.All(replies, r => Assert.Contains("报名成功", r));
    }

    [Fact]
    public async Task ANumberWithoutAListShownIsNotTakenAsAChoice()
    {
        var reply = await _bot.Say("teacher-li", "/报名 2");

        Assert.Contains("没有找到「2」", reply);
        Assert.Empty(await EntryUsers());
    }

    [Fact]
    public async Task AnUnknownNameListsWhatCanBeSignedUpFor()
    {
        var reply = await _bot.Say("teacher-li", "/报名 拔河比赛");

        Assert.Contains("没有找到「拔河比赛」", reply);
        Assert.Contains("- 举办教职工羽毛球赛", reply);
        Assert.Contains("- 教职工乒乓球友谊赛", reply);
        Assert.DoesNotContain("教职工趣味运动会", reply);
    }

    [Fact]
    public async Task AnActivityOfAMonthBeyondNextIsOutOfReachAndNothingIsOpened()
    {
        var reply = await _bot.Say("teacher-li", "/报名 趣味运动会");

        Assert.Contains("「教职工趣味运动会」是计划里5月的活动，现在还不能报名", reply);
        Assert.Empty(await EntryUsers());
    }

    [Fact]
    public async Task QuotedPlanTitlesMatchWithoutTheirQuotesAndOddDots()
    {
        var reply = await _bot.Say("teacher-li", "/报名 三八妇女节");

        Assert.Contains("「“三﹒八”妇女节专题庆祝活动」", reply);
        Assert.Single(await EntryUsers());
    }

    [Fact]
    public async Task PastTheQuotaTeachersWaitWithTheirPosition()
    {
        await _bot.Say(CommandsHarness.Admin, "/发起报名 乒乓球赛 名额2");
        await _bot.Say("teacher-li", "/报名 乒乓球赛");
        var second = await _bot.Say("teacher-zhang", "/报名 乒乓球赛");
        var third = await _bot.Say("teacher-chen", "/报名 乒乓球赛");
        var fourth = await _bot.Say("teacher-wu", "/报名 乒乓球赛");

        Assert.Contains("第 2 位（名额 2 人）", second);
        Assert.Contains("名额已满，你在候补第 1 位", third);
        Assert.Contains("候补第 2 位", fourth);
        Assert.Contains("你已经在「举办教职工乒乓球赛」的候补名单上了（第 2 位）", await _bot.Say("teacher-wu", "/报名 乒乓球赛"));
    }

    [Fact]
    public async Task CancellingAPlacePromotesTheFirstWaitingTeacherAndMentionsThemInTheirGroup()
    {
        await _bot.Say(CommandsHarness.Admin, "/发起报名 乒乓球赛 名额1");
        await _bot.Say("teacher-li", "/报名 乒乓球赛");
        await _bot.Say("teacher-zhang", "/报名 乒乓球赛", channel: "ding-union");
        await _bot.Say("teacher-chen", "/报名 乒乓球赛");

        var reply = await _bot.Say("teacher-li", "/取消报名 乒乓球赛");

        Assert.Contains("已取消你的「举办教职工乒乓球赛」报名", reply);
        var (key, message, channel) = Assert.Single(_bot.Outbox.Posts);
        Assert.Equal("ding-union", channel);
        Assert.Equal(["teacher-zhang"], message.Mentions);
        Assert.Contains("张老师，「举办教职工乒乓球赛」有名额空出来了，你已从候补转为正式报名（第 1 位）", message.Markdown);
        Assert.StartsWith("signup-promoted:", key);
        Assert.Equal(["teacher-zhang", "teacher-chen"], await EntryUsers());
    }

    [Fact]
    public async Task APromotionFromAGroupWithoutAWebhookIsPostedToEveryGroupRatherThanLost()
    {
        await _bot.Say(CommandsHarness.Admin, "/发起报名 乒乓球赛 名额1");
        await _bot.Say("teacher-li", "/报名 乒乓球赛");
        await _bot.Say("teacher-zhang", "/报名 乒乓球赛", channel: "wecom-receive-only");

        await _bot.Say("teacher-li", "/取消报名 乒乓球赛");

        var post = Assert.Single(_bot.Outbox.Posts);
        Assert.Null(post.ChannelId);
        Assert.Equal(["teacher-zhang"], post.Message.Mentions);
    }

    [Fact]
    public async Task WhenThePromotionNoticeCannotBeQueuedTheCancellationStillStandsAndTheReplySaysSo()
    {
        await _bot.Say(CommandsHarness.Admin, "/发起报名 乒乓球赛 名额1");
        await _bot.Say("teacher-li", "/报名 乒乓球赛");
        await _bot.Say("teacher-zhang", "/报名 乒乓球赛");
        _bot.Outbox.Broken = true;

        var reply = await _bot.Say("teacher-li", "/取消报名 乒乓球赛");

        Assert.Contains("候补的 张老师 已经补上，但群通知没发出去", reply);
        Assert.Equal(["teacher-zhang"], await EntryUsers());
        Assert.Contains(_bot.Logs.Lines, l => l.StartsWith("Error: Sign-up 1: entry 2 moved up but the notice could not be queued"));
    }

    [Fact]
    public async Task CancellingFromTheWaitingListPromotesNobody()
    {
        await _bot.Say(CommandsHarness.Admin, "/发起报名 乒乓球赛 名额1");
        await _bot.Say("teacher-li", "/报名 乒乓球赛");
        await _bot.Say("teacher-zhang", "/报名 乒乓球赛");

        await _bot.Say("teacher-zhang", "/取消报名 乒乓球赛");

        Assert.Empty(_bot.Outbox.Posts);
        Assert.Equal(["teacher-li"], await EntryUsers());
    }

    [Fact]
    public async Task CancellingWithoutHavingSignedUpSaysSo()
    {
        await _bot.Say("teacher-li", "/报名 乒乓球赛");

        Assert.Contains("你还没有报名「举办教职工乒乓球赛」哦", await _bot.Say("teacher-zhang", "/取消报名 乒乓球赛"));
        Assert.Single(await EntryUsers());
    }

    [Fact]
    public async Task APlanActivityNobodySignedUpForIsSaidToBeNotOpenYet()
    {
        Assert.Contains("「举办教职工羽毛球赛」还没有开始报名", await _bot.Say("teacher-li", "/名单 羽毛球赛"));
        Assert.Contains("「举办教职工羽毛球赛」还没有开始报名，你也还没报名哦", await _bot.Say("teacher-li", "/取消报名 羽毛球赛"));
        Assert.Contains("没有找到「羽毛球赛」", await _bot.Say(CommandsHarness.Admin, "/结束报名 羽毛球赛"));
    }

    [Fact]
    public async Task TheDeadlineDayStillCountsAndTheDayAfterIsRefusedClearly()
    {
        await _bot.Say(CommandsHarness.Admin, "/发起报名 乒乓球赛 截止3月12日");

        _bot.Time.SetUtcNow(new DateTimeOffset(2026, 3, 12, 15, 59, 0, TimeSpan.Zero)); // 23:59 in Shanghai
        Assert.Contains("报名成功", await _bot.Say("teacher-li", "/报名 乒乓球赛"));

        _bot.Time.SetUtcNow(new DateTimeOffset(2026, 3, 12, 16, 0, 0, TimeSpan.Zero)); // 3月13日 00:00 in Shanghai
        var late = await _bot.Say("teacher-zhang", "/报名 乒乓球赛");

        Assert.Contains("报名已于 3月12日 截止", late);
        Assert.Equal(["teacher-li"], await EntryUsers());
    }

    [Fact]
    public async Task TheListShowsRosterNamesNicksOrIdsTheCountQuotaAndWaitingList()
    {
        await _bot.Say(CommandsHarness.Admin, "/发起报名 乒乓球赛 名额2 截止3月20日");
        await _bot.Say("teacher-li", "/报名 乒乓球赛", nick: "小李");
        await _bot.Say("teacher-x", "/报名 乒乓球赛", nick: "赵老师");
        await _bot.Say("teacher-y", "/报名 乒乓球赛");

        var list = await _bot.Say("teacher-zhang", "/名单 乒乓球赛");

        Assert.Contains("已报名 2/2 人，3月20日 截止", list);
        Assert.Contains("1. 李老师", list);
        Assert.Contains("2. 赵老师", list);
        Assert.Contains("候补 1 人：\n1. teacher-y", list);
    }

    [Fact]
    public async Task OpeningAndClosingAreForAdminsOnlyAndEveryAdminActionIsAudited()
    {
        var refused = await _bot.Say("teacher-li", "/发起报名 乒乓球赛 名额5");
        Assert.Contains("只有工会管理员可以发起报名", refused);
        Assert.Empty(await _bot.Query<string>("SELECT activity FROM signups"));

        Assert.Contains("「举办教职工乒乓球赛」开始报名啦！名额 5 人", await _bot.Say(CommandsHarness.Admin, "/发起报名 乒乓球赛 名额5"));
        Assert.Contains("只有工会管理员可以结束报名", await _bot.Say("teacher-li", "/结束报名 乒乓球赛"));
        Assert.Contains("报名已结束，共 0 人报名", await _bot.Say(CommandsHarness.Admin, "/结束报名 乒乓球赛"));

        var audit = await _bot.Query<(string UserId, string Action, string Detail, string At)>("SELECT user_id, action, detail, at FROM audit_log ORDER BY id");
        Assert.Equal([("chair-userid", "open-signup"), ("chair-userid", "close-signup")], audit.Select(a => (a.UserId, a.Action)));
        Assert.Equal("举办教职工乒乓球赛，名额 5，截止 不限", audit[0].Detail); // the chair reads it on the console's 审计 page
        Assert.Equal("2026-03-10T01:00:00.000Z", audit[0].At);
    }

    [Fact]
    public async Task OpeningASignUpThatIsAlreadyOpenSaysItChangedTheTermsNotThatItStarted()
    {
        await _bot.Say(CommandsHarness.Admin, "/发起报名 乒乓球赛 名额5");
        await _bot.Say("teacher-li", "/报名 乒乓球赛");

        var changed = await _bot.Say(CommandsHarness.Admin, "/发起报名 乒乓球赛 名额8 截止3月20日");

        Assert.DoesNotContain("开始报名啦", changed);
        Assert.Contains("「举办教职工乒乓球赛」的报名已在进行中，现改为名额 8 人，3月20日 截止", changed);
        Assert.Contains("已有 1 人报名，名单保留", changed);
        Assert.Equal([8], await _bot.Query<int>("SELECT quota FROM signups"));
        await _bot.Say("teacher-zhang", "/报名 乒乓球赛");
        Assert.Contains("超出名额的 1 人按报名先后转为候补", await _bot.Say(CommandsHarness.Admin, "/发起报名 乒乓球赛 名额1"));
        Assert.Contains("候补 1 人：", await _bot.Say(CommandsHarness.Admin, "/名单 乒乓球赛"));
    }

    [Fact]
    public async Task OpeningAClosedSignUpAgainSaysItReopensAndKeepsTheList()
    {
        await _bot.Say("teacher-li", "/报名 乒乓球赛");
        await _bot.Say(CommandsHarness.Admin, "/结束报名 乒乓球赛");

        var reopened = await _bot.Say(CommandsHarness.Admin, "/发起报名 乒乓球赛");

        Assert.Contains("「举办教职工乒乓球赛」重新开始报名啦！不限名额", reopened);
        Assert.Contains("之前已有 1 人报名，名单保留", reopened);
        Assert.Contains("报名成功", await _bot.Say("teacher-zhang", "/报名 乒乓球赛"));
    }

    [Fact]
    public async Task ClosingCountsEveryTeacherWhoJoinedSinceTheSignUpWasOpened()
    {
        Assert.Contains("开始报名啦", await _bot.Say(CommandsHarness.Admin, "/发起报名 乒乓球赛 名额5"));
        await _bot.Say("teacher-li", "/报名 乒乓球赛");
        await _bot.Say("teacher-zhang", "/报名 乒乓球赛");

        Assert.Contains("报名已结束，共 2 人报名", await _bot.Say(CommandsHarness.Admin, "/结束报名 乒乓球赛"));
        Assert.Contains("的报名已经结束啦", await _bot.Say("teacher-wang", "/报名 乒乓球赛"));
    }

    [Fact]
    public async Task AClosedSignUpRefusesNewcomersButStillLetsTeachersCancel()
    {
        await _bot.Say("teacher-li", "/报名 乒乓球赛");
        await _bot.Say(CommandsHarness.Admin, "/结束报名 乒乓球赛");

        Assert.Contains("的报名已经结束啦", await _bot.Say("teacher-zhang", "/报名 乒乓球赛"));
        Assert.Contains("已取消", await _bot.Say("teacher-li", "/取消报名 乒乓球赛"));
        Assert.Empty(await EntryUsers());
    }

    [Fact]
    public async Task OpeningANameOutsideThePlanOpensItAsTyped()
    {
        await _bot.Say(CommandsHarness.Admin, "/发起报名 周末登山 名额10 截止12月1日");

        var row = Assert.Single(await _bot.Query<(string Activity, long Quota, string Deadline)>("SELECT activity, quota, deadline FROM signups"));
        Assert.Equal(("周末登山", 10L, "2026-12-01T16:00:00.000Z"), row);
        Assert.Contains("报名成功", await _bot.Say("teacher-li", "/报名 登山"));
    }

    [Fact]
    public async Task AHundredTeachersAtTheSameMomentGetSixteenPlacesAndEightyFourWaitingInArrivalOrder()
    {
        await _bot.Say(CommandsHarness.Admin, "/发起报名 乒乓球赛 名额16");
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, 100).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return (User: $"t{i:D3}", Reply: await _bot.Say($"t{i:D3}", "/报名 乒乓球赛"));
        })).ToList();
        start.SetResult();
        var replies = await Task.WhenAll(tasks);

        var users = await EntryUsers();
        Assert.Equal(100, users.Distinct().Count());
        Assert.Equal(16, replies.Count(r => r.Reply.Contains("报名成功")));
        Assert.Equal(84, replies.Count(r => r.Reply.Contains("候补第")));
        // Arrival order is the database's order: the n-th row got place n, the 17th row waiting position 1.
        for (var n = 0; n < users.Count; n++)
        {
            var reply = replies.Single(r => r.User == users[n]).Reply;
            Assert.Contains(n < 16 ? $"第 {n + 1} 位（名额 16 人）" : $"候补第 {n - 15} 位", reply);
        }
    }

    [Fact]
    public async Task AWriterWithItsOwnGateLikeASecondProcessStillCannotTakeAPlaceTwice()
    {
        await _bot.Say(CommandsHarness.Admin, "/发起报名 乒乓球赛 名额16");
        var id = Assert.Single(await _bot.Query<long>("SELECT id FROM signups"));
        // A second Database is a second writer, as another process would be: only BEGIN IMMEDIATE keeps them apart.
        var other = new SignUpStore(new Database(_bot.Database.ConnectionString + ";Pooling=False", NullLogger<Database>.Instance));
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var viaBot = Enumerable.Range(0, 50).Select(i => Task.Run(async () => { await start.Task; return await _bot.Say($"a{i}", "/报名 乒乓球赛"); })).ToList();
        var viaOther = Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            await start.Task;
            var message = new IncomingMessage("wecom-all", PlatformKind.WeCom, $"b{i}", $"b{i}", null, "");
            var ctx = new CommandContext(message, false, _bot.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)), _bot.Options.Value.FindZone());
            return await other.JoinAsync(id, "乒乓球赛", ctx, CancellationToken.None);
        })).ToList();
        start.SetResult();
        var botReplies = await Task.WhenAll(viaBot);
        var otherResults = await Task.WhenAll(viaOther);

        Assert.Equal(100, (await EntryUsers()).Distinct().Count());
        Assert.Equal(16, botReplies.Count(r => r.Contains("报名成功")) + otherResults.Count(r => r.Standing is { Waiting: false }));
        var otherPlaces = otherResults.Where(r => r.Standing is { Waiting: false }).Select(r => r.Standing!.Position);
        var otherWaits = otherResults.Where(r => r.Standing is { Waiting: true }).Select(r => r.Standing!.Position);
        Assert.Equal(otherPlaces.Count(), otherPlaces.Distinct().Count());
        Assert.Equal(otherWaits.Count(), otherWaits.Distinct().Count());
    }
}

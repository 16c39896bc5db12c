using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using UnionBot.Core.Access;
using UnionBot.Core.Announcements;
using UnionBot.Core.Callbacks;
using UnionBot.Core.Commands;
using UnionBot.Core.Members;
using UnionBot.Core.Options;
using UnionBot.Core.Plan;
using UnionBot.Core.Polls;
using UnionBot.Core.Schedule;
using UnionBot.Core.SignUps;
using UnionBot.Core.Storage;
using UnionBot.Core.Suggestions;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Commands;

/// <summary>
/// The real command pipeline and handlers on a migrated temporary SQLite file, with the tests' manual clock
/// (<see cref="BotSetup.Clock"/>), a small hand-written plan, a roster, a recording outbox and a log capture.
/// </summary>
public sealed class CommandsHarness : IDisposable
{
    public const string Admin = "chair-userid";
    private readonly TempDirectory _dir = new();
    private int _messageId;

    public CommandsHarness(AnnualPlan? plan = null)
    {
        Time = BotSetup.Clock();
        File.WriteAllText(_dir.File("members.csv"), "userid,name,branch\nchair-userid,王主席,工会委员会\nteacher-li,李老师,语文组\nteacher-zhang,张老师,数学组\n");
        Options = Microsoft.Extensions.Options.Options.Create(new UnionBotOptions
        {
            Database = $"Data Source={DatabasePath}",
            Admins = [Admin],
            Channels =
            [
                new ChannelOptions { Id = "wecom-all", Platform = PlatformKind.WeCom, WebhookKey = "k", Token = "t", EncodingAesKey = new string('a', 43) },
                new ChannelOptions { Id = "ding-union", Platform = PlatformKind.DingTalk, AccessToken = "a", AppSecret = "s" },
                new ChannelOptions { Id = "wecom-receive-only", Platform = PlatformKind.WeCom, Token = "t", EncodingAesKey = new string('a', 43) },
            ],
            Members = _dir.File("members.csv"),
        });
        var logs = LoggerFactory.Create(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        Database = new Database(Options.Value.Database, NullLogger<Database>.Instance);
        Database.Migrate();

        var calendar = new PlanCalendar(new FixedSchedule(plan ?? Plan, 2026));
        var members = new MemberDirectory(Options, logs.CreateLogger<MemberDirectory>());
        var signUpStore = new SignUpStore(Database);
        Pipeline = new CommandPipeline(
            new PlanAnswers(calendar, signUpStore), calendar,
            new SignUpHandler(signUpStore, calendar, new PendingChoices(Time), members, Outbox, Options, logs.CreateLogger<SignUpHandler>()),
            new SuggestionHandler(new SuggestionStore(Database), Outbox, Options, logs.CreateLogger<SuggestionHandler>()),
            new PollHandler(new PollStore(Database)),
            new AnnounceHandler(Outbox, Database, logs.CreateLogger<AnnounceHandler>()),
            new ConsoleLinkHandler(new ConsoleLinks(Database, Options, Time)), new AdminList(Options, NullLogger<AdminList>.Instance),
            Options, Time, logs.CreateLogger<CommandPipeline>());
        Conversation = new Conversation(Pipeline, new ProcessedMessages(Database, Time), logs.CreateLogger<Conversation>());
    }

    /// <summary>March: two ball games and 三八; April: a third ball game; May (out of reach for /报名): a sports day.</summary>
    public static AnnualPlan Plan { get; } = new("2026年学校工会工作计划", 2026,
    [
        new([new PlanMonth(3)], "举办教职工乒乓球赛", null),
        new([new PlanMonth(3)], "举办教职工羽毛球赛", null),
        new([new PlanMonth(3)], "“三﹒八”妇女节专题庆祝活动", "womens-day"),
        new([new PlanMonth(4)], "教职工乒乓球友谊赛", null),
        new([new PlanMonth(5)], "教职工趣味运动会", null),
    ], []);

    public FakeTimeProvider Time { get; }
    public IOptions<UnionBotOptions> Options { get; }
    public Database Database { get; }
    public CommandPipeline Pipeline { get; }
    /// <summary>How every message enters: claimed once, a failure answered politely.</summary>
    public Conversation Conversation { get; }
    public RecordingOutbox Outbox { get; } = new();
    public LogCapture Logs { get; } = new();

    public async Task<string> Say(string user, string text, string? nick = null, string channel = "wecom-all") =>
        (await Send(user, text, nick, channel)).Markdown;

    public async Task<CommandReply> Send(string user, string text, string? nick = null, string channel = "wecom-all", bool isPrivate = false) =>
        await Conversation.AnswerOnceAsync(new IncomingMessage(channel, PlatformKind.WeCom, $"msg-{Interlocked.Increment(ref _messageId)}", user, nick, text, isPrivate))
        ?? throw new InvalidOperationException("a fresh message id was answered as a redelivery");

    public string DatabasePath => _dir.File("unionbot.db");

    public Task<List<T>> Query<T>(string sql, object? args = null) => TestDatabase.QueryAsync<T>(DatabasePath, sql, args);

    public void Dispose()
    {
        // This database's pool only: ClearAllPools closed the idle connections of every test running beside this one,
        // and a database whose last connection closes loses its WAL file under the test that is reading it.
        using (var connection = new SqliteConnection(Database.ConnectionString)) SqliteConnection.ClearPool(connection);
        _dir.Dispose();
    }

    private sealed class FixedSchedule(AnnualPlan plan, int year) : IYearScheduleSource
    {
        public YearSchedule Current { get; } = new("plan.txt", "0", plan, year, []);
        public YearSchedule Reload() => Current;
    }
}

/// <summary>What was handed to the outbox, in order.</summary>
public sealed class RecordingOutbox : IAnnouncementOutbox
{
    public ConcurrentQueue<(string Key, OutgoingMessage Message, string? ChannelId)> Posts { get; } = new();

    /// <summary>Set to make the next enqueues fail, as a locked or broken outbox table would.</summary>
    public bool Broken { get; set; }

    public Task EnqueueImmediateAsync(string key, OutgoingMessage message, string? channelId, CancellationToken ct)
    {
        if (Broken) throw new InvalidOperationException("the outbox is unavailable");
        Posts.Enqueue((key, message, channelId));
        return Task.CompletedTask;
    }
}

using UnionBot.Core.Access;
using UnionBot.Core.Announcements;
using UnionBot.Core.Commands;
using UnionBot.Core.Members;
using UnionBot.Core.Polls;
using UnionBot.Core.SignUps;
using UnionBot.Core.Suggestions;

namespace UnionBot.Hosting;

public static class CommandsHostingExtensions
{
    /// <summary>
    /// The command pipeline the WeCom, DingTalk and local adapters call, and its feature handlers. It needs the
    /// outbox (<see cref="IAnnouncementOutbox"/>) and the plan (<c>IYearScheduleSource</c>) registered by their features.
    /// </summary>
    public static IHostApplicationBuilder AddCommands(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<MemberDirectory>();
        services.AddSingleton<PendingChoices>();
        services.AddSingleton<PlanCalendar>();
        services.AddSingleton<PlanAnswers>();
        services.AddSingleton<SignUpStore>();
        services.AddSingleton<SignUpHandler>();
        services.AddSingleton<SuggestionStore>();
        services.AddSingleton<SuggestionHandler>();
        services.AddSingleton<PollStore>();
        services.AddSingleton<PollHandler>();
        services.AddSingleton<AnnounceHandler>();
        services.AddSingleton<ConsoleLinks>();
        services.AddSingleton<ConsoleLinkHandler>();
        services.AddSingleton<ICommandPipeline, CommandPipeline>();
        return builder;
    }
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UnionBot.Core.Access;
using UnionBot.Core.Announcements;
using UnionBot.Core.Callbacks;
using UnionBot.Core.Options;
using UnionBot.Core.Polls;
using UnionBot.Core.SignUps;
using UnionBot.Core.Suggestions;

namespace UnionBot.Core.Commands;

/// <summary>
/// Parse, then one <c>switch</c> to the feature handlers. A handler's failure is <see cref="Conversation"/>'s to answer.
/// </summary>
public sealed class CommandPipeline(
    PlanAnswers plan, PlanCalendar calendar, SignUpHandler signUps, SuggestionHandler suggestions, PollHandler polls, AnnounceHandler announce,
    ConsoleLinkHandler console, AdminList admins,
    IOptions<UnionBotOptions> options, TimeProvider time, ILogger<CommandPipeline> logger) : ICommandPipeline
{
    public async Task<CommandReply> HandleAsync(IncomingMessage message, MessageClaim? claim, CancellationToken ct)
    {
        var command = CommandParser.Parse(message.Text);
        var zone = options.Value.FindZone();
        var ctx = new CommandContext(message, admins.Contains(message.UserId), TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone), zone, claim);
        var reply = command switch
        {
            Command.Help => CommandReply.Of(HelpText.For(ctx.IsAdmin, calendar.SignUpExample(ctx.Today))),
            Command.ThisMonth => await plan.ThisMonthAsync(ctx, ct),
            Command.Plan p => plan.Plan(p, ctx),
            Command.SignUp c => await signUps.SignUpAsync(c, ctx, ct),
            Command.CancelSignUp c => await signUps.CancelAsync(c, ctx, ct),
            Command.ListSignUps c => await signUps.ListAsync(c, ctx, ct),
            Command.OpenSignUp c => await signUps.OpenAsync(c, ctx, ct),
            Command.CloseSignUp c => await signUps.CloseAsync(c, ctx, ct),
            Command.Suggest c => await suggestions.SuggestAsync(c, ctx, ct),
            Command.SuggestionQuery c => await suggestions.QueryAsync(c, ctx, ct),
            Command.SuggestionList => await suggestions.ListAsync(ctx, ct),
            Command.SuggestionReply c => await suggestions.ReplyAsync(c, ctx, ct),
            Command.CreatePoll c => await polls.CreateAsync(c, ctx, ct),
            Command.Vote c => await polls.VoteAsync(c, ctx, ct),
            Command.PollResult c => await polls.ResultAsync(c, ctx, ct),
            Command.ClosePoll c => await polls.CloseAsync(c, ctx, ct),
            Command.Announce c => await announce.AnnounceAsync(c, ctx, ct),
            Command.WhoAmI => CommandReply.Of(WhoAmIText.For(ctx)),
            Command.ConsoleLink => await console.LinkAsync(ctx, ct),
            Command.TooLong t => CommandReply.Of($"消息太长了（{t.Length} 字），请控制在 {CommandParser.MaxLength} 字以内再发一次。"),
            Command.Unknown u => CommandReply.Of(Hints.WithExample(u.Hint, () => calendar.SignUpExample(ctx.Today))),
            _ => CommandReply.Of(HelpText.For(ctx.IsAdmin, calendar.SignUpExample(ctx.Today))),
        };
        logger.LogInformation("Command {Command} answered in channel {ChannelId}", command.GetType().Name, message.ChannelId);
        return reply;
    }
}

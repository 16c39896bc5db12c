namespace UnionBot.Core.Commands;

/// <summary>A month and day as typed (截止12月1日); the sign-up handler picks the year from the clock.</summary>
public readonly record struct MonthDay(int Month, int Day);

/// <summary>
/// The closed set of commands of SPEC section 7, produced by <see cref="CommandParser"/> and dispatched by one
/// <c>switch</c> in <see cref="CommandPipeline"/>. Activity names and free text keep the characters the teacher typed.
/// </summary>
public abstract record Command
{
    private Command() { }

    public sealed record Help : Command;
    public sealed record ThisMonth : Command;
    /// <summary><c>/计划 [N月]</c>; <paramref name="Month"/> null = the whole plan.</summary>
    public sealed record Plan(int? Month) : Command;

    public sealed record SignUp(string Activity) : Command;
    public sealed record CancelSignUp(string Activity) : Command;
    /// <summary><paramref name="Activity"/> null = an overview of the open sign-ups.</summary>
    public sealed record ListSignUps(string? Activity) : Command;
    public sealed record OpenSignUp(string Activity, int? Quota, MonthDay? Deadline) : Command;
    public sealed record CloseSignUp(string Activity) : Command;

    public sealed record Suggest(bool Anonymous, string Text) : Command;
    /// <summary><paramref name="Receipt"/> is <c>JY-2026-0007</c>, or <c>0007</c> when only the number was typed: the
    /// handler completes it with this year (<see cref="Receipts.InYear"/>), since the parser has no clock.</summary>
    public sealed record SuggestionQuery(string Receipt) : Command;
    public sealed record SuggestionList : Command;
    public sealed record SuggestionReply(string Receipt, string Text) : Command;

    public sealed record CreatePoll(string Question, IReadOnlyList<string> Options, bool Multi, bool Anonymous) : Command
    {
        // Records compare lists by reference; tests compare parsed polls by value.
        public bool Equals(CreatePoll? other) =>
            other is not null && Question == other.Question && Multi == other.Multi && Anonymous == other.Anonymous
            && Options.SequenceEqual(other.Options);

        public override int GetHashCode() => HashCode.Combine(Question, Multi, Anonymous, Options.Count);
    }

    public sealed record Vote(int Poll, IReadOnlyList<int> Choices) : Command
    {
        public bool Equals(Vote? other) => other is not null && Poll == other.Poll && Choices.SequenceEqual(other.Choices);
        public override int GetHashCode() => HashCode.Combine(Poll, Choices.Count);
    }

    /// <summary><paramref name="Poll"/> null = the newest poll.</summary>
    public sealed record PollResult(int? Poll) : Command;
    public sealed record ClosePoll(int Poll) : Command;

    public sealed record Announce(string Text) : Command;

    /// <summary><c>/我的ID</c>: who the bot thinks the sender is, so the chair can fill <c>UnionBot:Admins</c>.</summary>
    public sealed record WhoAmI : Command;
    /// <summary><c>/后台</c>: a login link to the chair's console, only in a private chat.</summary>
    public sealed record ConsoleLink : Command;

    /// <summary>Not a command, or a command missing its argument: <paramref name="Hint"/> is the reply.</summary>
    public sealed record Unknown(string Hint) : Command;
    public sealed record TooLong(int Length) : Command;
}

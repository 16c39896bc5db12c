namespace UnionBot.Tests.Support.Fakes;

/// <summary>One scripted answer, used for the next <see cref="Times"/> requests: an errcode, an HTTP status, or a delay.</summary>
internal sealed record Scripted(int Times, int? ErrCode = null, string? ErrMsg = null, int? HttpStatus = null, TimeSpan? Delay = null);

/// <summary>The answers a test queued, used in order, each for as many requests as it was asked for.</summary>
internal sealed class FakeScript
{
    private readonly Lock _gate = new();
    private readonly List<Scripted> _queue = [];

    public void Add(Scripted scripted) { lock (_gate) _queue.Add(scripted); }

    public Scripted? Take()
    {
        lock (_gate)
        {
            if (_queue.Count == 0) return null;
            var first = _queue[0];
            if (first.Times <= 1) _queue.RemoveAt(0);
            else _queue[0] = first with { Times = first.Times - 1 };
            return first;
        }
    }
}

namespace UnionBot.Core.Platforms.Local;

/// <summary>One line of the local chat page: something a user typed, the bot's reply, or an announcement.</summary>
public sealed record LocalFeedItem(long Id, DateTimeOffset At, string Author, string Kind, string Text);

/// <summary>
/// The built-in local channel's group chat (SPEC section 6): an in-memory, bounded, ordered feed that the
/// page at <c>/</c> polls. It is a try-it-out channel, so it keeps the newest <see cref="Capacity"/> items only.
/// </summary>
public sealed class LocalFeed(TimeProvider time)
{
    public const int Capacity = 500;
    private readonly Lock _gate = new();
    private readonly LinkedList<LocalFeedItem> _items = new();
    private long _nextId = 1;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LocalFeedItem Append(string author, string kind, string text)
    {
        TaskCompletionSource changed;
        LocalFeedItem item;
        lock (_gate)
        {
            item = new LocalFeedItem(_nextId++, time.GetUtcNow(), author, kind, text);
            _items.AddLast(item);
            if (_items.Count > Capacity) _items.RemoveFirst();
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
        return item;
    }

    /// <summary>Items with an id greater than <paramref name="afterId"/>, oldest first.</summary>
    public IReadOnlyList<LocalFeedItem> Since(long afterId)
    {
        lock (_gate) return _items.Where(i => i.Id > afterId).ToList();
    }

    /// <summary>Waits until something newer than <paramref name="afterId"/> exists, the timeout passes or <paramref name="ct"/> fires.</summary>
    public async Task<IReadOnlyList<LocalFeedItem>> WaitSinceAsync(long afterId, TimeSpan timeout, CancellationToken ct)
    {
        Task changed;
        lock (_gate)
        {
            if (_items.Last is { } last && last.Value.Id > afterId) return Since(afterId);
            changed = _changed.Task;
        }
        try { await changed.WaitAsync(timeout, time, ct); }
        catch (TimeoutException) { }
        return Since(afterId);
    }
}

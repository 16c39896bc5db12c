using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace UnionBot.Tests.Support;

/// <summary>
/// Keeps every log line so tests can check what was, and was not, logged: its level, category, the rendered message
/// with its exception, and the values of its template (a secret must not hide there either).
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    public sealed record Entry(LogLevel Level, string Category, string Text, string Values)
    {
        public override string ToString() => $"{Level}: {Text} | {Values}";
    }

    public ConcurrentQueue<Entry> Entries { get; } = new();

    /// <summary>Every line as "Level: message | values", in the order logged.</summary>
    public IReadOnlyList<string> Lines => Entries.Select(e => e.ToString()).ToList();

    public string All => string.Join("\n", Lines);

    /// <summary>The messages at <paramref name="level"/> from categories starting with <paramref name="categoryPrefix"/>.</summary>
    public IReadOnlyList<string> At(LogLevel level, string categoryPrefix = "") =>
        Entries.Where(e => e.Level == level && e.Category.StartsWith(categoryPrefix, StringComparison.Ordinal)).Select(e => e.Text).ToList();

    /// <summary>A logger for a class built by hand, outside a host.</summary>
    public ILogger<T> For<T>() => new Logger<T>(new LoggerFactory([this]));

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    public void Dispose() { }

    private sealed class Recorder(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            owner.Entries.Enqueue(new Entry(logLevel, category, formatter(state, exception) + (exception is null ? "" : " | " + exception), values));
        }
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace UnionBot.Tests.Callbacks;

/// <summary>Keeps every formatted log line (with its exception text) so tests can check what was, and was not, logged.</summary>
public sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Category, string Text)> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public IReadOnlyList<string> At(LogLevel level, string categoryPrefix) =>
        Lines.Where(l => l.Level == level && l.Category.StartsWith(categoryPrefix, StringComparison.Ordinal)).Select(l => l.Text).ToList();

    public string All => string.Join("\n", Lines.Select(l => l.Text));

    public void Dispose() { }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) owner.Lines.Enqueue((logLevel, category, formatter(state, exception) + (exception is null ? "" : " | " + exception)));
        }
    }
}

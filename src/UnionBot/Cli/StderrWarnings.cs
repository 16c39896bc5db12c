namespace UnionBot.Cli;

/// <summary>
/// What Core logs while a verb runs (a year without a holiday table), as <c>unionbot: warning: …</c> lines on stderr,
/// so that stdout stays the verb's JSON or table.
/// </summary>
internal sealed class StderrWarnings(TextWriter stderr) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel)) stderr.WriteLine($"unionbot: {(logLevel == LogLevel.Warning ? "warning" : "error")}: {formatter(state, exception)}");
    }
}

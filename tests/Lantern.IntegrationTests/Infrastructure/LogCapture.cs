using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Lantern.IntegrationTests.Infrastructure;

/// <summary>One log entry as any sink would have received it: category, level, message, exception and scopes.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, string Message, string? Exception, string Scopes)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Level} {Category}: {Message} {Exception} {Scopes}");
}

/// <summary>
/// Records every log message of the app under test, every category and level (Trace included), with the
/// exception and the scope values, so that tests can prove what never reaches a log.
/// </summary>
[ProviderAlias("Capture")]
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<CapturedLog> Entries => _entries;

    /// <summary>Everything logged, as one text to search.</summary>
    public string AllText() => string.Join('\n', _entries.Select(e => e.ToString()));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new StringBuilder();
            owner._scopes.ForEachScope(
                static (scope, builder) =>
                {
                    builder.Append(" => ").Append(scope);
                    if (scope is IEnumerable<KeyValuePair<string, object?>> values)
                    {
                        foreach (var (key, value) in values)
                        {
                            builder.Append(' ').Append(key).Append('=').Append(value);
                        }
                    }
                },
                scopes);
            var message = formatter(state, exception);
            if (state is IEnumerable<KeyValuePair<string, object?>> properties)
            {
                // Structured sinks store the raw values too, not only the formatted message.
                message += " |" + string.Join(' ', properties.Select(p => p.Key + "=" + p.Value));
            }

            owner._entries.Enqueue(new CapturedLog(category, logLevel, message, exception?.ToString(), scopes.ToString()));
        }
    }
}

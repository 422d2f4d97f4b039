using System.Collections.Concurrent;
using Lantern.Web.Platform.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lantern.Tests.Platform.Logging;

/// <summary>Whatever the logging rules say, MVC's categories log nothing below Debug (their Trace prints handler arguments).</summary>
public sealed class MvcArgumentLoggingTests
{
    private const string HandlerCategory = "Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure.PageActionInvoker";

    [Theory]
    [InlineData(false, null)]
    [InlineData(false, "Microsoft")]
    [InlineData(false, "Microsoft.AspNetCore.Mvc.RazorPages")]
    [InlineData(true, null)]
    [InlineData(true, "Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure")]
    public void NoRuleLetsMvcTraceThrough_AndOtherTraceStillFlows(bool forThisProvider, string? category)
    {
        var capture = new Capture();
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddProvider(capture);
        });
        services.Configure<LoggerFilterOptions>(options =>
            options.Rules.Add(new LoggerFilterRule(forThisProvider ? typeof(Capture).FullName : null, category, LogLevel.Trace, null)));
        services.AddSingleton<IPostConfigureOptions<LoggerFilterOptions>, MvcArgumentLogging>();
        using var provided = services.BuildServiceProvider();
        var loggers = provided.GetRequiredService<ILoggerFactory>();

        loggers.CreateLogger(HandlerCategory).LogTrace("Executing handler method with arguments (secret)");
        loggers.CreateLogger(HandlerCategory).LogDebug("Executing handler method");
        loggers.CreateLogger("Microsoft.AspNetCore.Routing.EndpointMiddleware").LogTrace("elsewhere");

        Assert.DoesNotContain(capture.Messages, m => m.Contains("secret", StringComparison.Ordinal));
        Assert.Contains("Executing handler method", capture.Messages);
        Assert.Contains("elsewhere", capture.Messages);
    }

    private sealed class Capture : ILoggerProvider
    {
        public ConcurrentBag<string> Messages { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(Messages);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentBag<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Add(formatter(state, exception));
        }
    }
}

using System.Collections.Concurrent;
using Lantern.Web.Platform.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lantern.Tests.Platform.Logging;

/// <summary>
/// Whatever the logging rules say, MVC's categories log nothing at Trace (their Trace prints handler arguments), and
/// the guard lowers no level: what the configuration asks for above Trace is exactly what is written.
/// </summary>
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

    [Theory]
    [InlineData("Microsoft.AspNetCore", LogLevel.Warning)]
    [InlineData("Microsoft", LogLevel.Information)]
    [InlineData(null, LogLevel.Warning)]
    [InlineData("Microsoft.AspNetCore.Mvc", LogLevel.Error)]
    public void MvcKeepsTheConfiguredLevel_NothingBelowIsWritten(string? category, LogLevel configured)
    {
        var capture = new Capture();
        using var provided = Logging(capture, logging =>
        {
            logging.SetMinimumLevel(LogLevel.Information);
            logging.AddFilter(category, configured);
        });
        var loggers = provided.GetRequiredService<ILoggerFactory>();
        var mvc = loggers.CreateLogger(HandlerCategory);

        mvc.LogTrace("at Trace");
        mvc.LogDebug("at Debug");
        mvc.LogInformation("at Information");
        mvc.LogWarning("at Warning");
        mvc.LogError("at Error");

        Assert.Equal(
            new[] { LogLevel.Information, LogLevel.Warning, LogLevel.Error }.Where(l => l >= configured).Select(l => $"at {l}"),
            capture.Messages);
        Assert.False(mvc.IsEnabled(LogLevel.Debug), "no Debug for MVC when the configuration asks for " + configured);
    }

    [Fact]
    public void MvcAtDebug_WhenConfigured_ButNeverTrace()
    {
        var capture = new Capture();
        using var provided = Logging(capture, logging =>
        {
            logging.SetMinimumLevel(LogLevel.Warning);
            logging.AddFilter(MvcArgumentLogging.Category, LogLevel.Trace);
        });
        var mvc = provided.GetRequiredService<ILoggerFactory>().CreateLogger(HandlerCategory);

        mvc.LogTrace("Executing handler method with arguments (secret)");
        mvc.LogDebug("Executing handler method");

        Assert.Equal(["Executing handler method"], capture.Messages);
        Assert.False(mvc.IsEnabled(LogLevel.Trace));
    }

    [Fact]
    public void WithNoRuleAtAll_TheMinimumLevelStillApplies_AndMvcTraceIsRefused()
    {
        var capture = new Capture();
        using var provided = Logging(capture, logging => logging.SetMinimumLevel(LogLevel.Trace));
        var loggers = provided.GetRequiredService<ILoggerFactory>();

        loggers.CreateLogger(HandlerCategory).LogTrace("secret");
        loggers.CreateLogger("Lantern.Web.Anything").LogTrace("elsewhere");

        Assert.Equal(["elsewhere"], capture.Messages);
    }

    private static ServiceProvider Logging(Capture capture, Action<ILoggingBuilder> configure)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(capture);
            configure(logging);
        });
        services.AddSingleton<IPostConfigureOptions<LoggerFilterOptions>, MvcArgumentLogging>();
        return services.BuildServiceProvider();
    }

    private sealed class Capture : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(Messages);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception));
        }
    }
}

using Lantern.Web.Platform;

namespace Lantern.Web.Retention;

/// <summary>
/// Runs <see cref="RetentionSweep"/> every <c>Lantern:Retention:IntervalMinutes</c> when <c>Lantern:Retention:Enabled</c>.
/// Never in an intake-only process: it has no audit key, and erasing is the back office's work. Every tick reads the
/// options afresh, so enabling or disabling takes effect without a restart.
/// </summary>
public sealed partial class RetentionJob(
    IServiceScopeFactory scopes,
    IOptionsMonitor<RetentionOptions> options,
    IOptions<LanternOptions> lantern,
    TimeProvider clock,
    ILogger<RetentionJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (lantern.Value.Role == LanternRole.Intake)
        {
            return;
        }

        // Let the host finish starting before the first run.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // The database was briefly unavailable, or another node holds a lock: what is due stays due for the next run.
                LogFailed(exception.GetType().Name);
            }

            try
            {
                await Task.Delay(TimeSpan.FromMinutes(options.CurrentValue.IntervalMinutes), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One run, when enabled; null when <c>Lantern:Retention:Enabled</c> is false (nothing is read or erased).</summary>
    public async Task<RetentionRun?> TickAsync(CancellationToken cancellationToken)
    {
        if (!options.CurrentValue.Enabled)
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var run = await scope.ServiceProvider.GetRequiredService<RetentionSweep>().RunOnceAsync(dryRun: false, cancellationToken);
        if (run.Erased > 0)
        {
            LogErased(run.Erased);
        }

        return run;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention erased {Reports} report(s).")]
    private partial void LogErased(int reports);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention run failed ({Error}); it runs again at the next interval.")]
    private partial void LogFailed(string error);
}

using Lantern.Web.Platform;
using Lantern.Web.Platform.Background;

namespace Lantern.Web.Retention;

/// <summary>
/// Runs <see cref="RetentionSweep"/> every <c>Lantern:Retention:IntervalMinutes</c> when <c>Lantern:Retention:Enabled</c>,
/// on one process of the cluster (<see cref="ClusterJob"/>). Never in an intake-only process: it has no audit key, and
/// erasing is the back office's work. Every tick reads the options afresh, so enabling or disabling takes effect
/// without a restart. (Each erasure step is conditional anyway, so two runs at once would not erase twice.)
/// </summary>
public sealed partial class RetentionJob(
    ClusterWork cluster,
    IServiceScopeFactory scopes,
    IOptionsMonitor<RetentionOptions> options,
    IOptions<LanternOptions> lantern,
    ILogger<RetentionJob> logger) : ClusterJob(cluster, scopes, logger)
{
    protected override string Name => "retention.erase";

    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.CurrentValue.IntervalMinutes);

    protected override bool Enabled => lantern.Value.Role != LanternRole.Intake;

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) => TickAsync(cancellationToken);

    /// <summary>One run, when enabled; null when <c>Lantern:Retention:Enabled</c> is false (nothing is read or erased).</summary>
    public async Task<RetentionRun?> TickAsync(CancellationToken cancellationToken)
    {
        if (!options.CurrentValue.Enabled)
        {
            return null;
        }

        await using var scope = Scopes.CreateAsyncScope();
        var run = await scope.ServiceProvider.GetRequiredService<RetentionSweep>().RunOnceAsync(dryRun: false, cancellationToken);
        if (run.Erased > 0)
        {
            LogErased(logger, run.Erased);
        }

        return run;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention erased {Reports} report(s).")]
    private static partial void LogErased(ILogger logger, int reports);
}

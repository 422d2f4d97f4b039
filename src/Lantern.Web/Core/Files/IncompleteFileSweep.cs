using Lantern.Web.Platform.Background;

namespace Lantern.Web.Core.Files;

/// <summary>
/// At start-up, and every hour after, on one process of the cluster, removes files whose upload never finished (the
/// process stopped halfway): an incomplete file is never shown, and its chunks must not linger. Only files older than
/// <see cref="FilesOptions.IncompleteAfterMinutes"/> are taken, so an upload still running on another process is safe.
/// </summary>
public sealed class IncompleteFileSweep(ClusterWork cluster, IServiceScopeFactory scopes, ReportFileStore store, ILogger<IncompleteFileSweep> logger)
    : ClusterJob(cluster, scopes, logger)
{
    protected override string Name => "files.incomplete";

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var removed = await store.SweepIncompleteAsync(cancellationToken);
        if (removed > 0 && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Removed {Count} incomplete uploaded files.", removed);
        }
    }
}

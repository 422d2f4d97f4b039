using Lantern.Web.Platform;
using Lantern.Web.Platform.Background;

namespace Lantern.Web.Detection;

/// <summary>
/// At start, in the background, indexes the reports the index is behind on (after an upgrade of the extraction, a
/// change of index key, or reports stored before detection existed), so new and old reports link alike. Only where
/// the staff private key is (it decrypts the answers): never in an intake-only process. On one process of a cluster
/// at a time (<see cref="ClusterWork"/>): the others, started together, leave it to the one holding the lease.
/// </summary>
public sealed partial class IndexCatchUp(
    IServiceScopeFactory scopes, ClusterWork cluster, IOptions<DetectionOptions> options, IOptions<LanternOptions> lantern, ILogger<IndexCatchUp> logger) : BackgroundService
{
    private const string Job = "detection.catch-up";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.CatchUpAtStart || lantern.Value.Role == LanternRole.Intake)
        {
            return;
        }

        try
        {
            if (!await cluster.TryAcquireAsync(Job, TimeSpan.FromHours(1), stoppingToken))
            {
                return;
            }

            await using var scope = scopes.CreateAsyncScope();
            var reindex = scope.ServiceProvider.GetRequiredService<Reindex>();
            if (await reindex.BehindAsync(cancellationToken: stoppingToken) == 0)
            {
                return;
            }

            var indexed = await reindex.RunAsync("system", cancellationToken: stoppingToken);
            LogCaughtUp(indexed);
            await cluster.ReleaseAsync(Job, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the next start goes on where this one stopped.
        }
        catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or System.Security.Cryptography.CryptographicException)
        {
            // The index stays behind (a concurrent writer, a missing key); the command or the next start retries.
            LogFailed(exception.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Entity index caught up: {Reports} report(s) indexed.")]
    private partial void LogCaughtUp(int reports);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Entity index catch-up stopped ({Error}); it resumes at the next start or with `detection reindex`.")]
    private partial void LogFailed(string error);
}

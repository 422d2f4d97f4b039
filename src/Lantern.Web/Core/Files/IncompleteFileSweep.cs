namespace Lantern.Web.Core.Files;

/// <summary>
/// At start-up, and every hour after, removes files whose upload never finished (the process stopped halfway):
/// an incomplete file is never shown, and its chunks must not linger.
/// </summary>
public sealed class IncompleteFileSweep(ReportFileStore store, ILogger<IncompleteFileSweep> logger) : BackgroundService
{
    private static readonly TimeSpan _every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var removed = await store.SweepIncompleteAsync(stoppingToken);
                if (removed > 0 && logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("Removed {Count} incomplete uploaded files.", removed);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                if (logger.IsEnabled(LogLevel.Warning))
                {
                    logger.LogWarning("Sweeping incomplete files failed ({Error}); trying again later.", exception.GetType().Name);
                }
            }

            await Task.Delay(_every, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}

namespace Lantern.Web.Platform.Background;

/// <summary>
/// A periodic background job that runs on one process of the cluster (<see cref="ClusterWork"/>): every
/// <see cref="Interval"/> each process tries the job's lease, and only its holder runs <see cref="RunAsync"/>. The
/// lease lasts three intervals, so a holder that died is replaced within that time. A failing run is logged by the
/// error's type only (never data) and tried again at the next interval: a background job must never stop the site.
/// </summary>
public abstract partial class ClusterJob(ClusterWork cluster, IServiceScopeFactory scopes, ILogger logger) : BackgroundService
{
    /// <summary>The application's scopes, for a job that also runs outside the loop (a command, a test).</summary>
    protected IServiceScopeFactory Scopes { get; } = scopes;

    /// <summary>The job's name, its lease's key.</summary>
    protected abstract string Name { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>Whether this process runs the job at all (e.g. not in an intake-only process, not when turned off).</summary>
    protected virtual bool Enabled => true;

    /// <summary>One run, in a service scope of its own.</summary>
    protected abstract Task RunAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await cluster.TryAcquireAsync(Name, Interval * 3, stoppingToken))
                {
                    await using var scope = Scopes.CreateAsyncScope();
                    await RunAsync(scope.ServiceProvider, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogRunFailed(logger, Name, exception.GetType().Name);
            }

            try
            {
                await Task.Delay(Interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await cluster.ReleaseAsync(Name, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The lease then simply expires.
            LogReleaseFailed(logger, Name, exception.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Background job {Job} failed ({Error}); it runs again at its next interval.")]
    private static partial void LogRunFailed(ILogger logger, string job, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Background job {Job} could not give its lease up ({Error}); it expires.")]
    private static partial void LogReleaseFailed(ILogger logger, string job, string error);
}

using Lantern.Web.Platform.Mail;
using Lantern.Web.Platform.Observability;
using Lantern.Web.Statistics.Figures;

namespace Lantern.Web.Hosting.Observability;

/// <summary>
/// Reads the waiting work from the database every <see cref="MetricsOptions.RefreshSeconds"/> for the gauges of
/// <see cref="LanternMetrics"/>: overdue acknowledgements, first replies and referrals (the statistics' own "overdue now"
/// rules, so the dashboard and the metrics never disagree) and the outbox backlog. Here because only the host knows both
/// the statistics and the platform's outbox. Runs only with the metrics on; each node reads the same database, so the
/// values are the same on every node (take the maximum, not the sum).
/// </summary>
internal sealed partial class WaitingWorkGauges(
    IServiceScopeFactory scopes, LanternMetrics metrics, IOptions<MetricsOptions> options, TimeProvider clock, ILogger<WaitingWorkGauges> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RefreshSeconds), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var overdue = await scope.ServiceProvider.GetRequiredService<StatisticsQuery>().OverdueAsync(stoppingToken);
                var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
                var outbox = await db.Set<OutboxMail>().LongCountAsync(m => m.SentAt == null, stoppingToken);
                metrics.SetWaiting(overdue.Acknowledgement, overdue.FirstReply, overdue.ReferralAcknowledgement, outbox);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A database that cannot be read now leaves the last values; the readiness probe reports the outage.
                LogRefreshFailed(logger, exception.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The waiting-work gauges could not be read ({ExceptionType}).")]
    private static partial void LogRefreshFailed(ILogger logger, string exceptionType);
}

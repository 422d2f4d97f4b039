using Lantern.Web.Platform;
using Lantern.Web.Platform.Background;

namespace Lantern.Web.Statistics.Summaries;

/// <summary>
/// Every <c>Lantern:Statistics:SummaryIntervalMinutes</c>, on one process of the cluster, brings the day summaries up to
/// date (<see cref="DaySummariser.RunOnceAsync"/>). Never in an intake-only process: the statistics are the back office's.
/// </summary>
public sealed partial class DaySummaryJob(
    ClusterWork cluster,
    IServiceScopeFactory scopes,
    IOptions<StatisticsOptions> options,
    IOptions<LanternOptions> lantern,
    ILogger<DaySummaryJob> logger) : ClusterJob(cluster, scopes, logger)
{
    protected override string Name => "statistics.days";

    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.SummaryIntervalMinutes);

    protected override bool Enabled => lantern.Value.Role != LanternRole.Intake && options.Value.SummariseInBackground;

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var run = await services.GetRequiredService<DaySummariser>().RunOnceAsync(cancellationToken);
        if (run.Recomputed > 0 || run.Months > 0 || run.Claimed > 0)
        {
            LogRun(logger, run.Recomputed, run.Months, run.Claimed);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Statistics: {Recomputed} day(s) summarised, {Months} month(s) rolled up, {Claimed} day(s) claimed for the next run.")]
    private static partial void LogRun(ILogger logger, int recomputed, int months, int claimed);
}

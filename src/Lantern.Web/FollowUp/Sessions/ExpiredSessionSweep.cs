using Lantern.Web.Platform.Background;

namespace Lantern.Web.FollowUp.Sessions;

/// <summary>
/// Every minute, on one process of the cluster, deletes the follow-up sessions idle for too long, so that their
/// wrapped keys do not stay in the database after the session could no longer be used anyway.
/// </summary>
public sealed class ExpiredSessionSweep(ClusterWork cluster, IServiceScopeFactory scopes, ILogger<ExpiredSessionSweep> logger)
    : ClusterJob(cluster, scopes, logger)
{
    protected override string Name => "follow-up.expired-sessions";

    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<ReporterSessions>().EndExpiredAsync(cancellationToken);
}

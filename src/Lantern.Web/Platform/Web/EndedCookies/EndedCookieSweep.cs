using Lantern.Web.Platform.Background;

namespace Lantern.Web.Platform.Web.EndedCookies;

/// <summary>Every ten minutes, on one process of the cluster, forgets the ended cookie ids whose cookies have expired.</summary>
public sealed class EndedCookieSweep(ClusterWork cluster, IServiceScopeFactory scopes, ILogger<EndedCookieSweep> logger)
    : ClusterJob(cluster, scopes, logger)
{
    protected override string Name => "platform.ended-cookies";

    protected override TimeSpan Interval => TimeSpan.FromMinutes(10);

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<EndedCookieIds>().ForgetExpiredAsync(cancellationToken);
}

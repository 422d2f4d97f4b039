using Lantern.Web.Platform.Background;

namespace Lantern.Web.Platform.Web.Floods;

/// <summary>Every ten minutes, on one process of the cluster, forgets the spent challenges that have expired.</summary>
public sealed class SpentChallengeSweep(ClusterWork cluster, IServiceScopeFactory scopes, ILogger<SpentChallengeSweep> logger)
    : ClusterJob(cluster, scopes, logger)
{
    protected override string Name => "platform.spent-challenges";

    protected override TimeSpan Interval => TimeSpan.FromMinutes(10);

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<SpentChallenges>().ForgetExpiredAsync(cancellationToken);
}

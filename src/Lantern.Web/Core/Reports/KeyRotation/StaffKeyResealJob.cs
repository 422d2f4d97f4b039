using Lantern.Web.Platform;
using Lantern.Web.Platform.Background;
using Lantern.Web.Platform.Crypto;

namespace Lantern.Web.Core.Reports.KeyRotation;

/// <summary>
/// After a staff key rotation, re-seals the old key's reports to the new one in the background, on one back-office
/// process of the cluster, a batch each minute until none is left (<see cref="StaffKeyResealing"/>).
/// </summary>
public sealed class StaffKeyResealJob(ClusterWork cluster, IServiceScopeFactory scopes, KeyRing keys, IOptions<LanternOptions> lantern, ILogger<StaffKeyResealJob> logger)
    : ClusterJob(cluster, scopes, logger)
{
    protected override string Name => "reports.staff-key-reseal";

    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    protected override bool Enabled => lantern.Value.Role != LanternRole.Intake && keys.RetiredStaffKeyIds.Count > 0;

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<StaffKeyResealing>().ResealAsync("system", limit: 5_000, cancellationToken);
}

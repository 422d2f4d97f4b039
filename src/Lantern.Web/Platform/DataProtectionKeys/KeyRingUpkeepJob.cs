using Lantern.Web.Platform.Background;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Lantern.Web.Platform.DataProtectionKeys;

/// <summary>Every six hours, on one process of the cluster, makes the next data-protection key before the current one runs out (<see cref="KeyRingUpkeep"/>).</summary>
public sealed class KeyRingUpkeepJob(ClusterWork cluster, IServiceScopeFactory scopes, IKeyManager keyManager, TimeProvider clock, ILogger<KeyRingUpkeepJob> logger)
    : ClusterJob(cluster, scopes, logger)
{
    protected override string Name => "platform.data-protection-keys";

    protected override TimeSpan Interval => TimeSpan.FromHours(6);

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        KeyRingUpkeep.EnsureCurrentKey(keyManager, clock);
        return Task.CompletedTask;
    }
}

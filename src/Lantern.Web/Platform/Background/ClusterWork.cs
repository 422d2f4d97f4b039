using System.Security.Cryptography;

namespace Lantern.Web.Platform.Background;

/// <summary>
/// Runs a background job on one process of the cluster, however many Lantern processes share the database: the job
/// runs only while this process holds its lease (<see cref="ClusterLease"/>), renewed at each run. The lease is taken
/// by a conditional update (expired, or already ours) or by inserting the first row, which the primary key lets only
/// one process do (<c>ON CONFLICT DO NOTHING</c>, understood by SQLite and PostgreSQL alike), with no lock held
/// between runs. A process that stops
/// renewing (crashed, killed, cut off) loses the lease when it expires, and the next process to try takes it over.
/// </summary>
public sealed class ClusterWork(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>This process's random id: distinguishes holders, says nothing about the machine.</summary>
    public string NodeId { get; } = RandomNumberGenerator.GetHexString(16, lowercase: true);

    /// <summary>Takes or renews the lease of <paramref name="job"/> for <paramref name="lease"/>; false when another process holds it.</summary>
    public async Task<bool> TryAcquireAsync(string job, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now + lease;
        var renewed = await db.Set<ClusterLease>()
            .Where(l => l.Job == job && (l.Holder == NodeId || l.ExpiresAt < now))
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, NodeId).SetProperty(l => l.ExpiresAt, expires), cancellationToken);
        if (renewed == 1)
        {
            return true;
        }

        // The first row: of processes inserting at the same moment, the primary key lets one in; the others insert
        // nothing (no error to log) and find the lease held.
        var inserted = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO cluster_leases (\"Job\", \"Holder\", \"ExpiresAt\") VALUES ({job}, {NodeId}, {expires}) ON CONFLICT DO NOTHING",
            cancellationToken);
        return inserted == 1;
    }

    /// <summary>Gives the lease up (a clean stop), so that another process need not wait for it to expire.</summary>
    public async Task ReleaseAsync(string job, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        await db.Set<ClusterLease>().Where(l => l.Job == job && l.Holder == NodeId).ExecuteDeleteAsync(cancellationToken);
    }
}

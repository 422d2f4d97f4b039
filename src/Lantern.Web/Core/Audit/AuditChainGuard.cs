using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lantern.Web.Core.Audit;

/// <summary>
/// Refuses a save that holds an audit entry not given its place in the chain: an entry must be saved
/// through <see cref="AuditTrail.SaveAsync"/>, which chains it under the chain's lock. A plain
/// <c>SaveChanges</c> would otherwise write a broken entry.
/// </summary>
internal sealed class AuditChainGuard : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added && e.Entity.Hash.Length == 0))
        {
            throw new InvalidOperationException("An audit entry is saved without AuditTrail.SaveAsync: it would not be chained.");
        }
    }
}

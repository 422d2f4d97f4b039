using System.Security.Cryptography;
using System.Text;
using Lantern.Web.Platform.Persistence;

namespace Lantern.Web.Platform.Web.EndedCookies;

/// <summary>The ids of self-contained cookies ended early, shared by every Lantern process (<see cref="EndedCookie"/>).</summary>
public sealed class EndedCookieIds(DbContext db, TimeProvider clock)
{
    public async Task EndAsync(string id, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var hash = Hash(id);
        if (await db.Set<EndedCookie>().AnyAsync(c => c.IdHash == hash, cancellationToken))
        {
            return;
        }

        db.Set<EndedCookie>().Add(new EndedCookie { IdHash = hash, ExpiresAt = expiresAt.UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            // Ended at the same moment by another request (a double click on "I kept it"): ended either way.
        }
    }

    public Task<bool> IsEndedAsync(string id, CancellationToken cancellationToken)
    {
        var hash = Hash(id);
        return db.Set<EndedCookie>().AnyAsync(c => c.IdHash == hash, cancellationToken);
    }

    /// <summary>Forgets the ids whose cookies have expired (refused by their own expiry from now on).</summary>
    public Task<int> ForgetExpiredAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Set<EndedCookie>().Where(c => c.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
    }

    private static byte[] Hash(string id) => SHA256.HashData(Encoding.UTF8.GetBytes(id));
}

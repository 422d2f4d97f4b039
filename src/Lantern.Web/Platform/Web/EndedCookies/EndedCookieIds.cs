using System.Security.Cryptography;
using System.Text;

namespace Lantern.Web.Platform.Web.EndedCookies;

/// <summary>The ids of self-contained cookies ended early, shared by every Lantern process (<see cref="EndedCookie"/>).</summary>
public sealed class EndedCookieIds(DbContext db, TimeProvider clock)
{
    /// <summary>Records the id; ending it twice (a double click on "I kept it", two nodes) records it once, without an error.</summary>
    public Task EndAsync(string id, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var hash = Hash(id);
        var expires = expiresAt.UtcDateTime;
        return db.Database.ExecuteSqlAsync(
            $"INSERT INTO ended_cookies (\"IdHash\", \"ExpiresAt\") VALUES ({hash}, {expires}) ON CONFLICT DO NOTHING", cancellationToken);
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

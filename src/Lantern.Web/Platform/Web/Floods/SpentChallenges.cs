namespace Lantern.Web.Platform.Web.Floods;

/// <summary>The challenges already used, shared by every Lantern process (<see cref="SpentChallenge"/>).</summary>
public sealed class SpentChallenges(DbContext db, ProofOfWork proofOfWork, TimeProvider clock)
{
    /// <summary>
    /// Marks the challenge used; false when it already was. One insert that the primary key lets through once, even for
    /// two nodes at the same moment (<c>ON CONFLICT DO NOTHING</c>, understood by SQLite and PostgreSQL alike): no
    /// read before, no error to catch.
    /// </summary>
    public async Task<bool> TrySpendAsync(Challenge challenge, CancellationToken cancellationToken)
    {
        var nonce = challenge.Nonce;
        var expires = proofOfWork.ExpiresAt(challenge).UtcDateTime;
        var inserted = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO spent_challenges (\"Nonce\", \"ExpiresAt\") VALUES ({nonce}, {expires}) ON CONFLICT DO NOTHING",
            cancellationToken);
        return inserted == 1;
    }

    /// <summary>Forgets the challenges that have expired (refused by their own expiry from now on).</summary>
    public Task<int> ForgetExpiredAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Set<SpentChallenge>().Where(c => c.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
    }
}

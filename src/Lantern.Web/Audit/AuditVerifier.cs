using Lantern.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Audit;

/// <summary>The outcome of walking the chain: how many entries were checked, and the first broken one.</summary>
public sealed record AuditVerification(long Checked, long? FirstBrokenSequence, string? Problem)
{
    public bool Intact => FirstBrokenSequence is null;
}

/// <summary>Walks the audit chain from the start, recomputing every hash and checking every link.</summary>
public sealed class AuditVerifier(LanternDbContext db)
{
    private const int PageSize = 1_000;

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var previousHash = AuditHash.Genesis;
        long expected = 1;
        long checkedCount = 0;
        while (true)
        {
            var page = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Sequence >= expected)
                .OrderBy(e => e.Sequence)
                .Take(PageSize)
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                return new AuditVerification(checkedCount, null, null);
            }

            foreach (var entry in page)
            {
                if (entry.Sequence != expected)
                {
                    return new AuditVerification(checkedCount, expected, "missing");
                }

                if (!entry.PreviousHash.AsSpan().SequenceEqual(previousHash))
                {
                    return new AuditVerification(checkedCount, entry.Sequence, "link");
                }

                if (!AuditHash.Compute(entry).AsSpan().SequenceEqual(entry.Hash))
                {
                    return new AuditVerification(checkedCount, entry.Sequence, "content");
                }

                previousHash = entry.Hash;
                expected++;
                checkedCount++;
            }
        }
    }
}

using System.Security.Cryptography;
using System.Text.Json;
using Lantern.Web.Detection.Extraction;
using Lantern.Web.Platform.Crypto;

namespace Lantern.Web.Detection;

/// <summary>
/// Indexes stored reports: those the index is behind on (never indexed, an older <see cref="EntityIndexer.Version"/>,
/// or rows under another index key), in batches, each batch replacing its reports' rows in one transaction. It
/// decrypts each report's answers with the staff private key, derives the blind indexes and forgets the answers at
/// once; nothing of them is logged or kept. Resumable: a stopped run goes on where it stopped.
/// </summary>
public sealed class Reindex(LanternDbContext db, EntityIndexer indexer, KeyRing keys, AuditTrail audit)
{
    public const int BatchSize = 200;

    /// <summary>How many reports the index is behind on under <paramref name="index"/> (the current key by default).</summary>
    public Task<int> BehindAsync(BlindIndex? index = null, CancellationToken cancellationToken = default) => Behind(index ?? indexer.BlindIndex).CountAsync(cancellationToken);

    /// <summary>Indexes every report the index is behind on; answers how many were indexed.</summary>
    public async Task<int> RunAsync(string actor, BlindIndex? index = null, CancellationToken cancellationToken = default)
    {
        index ??= indexer.BlindIndex;
        var total = 0;
        while (true)
        {
            var batch = await Behind(index).OrderBy(r => r.Id).Take(BatchSize)
                .Select(r => new { r.Id, r.Country, r.StaffKeyId, r.SealedDataKey }).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            var ids = batch.Select(r => r.Id).ToList();
            var answers = await db.ReportItems.AsNoTracking().Where(i => ids.Contains(i.ReportId) && i.Kind == (int)ItemKind.Answers)
                .Select(i => new { i.ReportId, i.Sequence, i.Ciphertext }).ToListAsync(cancellationToken);
            var rows = new List<object>();
            foreach (var report in batch)
            {
                var item = answers.FirstOrDefault(a => a.ReportId == report.Id);
                var content = item is null ? new ReportContent() : Decrypt(report.Id, report.StaffKeyId, report.SealedDataKey, item.Sequence, item.Ciphertext);
                rows.AddRange(indexer.RowsFor(report.Id, content, report.Country, index));
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.EntityIndex.Where(e => ids.Contains(e.ReportId)).ExecuteDeleteAsync(cancellationToken);
            await db.IndexedReports.Where(e => ids.Contains(e.ReportId)).ExecuteDeleteAsync(cancellationToken);
            db.AddRange(rows);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            total += batch.Count;
        }

        if (total > 0)
        {
            await audit.RecordAsync(db, actor, "entities.reindexed", detail: string.Create(CultureInfo.InvariantCulture, $"reports={total}; version={EntityIndexer.Version}"));
        }

        return total;
    }

    /// <summary>
    /// Carries the "does not link" marks over to <paramref name="next"/>: each mark is only a blind index, so its value
    /// is read again from a report holding it (under <paramref name="current"/>) and indexed under the new key.
    /// Marks no report holds any more are dropped. Run before the reports are indexed under the new key; a mark
    /// already carried (a rotation run again after a stop) stays.
    /// </summary>
    public async Task<int> CarryUnlinkedAsync(BlindIndex current, BlindIndex next, CancellationToken cancellationToken)
    {
        var carried = 0;
        foreach (var mark in await db.UnlinkedEntities.ToListAsync(cancellationToken))
        {
            var holder = await db.EntityIndex.AsNoTracking().Where(e => e.Kind == mark.Kind && e.Hash == mark.Hash)
                .Join(db.Reports, e => e.ReportId, r => r.Id, (e, r) => new { r.Id, r.Country, r.StaffKeyId, r.SealedDataKey })
                .FirstOrDefaultAsync(cancellationToken);
            var item = holder is null ? null : await db.ReportItems.AsNoTracking()
                .Where(i => i.ReportId == holder.Id && i.Kind == (int)ItemKind.Answers).Select(i => new { i.Sequence, i.Ciphertext }).FirstOrDefaultAsync(cancellationToken);
            var value = holder is null || item is null ? null : EntityExtractor
                .Extract(Decrypt(holder.Id, holder.StaffKeyId, holder.SealedDataKey, item.Sequence, item.Ciphertext), holder.Country, ServiceNumbers.None)
                .FirstOrDefault(e => e.Kind == mark.Kind
                    && (current.Compute(e.Kind, e.Value).AsSpan().SequenceEqual(mark.Hash) || next.Compute(e.Kind, e.Value).AsSpan().SequenceEqual(mark.Hash)));
            if (value is null)
            {
                db.UnlinkedEntities.Remove(mark);
                continue;
            }

            mark.Hash = next.Compute(value.Kind, value.Value);
            carried++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return carried;
    }

    private IQueryable<Report> Behind(BlindIndex index)
    {
        var fingerprint = index.Fingerprint;
        return db.Reports.Where(r => !db.Set<IndexedReport>().Any(i => i.ReportId == r.Id && i.Version == EntityIndexer.Version && i.KeyFingerprint == fingerprint));
    }

    private ReportContent Decrypt(Guid reportId, string staffKeyId, byte[] sealedDataKey, int sequence, byte[] ciphertext)
    {
        var dataKey = ReportDataKey.Open(keys, reportId, staffKeyId, sealedDataKey);
        try
        {
            var plaintext = ItemCipher.Decrypt(dataKey, reportId, ItemKind.Answers, sequence, ciphertext);
            try
            {
                return JsonSerializer.Deserialize<ReportContent>(plaintext, ReportJson.Options) ?? new ReportContent();
            }
            finally
            {
                CryptographicOperations.ZeroMemory(plaintext);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }
}

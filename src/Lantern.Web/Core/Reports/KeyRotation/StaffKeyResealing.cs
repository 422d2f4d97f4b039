using System.Security.Cryptography;
using Lantern.Web.Platform.Crypto;

namespace Lantern.Web.Core.Reports.KeyRotation;

/// <summary>
/// Moves reports sealed to a retired staff key (after <c>keys rotate-staff-key</c>) to the current key: each report's
/// data key is opened with the old private key and sealed to the new public key, one report per update, conditional on
/// its key id being still the old one. So the work can stop anywhere (crash, restart, another node taking it over)
/// and resumes where it stopped; nothing is ever re-sealed twice or backwards.
/// </summary>
public sealed partial class StaffKeyResealing(LanternDbContext db, KeyRing keys, AuditTrail audit, ILogger<StaffKeyResealing> logger)
{
    private const int BatchSize = 200;

    /// <summary>How many reports each staff key id holds, with whether this process has its private key.</summary>
    public async Task<IReadOnlyList<StaffKeyUse>> CountByKeyAsync(CancellationToken cancellationToken)
    {
        var counts = await db.Reports.AsNoTracking().GroupBy(r => r.StaffKeyId)
            .Select(g => new { KeyId = g.Key, Reports = g.Count() }).ToListAsync(cancellationToken);
        return [.. counts.OrderBy(c => c.KeyId, StringComparer.Ordinal).Select(c => new StaffKeyUse(
            c.KeyId,
            c.Reports,
            c.KeyId == keys.CurrentStaffKey.Id,
            keys.RetiredStaffKeyIds.Contains(c.KeyId),
            keys.FindStaffKey(c.KeyId)?.PrivateKey is not null))];
    }

    /// <summary>Re-seals up to <paramref name="limit"/> reports (all when null) of the retired keys this process can open; answers how many.</summary>
    public async Task<int> ResealAsync(string actor, int? limit, CancellationToken cancellationToken)
    {
        var current = keys.CurrentStaffKey;
        var retired = keys.RetiredStaffKeyIds.Where(id => id != current.Id && keys.FindStaffKey(id)?.PrivateKey is not null).ToList();
        foreach (var missing in keys.RetiredStaffKeyIds.Where(id => id != current.Id && keys.FindStaffKey(id)?.PrivateKey is null))
        {
            LogRetiredKeyMissing(logger, missing);
        }

        var done = 0;
        while (retired.Count > 0 && (limit is null || done < limit))
        {
            var take = limit is null ? BatchSize : Math.Min(BatchSize, limit.Value - done);
            var batch = await db.Reports.AsNoTracking().Where(r => retired.Contains(r.StaffKeyId))
                .OrderBy(r => r.Id).Take(take)
                .Select(r => new { r.Id, r.StaffKeyId, r.SealedDataKey }).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var report in batch)
            {
                var dataKey = ReportDataKey.Open(keys, report.Id, report.StaffKeyId, report.SealedDataKey);
                byte[] resealed;
                try
                {
                    resealed = KeySealer.Seal(dataKey, current, report.Id);
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(dataKey);
                }

                var oldKey = report.StaffKeyId;
                done += await db.Reports.Where(r => r.Id == report.Id && r.StaffKeyId == oldKey)
                    .ExecuteUpdateAsync(set => set.SetProperty(r => r.StaffKeyId, current.Id).SetProperty(r => r.SealedDataKey, resealed), cancellationToken);
            }
        }

        if (done > 0)
        {
            await audit.RecordAsync(db, actor, "reports.resealed", detail: string.Create(CultureInfo.InvariantCulture, $"reports={done}; key={current.Id}"));
            LogResealed(logger, done, current.Id);
        }

        return done;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-sealed {Count} report(s) to the current staff key {KeyId}.")]
    private static partial void LogResealed(ILogger logger, int count, string keyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The retired staff key {KeyId} is listed in keys/staff/retired but its private key is not here: its reports stay sealed to it until it is.")]
    private static partial void LogRetiredKeyMissing(ILogger logger, string keyId);
}

using System.Security.Cryptography;
using System.Text.Json;
using Lantern.Web.Platform.Crypto;

namespace Lantern.Web.Referrals;

/// <summary>
/// Partner updates on referrals: encrypted under the report's data key as <see cref="ItemKind.ReferralUpdate"/>
/// items carrying their referral's id, so the report's key protects them like everything else the report holds.
/// </summary>
public sealed class ReferralItems(LanternDbContext db, KeyRing keys)
{
    /// <summary>Adds the item to the context (numbered after the report's last update); the caller saves.</summary>
    public async Task<ReportItem> AddAsync(Report report, Guid referralId, Guid authorId, ReferralUpdateContent content, DateTime now, CancellationToken cancellationToken)
    {
        var sequence = (await db.ReportItems.Where(i => i.ReportId == report.Id && i.Kind == (int)ItemKind.ReferralUpdate)
            .MaxAsync(i => (int?)i.Sequence, cancellationToken) ?? 0) + 1;
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(content, JsonSerializerOptions.Web);
        var dataKey = ReportDataKey.Open(keys, report.Id, report.StaffKeyId, report.SealedDataKey);
        try
        {
            var item = new ReportItem
            {
                ReportId = report.Id,
                Kind = (int)ItemKind.ReferralUpdate,
                Sequence = sequence,
                CreatedAt = now,
                AuthorId = authorId,
                ReferralId = referralId,
                Ciphertext = ItemCipher.Encrypt(dataKey, report.Id, ItemKind.ReferralUpdate, sequence, plaintext),
            };
            db.ReportItems.Add(item);
            return item;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>The updates on the given referrals of one report, oldest first.</summary>
    public async Task<IReadOnlyList<ReferralUpdateView>> ReadAsync(Guid reportId, IReadOnlyCollection<Guid> referralIds, CancellationToken cancellationToken)
    {
        var items = await db.ReportItems.AsNoTracking()
            .Where(i => i.ReportId == reportId && i.Kind == (int)ItemKind.ReferralUpdate && i.ReferralId != null && referralIds.Contains(i.ReferralId.Value))
            .OrderBy(i => i.Sequence).ToListAsync(cancellationToken);
        if (items.Count == 0)
        {
            return [];
        }

        var report = await db.Reports.AsNoTracking().Where(r => r.Id == reportId)
            .Select(r => new { r.StaffKeyId, r.SealedDataKey }).SingleAsync(cancellationToken);
        var authors = items.Where(i => i.AuthorId != null).Select(i => i.AuthorId!.Value).Distinct().ToList();
        var emails = await db.Users.AsNoTracking().Where(u => authors.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, cancellationToken);
        var dataKey = ReportDataKey.Open(keys, reportId, report.StaffKeyId, report.SealedDataKey);
        try
        {
            var views = new List<ReferralUpdateView>();
            foreach (var item in items)
            {
                var plaintext = ItemCipher.Decrypt(dataKey, reportId, ItemKind.ReferralUpdate, item.Sequence, item.Ciphertext);
                try
                {
                    var content = JsonSerializer.Deserialize<ReferralUpdateContent>(plaintext, JsonSerializerOptions.Web)
                        ?? throw new CryptographicException("An empty referral update.");
                    views.Add(new ReferralUpdateView(item.ReferralId!.Value, item.CreatedAt, item.AuthorId is { } a ? emails.GetValueOrDefault(a) : null, content.Kind, content.Text));
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(plaintext);
                }
            }

            return views;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }
}

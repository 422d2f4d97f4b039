using System.Net;
using System.Text;
using System.Text.Json;
using Lantern.IntegrationTests.Detection;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.IntegrationTests.Referrals;
using Lantern.IntegrationTests.Reporting.Files;
using Lantern.Web.Core.Reports;
using Lantern.Web.Detection;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Retention;

/// <summary>
/// A report carrying something in every place a report keeps things: its answers (with a phone number, so a blind
/// index row), a message of the team in its thread, a file, and a referral withdrawn with a reason (the referral row
/// and an encrypted update). <see cref="Texts"/> are the plaintexts planted there; <see cref="StoredBytes"/> what
/// the database really holds of it (the wrapped keys, the verifier, a slice of every ciphertext, the blind indexes),
/// which a scan must find before the erasure and not after.
/// </summary>
public sealed record PlantedReport(Guid Id, string Reference, IReadOnlyList<string> Texts, IReadOnlyDictionary<string, byte[]> StoredBytes)
{
    public static async Task<PlantedReport> CreateAsync(LanternFactory factory, HttpClient api, string token, CancellationToken cancellationToken)
    {
        var marker = "planted" + Guid.NewGuid().ToString("N")[..16];
        var written = DetectedReports.UniquePhone(out _);
        var reference = await DetectedReports.SendAsync(factory, $"The {marker}-answers boss answers on {written}.", cancellationToken);

        using (var message = await api.PostAsync(
            new Uri($"/api/v1/reports/{reference}/messages", UriKind.Relative),
            new StringContent(JsonSerializer.Serialize(new { text = marker + "-message" }), Encoding.UTF8, "application/json"),
            cancellationToken))
        {
            Assert.Equal(HttpStatusCode.Created, message.StatusCode);
        }

        using (var file = await FilesThroughApi.UploadAsync(factory, token, reference, "statement.pdf", TestFiles.PdfWithMetadata(marker + "-file"), "application/pdf", cancellationToken))
        {
            Assert.Equal(HttpStatusCode.Created, file.StatusCode);
        }

        var referral = await ReferralReports.ReferThroughApiForIdAsync(api, reference, "pag-asa", "full", cancellationToken);
        using (var withdrawn = await api.PostAsync(
            new Uri($"/api/v1/referrals/{referral}/withdraw", UriKind.Relative),
            new StringContent(JsonSerializer.Serialize(new { reason = marker + "-reason" }), Encoding.UTF8, "application/json"),
            cancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        }

        return await factory.WithDbAsync(async db =>
        {
            var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Reference == reference, cancellationToken);
            var stored = new Dictionary<string, byte[]>
            {
                ["sealed data key"] = report.SealedDataKey,
                ["receipt-wrapped data key"] = report.ReceiptWrappedKey,
                ["receipt verifier"] = report.ReceiptVerifier,
            };
            foreach (var item in await db.ReportItems.AsNoTracking().Where(i => i.ReportId == report.Id).ToListAsync(cancellationToken))
            {
                // A slice past the format's header: the encrypted bytes themselves.
                stored[$"item {item.Kind}/{item.Sequence}"] = item.Ciphertext[16..Math.Min(item.Ciphertext.Length, 40)];
            }

            foreach (var (hash, index) in (await db.EntityIndex.AsNoTracking().Where(e => e.ReportId == report.Id).Select(e => e.Hash).ToListAsync(cancellationToken)).Select((h, i) => (h, i)))
            {
                stored["blind index " + index] = hash;
            }

            Assert.Contains(await db.ReportItems.AsNoTracking().Where(i => i.ReportId == report.Id).Select(i => i.Kind).Distinct().ToListAsync(cancellationToken),
                k => k == (int)Lantern.Web.Platform.Crypto.ItemKind.FileChunk);
            Assert.True(stored.Keys.Any(k => k.StartsWith("blind index", StringComparison.Ordinal)), "the phone number was indexed");
            return new PlantedReport(report.Id, reference, [marker], stored);
        });
    }

    /// <summary>Closes the report as the team would have <paramref name="daysAgo"/> days ago.</summary>
    public static Task CloseAsync(LanternFactory factory, string reference, string outcome, int daysAgo) =>
        factory.WithDbAsync(async db =>
        {
            var closedAt = DateTime.UtcNow.AddDays(-daysAgo);
            return await db.Reports.Where(r => r.Reference == reference).ExecuteUpdateAsync(set => set
                .SetProperty(r => r.Status, ReportStatus.Closed)
                .SetProperty(r => r.Outcome, outcome)
                .SetProperty(r => r.StatusChangedAt, closedAt)
                .SetProperty(r => r.AcknowledgedAt, closedAt));
        });

    /// <summary>Which of <paramref name="needles"/> occur in <paramref name="stored"/>, byte for byte, and where.</summary>
    public static IReadOnlyList<string> FindBytes(IEnumerable<StoredBytes> stored, IReadOnlyDictionary<string, byte[]> needles)
    {
        var found = new List<string>();
        foreach (var item in stored)
        {
            foreach (var (name, bytes) in needles)
            {
                if (bytes.Length > 0 && item.Bytes.AsSpan().IndexOf(bytes) >= 0)
                {
                    found.Add($"{name} in {item.Where}");
                }
            }
        }

        return found;
    }
}

using System.Security.Cryptography;
using System.Text.Json;
using Lantern.Web.Core.Catalogue;
using Lantern.Web.Core.Regions;
using Lantern.Web.Platform.Crypto;
using Lantern.Web.Platform.Observability;

namespace Lantern.Web.Reporting.Intake;

/// <summary>
/// Stores a validated report: a fresh data key encrypts the answers, is sealed to the staff public key and
/// wrapped under the receipt-derived key; what other capabilities store with a report (their
/// <see cref="IReportSubmissionContributor"/> rows: detection's blind indexes) is added to it; the whole report is
/// written in one transaction, or nothing is.
/// </summary>
public sealed class SubmitReport(
    KeyRing keys,
    ReceiptDeriver receipts,
    IEnumerable<IReportSubmissionContributor> contributors,
    RegionResolver regions,
    ReportWriter writer,
    LanternMetrics metrics,
    TimeProvider clock)
{
    private const int Attempts = 3;

    /// <summary>Stores the report; <paramref name="audited"/> stages its audit entry (given its reference) to be saved with it (null for reporters).</summary>
    public Task<SubmittedReport> ExecuteAsync(
        ReportContent content, IntakeSource source, CancellationToken cancellationToken, Action<LanternDbContext, string>? audited = null) =>
        ExecuteAsync(content, source, whenStored: null, cancellationToken, audited);

    /// <summary>
    /// Stores the report, then hands <paramref name="whenStored"/> the report's id and its data key, the one just made:
    /// what is stored with the report (its files) is encrypted under it without opening the sealed copy, which only
    /// the back office can (an intake-only process holds no staff private key). The key is zeroed when it returns.
    /// <paramref name="audited"/> stages the report's audit entry (given its reference) to be saved with it (null for reporters).
    /// </summary>
    public async Task<SubmittedReport> ExecuteAsync(
        ReportContent content,
        IntakeSource source,
        Func<Guid, ReadOnlyMemory<byte>, Task>? whenStored,
        CancellationToken cancellationToken,
        Action<LanternDbContext, string>? audited = null)
    {
        var region = await regions.ResolveAsync(content.Location.Country ?? "BE", content.Location.Postcode, cancellationToken);
        var urgency = UrgencyScorer.Assess(content);
        var answers = JsonSerializer.SerializeToUtf8Bytes(content, ReportJson.Options);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var prepared = await PrepareAsync(content, source, region, urgency, answers, cancellationToken);
                try
                {
                    var reference = prepared.Report.Reference;
                    try
                    {
                        await writer.SaveAsync(prepared.Report, prepared.Rows, cancellationToken, audited is null ? null : db => audited(db, reference));
                    }
                    catch (DbUpdateException) when (attempt < Attempts)
                    {
                        // A reference (40 random bits) or a verifier collided with a stored one: draw again.
                        continue;
                    }

                    metrics.ReportReceived(source.Channel);
                    if (whenStored is not null)
                    {
                        await whenStored(prepared.Report.Id, prepared.DataKey);
                    }

                    return prepared.Submitted;
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(prepared.DataKey);
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(answers);
        }
    }

    /// <summary>The report ready to write, with its data key (the caller zeroes it).</summary>
    private async Task<(Report Report, IReadOnlyList<object> Rows, SubmittedReport Submitted, byte[] DataKey)> PrepareAsync(
        ReportContent content, IntakeSource source, string? region, UrgencyAssessment urgency, byte[] answers, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var receipt = Receipt.Generate();
        var receiptKeys = await receipts.DeriveAsync(receipt, cancellationToken);
        var dataKey = RandomNumberGenerator.GetBytes(32);
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            var staffKey = keys.CurrentStaffKey;
            var report = new Report
            {
                Id = id,
                Reference = ReferenceGenerator.Next(),
                ReceivedAt = now,
                Channel = source.Channel,
                Role = content.Role!,
                Language = content.Language!,
                Country = content.Location.Country ?? "BE",
                Region = region,
                ImmediateDanger = content.ImmediateDanger,
                MinorsInvolved = content.MinorsInvolved,
                ContactRequested = content.Contact is not null,
                UrgencyLevel = urgency.Level,
                UrgencyReasons = string.Join(',', urgency.Reasons),
                Status = ReportStatus.New,
                RecordedById = source.RecordedById,
                OrganisationId = source.OrganisationId,
                InterpreterUsed = source.InterpreterUsed,
                CallMinutes = source.CallMinutes,
                ReceiptVerifier = receiptKeys.Verifier,
                StaffKeyId = staffKey.Id,
                SealedDataKey = KeySealer.Seal(dataKey, staffKey, id),
                ReceiptWrappedKey = KeyWrap.Wrap(dataKey, receiptKeys.WrappingKey, id),
                Forms = (content.ExploitationTypes.Count == 0 ? [ReportingCatalogue.UnknownForm] : content.ExploitationTypes)
                    .Select(code => new ReportForm { Code = code }).ToList(),
                Signs = content.Signs.Select(code => new ReportSign { Code = code }).ToList(),
                Items = [new ReportItem { Kind = (int)ItemKind.Answers, Sequence = 0, CreatedAt = now, Ciphertext = ItemCipher.Encrypt(dataKey, id, ItemKind.Answers, 0, answers) }],
            };
            return (report, contributors.SelectMany(c => c.RowsFor(report, content)).ToList(), new SubmittedReport(report.Reference, receipt), dataKey);
        }
        catch
        {
            CryptographicOperations.ZeroMemory(dataKey);
            throw;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(receiptKeys.WrappingKey);
        }
    }
}

using System.Security.Cryptography;
using System.Text.Json;
using Lantern.Web.Platform.Crypto;
using Lantern.Web.Platform.Persistence;
using Lantern.Web.Platform.Validation;


namespace Lantern.Web.FollowUp.Thread;

/// <summary>
/// What a signed-in reporter changes besides writing: their contact details and their receipt.
/// </summary>
/// <remarks>
/// Contact details live where the questionnaire puts them, in the encrypted answers, so the report page, the staff
/// API and a referral's scope (which may withhold them) keep working unchanged; the reporter's session holds the data
/// key, so the answers are re-encrypted with the new details. Each change also leaves an <see cref="ItemKind.Contact"/>
/// item saying only what happened (added, withdrawn) for the team's timeline. Withdrawing removes the details from the
/// answers: "do not contact me" must not leave a number behind for someone to call.
/// </remarks>
public sealed class ReporterChanges(LanternDbContext db, ReportValidator validator, ReceiptDeriver deriver, ReportThread thread, TimeProvider clock)
{
    private const int Attempts = 3;

    public const string Added = "added";
    public const string Withdrawn = "withdrawn";

    /// <summary>Checks and stores new contact details; answers the problems instead when there are any.</summary>
    public async Task<IReadOnlyList<FieldError>> AddContactAsync(Guid reportId, byte[] dataKey, ReportContact contact, CancellationToken cancellationToken)
    {
        var country = await db.Reports.Where(r => r.Id == reportId).Select(r => r.Country).FirstAsync(cancellationToken);
        var errors = validator.ValidateContact(contact, country);
        if (errors.Count > 0)
        {
            return errors;
        }

        await ChangeContactAsync(reportId, dataKey, contact, cancellationToken);
        return [];
    }

    public Task WithdrawContactAsync(Guid reportId, byte[] dataKey, CancellationToken cancellationToken) =>
        ChangeContactAsync(reportId, dataKey, null, cancellationToken);

    /// <summary>
    /// A new receipt in place of the old: a new verifier and the data key wrapped under the new receipt's key, in one
    /// save, so from then on only the new receipt opens the thread. The receipt is answered once and never stored.
    /// </summary>
    public async Task<Receipt> ReplaceReceiptAsync(Guid reportId, byte[] dataKey, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var receipt = Receipt.Generate();
            var keys = await deriver.DeriveAsync(receipt, cancellationToken);
            try
            {
                db.ChangeTracker.Clear();
                var report = await db.Reports.FirstAsync(r => r.Id == reportId, cancellationToken);
                report.ReceiptVerifier = keys.Verifier;
                report.ReceiptWrappedKey = KeyWrap.Wrap(dataKey, keys.WrappingKey, reportId);
                await db.SaveChangesAsync(cancellationToken);
                return receipt;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // The verifier collided with another report's (about 2^-66): draw another receipt.
            }
            finally
            {
                CryptographicOperations.ZeroMemory(keys.WrappingKey);
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task ChangeContactAsync(Guid reportId, byte[] dataKey, ReportContact? contact, CancellationToken cancellationToken)
    {
        while (true)
        {
            db.ChangeTracker.Clear();
            var report = await db.Reports.FirstAsync(r => r.Id == reportId, cancellationToken);
            var answers = await db.ReportItems.FirstAsync(i => i.ReportId == reportId && i.Kind == (int)ItemKind.Answers, cancellationToken);
            var plaintext = ItemCipher.Decrypt(dataKey, reportId, ItemKind.Answers, answers.Sequence, answers.Ciphertext);
            byte[]? updated = null;
            try
            {
                var content = JsonSerializer.Deserialize<ReportContent>(plaintext, ReportJson.Options)
                    ?? throw new CryptographicException("The answers of a report are empty.");
                content.Contact = contact;
                updated = JsonSerializer.SerializeToUtf8Bytes(content, ReportJson.Options);
                answers.Ciphertext = ItemCipher.Encrypt(dataKey, reportId, ItemKind.Answers, answers.Sequence, updated);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(plaintext);
                if (updated is not null)
                {
                    CryptographicOperations.ZeroMemory(updated);
                }
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var sequence = await thread.NextSequenceAsync(reportId, ItemKind.Contact, cancellationToken);
            var change = JsonSerializer.SerializeToUtf8Bytes(new ContactChange(contact is null ? Withdrawn : Added));
            db.ReportItems.Add(new ReportItem
            {
                ReportId = reportId,
                Kind = (int)ItemKind.Contact,
                Sequence = sequence,
                CreatedAt = now,
                Ciphertext = ItemCipher.Encrypt(dataKey, reportId, ItemKind.Contact, sequence, change),
            });
            report.ContactRequested = contact is not null;
            ReportThread.MarkReporterActivity(report, now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return;
            }
            catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
            {
                // Two changes at the same moment took the same number: number this one again (the next number read is
                // past the one taken, so this ends; no count after which a concurrent change becomes a server error).
                db.ChangeTracker.Clear();
            }
        }
    }
}

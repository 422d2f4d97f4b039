using System.Security.Cryptography;
using System.Text;
using Lantern.Web.Platform.Crypto;
using Lantern.Web.Platform.Persistence;
using Lantern.Web.Platform.Validation;

namespace Lantern.Web.Triage.Reports;

/// <summary>
/// Adds an internal note of the central team to a report: encrypted under the report's data key as the next
/// <see cref="ItemKind.Note"/> item, with its author. Notes are never shown to the reporter nor to partners.
/// </summary>
public sealed class AddReportNote(ReportFinder finder, ReportScope scope, LanternDbContext db, KeyRing keys, AuditTrail audit, TimeProvider clock)
{
    public const int MaxLength = 10_000;

    public async Task<Outcome> ExecuteAsync(StaffMember member, string? reference, string? text, CancellationToken cancellationToken)
    {
        var found = await finder.FindAsync(member, reference, Permissions.TriageReports, tracked: false, cancellationToken);
        if (found.Value is not { } opened)
        {
            return found.Result;
        }

        // A text far beyond the limit is refused before the work of normalising it.
        if (text is { Length: > MaxLength * 4 })
        {
            return Outcome.Invalid("staff.report.note.error.too_long", MaxLength);
        }

        if (!TextInput.TryNormalise(text, multiline: true, out var note))
        {
            return Outcome.Invalid("staff.report.note.error.invalid");
        }

        if (note is null)
        {
            return Outcome.Invalid("staff.report.note.error.empty");
        }

        if (note.Length > MaxLength)
        {
            return Outcome.Invalid("staff.report.note.error.too_long", MaxLength);
        }

        while (true)
        {
            db.ChangeTracker.Clear();
            var report = await scope.VisibleTo(member).FirstAsync(r => r.Id == opened.Id, cancellationToken);
            var sequence = (await db.ReportItems.Where(i => i.ReportId == report.Id && i.Kind == (int)ItemKind.Note)
                .MaxAsync(i => (int?)i.Sequence, cancellationToken) ?? 0) + 1;
            var now = clock.GetUtcNow().UtcDateTime;
            db.ReportItems.Add(new ReportItem
            {
                ReportId = report.Id,
                Kind = (int)ItemKind.Note,
                Sequence = sequence,
                CreatedAt = now,
                AuthorId = member.Id,
                Ciphertext = Encrypt(report, sequence, note),
            });
            report.AcknowledgedAt ??= now;
            audit.Add(db, member.Actor, "report.note-added", report.Reference, $"sequence={sequence}");
            try
            {
                await audit.SaveAsync(db);
                return Outcome.Done();
            }
            catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
            {
                // Another note took this sequence number at the same moment: number this one again (the next number
                // read is past it, so this ends; never a server error for a note that did nothing wrong).
            }
        }
    }

    private byte[] Encrypt(Report report, int sequence, string note)
    {
        var dataKey = ReportDataKey.Open(keys, report.Id, report.StaffKeyId, report.SealedDataKey);
        var plaintext = Encoding.UTF8.GetBytes(note);
        try
        {
            return ItemCipher.Encrypt(dataKey, report.Id, ItemKind.Note, sequence, plaintext);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }
}

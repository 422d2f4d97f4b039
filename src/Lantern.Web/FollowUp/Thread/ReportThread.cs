using System.Security.Cryptography;
using System.Text;
using Lantern.Web.Platform.Crypto;
using Lantern.Web.Platform.Persistence;

namespace Lantern.Web.FollowUp.Thread;

/// <summary>
/// The messages between the reporter and the team: each one an <see cref="ItemKind.Message"/> item encrypted under the
/// report's data key (whoever holds it: the reporter's session or a staff member who unsealed it), numbered in one
/// sequence for both sides. <see cref="AppendAsync"/> answers the new item's id so that something sent with the message
/// (a file: <c>ReportFile.MessageItemId</c>) can be attached to it.
/// </summary>
public sealed class ReportThread(LanternDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<ThreadMessage>> MessagesAsync(Guid reportId, byte[] dataKey, CancellationToken cancellationToken)
    {
        var items = await db.ReportItems.AsNoTracking()
            .Where(i => i.ReportId == reportId && i.Kind == (int)ItemKind.Message)
            .OrderBy(i => i.Sequence)
            .ToListAsync(cancellationToken);
        var messages = new List<ThreadMessage>(items.Count);
        foreach (var item in items)
        {
            var plaintext = ItemCipher.Decrypt(dataKey, reportId, ItemKind.Message, item.Sequence, item.Ciphertext);
            try
            {
                messages.Add(new ThreadMessage(item.Id, item.Sequence, item.CreatedAt, item.AuthorId, Encoding.UTF8.GetString(plaintext)));
            }
            finally
            {
                CryptographicOperations.ZeroMemory(plaintext);
            }
        }

        return messages;
    }

    /// <summary>
    /// Stores a checked message (see <see cref="MessageText"/>) and what it means for the report, in one save: from the
    /// reporter (<paramref name="authorId"/> null) it sets <see cref="Report.ReporterActiveAt"/> and
    /// <see cref="Report.UnreadFromReporter"/>; from a staff member it is the team's first personal reply if none came
    /// before (<see cref="Report.FirstReplyAt"/>) and acknowledges the report. With <paramref name="audited"/> (the team's
    /// messages) its <c>report.message</c> entry is saved in the same transaction.
    /// </summary>
    /// <returns>The id of the stored message item.</returns>
    public async Task<long> AppendAsync(Guid reportId, byte[] dataKey, Guid? authorId, string text, CancellationToken cancellationToken, ThreadAudit? audited = null)
    {
        var plaintext = Encoding.UTF8.GetBytes(text);
        try
        {
            while (true)
            {
                db.ChangeTracker.Clear();
                var report = await db.Reports.FirstAsync(r => r.Id == reportId, cancellationToken);
                var sequence = await NextSequenceAsync(reportId, ItemKind.Message, cancellationToken);
                var now = clock.GetUtcNow().UtcDateTime;
                var item = new ReportItem
                {
                    ReportId = reportId,
                    Kind = (int)ItemKind.Message,
                    Sequence = sequence,
                    CreatedAt = now,
                    AuthorId = authorId,
                    Ciphertext = ItemCipher.Encrypt(dataKey, reportId, ItemKind.Message, sequence, plaintext),
                };
                db.ReportItems.Add(item);
                if (authorId is null)
                {
                    MarkReporterActivity(report, now);
                }
                else
                {
                    report.FirstReplyAt ??= now;
                    report.AcknowledgedAt ??= now;
                }

                try
                {
                    if (audited is null)
                    {
                        await db.SaveChangesAsync(cancellationToken);
                    }
                    else
                    {
                        audit.Add(db, audited.Actor, "report.message", audited.Reference, $"sequence={sequence}");
                        await audit.SaveAsync(db);
                    }

                    return item.Id;
                }
                catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
                {
                    // The other side wrote a message with this number at the same moment: number this one again. The
                    // next number read is past the one taken, so this ends however many write at once.
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The reporter added something: the team sees it as unread in the inbox.</summary>
    public static void MarkReporterActivity(Report report, DateTime now)
    {
        report.ReporterActiveAt = now;
        report.UnreadFromReporter = true;
    }

    public async Task<int> NextSequenceAsync(Guid reportId, ItemKind kind, CancellationToken cancellationToken) =>
        (await db.ReportItems.Where(i => i.ReportId == reportId && i.Kind == (int)kind)
            .MaxAsync(i => (int?)i.Sequence, cancellationToken) ?? 0) + 1;
}

namespace Lantern.Web.FollowUp.Thread;

/// <summary>
/// Opens the thread for a signed-in reporter: the status in plain words and the messages decrypted with the key of
/// their session. Team messages written since the reporter last looked are marked new, and the look is remembered
/// (<see cref="Report.ReporterSeenAt"/>).
/// </summary>
/// <remarks>
/// The acknowledgement is not a stored message: the pages render it from the catalogue, dated at the report's
/// receipt, in the language the reader reads now. Writing it at submission would need a ciphertext per report in a
/// language fixed at that moment (a phone report may be in a language the site does not have), for a text that is
/// the same for everybody and says nothing about the report; rendering it is always there, always readable, and the
/// intake path stays as it is. It never counts as the team's first personal reply.
/// </remarks>
public sealed class ReporterThread(LanternDbContext db, ReportThread thread, ThreadAttachments attachments, TimeProvider clock)
{
    public async Task<ReporterThreadView?> OpenAsync(Guid reportId, byte[] dataKey, CancellationToken cancellationToken)
    {
        var report = await db.Reports.FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return null;
        }

        var seen = report.ReporterSeenAt;
        var messages = await thread.MessagesAsync(reportId, dataKey, cancellationToken);
        var files = await attachments.ByMessageAsync(reportId, dataKey, cancellationToken);
        report.ReporterSeenAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return new ReporterThreadView(
            report.Reference,
            report.ReceivedAt,
            ReporterStatus.Of(report.Status),
            report.ContactRequested,
            [.. messages.Select(m => new ReporterMessage(m.Id, m.CreatedAt, m.FromReporter, m.Text, !m.FromReporter && (seen is null || m.CreatedAt > seen.Value), files.GetValueOrDefault(m.Id) ?? []))]);
    }
}

using Lantern.Web.Core.Files;
using Lantern.Web.Reporting.Files;

namespace Lantern.Web.FollowUp.Thread;

/// <summary>
/// Files sent with thread messages, both directions. A message and its file are stored "all or nothing": the
/// message first (its item id links the file, <see cref="ReportFile.MessageItemId"/>), then the file streamed into
/// the encrypted store; if the file is refused or fails on the way, the message is removed again and the refusal
/// rethrown, so the sender sees the reason and finds nothing half-stored (the pattern of <see cref="SubmissionFiles"/>).
/// The reporter reads only what was sent in the thread or what they added themselves: a file the team attached to
/// the report outside the thread is evidence for the team, never shown to the reporter.
/// </summary>
public sealed class ThreadAttachments(ReportThread thread, ReportFileStore store, LanternDbContext db, AuditTrail audit)
{
    /// <summary>The text rules of <see cref="MessageText"/>, except that a message carrying a file may have no text.</summary>
    public static MessageProblem Check(string? input, int maxLength, bool withFile, out string text)
    {
        var problem = MessageText.Check(input, maxLength, out text);
        return problem == MessageProblem.Empty && withFile ? MessageProblem.None : problem;
    }

    /// <summary>
    /// Stores a checked message and, if given, its file; answers the message's item id. With <paramref name="audited"/>
    /// (the team's messages), <c>report.message</c> is saved with the message and <c>file.added</c> with the file's
    /// completion; a message undone because its file failed is audited <c>report.message-undone</c> with its removal.
    /// </summary>
    /// <exception cref="FileRefusedException">The file was refused: neither the message nor the file is kept.</exception>
    public async Task<long> SendAsync(
        Guid reportId, byte[] dataKey, Guid? authorId, string text, Stream? content, string? fileName, CancellationToken cancellationToken,
        ThreadAudit? audited = null)
    {
        if (content is null)
        {
            return await thread.AppendAsync(reportId, dataKey, authorId, text, cancellationToken, audited);
        }

        // What appending changes on the report, to put back if the file fails: an undone message is no first
        // reply, no acknowledgement and nothing new from the reporter.
        var before = await db.Reports.AsNoTracking().Where(r => r.Id == reportId)
            .Select(r => new { r.FirstReplyAt, r.AcknowledgedAt, r.ReporterActiveAt, r.UnreadFromReporter }).SingleAsync(cancellationToken);
        var id = await thread.AppendAsync(reportId, dataKey, authorId, text, cancellationToken, audited);
        var after = await db.Reports.AsNoTracking().Where(r => r.Id == reportId)
            .Select(r => new { r.FirstReplyAt, r.AcknowledgedAt, r.ReporterActiveAt }).SingleAsync(CancellationToken.None);
        try
        {
            await store.AddAsync(reportId, dataKey, content, fileName, authorId, id, cancellationToken, audited is null ? null : (completing, file) =>
                audit.Add(completing, audited.Actor, "file.added", audited.Reference, $"file={file.Id}; type={file.ContentType}; via=message"));
            return id;
        }
        catch
        {
            // Not stored with its file, so not stored at all: the sender tries again with the reason in hand. Each
            // field goes back only if it still holds what this message set: a message from someone else that
            // landed in between keeps its effect (SQL evaluates every condition on the row as it was).
            await using var transaction = audited is null ? null : await audit.BeginTransactionAsync(db, CancellationToken.None);
            await db.ReportItems.Where(i => i.Id == id && i.ReportId == reportId).ExecuteDeleteAsync(CancellationToken.None);
            await db.Reports.Where(r => r.Id == reportId).ExecuteUpdateAsync(
                set => set
                    .SetProperty(r => r.FirstReplyAt, r => r.FirstReplyAt == after.FirstReplyAt ? before.FirstReplyAt : r.FirstReplyAt)
                    .SetProperty(r => r.AcknowledgedAt, r => r.AcknowledgedAt == after.AcknowledgedAt ? before.AcknowledgedAt : r.AcknowledgedAt)
                    .SetProperty(r => r.UnreadFromReporter, r => r.ReporterActiveAt == after.ReporterActiveAt ? before.UnreadFromReporter : r.UnreadFromReporter)
                    .SetProperty(r => r.ReporterActiveAt, r => r.ReporterActiveAt == after.ReporterActiveAt ? before.ReporterActiveAt : r.ReporterActiveAt),
                CancellationToken.None);
            if (audited is not null)
            {
                await audit.RecordAsync(db, audited.Actor, "report.message-undone", audited.Reference, $"item={id}; reason=file-refused");
                await transaction!.CommitAsync(CancellationToken.None);
            }

            throw;
        }
    }

    /// <summary>The files sent in the thread, by the message they came with.</summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<ThreadFile>>> ByMessageAsync(Guid reportId, byte[] dataKey, CancellationToken cancellationToken)
    {
        var files = await store.ListAsync(reportId, dataKey, cancellationToken);
        return files.Where(f => f.MessageItemId is not null)
            .GroupBy(f => f.MessageItemId!.Value)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ThreadFile>)[.. g.Select(f => new ThreadFile(f.Id, f.Name, f.ContentType, f.Length, f.ShowsImage))]);
    }

    /// <summary>
    /// Opens a file for the signed-in reporter, or null when it is not theirs to read (not found, a rendition's own
    /// id, or a team file not sent in the thread). A file is served as its copy without metadata when it has one
    /// (an image's rendition, a cleaned PDF or recording).
    /// </summary>
    public async Task<StaffFileContent?> OpenForReporterAsync(Guid reportId, byte[] dataKey, Guid fileId, CancellationToken cancellationToken)
    {
        var file = await store.FindAsync(reportId, fileId, cancellationToken);
        if (file is null || file.OriginalId is not null || (file.AuthorId is not null && file.MessageItemId is null))
        {
            return null;
        }

        var rendition = await db.ReportFiles.AsNoTracking().FirstOrDefaultAsync(f => f.OriginalId == file.Id && f.Complete, cancellationToken);
        var serve = rendition ?? file;
        var name = await store.NameAsync(serve, dataKey, cancellationToken);
        return new StaffFileContent(store.OpenRead(reportId, dataKey, serve), serve.ContentType, name, Inline: false);
    }
}

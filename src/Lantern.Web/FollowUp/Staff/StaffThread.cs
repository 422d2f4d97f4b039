using System.Security.Cryptography;
using System.Text.Json;
using Lantern.Web.Core.Files;
using Lantern.Web.FollowUp.Thread;
using Lantern.Web.Platform.Crypto;

namespace Lantern.Web.FollowUp.Staff;

/// <summary>
/// The team's side of the thread. Only the central team (permission <see cref="Permissions.ReadReports"/>) sees it:
/// a referral shares the report, not the conversation with the reporter. Opening it clears the report's unread mark;
/// the read itself is audited by <see cref="OpenReport"/> with the rest of the page. Each message sent is audited as
/// <c>report.message</c> (its number only, never its text).
/// </summary>
public sealed class StaffThread(
    ReportScope scope,
    ReportFinder finder,
    LanternDbContext db,
    KeyRing keys,
    ReportThread thread,
    ThreadAttachments attachments,
    AuditTrail audit,
    TextCatalogue texts,
    IOptions<FollowUpOptions> options,
    IOptions<FirstReplyOptions> firstReply,
    TimeProvider clock)
{
    /// <summary>The reusable questions, in the order offered (texts <c>followup.template.{code}</c>).</summary>
    public static readonly string[] Templates = ["more", "where", "when", "safe", "danger", "help"];

    public static bool Shows(StaffMember member) => member.Can(Permissions.ReadReports);

    /// <summary>Null when the report is not found in the member's scope or the member does not see threads.</summary>
    public async Task<StaffThreadView?> OpenAsync(StaffMember member, string? reference, CancellationToken cancellationToken)
    {
        if (!Shows(member) || ReportReferences.Normalise(reference) is not { } normalised)
        {
            return null;
        }

        var report = await scope.VisibleTo(member).AsNoTracking().FirstOrDefaultAsync(r => r.Reference == normalised, cancellationToken);
        if (report is null)
        {
            return null;
        }

        var items = await db.ReportItems.AsNoTracking()
            .Where(i => i.ReportId == report.Id && i.Kind == (int)ItemKind.Contact)
            .OrderBy(i => i.Sequence).ToListAsync(cancellationToken);
        var dataKey = ReportDataKey.Open(keys, report.Id, report.StaffKeyId, report.SealedDataKey);
        IReadOnlyList<ThreadMessage> messages;
        IReadOnlyDictionary<long, IReadOnlyList<ThreadFile>> files;
        var changes = new List<StaffContactChange>();
        try
        {
            messages = await thread.MessagesAsync(report.Id, dataKey, cancellationToken);
            files = await attachments.ByMessageAsync(report.Id, dataKey, cancellationToken);
            foreach (var item in items)
            {
                var plaintext = ItemCipher.Decrypt(dataKey, report.Id, ItemKind.Contact, item.Sequence, item.Ciphertext);
                var change = JsonSerializer.Deserialize<ContactChange>(plaintext);
                changes.Add(new StaffContactChange(item.CreatedAt, change?.Action ?? ReporterChanges.Added));
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }

        var authors = messages.Where(m => m.AuthorId is not null).Select(m => m.AuthorId!.Value).Distinct().ToList();
        var emails = await db.Users.AsNoTracking().Where(u => authors.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, cancellationToken);

        if (report.UnreadFromReporter)
        {
            // Cleared only if the reporter added nothing since this page read the report: an answer arriving in
            // between stays unread rather than being marked read by a page that never showed it.
            var seen = report.ReporterActiveAt;
            await db.Reports
                .Where(r => r.Id == report.Id && r.UnreadFromReporter && (seen == null || r.ReporterActiveAt <= seen))
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.UnreadFromReporter, false), cancellationToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var due = firstReply.Value.FirstReplyDue(report.ReceivedAt);
        return new StaffThreadView(
            report.Reference,
            report.Language,
            TemplateLanguage(report.Language),
            report.ReceivedAt,
            report.ReporterActiveAt,
            report.FirstReplyAt is { } first ? first : null,
            due,
            FirstReplyOverdue(report.FirstReplyAt, report.Status, due, now),
            member.Can(Permissions.TriageReports),
            [.. messages.Select(m => new StaffThreadMessage(m.Id, m.CreatedAt, m.FromReporter, m.AuthorId is { } a ? emails.GetValueOrDefault(a) : null, m.Text, files.GetValueOrDefault(m.Id) ?? []))],
            changes);
    }

    /// <summary>
    /// The thread read through the API: as <see cref="OpenAsync"/> (which clears the unread mark), audited as
    /// <c>report.thread-read</c> with the number of messages (the page's read is audited with the report it is part of).
    /// </summary>
    public async Task<StaffThreadView?> ReadAsync(StaffMember member, string? reference, string via, CancellationToken cancellationToken)
    {
        var view = await OpenAsync(member, reference, cancellationToken);
        if (view is not null)
        {
            await audit.RecordAsync(db, member.Actor, "report.thread-read", view.Reference, $"via={via}; messages={view.Messages.Count}");
        }

        return view;
    }

    /// <summary>The report's reference and language when the member may write in its thread; null answers 404.</summary>
    public async Task<(string Reference, string Language)?> FindAsync(StaffMember member, string? reference, CancellationToken cancellationToken)
    {
        if (!Shows(member) || ReportReferences.Normalise(reference) is not { } normalised)
        {
            return null;
        }

        var found = await scope.VisibleTo(member).AsNoTracking().Where(r => r.Reference == normalised)
            .Select(r => new { r.Reference, r.Language }).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Reference, found.Language);
    }

    /// <summary>
    /// Sends a message to the reporter, with a file if <paramref name="content"/> is given (then the text may be
    /// empty); nothing is stored unless the text passes <see cref="MessageText"/> and the file the store's checks.
    /// </summary>
    /// <exception cref="FileRefusedException">The file was refused: neither the message nor the file is kept.</exception>
    public async Task<Outcome<long>> SendAsync(
        StaffMember member, string? reference, string? text, Stream? content, string? fileName, CancellationToken cancellationToken)
    {
        if (!Shows(member))
        {
            return Outcome.NotFound();
        }

        var found = await finder.FindAsync(member, reference, Permissions.TriageReports, tracked: false, cancellationToken);
        if (found.Value is not { } report)
        {
            return found.Result;
        }

        var max = options.Value.MessageMaxLength;
        var problem = ThreadAttachments.Check(text, max, content is not null, out var message);
        if (problem != MessageProblem.None)
        {
            return Outcome.InvalidField("text", "staff.followup.error." + MessageText.Key(problem), max);
        }

        var dataKey = ReportDataKey.Open(keys, report.Id, report.StaffKeyId, report.SealedDataKey);
        long id;
        try
        {
            id = await attachments.SendAsync(report.Id, dataKey, member.Id, message, content, fileName, cancellationToken, new ThreadAudit(member.Actor, report.Reference));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }

        return Outcome.Done(id);
    }

    /// <summary>The text of a question template in the report's language, or in <see cref="TemplateLanguage"/>'s fallback.</summary>
    public string TemplateText(string code, string reportLanguage) =>
        Templates.Contains(code) ? texts.Get(TemplateLanguage(reportLanguage), "followup.template." + code) : string.Empty;

    /// <summary>
    /// The report's language when the catalogue has it; otherwise (a phone report in Tigrinya, "other") the language
    /// of the staff member's page, since whoever relays the question to the reporter works from that one.
    /// </summary>
    public string TemplateLanguage(string reportLanguage) =>
        texts.Languages.Contains(reportLanguage) ? reportLanguage : PageLanguageOf(CultureInfo.CurrentUICulture);

    public static bool FirstReplyOverdue(DateTime? firstReplyAt, string status, DateTime due, DateTime now) =>
        firstReplyAt is null && status != Lantern.Web.Core.Reports.ReportStatus.Closed && now > due;

    private string PageLanguageOf(CultureInfo culture) =>
        texts.Languages.Contains(culture.TwoLetterISOLanguageName) ? culture.TwoLetterISOLanguageName : TextCatalogue.Fallback;

}

using System.Security.Cryptography;
using Lantern.Web.Core.Files;
using Lantern.Web.Platform.Crypto;

namespace Lantern.Web.Reporting.Files.Staff;

/// <summary>
/// The staff side of report files, always through <see cref="ReportScope"/> (a report out of scope is not found).
/// Partners see the files of a referred report only when the referral shares the full report: a photo or a voice
/// can identify the reporter as surely as a phone number, so "without contact" shares no files. Even then they never see
/// the files sent in the reporter thread (either way: the thread is the central team's, a referral shares the report,
/// not the conversation), and never which member of the contact point added a file. Images are shown
/// through their metadata-free rendition; PDFs and recordings through their copy cleaned of metadata
/// (<see cref="MetadataCleaner"/>), always as a download; the original is evidence, downloadable only with
/// <see cref="Permissions.DownloadOriginals"/>. A PDF or recording that could not be cleaned has no copy: the file
/// itself is served, and the listing says it may carry metadata (<see cref="ReportFileInfo.MetadataRemoved"/>). Every opening is audited (<c>file.read</c>,
/// <c>file.download.original</c>), as is every attachment (<c>file.added</c>).
/// </summary>
public sealed class StaffFiles(ReportScope scope, IReportGrants grants, LanternDbContext db, KeyRing keys, ReportFileStore store, AuditTrail audit)
{
    public async Task<StaffFileList?> ListAsync(StaffMember member, string? reference, CancellationToken cancellationToken)
    {
        var report = await FindAsync(member, reference, cancellationToken);
        if (report is null)
        {
            return null;
        }

        var dataKey = ReportDataKey.Open(keys, report.Id, report.StaffKeyId, report.SealedDataKey);
        try
        {
            var partner = ReportScope.IsPartnerView(member);
            var files = (await store.ListAsync(report.Id, dataKey, cancellationToken)).Where(f => !partner || SharedWithPartners(f.MessageItemId)).ToList();
            var authors = files.Where(f => f.AuthorId is not null).Select(f => f.AuthorId!.Value).Distinct().ToList();
            var people = await db.Users.AsNoTracking().Where(u => authors.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => (u.Email, u.OrganisationId), cancellationToken);
            var rows = files.Select(f =>
            {
                if (f.AuthorId is not { } author)
                {
                    return new StaffFileRow(f, true, null, false);
                }

                var (email, organisation) = people.GetValueOrDefault(author);
                var ownColleague = organisation is not null && organisation == member.OrganisationId;
                return new StaffFileRow(f, false, !partner || ownColleague ? email : null, !ownColleague);
            }).ToList();
            return new StaffFileList(report.Reference, rows, CanAttach(member), member.Can(Permissions.DownloadOriginals));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>
    /// Opens file <paramref name="fileId"/> (an original's id) for viewing: an image's rendition, or the file itself
    /// when it has none; with <paramref name="original"/> the original image (permission required).
    /// </summary>
    public async Task<Outcome<StaffFileContent>> OpenAsync(
        StaffMember member, string? reference, Guid fileId, bool original, string via, CancellationToken cancellationToken)
    {
        var report = await FindAsync(member, reference, cancellationToken);
        var file = report is null ? null : await store.FindAsync(report.Id, fileId, cancellationToken);
        if (report is null || file is null || file.OriginalId is not null || (ReportScope.IsPartnerView(member) && !SharedWithPartners(file.MessageItemId)))
        {
            return Outcome.NotFound();
        }

        var rendition = await db.ReportFiles.AsNoTracking().FirstOrDefaultAsync(f => f.OriginalId == file.Id && f.Complete, cancellationToken);
        if (original && rendition is not null && !member.Can(Permissions.DownloadOriginals))
        {
            return Outcome.Forbidden();
        }

        var serve = !original && rendition is not null ? rendition : file;
        var dataKey = ReportDataKey.Open(keys, report.Id, report.StaffKeyId, report.SealedDataKey);
        try
        {
            var name = await store.NameAsync(serve, dataKey, cancellationToken);
            var action = original && rendition is not null ? "file.download.original" : "file.read";
            await audit.RecordAsync(db, member.Actor, action, report.Reference, $"file={file.Id}; via={via}");
            // Only an image rendition is shown in the page; a cleaned PDF or recording is a download like its original.
            var inline = serve.Id == rendition?.Id && serve.ContentType.StartsWith("image/", StringComparison.Ordinal);
            return Outcome.Done(new StaffFileContent(store.OpenRead(report.Id, dataKey, serve), serve.ContentType, name, inline));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>Attaches a file as the signed-in member (the central team only).</summary>
    /// <exception cref="FileRefusedException">The file was refused; nothing of it is kept.</exception>
    public async Task<Outcome<ReportFileInfo>> AttachAsync(
        StaffMember member, string? reference, Stream content, string? fileName, string via, CancellationToken cancellationToken)
    {
        var report = await FindAsync(member, reference, cancellationToken);
        if (report is null)
        {
            return Outcome.NotFound();
        }

        if (!CanAttach(member))
        {
            return Outcome.Forbidden();
        }

        var dataKey = ReportDataKey.Open(keys, report.Id, report.StaffKeyId, report.SealedDataKey);
        try
        {
            var file = await store.AddAsync(report.Id, dataKey, content, fileName, member.Id, null, cancellationToken, (completing, added) =>
                audit.Add(completing, member.Actor, "file.added", report.Reference, $"file={added.Id}; type={added.ContentType}; via={via}"));
            return Outcome.Done(file);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>A file sent in the reporter thread (with a message, either way) is the central team's, never a referral's.</summary>
    private static bool SharedWithPartners(long? messageItemId) => messageItemId is null;

    private static bool CanAttach(StaffMember member) => member.Can(Permissions.TriageReports) && !ReportScope.IsPartnerView(member);

    private async Task<Report?> FindAsync(StaffMember member, string? reference, CancellationToken cancellationToken)
    {
        if (ReportReferences.Normalise(reference) is not { } normalised)
        {
            return null;
        }

        var report = await scope.VisibleTo(member).AsNoTracking().FirstOrDefaultAsync(r => r.Reference == normalised, cancellationToken);
        if (report is null || !ReportScope.IsPartnerView(member))
        {
            return report;
        }

        var shared = (await grants.GrantAsync(member, report.Id, cancellationToken))?.Full == true;
        return shared ? report : null;
    }
}

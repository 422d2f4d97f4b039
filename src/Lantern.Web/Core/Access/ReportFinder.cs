namespace Lantern.Web.Core.Access;

/// <summary>
/// How every use case that acts on a report by its reference opens: normalise the reference, look within the
/// member's <see cref="ReportScope"/> (a malformed, unknown or out-of-scope reference is not found: 404, so scope
/// never leaks), then the permission to act (403). Whatever the use case checks next comes after this.
/// </summary>
public sealed class ReportFinder(ReportScope scope)
{
    /// <summary>
    /// The report (tracked when <c>tracked</c>, for a use case that changes it) if the member sees it and holds
    /// <c>permission</c> (<c>Permissions.X</c>); otherwise not found or forbidden.
    /// </summary>
    public async Task<Outcome<Report>> FindAsync(StaffMember member, string? reference, string permission, bool tracked, CancellationToken cancellationToken)
    {
        if (ReportReferences.Normalise(reference) is not { } normalised)
        {
            return Outcome.NotFound();
        }

        var reports = tracked ? scope.VisibleTo(member) : scope.VisibleTo(member).AsNoTracking();
        var report = await reports.FirstOrDefaultAsync(r => r.Reference == normalised, cancellationToken);
        if (report is null)
        {
            return Outcome.NotFound();
        }

        return member.Can(permission) ? Outcome.Done(report) : Outcome.Forbidden();
    }
}

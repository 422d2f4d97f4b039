namespace Lantern.Web.Detection.Links;

/// <summary>
/// "Group into a case" from the linked reports, in one step: the report and the chosen linked reports end up in one
/// case (the report's own, else the case one of them is already in, else a new one), through the core's
/// <see cref="IReportGrouping"/> (Cases checks and audits each move). A chosen report already in another case stays
/// there: moving it is a decision of its own. Answers how many reports were added.
/// </summary>
public sealed class GroupLinkedReports(IReportGrouping grouping, ReportLinks links, IReportCases cases, LanternDbContext db)
{
    public async Task<Outcome<int>> ExecuteAsync(StaffMember member, string? reference, IReadOnlyCollection<string> chosen, CancellationToken cancellationToken)
    {
        if (ReportReferences.Normalise(reference) is not { } normalised || await links.ForAsync(member, normalised, cancellationToken) is not { } set)
        {
            return new Outcome<int>(Outcome.NotFound(), 0);
        }

        if (!member.Can(Permissions.TriageReports))
        {
            return new Outcome<int>(Outcome.Forbidden(), 0);
        }

        var wanted = chosen.Select(ReportReferences.Normalise).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var selected = set.Links.Where(l => wanted.Contains(l.Reference)).ToList();
        if (selected.Count == 0)
        {
            return new Outcome<int>(Outcome.Invalid("staff.detection.group.error.none"), 0);
        }

        var caseId = await CaseOfAsync(set.ReportId, cancellationToken) ?? selected.Select(l => l.CaseId).FirstOrDefault(c => c is not null);
        if (caseId is null)
        {
            var created = await grouping.CreateCaseAsync(member, normalised, cancellationToken);
            if (!created.IsDone)
            {
                return new Outcome<int>(created, 0);
            }

            caseId = await CaseOfAsync(set.ReportId, cancellationToken);
        }

        var caseReference = caseId is { } id ? await cases.ReferenceOfAsync(id, cancellationToken) : null;
        if (caseReference is null)
        {
            return new Outcome<int>(Outcome.Conflict("staff.detection.group.error.case"), 0);
        }

        var added = 0;
        foreach (var report in selected.Select(l => (Reference: l.Reference, CaseId: l.CaseId)).Prepend((Reference: normalised, CaseId: await CaseOfAsync(set.ReportId, cancellationToken))))
        {
            if (report.CaseId is null && (await grouping.AddToCaseAsync(member, report.Reference, caseReference, cancellationToken)).IsDone)
            {
                added++;
            }
        }

        return Outcome.Done(added);
    }

    private Task<Guid?> CaseOfAsync(Guid reportId, CancellationToken cancellationToken) =>
        db.Reports.AsNoTracking().Where(r => r.Id == reportId).Select(r => r.CaseId).FirstOrDefaultAsync(cancellationToken);
}

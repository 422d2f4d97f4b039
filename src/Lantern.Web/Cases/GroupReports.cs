namespace Lantern.Web.Cases;

/// <summary>
/// Groups reports about the same situation into a case: a new case from a report, a report added to an
/// existing case by its reference, a report taken out of its case. A report belongs to one case at most;
/// moving it to another means taking it out first, so a grouping is never undone by a slip.
/// </summary>
public sealed class GroupReports(ReportFinder finder, LanternDbContext db, AuditTrail audit, TimeProvider clock) : IReportGrouping
{
    private const int Attempts = 3;

    public async Task<Outcome> CreateCaseAsync(StaffMember member, string? reference, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var found = await finder.FindAsync(member, reference, Permissions.TriageReports, tracked: true, cancellationToken);
            if (found.Value is not { } report)
            {
                return found.Result;
            }

            if (await AlreadyGroupedAsync(report, cancellationToken) is { } grouped)
            {
                return grouped;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var created = new Case { Id = Guid.CreateVersion7(), Reference = CaseReferences.Next(), CreatedAt = now, CreatedById = member.Id };
            db.Cases.Add(created);
            report.CaseId = created.Id;
            report.AcknowledgedAt ??= now;
            audit.Add(db, member.Actor, "case.created", created.Reference, $"report={report.Reference}");
            audit.Add(db, member.Actor, "report.added-to-case", report.Reference, $"case={created.Reference}");
            try
            {
                await audit.SaveAsync(db);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // The case reference (40 random bits) collided with a stored one: draw again.
                continue;
            }

            return Outcome.Done();
        }
    }

    public async Task<Outcome> AddToCaseAsync(StaffMember member, string? reference, string? caseReference, CancellationToken cancellationToken)
    {
        var found = await finder.FindAsync(member, reference, Permissions.TriageReports, tracked: true, cancellationToken);
        if (found.Value is not { } report)
        {
            return found.Result;
        }

        if (await AlreadyGroupedAsync(report, cancellationToken) is { } grouped)
        {
            return grouped;
        }

        var wanted = CaseReferences.Normalise(caseReference);
        if (wanted is null)
        {
            return Outcome.Invalid("staff.report.case.error.reference");
        }

        var target = await db.Cases.AsNoTracking().Where(c => c.Reference == wanted).Select(c => new { c.Id, c.Reference }).FirstOrDefaultAsync(cancellationToken);
        if (target is null)
        {
            return Outcome.Invalid("staff.report.case.error.unknown", wanted);
        }

        report.CaseId = target.Id;
        report.AcknowledgedAt ??= clock.GetUtcNow().UtcDateTime;
        await audit.RecordAsync(db, member.Actor, "report.added-to-case", report.Reference, $"case={target.Reference}");
        return Outcome.Done();
    }

    public async Task<Outcome> RemoveFromCaseAsync(StaffMember member, string? reference, CancellationToken cancellationToken)
    {
        var found = await finder.FindAsync(member, reference, Permissions.TriageReports, tracked: true, cancellationToken);
        if (found.Value is not { } report)
        {
            return found.Result;
        }

        if (report.CaseId is not { } caseId)
        {
            // Already out of any case (perhaps by a colleague a moment ago): nothing to undo.
            return Outcome.Done();
        }

        var caseReference = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.Reference).FirstOrDefaultAsync(cancellationToken);
        report.CaseId = null;
        report.AcknowledgedAt ??= clock.GetUtcNow().UtcDateTime;
        await audit.RecordAsync(db, member.Actor, "report.removed-from-case", report.Reference, $"case={caseReference}");
        return Outcome.Done();
    }

    private async Task<Outcome?> AlreadyGroupedAsync(Report report, CancellationToken cancellationToken)
    {
        if (report.CaseId is not { } caseId)
        {
            return null;
        }

        var current = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.Reference).FirstOrDefaultAsync(cancellationToken);
        return Outcome.Conflict("staff.report.case.error.already", current ?? string.Empty);
    }
}

using Lantern.Web.Core.Staff;

namespace Lantern.Web.Triage.Reports;

/// <summary>
/// Assigns a report to a member of the central team (one whose roles grant <see cref="Permissions.ReadReports"/>
/// and whose account is active), or unassigns it.
/// </summary>
public sealed class AssignReport(ReportFinder finder, LanternDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Who may be chosen, by e-mail address.</summary>
    public async Task<IReadOnlyList<Assignee>> CandidatesAsync(CancellationToken cancellationToken) =>
        await Candidates().OrderBy(u => u.Email).Select(u => new Assignee(u.Id, u.Email!)).ToListAsync(cancellationToken);

    /// <summary>Assigns the report to the member <c>assigneeId</c>, or unassigns it when that is null.</summary>
    public async Task<Outcome> ExecuteAsync(StaffMember member, string? reference, Guid? assigneeId, CancellationToken cancellationToken)
    {
        var found = await finder.FindAsync(member, reference, Permissions.TriageReports, tracked: true, cancellationToken);
        if (found.Value is not { } report)
        {
            return found.Result;
        }

        if (assigneeId is { } id && !await Candidates().AnyAsync(u => u.Id == id, cancellationToken))
        {
            return Outcome.Invalid("staff.report.assign.error.assignee");
        }

        var previous = report.AssignedToId;
        report.AssignedToId = assigneeId;
        report.AcknowledgedAt ??= clock.GetUtcNow().UtcDateTime;
        var (action, detail) = assigneeId is { } to
            ? ("report.assigned", $"to={to}" + (previous is { } from ? $"; from={from}" : string.Empty))
            : ("report.unassigned", previous is { } from2 ? $"from={from2}" : string.Empty);
        await audit.RecordAsync(db, member.Actor, action, report.Reference, detail);
        return Outcome.Done();
    }

    private IQueryable<StaffUser> Candidates()
    {
        var roles = StaffRoles.All.Where(role => Permissions.Of(role).Contains(Permissions.ReadReports)).ToList();
        return db.Users.AsNoTracking().Where(u => !u.IsDisabled && u.Email != null
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))));
    }
}

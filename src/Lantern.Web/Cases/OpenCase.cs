namespace Lantern.Web.Cases;

/// <summary>Reads a case for its page.</summary>
public sealed class OpenCase(ReportScope scope, LanternDbContext db)
{
    /// <summary>Null when there is no such case.</summary>
    public async Task<CaseView?> ExecuteAsync(StaffMember member, string? reference, CancellationToken cancellationToken)
    {
        var normalised = CaseReferences.Normalise(reference);
        var found = normalised is null
            ? null
            : await db.Cases.AsNoTracking().Where(c => c.Reference == normalised)
                .Select(c => new { c.Id, c.Reference, c.CreatedAt, CreatedBy = db.Users.Where(u => u.Id == c.CreatedById).Select(u => u.Email).FirstOrDefault() })
                .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var rows = await scope.VisibleTo(member).AsNoTracking().Where(r => r.CaseId == found.Id)
            .OrderByDescending(r => r.UrgencyLevel).ThenBy(r => r.ReceivedAt)
            .Select(r => new
            {
                r.Reference,
                r.ReceivedAt,
                r.Status,
                r.UrgencyLevel,
                r.ImmediateDanger,
                r.MinorsInvolved,
                r.Region,
                r.Role,
                Forms = r.Forms.Select(f => f.Code).ToList(),
                AssignedTo = db.Users.Where(u => u.Id == r.AssignedToId).Select(u => u.Email).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var reports = rows.Select(r => new CaseReport(r.Reference, r.ReceivedAt, r.Status, r.UrgencyLevel, r.ImmediateDanger, r.MinorsInvolved, r.Region, r.Role, r.Forms, r.AssignedTo)).ToList();
        return new CaseView(found.Reference, found.CreatedAt, found.CreatedBy, reports);
    }
}

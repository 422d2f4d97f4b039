using Lantern.Web.Detection.Extraction;

namespace Lantern.Web.Detection.Links;

/// <summary>
/// A coordinator marks one of a report's details "does not link" (or links it again): audited on the report, by the
/// detail's kind only. What is stored is the detail's blind index, which must be one of the report's own.
/// </summary>
public sealed class UnlinkEntity(ReportFinder finder, LanternDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome> ExecuteAsync(StaffMember member, string? reference, string? kind, string? hash, bool unlink, CancellationToken cancellationToken)
    {
        var found = await finder.FindAsync(member, reference, Permissions.ManageEntities, tracked: false, cancellationToken);
        if (found.Value is not { } report)
        {
            return found.Result;
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromHexString(hash ?? string.Empty);
        }
        catch (FormatException)
        {
            return Outcome.Invalid("staff.detection.unlink.error.detail");
        }

        if (!EntityKinds.IsKnown(kind) || !await db.EntityIndex.AnyAsync(e => e.ReportId == report.Id && e.Kind == kind && e.Hash == bytes, cancellationToken))
        {
            return Outcome.Invalid("staff.detection.unlink.error.detail");
        }

        var existing = await db.UnlinkedEntities.FirstOrDefaultAsync(u => u.Kind == kind && u.Hash == bytes, cancellationToken);
        if (unlink == (existing is not null))
        {
            return Outcome.Done();
        }

        if (unlink)
        {
            db.UnlinkedEntities.Add(new UnlinkedEntity { Kind = kind!, Hash = bytes, MarkedAt = clock.GetUtcNow().UtcDateTime, MarkedById = member.Id });
        }
        else
        {
            db.UnlinkedEntities.Remove(existing!);
        }

        audit.Add(db, member.Actor, unlink ? "entity.unlinked" : "entity.relinked", report.Reference, "kind=" + kind);
        await audit.SaveAsync(db);
        return Outcome.Done();
    }
}

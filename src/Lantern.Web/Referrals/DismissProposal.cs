using Lantern.Web.Referrals.Routing;

namespace Lantern.Web.Referrals;

/// <summary>
/// The central team's "no" to a routing proposal, and taking that "no" back. Both are recorded
/// (<see cref="ReferralDismissal"/>) and audited, so every referral decision, including not referring, can be
/// traced to a person and a moment. Nothing is sent to the organisation either way.
/// </summary>
public sealed class DismissProposal(ReferralDecisionSubject subject, LanternDbContext db, RoutingEngine routing, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome> DismissAsync(
        StaffMember member, string? reference, string? organisationCode, int? ruleId, CancellationToken cancellationToken)
    {
        var subjectFound = await subject.FindAsync(member, reference, organisationCode, cancellationToken);
        if (subjectFound.Value is not { } found)
        {
            return subjectFound.Result;
        }

        var (report, organisation) = found;
        var proposal = ruleId is null
            ? null
            : (await routing.ProposeAsync(report.Id, cancellationToken)).FirstOrDefault(p => p.RuleId == ruleId && p.OrganisationId == organisation.Id);
        if (proposal is null)
        {
            // Already referred, already dismissed, or the rules changed since the page was shown.
            return Outcome.Conflict("staff.referrals.error.proposal");
        }

        db.ReferralDismissals.Add(new ReferralDismissal
        {
            Id = Guid.CreateVersion7(),
            ReportId = report.Id,
            OrganisationId = organisation.Id,
            RuleId = proposal.RuleId,
            RuleName = proposal.RuleName,
            DismissedAt = clock.GetUtcNow().UtcDateTime,
            DismissedById = member.Id,
        });
        audit.Add(db, member.Actor, "referral.proposal-dismissed", report.Reference, $"organisation={organisation.Code}; rule={proposal.RuleId}");
        try
        {
            await audit.SaveAsync(db);
        }
        catch (DbUpdateException)
        {
            // A colleague dismissed the same proposal at the same moment (unique index).
            db.ChangeTracker.Clear();
            return Outcome.Conflict("staff.referrals.error.proposal");
        }

        return Outcome.Done();
    }

    /// <summary>Removes the dismissal, so the rules propose the organisation again (if they still do).</summary>
    public async Task<Outcome> RestoreAsync(StaffMember member, string? reference, string? organisationCode, CancellationToken cancellationToken)
    {
        var subjectFound = await subject.FindAsync(member, reference, organisationCode, cancellationToken);
        if (subjectFound.Value is not { } found)
        {
            return subjectFound.Result;
        }

        var (report, organisation) = found;
        await using var transaction = await audit.BeginTransactionAsync(db, cancellationToken);
        var removed = await db.ReferralDismissals
            .Where(d => d.ReportId == report.Id && d.OrganisationId == organisation.Id)
            .ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            return Outcome.Conflict("staff.referrals.error.not_dismissed");
        }

        await audit.RecordAsync(db, member.Actor, "referral.proposal-restored", report.Reference, $"organisation={organisation.Code}");
        await transaction.CommitAsync(CancellationToken.None);
        return Outcome.Done();
    }
}

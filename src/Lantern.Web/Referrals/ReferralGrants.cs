namespace Lantern.Web.Referrals;

/// <summary>
/// What opens a report to a partner caseworker: a referral to their organisation that
/// <see cref="ReferralStates.OpensReport"/> now (not withdrawn, not declined, not closed longer ago than
/// <see cref="ReferralOptions.ClosedAccessDays"/>). <see cref="ReportScope"/> asks here through <see cref="IReportGrants"/>.
/// </summary>
public sealed class ReferralGrants(LanternDbContext db, TimeProvider clock, IOptions<ReferralOptions> options) : IReportGrants
{
    /// <summary>
    /// The referrals that open reports to the member as a partner caseworker: those to their organisation that
    /// <see cref="ReferralStates.OpensReport"/> now; none without an organisation. Every partner-side check of a
    /// referral starts here, so access ends everywhere at the same moment.
    /// </summary>
    public IQueryable<Referral> ReferralsTo(StaffMember member)
    {
        if (member.OrganisationId is not { } organisation)
        {
            return db.Referrals.Where(_ => false);
        }

        var closedBefore = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.ClosedAccessDays);
        return db.Referrals.Where(ReferralStates.OpensReport(closedBefore)).Where(f => f.OrganisationId == organisation);
    }

    public IQueryable<Guid> ReportsOpenTo(StaffMember member) => ReferralsTo(member).Select(f => f.ReportId);

    public async Task<ReportGrant?> GrantAsync(StaffMember member, Guid reportId, CancellationToken cancellationToken)
    {
        var scope = await ReferralsTo(member).AsNoTracking().Where(f => f.ReportId == reportId)
            .Select(f => f.Scope).FirstOrDefaultAsync(cancellationToken);
        return scope is null ? null : new ReportGrant(scope, scope == ReferralScopes.Full);
    }
}

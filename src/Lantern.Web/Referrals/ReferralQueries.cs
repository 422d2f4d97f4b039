namespace Lantern.Web.Referrals;

/// <summary>
/// Finds referrals for a member: the central team (<see cref="Permissions.ManageReferrals"/> or
/// <see cref="Permissions.ReadReports"/>) sees all of them, a partner caseworker those to their own organisation that
/// the contact point has not withdrawn,
/// anyone else none.
/// </summary>
public sealed class ReferralQueries(LanternDbContext db, ReferralGrants grants)
{
    public const int PageSize = 200;

    public IQueryable<Referral> VisibleTo(StaffMember member)
    {
        if (member.Can(Permissions.ReadReports))
        {
            return db.Referrals;
        }

        if (member.Can(Permissions.ReadReferredReports))
        {
            return grants.ReferralsTo(member);
        }

        return db.Referrals.Where(_ => false);
    }

    /// <summary>Overdue ones first (oldest deadline first), then open ones by deadline, then ended ones, newest first.</summary>
    public async Task<IReadOnlyList<ReferralRow>> ListAsync(StaffMember member, string? organisationCode, string? state, DateTime now, CancellationToken cancellationToken)
    {
        var query = VisibleTo(member);
        if (!string.IsNullOrEmpty(organisationCode))
        {
            query = query.Where(f => db.Organisations.Any(o => o.Id == f.OrganisationId && o.Code == organisationCode));
        }

        if (!string.IsNullOrEmpty(state))
        {
            query = query.Where(f => f.State == state);
        }

        var rows = await Rows(query
                .OrderByDescending(f => f.State == ReferralStates.Sent && f.DueAt < now)
                .ThenByDescending(f => f.State == ReferralStates.Sent || f.State == ReferralStates.Acknowledged || f.State == ReferralStates.Accepted)
                .ThenBy(f => f.DueAt)
                .Take(PageSize))
            .ToListAsync(cancellationToken);
        return rows;
    }

    public Task<List<ReferralRow>> ForReportAsync(Guid reportId, CancellationToken cancellationToken) =>
        Rows(db.Referrals.Where(f => f.ReportId == reportId).OrderBy(f => f.CreatedAt)).ToListAsync(cancellationToken);

    /// <summary>The member's own referrals of one report (a partner's link from the report page to its referral).</summary>
    public Task<List<ReferralRow>> OfReportVisibleToAsync(StaffMember member, string reference, CancellationToken cancellationToken) =>
        Rows(VisibleTo(member).Where(f => db.Reports.Any(r => r.Id == f.ReportId && r.Reference == reference))).ToListAsync(cancellationToken);

    public Task<ReferralRow?> FindAsync(StaffMember member, Guid id, CancellationToken cancellationToken) =>
        Rows(VisibleTo(member).Where(f => f.Id == id)).FirstOrDefaultAsync(cancellationToken);

    public Task<Guid> ReportIdAsync(Guid referralId, CancellationToken cancellationToken) =>
        db.Referrals.Where(f => f.Id == referralId).Select(f => f.ReportId).SingleAsync(cancellationToken);

    private IQueryable<ReferralRow> Rows(IQueryable<Referral> referrals) =>
        from f in referrals
        join o in db.Organisations on f.OrganisationId equals o.Id
        join r in db.Reports on f.ReportId equals r.Id
        select new ReferralRow(
            f.Id, r.Reference, o.Code, o.Name, f.Scope, f.State, f.CreatedAt, f.DueAt, f.AcknowledgedAt, f.RespondedAt,
            f.ClosedAt, f.Outcome, f.RuleName, f.PartnerUpdatedAt, r.ImmediateDanger, f.WithdrawnAt);
}

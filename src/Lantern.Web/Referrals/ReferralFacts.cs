namespace Lantern.Web.Referrals;

/// <summary>Answers the core's <see cref="IReferralFacts"/>: every referral's codes and dates, as a query the caller aggregates.</summary>
public sealed class ReferralFacts(LanternDbContext db) : IReferralFacts
{
    public IQueryable<ReferralFact> Facts() =>
        from f in db.Set<Referral>().AsNoTracking()
        join r in db.Reports on f.ReportId equals r.Id
        select new ReferralFact
        {
            ReportId = f.ReportId,
            ReportReceivedAt = r.ReceivedAt,
            OrganisationId = f.OrganisationId,
            State = f.State,
            AwaitingAcknowledgement = f.State == ReferralStates.Sent,
            Withdrawn = f.State == ReferralStates.Withdrawn,
            SentAt = f.CreatedAt,
            DueAt = f.DueAt,
            AcknowledgedAt = f.AcknowledgedAt,
            AnsweredAt = f.RespondedAt,
            ClosedAt = f.ClosedAt,
            Outcome = f.Outcome,
        };

    public Task<long> CountUnacknowledgedPastDueAsync(DateTime now, CancellationToken cancellationToken) =>
        db.Set<Referral>().AsNoTracking().LongCountAsync(f => f.State == ReferralStates.Sent && f.DueAt < now, cancellationToken);
}

namespace Lantern.Web.Core.Reports;

/// <summary>
/// The coded facts of every referral (organisation, state, dates, outcome), for counting. The core owns the question
/// because the statistics need the answer and may not use the Referrals capability that holds the rows; Referrals
/// implements it. A query, not a list, so the counting happens in the database (GROUP BY), never in memory.
/// </summary>
public interface IReferralFacts
{
    IQueryable<ReferralFact> Facts();

    /// <summary>
    /// Referrals the partner has not acknowledged by their deadline at <paramref name="now"/>: counted on the referrals
    /// alone (their (state, deadline) index), since <see cref="Facts"/> joins every one to its report.
    /// </summary>
    Task<long> CountUnacknowledgedPastDueAsync(DateTime now, CancellationToken cancellationToken);
}

using System.Linq.Expressions;

namespace Lantern.Web.Referrals;

/// <summary>
/// Where a referral stands. <see cref="Withdrawn"/> is the contact point's, not the partner's: the row stays (with the
/// partner's updates, which the contact point keeps) but no longer lets the partner read the report.
/// </summary>
public static class ReferralStates
{
    public const string Sent = "sent";
    public const string Acknowledged = "acknowledged";
    public const string Accepted = "accepted";
    public const string Declined = "declined";
    public const string Closed = "closed";
    public const string Withdrawn = "withdrawn";

    /// <summary>Every state, in the order lists offer them.</summary>
    public static readonly string[] All = [Sent, Acknowledged, Accepted, Declined, Closed, Withdrawn];

    /// <summary>
    /// A referral that still counts for the report's "referred" status and for referring the same organisation again: all
    /// but withdrawn ones. Whether it still opens the report to the partner is <see cref="OpensReport"/>.
    /// </summary>
    public static readonly Expression<Func<Referral, bool>> IsLive = f => f.State != Withdrawn;

    /// <summary>
    /// A referral that still lets its organisation read the report: not withdrawn, not declined (a partner that declines
    /// hands the report back at once), and not closed before <paramref name="closedBefore"/> (a closed referral stays
    /// readable, read-only, for <see cref="ReferralOptions.ClosedAccessDays"/>). Used only through
    /// <see cref="ReferralGrants.ReferralsTo"/>, which supplies the moment.
    /// </summary>
    public static Expression<Func<Referral, bool>> OpensReport(DateTime closedBefore) =>
        f => f.State != Withdrawn && f.State != Declined && (f.State != Closed || f.ClosedAt > closedBefore);

    /// <summary>Whether the partner may still act on (answer, update) a referral it can read: not once it is closed.</summary>
    public static bool IsAnswerable(string state) => state is not (Closed or Declined or Withdrawn);
}

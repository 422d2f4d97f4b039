using System.ComponentModel.DataAnnotations;

namespace Lantern.Web.Referrals;

/// <summary>
/// The <c>Lantern:Referrals</c> section: how fast a partner must acknowledge a referral, and how long a closed referral
/// stays readable to the partner (docs/CONFIGURATION.md).
/// </summary>
public sealed class ReferralOptions
{
    public const string Section = "Lantern:Referrals";

    [Range(1, 24 * 30)]
    public int AcknowledgeWithinHours { get; set; } = 24;

    /// <summary>The same for a report that says someone is in immediate danger.</summary>
    [Range(1, 24 * 30)]
    public int AcknowledgeDangerWithinHours { get; set; } = 1;

    public DateTime DueAt(DateTime sentAt, bool? immediateDanger) =>
        sentAt.AddHours(immediateDanger == true ? AcknowledgeDangerWithinHours : AcknowledgeWithinHours);

    /// <summary>
    /// For how many days after closing a referral its partner can still read the report (read-only); then the report is
    /// theirs no longer (404). 0 ends access when the referral closes.
    /// </summary>
    [Range(0, 3650)]
    public int ClosedAccessDays { get; set; } = 30;

    /// <summary>When the partner's read-only access to a referral closed at <paramref name="closedAt"/> ends.</summary>
    public DateTime ClosedAccessEnds(DateTime closedAt) => closedAt.AddDays(ClosedAccessDays);
}

namespace Lantern.Web.Referrals.Routing;

/// <summary>
/// The central team's decision not to follow a routing rule's proposal for one report. Proposals are computed,
/// never stored, so the decision needs a row of its own; it is deliberately not a <see cref="Referral"/> row,
/// because any referral row opens the report to the partner. While it exists, the rules do not propose that
/// organisation for that report again; removing it ("propose again") brings the proposal back.
/// </summary>
public sealed class ReferralDismissal
{
    public Guid Id { get; set; }

    public Guid ReportId { get; set; }

    public int OrganisationId { get; set; }

    /// <summary>The rule whose proposal was dismissed (null once the rule is deleted).</summary>
    public int? RuleId { get; set; }

    /// <summary>The rule's name at the time, kept if the rule is later edited or removed.</summary>
    public required string RuleName { get; set; }

    public DateTime DismissedAt { get; set; }

    public Guid? DismissedById { get; set; }
}

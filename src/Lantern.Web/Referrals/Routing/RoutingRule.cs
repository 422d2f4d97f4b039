namespace Lantern.Web.Referrals.Routing;

/// <summary>
/// One routing rule (DOMAIN.md, "Routing by postcode"): when every condition that is set matches a report,
/// Lantern proposes a referral to the target. Rules are data, seeded with the Belgian defaults and edited by
/// administrators; a referral keeps the name of the rule that proposed it.
/// </summary>
public sealed class RoutingRule
{
    public int Id { get; set; }

    /// <summary>Shown beside each proposal, e.g. "A victim's report goes to the victim centre of its region".</summary>
    public required string Name { get; set; }

    public int SortOrder { get; set; }

    public bool Enabled { get; set; } = true;

    // Conditions: null means "any".

    /// <summary>The reporter's role (<c>victim</c>, <c>witness</c>, …).</summary>
    public string? Role { get; set; }

    /// <summary>A region code such as <c>BE-WAL</c>.</summary>
    public string? Region { get; set; }

    public string? Language { get; set; }

    /// <summary>A form of exploitation code the report must include.</summary>
    public string? Form { get; set; }

    public bool? Minor { get; set; }

    public bool? ImmediateDanger { get; set; }

    // Target: either one organisation, or the organisation of a kind that serves the report's region.

    public int? OrganisationId { get; set; }

    /// <summary>An organisation kind (e.g. <c>victim-centre</c>): the one serving the report's region is proposed.</summary>
    public string? OrganisationKind { get; set; }

    /// <summary>The scope proposed for the referral (<see cref="ReferralScopes"/>).</summary>
    public string Scope { get; set; } = ReferralScopes.Full;
}

namespace Lantern.Web.Referrals.Organisations;

/// <summary>The choices the organisation form offers: kinds, regions (from the postcode ranges) and forms of exploitation.</summary>
public sealed record OrganisationChoices(IReadOnlyList<string> Kinds, IReadOnlyList<string> Regions, IReadOnlyList<string> Forms);

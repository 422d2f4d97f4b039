using Lantern.Web.Core.Organisations;
using Lantern.Web.Core.Regions;
using Lantern.Web.Referrals.Routing;

namespace Lantern.Web.Referrals;

/// <summary>Seeds the Belgian organisations, postcode ranges and default routing rules of DOMAIN.md on an empty database.</summary>
internal sealed class ReferralsSeeder : ISeeder
{
    public async Task SeedAsync(LanternDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Organisations.AnyAsync(cancellationToken))
        {
            // Public details are only those of DOMAIN.md; what is not known there stays empty for administrators to fill in.
            db.Organisations.AddRange(
                Organisation("contact-point", "Central contact point (FPS Justice)", "contact-point", "national", "078 055 800", 10, "fr,nl,de,en", minors: true),
                Organisation("pag-asa", "PAG-ASA", "victim-centre", "BE-BRU", "02 511 64 64", 20, "fr,nl,en"),
                Organisation("payoke", "Payoke", "victim-centre", "BE-VLG", "03 201 16 90", 30, "nl,fr,en"),
                Organisation("surya", "Sürya", "victim-centre", "BE-WAL", "04 232 40 30", 40, "fr,de,en"),
                Organisation("child-focus", "Child Focus", "child-protection", "national", "116 000", 50, "fr,nl,de,en", adults: false, minors: true),
                Organisation("guardianship", "Guardianship Service", "guardianship", "national", "078 15 43 24", 60, "fr,nl,de", adults: false, minors: true),
                Organisation("esperanto", "Esperanto", "shelter", "BE-WAL", "0473 40 00 66", 70, "fr", adults: false, minors: true),
                Organisation("minor-ndako", "Minor-Ndako", "shelter", "BE-VLG,BE-BRU", "02 503 56 29", 80, "nl,fr", adults: false, minors: true),
                Organisation("police", "Police", "police", "national", "112 / 101", 90, "fr,nl,de", minors: true),
                Organisation("fjp-trafficking", "Federal Judicial Police, central trafficking service", "police", "national", null, 100, "fr,nl,de", minors: true, directory: false),
                Organisation("social-inspection", "Social inspection (specialised teams)", "inspection", "national", null, 110, "fr,nl,de", minors: true, forms: "labour", directory: false),
                Organisation("myria", "Myria", "rapporteur", "national", null, 120, "fr,nl,de,en", minors: true, directory: false));
        }

        if (!await db.PostcodeRanges.AnyAsync(cancellationToken))
        {
            db.PostcodeRanges.AddRange(
                Range(1000, 1299, "BE-BRU"),
                Range(1300, 1499, "BE-WAL"),
                Range(1500, 3999, "BE-VLG"),
                Range(4000, 7999, "BE-WAL"),
                Range(8000, 9999, "BE-VLG"));
        }

        await db.SaveChangesAsync(cancellationToken);

        if (!await db.RoutingRules.AnyAsync(cancellationToken))
        {
            var ids = await db.Organisations.ToDictionaryAsync(o => o.Code, o => o.Id, cancellationToken);
            db.RoutingRules.AddRange(DefaultRules(ids));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The defaults of DOMAIN.md ("Routing by postcode"). Police are otherwise referred only by hand.</summary>
    private static IEnumerable<RoutingRule> DefaultRules(Dictionary<string, int> ids)
    {
        yield return new RoutingRule { Name = "A victim's report goes to the victim centre of its region", SortOrder = 10, Role = "victim", OrganisationKind = "victim-centre" };
        yield return new RoutingRule { Name = "A report involving a minor goes to Child Focus", SortOrder = 20, Minor = true, OrganisationId = Id(ids, "child-focus") };

        // DOMAIN.md sends a minor to the Guardianship Service only when unaccompanied and foreign, and the
        // questionnaire asks neither: the rule is seeded disabled, so the team refers by hand (or an
        // administrator enables it once the facts exist).
        yield return new RoutingRule { Name = "An unaccompanied foreign minor goes to the Guardianship Service", SortOrder = 30, Minor = true, OrganisationId = Id(ids, "guardianship"), Enabled = false };

        // The inspection acts on the workplace: it needs the facts, not how to reach the reporter.
        yield return new RoutingRule { Name = "Labour exploitation may also go to the social inspection", SortOrder = 40, Form = "labour", OrganisationId = Id(ids, "social-inspection"), Scope = ReferralScopes.WithoutContact };
        yield return new RoutingRule { Name = "Immediate danger goes to the police", SortOrder = 50, ImmediateDanger = true, OrganisationId = Id(ids, "police") };
    }

    private static int? Id(Dictionary<string, int> ids, string code) => ids.TryGetValue(code, out var id) ? id : null;

    private static Organisation Organisation(
        string code, string name, string kind, string regions, string? phone, int order, string languages,
        bool adults = true, bool minors = false, string forms = "", bool directory = true) =>
        new()
        {
            Code = code,
            Name = name,
            Kind = kind,
            Regions = regions,
            Phone = phone,
            SortOrder = order,
            Languages = languages,
            TakesAdults = adults,
            TakesMinors = minors,
            Forms = forms,
            ShowInDirectory = directory,
        };

    private static PostcodeRange Range(int from, int to, string region) => new() { Country = "BE", From = from, To = to, Region = region };
}

using Lantern.Web.Core.Organisations;
using Lantern.Web.Core.Regions;

namespace Lantern.Web.Referrals.Directory;

/// <summary>
/// The public help directory: organisations shown in the directory that serve the place (national ones always,
/// regional ones for their regions, narrower ones for their postcode ranges) and take the situation (adult or
/// minor, form of exploitation). Organisations are few; the filtering is done in memory on the shown ones.
/// </summary>
public sealed class HelpDirectory(LanternDbContext db, RegionResolver regions)
{
    /// <summary>The country whose postcodes the directory resolves (the seeded ranges are Belgian).</summary>
    public const string Country = "BE";

    public async Task<IReadOnlyList<string>> RegionsAsync(CancellationToken cancellationToken) =>
        await db.PostcodeRanges.AsNoTracking().Select(r => r.Region).Distinct().OrderBy(r => r).ToListAsync(cancellationToken);

    public async Task<Organisation?> FindAsync(string code, CancellationToken cancellationToken) =>
        await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Code == code && o.ShowInDirectory, cancellationToken);

    public async Task<HelpResult> SearchAsync(HelpQuery query, CancellationToken cancellationToken)
    {
        var postcode = query.Postcode?.Trim();
        int? number = null;
        string? region = null;
        var postcodeUnknown = false;
        if (!string.IsNullOrEmpty(postcode))
        {
            region = await regions.ResolveAsync(Country, postcode, cancellationToken);
            if (region is null)
            {
                postcodeUnknown = true;
            }
            else
            {
                number = int.Parse(postcode, NumberStyles.None, CultureInfo.InvariantCulture);
            }
        }

        var known = await RegionsAsync(cancellationToken);
        if (region is null && !postcodeUnknown && query.Region is { } chosen && known.Contains(chosen))
        {
            region = chosen;
        }

        var shown = await db.Organisations.AsNoTracking().Where(o => o.ShowInDirectory)
            .OrderBy(o => o.SortOrder).ThenBy(o => o.Name).ToListAsync(cancellationToken);
        var placeGiven = region is not null || postcodeUnknown;
        var found = shown
            .Where(o => !placeGiven || Serves(o, region, number))
            .Where(o => Takes(o, query.Person, query.Form))
            .ToList();
        return new HelpResult(region, postcodeUnknown, found);
    }

    private static bool Serves(Organisation organisation, string? region, int? postcode)
    {
        var served = OrganisationKinds.Split(organisation.Regions);
        if (served.Contains(OrganisationKinds.National))
        {
            return true;
        }

        // An unknown postcode gets the national organisations only: better than guessing a region.
        if (region is null)
        {
            return false;
        }

        var ranges = PostcodeList.ParseStored(organisation.Postcodes);
        if (ranges.Ranges.Count > 0 && postcode is { } number)
        {
            return ranges.Contains(number);
        }

        return served.Contains(region);
    }

    private static bool Takes(Organisation organisation, HelpPerson person, string? form)
    {
        if ((person == HelpPerson.Minor && !organisation.TakesMinors) || (person == HelpPerson.Adult && !organisation.TakesAdults))
        {
            return false;
        }

        var forms = OrganisationKinds.Split(organisation.Forms);
        return forms.Count == 0 || string.IsNullOrEmpty(form) || form == Lantern.Web.Core.Catalogue.ReportingCatalogue.UnknownForm || forms.Contains(form);
    }
}

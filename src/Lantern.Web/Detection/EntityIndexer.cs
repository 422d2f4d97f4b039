using Lantern.Web.Platform.Crypto;

namespace Lantern.Web.Detection;

/// <summary>Turns a report's identifying details into blind index entries (never storing the details themselves).</summary>
public sealed class EntityIndexer(EntityNormaliser normaliser, BlindIndex blindIndex)
{
    public IEnumerable<EntityIndexEntry> Index(Guid reportId, ReportEntities entities, string country)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (kind, value) in Normalised(entities, country))
        {
            if (!string.IsNullOrEmpty(value) && seen.Add(kind + ":" + value))
            {
                yield return new EntityIndexEntry { ReportId = reportId, Kind = kind, Hash = blindIndex.Compute(kind, value) };
            }
        }
    }

    private IEnumerable<(string Kind, string? Value)> Normalised(ReportEntities entities, string country)
    {
        foreach (var phone in entities.Phones)
        {
            yield return ("phone", normaliser.NormalisePhone(phone, country));
        }

        foreach (var email in entities.Emails)
        {
            yield return ("email", EntityNormaliser.NormaliseEmail(email));
        }

        foreach (var url in entities.Urls)
        {
            yield return ("url", normaliser.NormaliseUrl(url));
        }

        foreach (var plate in entities.Plates)
        {
            yield return ("plate", normaliser.NormalisePlate(plate));
        }

        foreach (var company in entities.Companies)
        {
            yield return ("company", EntityNormaliser.NormaliseCompany(company));
        }
    }
}

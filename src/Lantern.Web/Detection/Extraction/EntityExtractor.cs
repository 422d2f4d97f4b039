namespace Lantern.Web.Detection.Extraction;

/// <summary>
/// Finds a report's identifying details, in every language, in the fields the reporter filled for them and in the
/// free text, in canonical form. The reporter's own contact details are not searched: they identify the person who
/// reported, not the situation. Finders run from the most to the least specific, each blanking what it took, so an
/// account number is not also read as a phone and a profile address not also as a web address.
/// </summary>
public static class EntityExtractor
{
    public static IReadOnlyList<DetectedEntity> Extract(ReportContent content, string country, ServiceNumbers services)
    {
        var region = string.IsNullOrWhiteSpace(content.Location.Country) ? country : content.Location.Country;
        region = string.IsNullOrWhiteSpace(region) ? "BE" : region.ToUpperInvariant();
        var found = new List<DetectedEntity>();
        var entities = content.Entities;
        foreach (var phone in entities.Phones)
        {
            found.AddRange(FromText(phone, region, services, EntityField.Phone));
        }

        foreach (var email in entities.Emails)
        {
            found.AddRange(FromText(email, region, services, EntityField.Email));
        }

        foreach (var url in entities.Urls)
        {
            found.AddRange(FromText(url, region, services, EntityField.Handle));
        }

        foreach (var plate in entities.Plates)
        {
            found.AddRange(FromText(plate, region, services, EntityField.Plate));
        }

        foreach (var company in entities.Companies)
        {
            found.AddRange(FromText(company, region, services, EntityField.Company));
        }

        string?[] texts =
        [
            content.Description, content.WhenDetails, content.People.Descriptions, content.People.Languages, content.People.Ages,
            content.Relationship, content.Profession, content.Location.Address, content.Location.Municipality,
        ];
        foreach (var text in texts)
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                found.AddRange(FromText(text, region, services, EntityField.FreeText));
            }
        }

        return [.. found.Distinct()];
    }

    /// <summary>The details in one text; <paramref name="field"/> says which field it came from (free text by default).</summary>
    public static IEnumerable<DetectedEntity> FromText(string text, string region, ServiceNumbers services, EntityField field = EntityField.FreeText)
    {
        var scan = new ScanText(text.Normalize(System.Text.NormalizationForm.FormKC));
        var found = new List<DetectedEntity>();
        found.AddRange(HandleFinder.Find(scan, field == EntityField.Handle));
        found.AddRange(EmailFinder.Find(scan));
        found.AddRange(UrlFinder.Find(scan));
        found.AddRange(IbanFinder.Find(scan));
        found.AddRange(CompanyFinder.Find(scan, field == EntityField.Company));
        NoiseMask.Apply(scan);
        found.AddRange(PhoneFinder.Find(scan, region, services, field == EntityField.Phone));
        found.AddRange(PlateFinder.Find(scan, field == EntityField.Plate));
        return found;
    }
}

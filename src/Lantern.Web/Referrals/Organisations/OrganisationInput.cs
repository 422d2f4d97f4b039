using Lantern.Web.Core.Organisations;

namespace Lantern.Web.Referrals.Organisations;

/// <summary>What the organisation form sends, as typed; <see cref="OrganisationEditor"/> checks it before anything is saved.</summary>
public sealed class OrganisationInput
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? Kind { get; set; }

    public List<string> Regions { get; set; } = [];

    public string? Postcodes { get; set; }

    public string? Languages { get; set; }

    public List<string> Forms { get; set; } = [];

    public bool TakesAdults { get; set; }

    public bool TakesMinors { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Website { get; set; }

    public string? Address { get; set; }

    public string? OpeningHours { get; set; }

    public string? Description { get; set; }

    public string? NoticeEmail { get; set; }

    public bool ShowInDirectory { get; set; }

    public int SortOrder { get; set; }

    public static OrganisationInput From(Organisation organisation) => new()
    {
        Code = organisation.Code,
        Name = organisation.Name,
        Kind = organisation.Kind,
        Regions = [.. OrganisationKinds.Split(organisation.Regions)],
        Postcodes = organisation.Postcodes,
        Languages = organisation.Languages,
        Forms = [.. OrganisationKinds.Split(organisation.Forms)],
        TakesAdults = organisation.TakesAdults,
        TakesMinors = organisation.TakesMinors,
        Phone = organisation.Phone,
        Email = organisation.Email,
        Website = organisation.Website,
        Address = organisation.Address,
        OpeningHours = organisation.OpeningHours,
        Description = organisation.Description,
        NoticeEmail = organisation.NoticeEmail,
        ShowInDirectory = organisation.ShowInDirectory,
        SortOrder = organisation.SortOrder,
    };
}

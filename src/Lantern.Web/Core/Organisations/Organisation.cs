namespace Lantern.Web.Core.Organisations;

/// <summary>An organisation that receives or acts on reports (DOMAIN.md, "Who acts"). Data, seeded with the Belgian defaults.</summary>
public sealed class Organisation
{
    public int Id { get; set; }

    /// <summary>Stable code, e.g. <c>pag-asa</c>.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary><c>contact-point</c>, <c>victim-centre</c>, <c>child-protection</c>, <c>guardianship</c>, <c>shelter</c>, <c>police</c>, <c>inspection</c>, <c>rapporteur</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>Comma-separated region codes served, or <c>national</c>.</summary>
    public required string Regions { get; set; }

    /// <summary>Comma-separated postcode ranges served more narrowly than <see cref="Regions"/> (e.g. <c>4700-4799</c>); empty when the regions say it all.</summary>
    public string Postcodes { get; set; } = "";

    /// <summary>Comma-separated language codes the organisation works in (e.g. <c>fr,nl,en</c>).</summary>
    public string Languages { get; set; } = "";

    /// <summary>Comma-separated codes of the forms of exploitation handled; empty means all of them.</summary>
    public string Forms { get; set; } = "";

    public bool TakesAdults { get; set; } = true;

    public bool TakesMinors { get; set; }

    public string? Phone { get; set; }

    /// <summary>Public e-mail address shown in the help directory.</summary>
    public string? Email { get; set; }

    public string? Website { get; set; }

    public string? Address { get; set; }

    /// <summary>Opening hours as the organisation words them (e.g. "Mon–Fri 9:00–17:00; 24/7 by phone").</summary>
    public string? OpeningHours { get; set; }

    /// <summary>A short public description shown in the help directory.</summary>
    public string? Description { get; set; }

    /// <summary>The address that receives referral notices (never report content, only that a referral waits).</summary>
    public string? NoticeEmail { get; set; }

    public bool ShowInDirectory { get; set; }

    public int SortOrder { get; set; }
}

namespace Lantern.Web.Content.Campaigns;

/// <summary>
/// An awareness campaign (e.g. Blue Heart, the World Day against Trafficking on 30 July): from <see cref="StartsOn"/> to
/// <see cref="EndsOn"/>, days in the site's time zone, the home page shows its banner in each language that has one, with a
/// link to its page (the campaign's material).
/// </summary>
public sealed class Campaign
{
    public const int MaxNameLength = 120;

    public Guid Id { get; set; }

    /// <summary>For the team only; the public reads the banner.</summary>
    public required string Name { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    /// <summary>The page the banner leads to (<c>/{language}/learn/{slug}</c>), when it is published in the banner's language.</summary>
    public string? ArticleSlug { get; set; }

    public DateTime UpdatedAt { get; set; }
}

namespace Lantern.Web.Content.Campaigns;

/// <summary>A campaign's banner text in one language; a language without one shows no banner (never another language's text).</summary>
public sealed class CampaignBanner
{
    public const int MaxTextLength = 280;

    public Guid CampaignId { get; set; }

    public required string Language { get; set; }

    public required string Text { get; set; }
}

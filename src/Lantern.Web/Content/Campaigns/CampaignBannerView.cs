namespace Lantern.Web.Content.Campaigns;

/// <summary>A running campaign's banner in the page's language; <see cref="ArticleSlug"/> only when that page is published in it.</summary>
public sealed record CampaignBannerView(string Text, string? ArticleSlug);

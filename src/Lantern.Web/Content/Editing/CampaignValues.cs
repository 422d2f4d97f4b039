namespace Lantern.Web.Content.Editing;

/// <summary>A valid campaign form, normalised: what <see cref="CampaignEditor"/> stores.</summary>
public sealed record CampaignValues(string Name, DateOnly StartsOn, DateOnly EndsOn, string? ArticleSlug, IReadOnlyDictionary<string, string> Banners);

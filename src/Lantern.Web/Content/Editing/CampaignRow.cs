namespace Lantern.Web.Content.Editing;

/// <summary>A campaign in the editors' list.</summary>
public sealed record CampaignRow(Guid Id, string Name, DateOnly StartsOn, DateOnly EndsOn, string? ArticleSlug, IReadOnlyList<string> Languages);

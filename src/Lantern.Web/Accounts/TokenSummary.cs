namespace Lantern.Web.Accounts;

/// <summary>One personal access token as the tokens page lists it (never the token itself).</summary>
public sealed record TokenSummary(Guid Id, string Owner, string Name, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? RevokedAt);

namespace Lantern.Web.Accounts;

/// <summary>One line of <c>users list</c>.</summary>
public sealed record AccountSummary(string Email, IReadOnlyList<string> Roles, string? Organisation, bool Enrolled, bool Disabled);

namespace Lantern.Web.Referrals.Api;

/// <summary>The body of <c>POST /api/v1/reports/{reference}/referrals</c>.</summary>
public sealed record ReferRequest(string? Organisation, string? Scope, int? Rule);

namespace Lantern.Web.Referrals.Api;

/// <summary>The body of <c>POST /api/v1/reports/{reference}/referral-dismissals</c>.</summary>
public sealed record DismissRequest(string? Organisation, int? Rule);

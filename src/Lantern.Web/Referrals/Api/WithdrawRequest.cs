namespace Lantern.Web.Referrals.Api;

/// <summary>The body of <c>POST /api/v1/referrals/{id}/withdraw</c>.</summary>
public sealed record WithdrawRequest(string? Reason);

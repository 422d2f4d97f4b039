namespace Lantern.Web.FollowUp.Api;

public sealed record FollowUpSessionRequest(string? Receipt);

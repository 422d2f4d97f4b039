namespace Lantern.Web.FollowUp.Api;

public sealed record FollowUpSession(string Token, int IdleMinutes);

namespace Lantern.Web.FollowUp.Api;

public sealed record MessageCreated(long Id);

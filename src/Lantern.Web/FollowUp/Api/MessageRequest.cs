namespace Lantern.Web.FollowUp.Api;

public sealed record MessageRequest(string? Text);

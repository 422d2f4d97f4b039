namespace Lantern.Web.FollowUp.Sessions;

public sealed record SignInResult(SignInOutcome Outcome, string? SessionId);

namespace Lantern.Web.FollowUp.Sessions;

public enum SignInOutcome
{
    SignedIn,

    /// <summary>Malformed, unknown or wrong: one answer for all, so an attempt learns nothing.</summary>
    Refused,

    TooManyAttempts,
}

namespace Lantern.Web.Accounts.SignIn;

/// <summary>Why a sign-in failed: kept in the audit trail, never told to the person (who sees one message for all).</summary>
public enum SignInFailure
{
    None,
    UnknownAccount,
    NotEnrolled,
    Disabled,
    LockedOut,
    WrongPassword,
    WrongCode,
}

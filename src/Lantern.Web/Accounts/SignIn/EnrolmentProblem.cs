namespace Lantern.Web.Accounts.SignIn;

/// <summary>Why an enrolment was not completed: told to the person next to the field.</summary>
public enum EnrolmentProblem
{
    None,
    PasswordTooShort,
    PasswordsDiffer,
    PasswordRefused,
    WrongCode,
}

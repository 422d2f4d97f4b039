namespace Lantern.Web.Hosting.Demo;

/// <summary>How to sign in to the demo: the enrolment link while the demo administrator has not enrolled, else the sign-in page.</summary>
public sealed record DemoSignIn(string Email, string? EnrolmentToken)
{
    public IEnumerable<string> Instructions(string baseUrl)
    {
        if (EnrolmentToken is not null)
        {
            yield return $"Demo back office: open {baseUrl}/staff/enrol/{EnrolmentToken} to enrol {Email}";
            yield return "  (choose a password and add Lantern to an authenticator app; a new link is printed at each start until then)";
        }
        else
        {
            yield return $"Demo back office: sign in at {baseUrl}/staff/sign-in as {Email}";
        }
    }
}

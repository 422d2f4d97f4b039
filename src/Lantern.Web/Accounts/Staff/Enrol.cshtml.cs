using Lantern.Web.Accounts.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Accounts.Staff;

/// <summary>The page behind the one-time enrolment link: choose a password, add Lantern to an authenticator app.</summary>
[AllowAnonymous]
public sealed class EnrolModel(Enrolment enrolment, IStringLocalizer<TextCatalogue> t) : PageModel
{
    [FromRoute]
    public string Token { get; set; } = string.Empty;

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Confirmation { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public EnrolmentStart? Start { get; private set; }

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync()
    {
        Start = await enrolment.StartAsync(Token);
        return Start is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Start = await enrolment.StartAsync(Token);
        if (Start is null)
        {
            return NotFound();
        }

        var problem = await enrolment.CompleteAsync(Start.User, Password, Confirmation, Code, cancellationToken);
        if (problem == EnrolmentProblem.None)
        {
            return LocalRedirect("/staff");
        }

        var (field, key) = problem switch
        {
            EnrolmentProblem.PasswordTooShort => ("password", "staff.enrol.error.short"),
            EnrolmentProblem.PasswordsDiffer => ("confirmation", "staff.enrol.error.differ"),
            EnrolmentProblem.PasswordRefused => ("password", "staff.enrol.error.refused"),
            _ => ("code", "staff.enrol.error.code"),
        };
        Errors[field] = field == "password" ? t[key, Enrolment.MinimumPasswordLength] : t[key];
        Password = Confirmation = Code = null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}

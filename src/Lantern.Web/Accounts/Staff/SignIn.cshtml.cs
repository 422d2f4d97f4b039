using Lantern.Web.Accounts.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Accounts.Staff;

/// <summary>Staff sign-in: e-mail, password and the code of the authenticator app, on one page.</summary>
[AllowAnonymous]
public sealed class SignInModel(StaffSignIn signIn, IStringLocalizer<TextCatalogue> t) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Failed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var failure = await signIn.SignInAsync(Email, Password, Code, cancellationToken);
        if (failure == SignInFailure.None)
        {
            return LocalRedirect(StaffCookie.ReturnPath(ReturnUrl));
        }

        // One message whatever went wrong, so the page does not confirm which accounts exist.
        Failed = true;
        Password = null;
        Code = null;
        ModelState.AddModelError(string.Empty, t["staff.sign_in.failed"]);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}

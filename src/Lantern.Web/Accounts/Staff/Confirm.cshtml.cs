using Lantern.Web.Accounts.SignIn;
using Lantern.Web.Core.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Accounts.Staff;

/// <summary>Asks for the authenticator code again before a sensitive action (see <see cref="StepUp"/>).</summary>
public sealed class ConfirmModel(
    UserManager<StaffUser> users,
    SignInManager<StaffUser> signIn,
    SecondFactor secondFactor,
    AuditTrail audit,
    LanternDbContext db,
    TimeProvider clock,
    IStringLocalizer<TextCatalogue> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var member = StaffMember.Of(HttpContext);
        var user = await users.FindByIdAsync(member.Id.ToString());
        if (user is null || !await secondFactor.VerifyAsync(user, Code))
        {
            if (user is not null)
            {
                await users.AccessFailedAsync(user);
            }

            await audit.RecordAsync(db, member.Actor, "step-up.failed", member.Actor, string.Empty);
            Error = t["staff.confirm.error"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [StaffClaims.SecondFactorNow(clock)]);
        await audit.RecordAsync(db, member.Actor, "step-up.succeeded", member.Actor, string.Empty);
        return LocalRedirect(StaffCookie.ReturnPath(ReturnUrl));
    }
}

using Lantern.Web.Core.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Accounts.Staff;

/// <summary>Ends the session (POST only, so a link in a mail cannot sign anyone out).</summary>
public sealed class SignOutModel(SignInManager<StaffUser> signIn, AuditTrail audit, LanternDbContext db) : PageModel
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var member = StaffMember.From(User);
        await signIn.SignOutAsync();
        if (member is not null)
        {
            await audit.RecordAsync(db, member.Actor, "sign-out", member.Actor, string.Empty);
        }

        return LocalRedirect("/staff/sign-in");
    }
}

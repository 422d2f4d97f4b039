using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Accounts.Staff;

/// <summary>The back office's start page: what this person's roles let them do.</summary>
public sealed class HomeModel : PageModel
{
    public StaffMember Member { get; private set; } = default!;

    public void OnGet() => Member = StaffMember.Of(HttpContext);
}

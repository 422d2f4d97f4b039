using Lantern.Web.Platform.Web;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Hosting.Pages;

/// <summary>
/// The page shown for 403, 404, 400, 429 and 500, in the visitor's language: on the public site with its layout
/// (escape button, emergency numbers); for a signed-in staff member at a back-office address, inside the back
/// office's own layout, so they keep their navigation and a way back. Anyone else never sees the back office's
/// layout (an intake-only process answers 404 under /staff and must not show that a back office exists).
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    [FromRoute]
    public int Code { get; set; }

    public string TitleKey => Code switch
    {
        403 => "error.403.title",
        404 => "error.404.title",
        400 => "error.400.title",
        413 => "error.413.title",
        429 => "error.429.title",
        _ => "error.500.title",
    };

    public string TextKey => TitleKey.Replace(".title", ".text", StringComparison.Ordinal);

    /// <summary>Whether a signed-in staff member met the error at a back-office address (<c>/staff</c>).</summary>
    public bool StaffArea { get; private set; }

    public void OnGet() => Prepare();

    public void OnPost() => Prepare();

    private void Prepare()
    {
        NoStore.Apply(Response);
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var exception = HttpContext.Features.Get<IExceptionHandlerFeature>();

        // Reached directly (not re-executed for an error), the page itself is not found.
        if (reExecuted is null && exception is null)
        {
            Code = 404;
            Response.StatusCode = 404;
        }

        // For an exception the address is always /error/500; the exception handler has set the status it deserves.
        if (exception is not null)
        {
            Code = Response.StatusCode;
        }

        var failed = new PathString(reExecuted?.OriginalPath ?? exception?.Path);
        StaffArea = failed.StartsWithSegments("/staff", StringComparison.OrdinalIgnoreCase) && StaffMember.From(User) is not null;
    }
}

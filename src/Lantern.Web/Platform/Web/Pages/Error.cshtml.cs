using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Platform.Web.Pages;

/// <summary>The page shown for 404, 400, 429 and 500 on the public site, in the visitor's language.</summary>
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

    public void OnGet() => Prepare();

    public void OnPost() => Prepare();

    private void Prepare()
    {
        NoStore.Apply(Response);

        // Reached directly (not re-executed for an error), the page itself is not found.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null
            && HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is null)
        {
            Code = 404;
            Response.StatusCode = 404;
        }
    }
}

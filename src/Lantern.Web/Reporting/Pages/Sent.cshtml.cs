using Lantern.Web.Platform.Web;
using Lantern.Web.Reporting.Questionnaire;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Reporting.Pages;

/// <summary>Shows the reference and the receipt once, and lets the reporter leave only after confirming they kept it.</summary>
[NoStore]
public sealed class SentModel(SentReportCookie sentCookie) : PageModel
{
    [FromRoute]
    public string Lang { get; set; } = string.Empty;

    public string Reference { get; private set; } = string.Empty;

    public string Receipt { get; private set; } = string.Empty;

    public bool ShowError { get; private set; }

    public IActionResult OnGet() => Load() ? Page() : Redirect($"/{Lang}/");

    public IActionResult OnPost()
    {
        if (!Load())
        {
            return Redirect($"/{Lang}/");
        }

        if (Request.Form["saved"] != "yes")
        {
            ShowError = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        sentCookie.End(HttpContext);
        return RedirectToPage("/Reporting/Pages/Done", new { lang = Lang });
    }

    private bool Load()
    {
        if (sentCookie.Read(Request) is not { } sent)
        {
            return false;
        }

        Reference = sent.Reference;
        Receipt = sent.Receipt.ToString();
        return true;
    }
}

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

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Redirect($"/{Lang}/");

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return Redirect($"/{Lang}/");
        }

        if (Request.Form["saved"] != "yes")
        {
            ShowError = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await sentCookie.EndAsync(HttpContext);
        return RedirectToPage("/Reporting/Pages/Done", new { lang = Lang });
    }

    private async Task<bool> LoadAsync()
    {
        if (await sentCookie.ReadAsync(HttpContext) is not { } sent)
        {
            return false;
        }

        Reference = sent.Reference;
        Receipt = sent.Receipt.ToString();
        return true;
    }
}

using Lantern.Web.Core.Files;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Reporting.Files.Staff;

/// <summary>
/// A member of the central team attaches a file to a report (multipart form, antiforgery). On success back to the
/// report's files; a refused file is answered here with its reason (4xx) and the form to try again.
/// </summary>
[Authorize(Policy = Lantern.Web.Core.Access.Permissions.TriageReports)]
[FileUploadLimit]
public sealed class AttachModel(StaffFiles files, TextCatalogue texts, IStringLocalizer<TextCatalogue> t, IOptions<FilesOptions> options) : PageModel
{
    [FromRoute]
    public string Reference { get; set; } = string.Empty;

    public string? Error { get; private set; }

    public IActionResult OnGet() => LocalRedirect(ReportPath);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        if (file is null || file.Length == 0)
        {
            return Refuse(StatusCodes.Status400BadRequest, texts.Get(language, file is null ? "files.error.missing" : "files.error.empty"));
        }

        try
        {
            await using var content = file.OpenReadStream();
            var attached = await files.AttachAsync(StaffMember.Of(HttpContext), Reference, content, file.FileName, "page", cancellationToken);
            return this.Answer(attached.Result, t, () => LocalRedirect(ReportPath + "?file=attached#files"), (message, refusal) => Refuse(refusal.StatusCode, message));
        }
        catch (FileRefusedException refused)
        {
            return Refuse(refused.StatusCode, FileRefusalAnswers.Text(refused, texts, language, options.Value));
        }
    }

    private string ReportPath => $"/staff/reports/{Uri.EscapeDataString(ReportReferences.Normalise(Reference) ?? Reference)}";

    private PageResult Refuse(int status, string message)
    {
        Error = message;
        Response.StatusCode = status;
        return Page();
    }
}

using Lantern.Web.Core.Files;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.FollowUp.Staff;

/// <summary>
/// Writing to the reporter: the form of the report page posts here, and a question template opens here with its
/// text in the report's language, ready to edit (no script needed). A sent message goes back to the report page.
/// </summary>
[Authorize(Policy = StaffPolicies.ReadAnyReports)]
[FileUploadLimit]
public sealed class MessageModel(StaffThread threads, IOptions<FollowUpOptions> options, IOptions<FilesOptions> files, TextCatalogue texts, IStringLocalizer<TextCatalogue> t) : PageModel
{
    [FromRoute]
    public string Reference { get; set; } = string.Empty;

    public string Language { get; private set; } = string.Empty;

    public string TemplateLanguage { get; private set; } = string.Empty;

    public string? Text { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The field the error is about (the summary links to it).</summary>
    public string ErrorTarget { get; private set; } = "reporter-message";

    public int MaxLength => options.Value.MessageMaxLength;

    public async Task<IActionResult> OnGetAsync(string? template, CancellationToken cancellationToken)
    {
        if (await threads.FindAsync(StaffMember.Of(HttpContext), Reference, cancellationToken) is not { } report)
        {
            return NotFound();
        }

        Show(report);
        Text = template is null ? null : threads.TemplateText(template, report.Language);
        return Page();
    }

    /// <remarks>The text is read from the form, not bound as a handler argument: MVC traces handler arguments in its logs.</remarks>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var text = Request.Form["text"].ToString();
        var file = Request.Form.Files.GetFile("file") is { Length: > 0 } given ? given : null;
        var member = StaffMember.Of(HttpContext);
        Outcome<long> result;
        try
        {
            await using var content = file?.OpenReadStream();
            result = await threads.SendAsync(member, Reference, text, content, file?.FileName, cancellationToken);
        }
        catch (FileRefusedException refused)
        {
            var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            ErrorTarget = "reporter-message-file";
            return await ShowAgainAsync(member, text, FileRefusalAnswers.Text(refused, texts, language, files.Value), refused.StatusCode, cancellationToken);
        }

        return await this.AnswerAsync(
            result.Result,
            t,
            () => Task.FromResult<IActionResult>(LocalRedirect($"/staff/reports/{Uri.EscapeDataString(ReportReferences.Normalise(Reference)!)}?message=sent#thread")),
            (message, refusal) => ShowAgainAsync(member, text, message, refusal.StatusCode, cancellationToken));
    }

    /// <summary>The form again with the reason; a file is never kept between tries, so it is chosen again.</summary>
    private async Task<IActionResult> ShowAgainAsync(StaffMember member, string text, string error, int status, CancellationToken cancellationToken)
    {
        if (await threads.FindAsync(member, Reference, cancellationToken) is not { } report)
        {
            return NotFound();
        }

        Show(report);
        Text = text is { Length: <= 100_000 } ? text : null;
        Error = error;
        Response.StatusCode = status;
        return Page();
    }

    private void Show((string Reference, string Language) report)
    {
        Reference = report.Reference;
        Language = report.Language;
        TemplateLanguage = threads.TemplateLanguage(report.Language);
    }
}

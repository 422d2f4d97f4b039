using System.Security.Cryptography;
using Lantern.Web.Core.Files;
using Lantern.Web.FollowUp.Sessions;
using Lantern.Web.FollowUp.Thread;
using Lantern.Web.Platform.Validation;
using Lantern.Web.Platform.Web;
using Lantern.Web.Platform.Web.Escape;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.FollowUp.Pages;

/// <summary>
/// The reporter's thread: where the report stands, the acknowledgement and the team's messages, and what the reporter
/// can do (write, add or withdraw contact details, get a new receipt, sign out). Each action posts and redirects back
/// (Post/Redirect/Get) except the new receipt, shown once in the answer to its post and never stored.
/// </summary>
[NoStore]
[FileUploadLimit]
public sealed class ThreadModel(
    ReporterSessions sessions,
    ReporterThread reader,
    ThreadAttachments attachments,
    ReporterChanges changes,
    TextCatalogue texts,
    IOptions<FilesOptions> fileOptions,
    IOptions<FollowUpOptions> options) : PageModel
{
    public static readonly string[] Confirmations = ["message", "contact-added", "contact-withdrawn"];

    [FromRoute]
    public string Lang { get; set; } = string.Empty;

    public ReporterThreadView View { get; private set; } = null!;

    public int MaxLength => options.Value.MessageMaxLength;

    /// <summary>The text written, shown again when it was refused.</summary>
    public string? Text { get; private set; }

    public string? MessageError { get; private set; }

    /// <summary>Why the file sent with a message was refused, worded (nothing was stored).</summary>
    public string? FileError { get; private set; }

    public int MaxFileMegabytes => fileOptions.Value.MaxFileMegabytes;

    public IReadOnlyList<FieldError> ContactErrors { get; private set; } = [];

    public ReportContact? Contact { get; private set; }

    public string? Done { get; private set; }

    /// <summary>Set only in the answer to "new receipt": the one time it is shown.</summary>
    public string? NewReceipt { get; private set; }

    public Task<IActionResult> OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Done = done is not null && Confirmations.Contains(done) ? done : null;
        return WithSessionAsync(access => ShowAsync(access, StatusCodes.Status200OK, cancellationToken));
    }

    /// <remarks>The text is read from the form, not bound as a handler argument: MVC traces handler arguments in its logs.</remarks>
    public Task<IActionResult> OnPostMessageAsync(CancellationToken cancellationToken) =>
        WithSessionAsync(async access =>
        {
            var text = Request.Form["text"].ToString();
            var file = Request.Form.Files.GetFile("file") is { Length: > 0 } given ? given : null;
            var problem = ThreadAttachments.Check(text, MaxLength, file is not null, out var message);
            if (problem != MessageProblem.None)
            {
                // Shown again to correct, unless it is far too long to send back.
                Text = text is { Length: <= 100_000 } ? text : null;
                MessageError = "followup.error." + MessageText.Key(problem);
                return await ShowAsync(access, StatusCodes.Status400BadRequest, cancellationToken);
            }

            try
            {
                // An ordinary refusal (type, truncated, size) is found before anything is stored; the rest undoes the message.
                if (file is not null && await FileCheck.FirstRefusalAsync([file], fileOptions.Value, cancellationToken) is { } early)
                {
                    throw early;
                }

                await using var content = file?.OpenReadStream();
                await attachments.SendAsync(access.ReportId, access.DataKey, authorId: null, message, content, file?.FileName, cancellationToken);
            }
            catch (FileRefusedException refused)
            {
                Text = text is { Length: <= 100_000 } ? text : null;
                FileError = FileRefusalAnswers.Text(refused, texts, Language, fileOptions.Value);
                return await ShowAsync(access, refused.StatusCode, cancellationToken);
            }

            return Back("message");
        });

    /// <summary>
    /// A file of the thread, for the reporter: theirs or one the team sent them, always as a download; an image as
    /// its rendition without metadata. Anything else (another report's file, a team file not sent) is 404.
    /// </summary>
    public Task<IActionResult> OnGetFileAsync(Guid id, CancellationToken cancellationToken) =>
        WithSessionAsync(async access =>
            await attachments.OpenForReporterAsync(access.ReportId, access.DataKey, id, cancellationToken) is { } content
                ? new DecryptedFileResult(content)
                : NotFound());

    public Task<IActionResult> OnPostContactAsync(CancellationToken cancellationToken) =>
        WithSessionAsync(async access =>
        {
            var form = Request.Form;
            var contact = new ReportContact
            {
                Channel = form["contact.channel"],
                Address = form["contact.address"],
                SafeTimes = form["contact.safeTimes"],
                MayLeaveMessage = form["contact.mayLeaveMessage"].ToString() switch { "yes" => true, "no" => false, _ => null },
                CodeWord = form["contact.codeWord"],
            };
            var errors = await changes.AddContactAsync(access.ReportId, access.DataKey, contact, cancellationToken);
            if (errors.Count > 0)
            {
                ContactErrors = errors;
                Contact = contact;
                return await ShowAsync(access, StatusCodes.Status400BadRequest, cancellationToken);
            }

            return Back("contact-added");
        });

    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken cancellationToken) =>
        WithSessionAsync(async access =>
        {
            await changes.WithdrawContactAsync(access.ReportId, access.DataKey, cancellationToken);
            return Back("contact-withdrawn");
        });

    public Task<IActionResult> OnPostReceiptAsync(CancellationToken cancellationToken) =>
        WithSessionAsync(async access =>
        {
            var receipt = await changes.ReplaceReceiptAsync(access.ReportId, access.DataKey, cancellationToken);

            // Whoever is signed in with the old receipt (on another device) is signed out with it.
            await sessions.EndOthersAsync(access.ReportId, keep: FollowUpCookie.Read(Request), cancellationToken);
            NewReceipt = receipt.ToString();
            return await ShowAsync(access, StatusCodes.Status200OK, cancellationToken);
        });

    /// <summary>
    /// Ends the visit as escape does (the session, the receipt page, every cookie, the cache and the pages kept for
    /// Back), then says so on the sign-in page.
    /// </summary>
    public async Task<IActionResult> OnPostSignOutAsync([FromServices] VisitEnd visit)
    {
        await visit.ApplyAsync(HttpContext);
        return Redirect($"/{Lang}/follow-up?notice=signed-out");
    }

    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public FieldError? ContactErrorOf(string field) => ContactErrors.FirstOrDefault(e => e.Field == field);

    private RedirectResult Back(string done) => Redirect($"/{Lang}/follow-up/thread?done={done}#{(done == "message" ? "messages" : "contact")}");

    private async Task<IActionResult> ShowAsync(ReporterAccess access, int status, CancellationToken cancellationToken)
    {
        if (await reader.OpenAsync(access.ReportId, access.DataKey, cancellationToken) is not { } view)
        {
            // The report is gone (erased): the session has nothing left to show.
            return SignedOut("ended");
        }

        View = view;
        Response.StatusCode = status;
        return Page();
    }

    private async Task<IActionResult> WithSessionAsync(Func<ReporterAccess, Task<IActionResult>> action)
    {
        var id = FollowUpCookie.Read(Request);
        if (await sessions.UseAsync(id, ReporterSessionKind.Page, HttpContext.RequestAborted) is not { } access)
        {
            return SignedOut(id is null ? null : "ended");
        }

        try
        {
            return await action(access);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(access.DataKey);
        }
    }

    private RedirectResult SignedOut(string? notice)
    {
        FollowUpCookie.Delete(Response);
        return Redirect(notice is null ? $"/{Lang}/follow-up" : $"/{Lang}/follow-up?notice={notice}");
    }
}

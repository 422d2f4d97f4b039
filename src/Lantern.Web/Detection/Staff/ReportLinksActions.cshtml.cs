using Lantern.Web.Detection.Links;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Detection.Staff;

/// <summary>
/// Where the linked-reports panel posts: group the chosen linked reports into a case, mark a detail "does not link"
/// or link it again. Success returns to the report page; a refusal answers 4xx with the reason and a way back.
/// </summary>
[Authorize(Policy = StaffPolicies.ReadAnyReports)]
public sealed class ReportLinksActionsModel(GroupLinkedReports group, UnlinkEntity unlink, IStringLocalizer<TextCatalogue> t) : PageModel
{
    [FromRoute]
    public string Reference { get; set; } = string.Empty;

    public string? Error { get; private set; }

    public string ReportPath => "/staff/reports/" + Uri.EscapeDataString(ReportReferences.Normalise(Reference) ?? Reference);

    public IActionResult OnGet() => ReportReferences.Normalise(Reference) is null ? NotFound() : LocalRedirect(ReportPath + "#links");

    public async Task<IActionResult> OnPostGroupAsync(string[]? linked, CancellationToken cancellationToken)
    {
        var result = await group.ExecuteAsync(StaffMember.Of(HttpContext), Reference, linked ?? [], cancellationToken);
        return Answer(result.Result, "grouped");
    }

    public async Task<IActionResult> OnPostUnlinkAsync(string? kind, string? hash, CancellationToken cancellationToken) =>
        Answer(await unlink.ExecuteAsync(StaffMember.Of(HttpContext), Reference, kind, hash, unlink: true, cancellationToken), "unlinked");

    public async Task<IActionResult> OnPostRelinkAsync(string? kind, string? hash, CancellationToken cancellationToken) =>
        Answer(await unlink.ExecuteAsync(StaffMember.Of(HttpContext), Reference, kind, hash, unlink: false, cancellationToken), "relinked");

    private IActionResult Answer(Outcome result, string done) =>
        this.Answer(result, t, () => LocalRedirect(ReportPath + $"?links={done}#links"), (message, refusal) =>
        {
            Error = message;
            Response.StatusCode = refusal.StatusCode;
            return Page();
        });
}

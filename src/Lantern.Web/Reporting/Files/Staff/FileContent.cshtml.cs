using Lantern.Web.Core.Files;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Reporting.Files.Staff;

/// <summary>
/// Serves a report file to the signed-in staff member: an image's rendition (inline, so the report page can show
/// it), a PDF or recording as a download, and with <c>/original</c> the original image (permission
/// <c>files.original</c>). Not found for a report out of scope or not shared with a partner. Audited.
/// </summary>
[Authorize(Policy = StaffPolicies.ReadAnyReports)]
public sealed class FileContentModel(StaffFiles files, IStringLocalizer<TextCatalogue> t) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string reference, Guid id, string? variant, CancellationToken cancellationToken)
    {
        if (variant is not (null or "original"))
        {
            return NotFound();
        }

        var opened = await files.OpenAsync(StaffMember.Of(HttpContext), reference, id, variant == "original", "page", cancellationToken);
        return this.Answer(opened.Result, t, () => new DecryptedFileResult(opened.Value!), (_, refusal) => StatusCode(refusal.StatusCode));
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Cases.Staff;

/// <summary>A case and its reports, by their coded fields only: the central team's overview of one situation.</summary>
[Authorize(Policy = Permissions.ReadReports)]
public sealed class CaseModel(OpenCase open) : PageModel
{
    [FromRoute]
    public string Reference { get; set; } = string.Empty;

    public CaseView Case { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var found = await open.ExecuteAsync(StaffMember.Of(HttpContext), Reference, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        Case = found;
        return Page();
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Referrals.Directory.Pages;

/// <summary>One organisation of the help directory: its public details; unknown or hidden ones are 404.</summary>
public sealed class OrganisationModel(HelpDirectory directory) : PageModel
{
    [FromRoute]
    public string Lang { get; set; } = string.Empty;

    [FromRoute]
    public string Code { get; set; } = string.Empty;

    public Lantern.Web.Core.Organisations.Organisation Organisation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Code.Length > 32 || await directory.FindAsync(Code, cancellationToken) is not { } organisation)
        {
            return NotFound();
        }

        Organisation = organisation;
        return Page();
    }
}

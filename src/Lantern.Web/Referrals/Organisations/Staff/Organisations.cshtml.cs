using Lantern.Web.Core.Organisations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Referrals.Organisations.Staff;

/// <summary>Administrators see every organisation (in the directory or not) and open one to edit it, or add one.</summary>
[Authorize(Policy = Permissions.ManageOrganisations)]
public sealed class OrganisationsModel(LanternDbContext db) : PageModel
{
    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];

    /// <summary>The organisation just saved (after the redirect), to confirm it.</summary>
    [FromQuery(Name = "saved")]
    public string? Saved { get; set; }

    public string? SavedName { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.SortOrder).ThenBy(o => o.Name).ToListAsync(cancellationToken);
        SavedName = Organisations.FirstOrDefault(o => o.Code == Saved)?.Name;
    }
}

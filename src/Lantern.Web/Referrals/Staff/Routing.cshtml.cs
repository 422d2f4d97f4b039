using Lantern.Web.Core.Organisations;
using Lantern.Web.Referrals.Routing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Referrals.Staff;

/// <summary>The routing rules in the order they apply; administrators enable or disable them here and open one to edit it.</summary>
[Authorize(Policy = Permissions.ManageRouting)]
public sealed class RoutingModel(RoutingRules rules, LanternDbContext db) : PageModel
{
    public IReadOnlyList<RoutingRule> Rules { get; private set; } = [];

    public IReadOnlyDictionary<int, Organisation> Organisations { get; private set; } = new Dictionary<int, Organisation>();

    public bool Saved { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Saved = done == "saved";
        Rules = await rules.ListAsync(cancellationToken);
        Organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, cancellationToken);
    }

    public async Task<IActionResult> OnPostEnableAsync(int id, bool enabled, CancellationToken cancellationToken) =>
        await rules.SetEnabledAsync(StaffMember.Of(HttpContext), id, enabled, cancellationToken) ? LocalRedirect("/staff/routing?done=saved") : NotFound();
}

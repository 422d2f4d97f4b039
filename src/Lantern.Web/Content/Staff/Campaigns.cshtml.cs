using Lantern.Web.Content.Editing;
using Lantern.Web.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Content.Staff;

/// <summary>The campaigns, running or not, and the way to a new one.</summary>
[Authorize(Policy = Permissions.ManageContent)]
public sealed class CampaignsModel(CampaignList campaigns, IOptions<SiteOptions> site, TimeProvider clock) : PageModel
{
    public IReadOnlyList<CampaignRow> Campaigns { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = site.Value.Today(clock);
        Campaigns = await campaigns.ListAsync(cancellationToken);
    }
}

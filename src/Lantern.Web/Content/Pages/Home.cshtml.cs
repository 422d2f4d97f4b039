using Lantern.Web.Content.Campaigns;
using Lantern.Web.Core.Catalogue;
using Lantern.Web.Platform.Web.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Lantern.Web.Content.Pages;

/// <summary>The public home page: who we are, the three ways in, the emergency numbers, the signs, a running campaign's banner.</summary>
[OutputCache(PolicyName = SharedPageCache.Policy)]
public sealed class HomeModel(ReportingCatalogue catalogue, RunningCampaigns campaigns) : PageModel
{
    [FromRoute]
    public string Lang { get; set; } = string.Empty;

    public IReadOnlyList<string> Signs { get; private set; } = [];

    public IReadOnlyList<CampaignBannerView> Banners { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Signs = (await catalogue.SignsAsync(cancellationToken)).Take(8).ToList();
        Banners = await campaigns.BannersAsync(Lang, cancellationToken);
    }
}

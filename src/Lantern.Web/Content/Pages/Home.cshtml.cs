using Lantern.Web.Core.Catalogue;
using Lantern.Web.Platform.Web.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Lantern.Web.Content.Pages;

/// <summary>The public home page: who we are, the three ways in, the emergency numbers, the signs.</summary>
[OutputCache(PolicyName = SharedPageCache.Policy)]
public sealed class HomeModel(ReportingCatalogue catalogue) : PageModel
{
    [FromRoute]
    public string Lang { get; set; } = string.Empty;

    public IReadOnlyList<string> Signs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Signs = (await catalogue.SignsAsync(cancellationToken)).Take(8).ToList();
}

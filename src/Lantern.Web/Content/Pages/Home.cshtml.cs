using Lantern.Web.Core.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Content.Pages;

/// <summary>The public home page: who we are, the three ways in, the emergency numbers, the signs.</summary>
public sealed class HomeModel(ReportingCatalogue catalogue) : PageModel
{
    [FromRoute]
    public string Lang { get; set; } = string.Empty;

    public IReadOnlyList<string> Signs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Signs = (await catalogue.SignsAsync(cancellationToken)).Take(8).ToList();
}

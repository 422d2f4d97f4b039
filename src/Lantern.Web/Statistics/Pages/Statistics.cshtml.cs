using Lantern.Web.Platform.Web.Caching;
using Lantern.Web.Statistics.Publication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Lantern.Web.Statistics.Pages;

/// <summary>The public statistics: the periods published, the disclosure rule, the open data.</summary>
[OutputCache(PolicyName = SharedPageCache.Policy)]
public sealed class StatisticsModel(PublicFigures figures) : PageModel
{
    [FromRoute]
    public string Lang { get; set; } = string.Empty;

    public IReadOnlyList<PublishedPeriod> Periods { get; private set; } = [];

    public int Threshold => figures.Threshold;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Periods = await figures.PeriodsAsync(cancellationToken);
}

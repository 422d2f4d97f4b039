using Lantern.Web.Platform.Web.Caching;
using Lantern.Web.Statistics.Figures;
using Lantern.Web.Statistics.Publication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Lantern.Web.Statistics.Pages;

/// <summary>The published figures of a year or a quarter; 404 for a period not published.</summary>
[OutputCache(PolicyName = SharedPageCache.Policy)]
public sealed class PeriodModel(PublicFigures figures, PublicTables tables) : PageModel
{
    [FromRoute]
    public string Lang { get; set; } = string.Empty;

    [FromRoute]
    public string Period { get; set; } = string.Empty;

    public PublicRelease Release { get; private set; } = null!;

    public IReadOnlyList<FigureTable> Tables { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (PublishedPeriod.Parse(Period) is not { } period || period.Code != Period
            || await figures.ReleaseAsync(period, cancellationToken) is not { } release)
        {
            return NotFound();
        }

        Release = release;
        Tables = release.Tables.Where(t => t.Definition != PublicTableDefinition.EurostatFormByAge).Select(tables.Show).ToList();
        return Page();
    }
}

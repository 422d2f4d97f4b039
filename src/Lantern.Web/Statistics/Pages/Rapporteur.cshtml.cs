using Lantern.Web.Platform.Web.Caching;
using Lantern.Web.Statistics.Figures;
using Lantern.Web.Statistics.Publication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Lantern.Web.Statistics.Pages;

/// <summary>
/// The yearly figures for the national rapporteur, in the categories of Eurostat's trafficking statistics where Lantern
/// has the data (form of exploitation: sexual, labour, other; minors or adults), under the same disclosure rule.
/// </summary>
[OutputCache(PolicyName = SharedPageCache.Policy)]
public sealed class RapporteurModel(PublicFigures figures, PublicTables tables) : PageModel
{
    [FromRoute]
    public string Lang { get; set; } = string.Empty;

    [FromRoute]
    public int Year { get; set; }

    public PublicRelease Release { get; private set; } = null!;

    public IReadOnlyList<FigureTable> Tables { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Year is < 2000 or > 9999 || await figures.ReleaseAsync(new PublishedPeriod(Year, null), cancellationToken) is not { } release)
        {
            return NotFound();
        }

        Release = release;
        Tables =
        [
            tables.Show(release.Table(PublicTableDefinition.Total)),
            tables.Show(release.Table(PublicTableDefinition.EurostatFormByAge)),
            tables.Show(release.Table(PublicTableDefinition.ByRole)),
        ];
        return Page();
    }
}

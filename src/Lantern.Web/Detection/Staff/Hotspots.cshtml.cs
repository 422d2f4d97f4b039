using Lantern.Web.Detection.Links;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Detection.Staff;

/// <summary>
/// Coordinators: the details seen in N or more reports within a period, per kind (the filter is a GET form, so a
/// view can be bookmarked). Each value shown is read from a report opened for the coordinator, and audited as such.
/// </summary>
[Authorize(Policy = Permissions.ManageEntities)]
public sealed class HotspotsModel(Hotspots hotspots, TimeProvider clock, IStringLocalizer<TextCatalogue> t) : PageModel
{
    [FromQuery]
    public string? Kind { get; set; }

    [FromQuery]
    public string? Since { get; set; }

    [FromQuery]
    public string? Min { get; set; }

    public HotspotQuery Query { get; private set; } = null!;

    public IReadOnlyList<Hotspot> Found { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Query = HotspotQuery.Parse(Kind, Since, Min, clock.GetUtcNow().UtcDateTime);
        if (Query.Error is { } error)
        {
            Error = t["staff.detection.hotspots.error." + error].Value;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Found = await hotspots.FindAsync(StaffMember.Of(HttpContext), Query.Kind, Query.Since, Query.Min, cancellationToken);
        return Page();
    }
}

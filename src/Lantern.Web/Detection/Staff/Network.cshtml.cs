using Lantern.Web.Detection.Api;
using Lantern.Web.Detection.Links;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Detection.Staff;

/// <summary>
/// A report's network two hops out, drawn as SVG on the server (no script) with a table of the same data for screen
/// readers. Opening it reads the report (audited, via=network).
/// </summary>
[Authorize(Policy = StaffPolicies.ReadAnyReports)]
public sealed class NetworkModel(OpenReport open, EntityIndexer indexer, ReportLinks links, ReportNetwork network) : PageModel
{
    [FromRoute]
    public string Reference { get; set; } = string.Empty;

    public ReportView View { get; private set; } = null!;

    public ReportNetworkView Network { get; private set; } = null!;

    public Dictionary<string, (double X, double Y)> Places { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var member = StaffMember.Of(HttpContext);
        if (await open.ExecuteAsync(member, Reference, "network", cancellationToken) is not { } view
            || await links.ForAsync(member, view.Reference, cancellationToken) is not { } set)
        {
            return NotFound();
        }

        View = view;
        var values = await DetectionApi.ValuesAsync(indexer, view, cancellationToken);
        Network = await network.BuildAsync(member, set.ReportId, view.Reference, values, cancellationToken);
        Places = NetworkLayout.Place(Network.Nodes);
        return Page();
    }
}

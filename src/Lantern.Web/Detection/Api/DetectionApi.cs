using Lantern.Web.Detection.Links;
using Lantern.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lantern.Web.Detection.Api;

/// <summary><c>GET /api/v1/reports/{reference}/links</c> and <c>GET /api/v1/entities/hotspots</c>, with a staff token.</summary>
public static class DetectionApi
{
    public static IEndpointRouteBuilder MapDetectionApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Detection");
        api.MapGet("/reports/{reference}/links", LinksAsync)
            .RequireAuthorization(StaffPolicies.ForApi(StaffPolicies.ReadAnyReports))
            .WithName("GetReportLinks")
            .WithSummary("The reports linked to a report")
            .WithDescription(
                "The reports that share an identifying detail (phone, e-mail, IBAN, enterprise number, plate, handle, web address) with " +
                "this one, among those the caller may see (a partner: only reports referred to its organisation), each with the kind and " +
                "canonical value of what it shares. Details in very many reports (Lantern:Detection:CommonThreshold) and details a " +
                "coordinator marked \"does not link\" link nothing. The report is opened to read the values: the call is audited as a " +
                "read of it (report.read, via=links). 404 when the report is not found.")
            .Produces<LinksResponse>()
            .Produces(StatusCodes.Status401Unauthorized)
            .Produces(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/entities/hotspots", HotspotsAsync)
            .RequireAuthorization(StaffPolicies.ForApi(Permissions.ManageEntities))
            .WithName("GetEntityHotspots")
            .WithSummary("Details seen in many reports")
            .WithDescription(
                "Coordinators. ?kind=phone|email|iban|company|plate|handle|url (all kinds when absent), ?since=date (default: 90 days " +
                "ago), ?min=reports (default 3, at least 2). The details found in min or more reports received since then, most reports " +
                "first (at most 50, each with at most 100 references, newest first) and the value read from the newest report (each such " +
                "read is audited as a read of that report). 400 on an unknown kind or a bad date or number.")
            .Produces<IReadOnlyList<HotspotSummary>>()
            .Produces(StatusCodes.Status401Unauthorized)
            .Produces(StatusCodes.Status403Forbidden)
            .ProducesValidationProblem();
        return endpoints;
    }

    private static async Task<Results<Ok<LinksResponse>, NotFound>> LinksAsync(
        string reference, HttpContext context, StaffMember member, OpenReport open, ReportLinks links, EntityIndexer indexer, CancellationToken cancellationToken)
    {
        var view = await open.ExecuteAsync(member, reference, "links", cancellationToken);
        if (view is null)
        {
            return TypedResults.NotFound();
        }

        NoStore.Apply(context.Response);
        var set = await links.ForAsync(member, view.Reference, cancellationToken);
        var values = await ValuesAsync(indexer, view, cancellationToken);
        var body = new LinksResponse([.. (set?.Links ?? []).Select(l => new LinkSummary(
            l.Reference, l.ReceivedAt, l.Status, [.. l.Shared.Select(s => new SharedValue(s.Kind, values.GetValueOrDefault(s.HashText)))]))]);
        return TypedResults.Ok(body);
    }

    private static async Task<Results<Ok<IReadOnlyList<HotspotSummary>>, ValidationProblem>> HotspotsAsync(
        string? kind, string? since, string? min, HttpContext context, StaffMember member, Hotspots hotspots, TimeProvider clock, IStringLocalizer<TextCatalogue> t, CancellationToken cancellationToken)
    {
        var query = HotspotQuery.Parse(kind, since, min, clock.GetUtcNow().UtcDateTime);
        if (query.Error is { } error)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [error] = [t["staff.detection.hotspots.error." + error].Value] });
        }

        NoStore.Apply(context.Response);
        var found = await hotspots.FindAsync(member, query.Kind, query.Since, query.Min, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<HotspotSummary>>([.. found.Select(h => new HotspotSummary(h.Kind, h.Value, h.Reports, h.Unlinked, h.References))]);
    }

    /// <summary>The canonical value of each of the report's details, by its blind index in hexadecimal.</summary>
    internal static async Task<Dictionary<string, string>> ValuesAsync(EntityIndexer indexer, ReportView view, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (entity, hash) in await indexer.DetailsAsync(view, cancellationToken))
        {
            values.TryAdd(Convert.ToHexStringLower(hash), entity.Value);
        }

        return values;
    }
}

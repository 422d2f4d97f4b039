using System.Text;
using System.Text.Json;
using Lantern.Web.Platform.Web.Caching;
using Lantern.Web.Statistics.Publication;

namespace Lantern.Web.Statistics.OpenData;

/// <summary>
/// The open data at stable addresses (docs/STATISTICS.md): <c>/open-data/statistics/{period}/{table}.csv</c> and
/// <c>.json</c>, <c>/open-data/statistics/{period}/datapackage.json</c>, <c>/open-data/statistics/schemas/{table}.json</c>.
/// A period not published (not ended, before the first report, malformed) or an unknown table answers 404. Public and
/// the same for everyone, so rendered once a few minutes like the public pages.
/// </summary>
public static class OpenDataEndpoints
{
    private static readonly JsonSerializerOptions _json = new() { WriteIndented = true };

    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(OpenDataFiles.Base).CacheOutput(SharedPageCache.Policy).ExcludeFromDescription();
        group.MapGet("/schemas/{file}", (string file, IOptions<StatisticsOptions> options) =>
            file.EndsWith(".json", StringComparison.Ordinal) && PublicTableDefinition.Find(file[..^5]) is { } definition
                ? Json(OpenDataFiles.Schema(definition, options.Value.Threshold).ToJsonString(_json))
                : Results.NotFound());
        group.MapGet("/{period}/{file}", async (string period, string file, PublicFigures figures, CancellationToken cancellationToken) =>
        {
            if (PublishedPeriod.Parse(period) is not { } parsed || parsed.Code != period)
            {
                return Results.NotFound();
            }

            var (name, extension) = Split(file);
            var definition = PublicTableDefinition.Find(name);
            if ((definition is null && file != "datapackage.json") || extension is not ("csv" or "json"))
            {
                return Results.NotFound();
            }

            if (await figures.ReleaseAsync(parsed, cancellationToken) is not { } release)
            {
                return Results.NotFound();
            }

            if (definition is null)
            {
                return Json(OpenDataFiles.Package(release).ToJsonString(_json));
            }

            return extension == "csv"
                ? Results.Text(OpenDataFiles.Csv(release, definition), "text/csv; charset=utf-8", Encoding.UTF8)
                : Json(OpenDataFiles.Json(release, definition).ToJsonString(_json));
        });
        return endpoints;
    }

    private static IResult Json(string json) => Results.Text(json, "application/json; charset=utf-8", Encoding.UTF8);

    private static (string Name, string Extension) Split(string file)
    {
        var dot = file.LastIndexOf('.');
        return dot <= 0 ? (file, string.Empty) : (file[..dot], file[(dot + 1)..]);
    }
}

using System.CommandLine;
using Lantern.Web.Detection;
using Lantern.Web.Platform;
using Lantern.Web.Platform.Crypto;

namespace Lantern.Web.Hosting;

/// <summary>
/// <c>detection reindex</c> and <c>detection rotate-key</c> (docs/OPERATIONS.md): indexing stored reports, and
/// replacing the blind-index key with every index rebuilt under the new one.
/// </summary>
public static class DetectionCommands
{
    private const string Actor = "cli";

    public static Command Create(WebApplication app, TextWriter output, TextWriter error)
    {
        var reindex = new Command("reindex", "Index the reports the entity index is behind on (never indexed, older extraction, another key).");
        reindex.SetAction(async (_, cancellationToken) =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var indexed = await scope.ServiceProvider.GetRequiredService<Reindex>().RunAsync(Actor, cancellationToken: cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Indexed {indexed} report(s); the index is up to date."));
            return 0;
        });

        var rotate = new Command("rotate-key", "Create a new blind-index key, rebuild every index under it (\"does not link\" marks included), then replace keys/index.key.");
        rotate.SetAction(async (_, cancellationToken) =>
        {
            if (app.Services.GetRequiredService<IOptions<KeyOptions>>().Value.IndexKey is { Length: > 0 })
            {
                await error.WriteLineAsync("The index key comes from Lantern:Keys:IndexKey: set a new value there and restart; the catch-up at start rebuilds the indexes (docs/OPERATIONS.md).");
                return 2;
            }

            var data = app.Services.GetRequiredService<DataDirectory>();
            await using var scope = app.Services.CreateAsyncScope();
            var work = scope.ServiceProvider.GetRequiredService<Reindex>();
            var current = scope.ServiceProvider.GetRequiredService<EntityIndexer>().BlindIndex;
            var next = BlindIndex.WithKey(IndexKeyFile.Next(data));
            var carried = await work.CarryUnlinkedAsync(current, next, cancellationToken);
            var indexed = await work.RunAsync(Actor, next, cancellationToken);
            IndexKeyFile.Promote(data);
            await scope.ServiceProvider.GetRequiredService<Lantern.Web.Core.Audit.AuditTrail>().RecordAsync(
                scope.ServiceProvider.GetRequiredService<LanternDbContext>(), Actor, "entities.key-rotated", detail: string.Create(CultureInfo.InvariantCulture, $"reports={indexed}; marks={carried}"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"New index key in place: {indexed} report(s) indexed again, {carried} \"does not link\" mark(s) carried over. Restart Lantern to use it."));
            return 0;
        });

        return new Command("detection", "Entity indexes of identifying details.") { reindex, rotate };
    }
}

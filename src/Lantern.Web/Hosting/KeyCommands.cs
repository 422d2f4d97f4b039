using System.CommandLine;
using Lantern.Web.Core.Reports.KeyRotation;
using Lantern.Web.Platform;
using Lantern.Web.Platform.Crypto;

namespace Lantern.Web.Hosting;

/// <summary>
/// <c>keys rotate-staff-key</c>, <c>keys status</c> and <c>keys reseal</c> (docs/OPERATIONS.md, "Keys"): a new staff
/// key for new reports, and the old key's reports moved to it, in the background or here.
/// </summary>
public static class KeyCommands
{
    private const string Actor = "cli";

    public static Command Create(WebApplication app, TextWriter output, TextWriter error)
    {
        var rotate = new Command("rotate-staff-key", "Create a new staff key pair for new reports; the old key's reports are then re-sealed to it (in the background, or with `keys reseal`).");
        rotate.SetAction(async (_, cancellationToken) =>
        {
            var options = app.Services.GetRequiredService<IOptions<KeyOptions>>().Value;
            if (options.StaffPrivateKey is { Length: > 0 } || options.StaffPublicKey is { Length: > 0 })
            {
                await error.WriteLineAsync("The staff key comes from Lantern:Keys: rotate it in your secret store (docs/OPERATIONS.md); this command rotates keys/staff/.");
                return 2;
            }

            var (old, created) = StaffKeyFolder.Rotate(StaffKeyFolder.PathIn(app.Services.GetRequiredService<DataDirectory>()));
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsync(
                scope.ServiceProvider.GetRequiredService<LanternDbContext>(), Actor, "keys.staff-rotated", detail: $"old={old}; new={created}");
            await output.WriteLineAsync($"""
                New staff key {created}; {old} is retired.
                Copy keys/staff/{created}.key, {created}.pub, current and retired to every back-office node, and {created}.pub and current to
                every intake node, then restart them all. New reports are then sealed to {created}, and the reports of {old} are
                re-sealed to it in the background (or now with `keys reseal`). Keep keys/staff/{old}.key until `keys status` shows none left.
                """);
            return 0;
        });

        var status = new Command("status", "How many reports each staff key holds, and which key is current or retired.");
        status.SetAction(async (_, cancellationToken) =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var uses = await scope.ServiceProvider.GetRequiredService<StaffKeyResealing>().CountByKeyAsync(cancellationToken);
            await output.WriteLineAsync("key\treports\tstate\tprivate key here");
            foreach (var use in uses)
            {
                var state = use.Current ? "current" : use.Retired ? "retired (to re-seal)" : "other";
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{use.KeyId}\t{use.Reports}\t{state}\t{(use.PrivateKeyHere ? "yes" : "no")}"));
            }

            return 0;
        });

        var limit = new Option<int?>("--limit") { Description = "Re-seal at most this many reports (default: all)." };
        var reseal = new Command("reseal", "Re-seal the reports of retired staff keys to the current key now (what the background job does, resumable).") { limit };
        reseal.SetAction(async (result, cancellationToken) =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var resealing = scope.ServiceProvider.GetRequiredService<StaffKeyResealing>();
            var done = await resealing.ResealAsync(Actor, result.GetValue(limit), cancellationToken);
            var left = (await resealing.CountByKeyAsync(cancellationToken)).Where(u => u.Retired).Sum(u => u.Reports);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Re-sealed {done} report(s); {left} left on retired keys."));
            return 0;
        });

        return new Command("keys", "The staff keys.") { rotate, status, reseal };
    }
}

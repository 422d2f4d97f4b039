using System.CommandLine;
using Lantern.Web.Retention;

namespace Lantern.Web.Hosting;

/// <summary>
/// <c>retention preview</c> and <c>retention erase</c> (docs/OPERATIONS.md, "Retention and erasure"): what the
/// retention rules make due now, by rule and reference, and erasing it. Both work whether or not the scheduled job is
/// enabled: the operator asks for them.
/// </summary>
public static class RetentionCommands
{
    private const string Actor = "cli";

    public static Command Create(WebApplication app, TextWriter output)
    {
        var preview = new Command("preview", "List the reports the retention rules make due now (rule, reference, closing date); erases nothing.");
        preview.SetAction(async (_, cancellationToken) =>
        {
            var run = await RunAsync(app, dryRun: true, cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{run.Due.Count} report(s) due for erasure at {run.At:yyyy-MM-dd HH:mm} UTC; nothing erased."));
            await WriteAsync(output, app, run);
            return 0;
        });

        var erase = new Command("erase", "Erase every report due now: its keys destroyed first, then its rows; audited. Asks nothing.");
        erase.SetAction(async (_, cancellationToken) =>
        {
            var run = await RunAsync(app, dryRun: false, cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Erased {run.Erased} of {run.Due.Count} report(s) due at {run.At:yyyy-MM-dd HH:mm} UTC."));
            await WriteAsync(output, app, run);
            return 0;
        });

        return new Command("retention", "Retention and erasure of closed reports.") { preview, erase };
    }

    private static async Task<RetentionRun> RunAsync(WebApplication app, bool dryRun, CancellationToken cancellationToken)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RetentionSweep>().RunOnceAsync(dryRun, Actor, cancellationToken);
    }

    /// <summary>The rules with their periods and counts, then one line per report: rule, reference, closing date. No content.</summary>
    private static async Task WriteAsync(TextWriter output, WebApplication app, RetentionRun run)
    {
        var counts = run.PerRule().ToDictionary(c => c.Rule, c => c.Reports, StringComparer.Ordinal);
        await output.WriteLineAsync("rule\tdays\treports");
        foreach (var rule in app.Services.GetRequiredService<IOptions<RetentionOptions>>().Value.Rules())
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{rule.Name}\t{(rule.Keeps ? "keep" : rule.Days.ToString(CultureInfo.InvariantCulture))}\t{counts.GetValueOrDefault(rule.Name)}"));
        }

        if (counts.TryGetValue(RetentionRule.Interrupted, out var interrupted))
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{RetentionRule.Interrupted}\t-\t{interrupted}"));
        }

        foreach (var report in run.Due)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{report.Rule}\t{report.Reference}\t{report.ClosedAt:yyyy-MM-dd}"));
        }
    }
}

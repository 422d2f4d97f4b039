using System.Globalization;

namespace Lantern.Bench.KillFlood;

/// <summary>
/// The run's settings. <c>--smoke 1</c> (CI) overrides the others: 4 clients, 2 kills 2 seconds apart, seconds in all.
/// </summary>
internal sealed record FloodOptions(string Lantern, int Port, int Clients, int Kills, double IntervalSeconds, int CheckConcurrency, bool Smoke)
{
    public static FloodOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        var lantern = Value("--lantern") ?? throw new ArgumentException("--lantern PATH/Lantern.Web.dll is required");
        if (!File.Exists(lantern))
        {
            throw new ArgumentException($"No Lantern at {lantern}: publish it first (bench/run.sh does).");
        }

        var smoke = Value("--smoke") == "1";
        var options = new FloodOptions(
            Path.GetFullPath(lantern),
            Number("--port", 5784),
            Number("--clients", 16),
            Number("--kills", 5),
            Value("--interval") is { } interval ? double.Parse(interval, CultureInfo.InvariantCulture) : 10,
            Number("--check-concurrency", 8),
            smoke);
        if (smoke)
        {
            options = options with { Clients = 4, Kills = 2, IntervalSeconds = 2 };
        }

        // Bounded: at most about 10 minutes of flood, whatever is asked.
        if (options.Clients is < 1 or > 128 || options.Kills is < 1 or > 20 || options.IntervalSeconds is < 1 or > 30
            || options.CheckConcurrency is < 1 or > 32)
        {
            throw new ArgumentException("Bounded runs only: --clients 1-128, --kills 1-20, --interval 1-30 seconds, --check-concurrency 1-32.");
        }

        return options;
    }
}

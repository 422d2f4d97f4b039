using System.Diagnostics;
using System.Globalization;

namespace Lantern.Bench.Flood;

/// <summary>
/// How the machine's CPU was shared during a phase, from /proc: Lantern, this benchmark (bots and people), and every
/// other process. On a shared machine the last one says how far the figures understate Lantern.
/// </summary>
internal sealed class CpuShare(int lanternPid)
{
    private readonly long _hz = 100; // USER_HZ on Linux
    private (long Total, long Idle) _system = SystemTicks();
    private long _lantern = Ticks(lanternPid);
    private TimeSpan _bench = Process.GetCurrentProcess().TotalProcessorTime;

    public string Since()
    {
        var system = SystemTicks();
        var lantern = Ticks(lanternPid);
        var bench = Process.GetCurrentProcess().TotalProcessorTime;
        var total = (double)(system.Total - _system.Total);
        var idle = system.Idle - _system.Idle;
        var lanternTicks = lantern - _lantern;
        var benchTicks = (bench - _bench).TotalSeconds * _hz;
        var line = total <= 0
            ? "n/a"
            : string.Create(CultureInfo.InvariantCulture,
                $"of {total / _hz:F0} core-seconds: Lantern {lanternTicks * 100 / total:F0}%, bots and people {benchTicks * 100 / total:F0}%, other processes {Math.Max(0, total - idle - lanternTicks - benchTicks) * 100 / total:F0}%, idle {idle * 100 / total:F0}%");
        (_system, _lantern, _bench) = (system, lantern, bench);
        return line;
    }

    private static (long Total, long Idle) SystemTicks()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(long.Parse).ToArray();
        return (fields.Sum(), fields[3] + fields[4]);
    }

    private static long Ticks(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }
}

using System.Globalization;
using System.Net;

namespace Lantern.Bench.KillFlood;

/// <summary>One database's figures, and the summary line printed for it.</summary>
internal sealed record KillFloodOutcome(
    DatabaseUnderTest Database,
    int Kills,
    bool KillAfter,
    int Acknowledged,
    StaffCheckResult Check,
    TimeSpan Checking,
    TimeSpan Commands,
    TimeSpan Total,
    long Cut,
    long CutUndisturbed,
    long NotListening,
    IReadOnlyDictionary<HttpStatusCode, int> Refused,
    IReadOnlyDictionary<HttpStatusCode, int> Unexpected,
    TimeSpan Flood,
    TimeSpan UpTime,
    IReadOnlyList<TimeSpan> Restarts)
{
    /// <summary>Every acknowledgement readable, and no answer other than 201 while nothing was being killed.</summary>
    public bool Passed => Check.Lost == 0 && Check.Readable == Acknowledged && Unexpected.Count == 0;

    public IEnumerable<string> Lines()
    {
        var name = Database.Name;
        var restarts = Restarts.Order().ToList();
        yield return Invariant($"KILLFLOOD {name}: {Kills} kills during the flood{(KillAfter ? " and 1 after it" : string.Empty)}, {Acknowledged:N0} acknowledged (201), {Check.Readable:N0} readable by staff, ")
            + Invariant($"{Check.Lost:N0} lost; {Cut:N0} requests cut by kills, {Refused.Values.Sum():N0} refused during kills{Statuses(Refused)}, ")
            + Invariant($"{NotListening:N0} connections refused while Lantern was down");
        yield return Invariant($"KILLFLOOD {name}: {Acknowledged / Flood.TotalSeconds:F1} reports/s over {Flood.TotalSeconds:F0} s of flood, restarts included ")
            + Invariant($"({Acknowledged / Math.Max(UpTime.TotalSeconds, 0.001):F1}/s counted over the {UpTime.TotalSeconds:F0} s between restarts); ")
            + Invariant($"kill to ready again p50 {restarts[restarts.Count / 2].TotalSeconds:F1} s, max {restarts[^1].TotalSeconds:F1} s");
        yield return Invariant($"KILLFLOOD {name}: {Database.Crash}");
        yield return Invariant($"KILLFLOOD {name}: {Total.TotalSeconds:F0} s in all: users add + users token {Commands.TotalSeconds:F1} s, ")
            + Invariant($"the staff check of {Check.Readable + Check.Lost:N0} reports {Checking.TotalSeconds:F1} s");
        if (Check.Lost > 0)
        {
            yield return Invariant(
                $"KILLFLOOD {name}: LOST {Check.Lost:N0}: {Check.Missing:N0} not found (404), {Check.WrongContent:N0} with other content, {Check.Failures.Values.Sum():N0} other answers{Statuses(Check.Failures)}");
        }

        if (Unexpected.Count > 0)
        {
            yield return Invariant($"KILLFLOOD {name}: WRONG answers while nothing was being killed{Statuses(Unexpected)}");
        }

        if (CutUndisturbed > 0)
        {
            yield return Invariant($"KILLFLOOD {name}: {CutUndisturbed:N0} of the cut requests got no answer while nothing was being killed (timeouts)");
        }
    }

    private static string Statuses(IReadOnlyDictionary<HttpStatusCode, int> statuses) =>
        statuses.Count == 0 ? string.Empty : " (" + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => Invariant($"{(int)s.Key}: {s.Value:N0}"))) + ")";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

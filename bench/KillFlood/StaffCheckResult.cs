using System.Net;

namespace Lantern.Bench.KillFlood;

/// <summary>What the staff check found: readable, absent (404), present with other content, or another answer.</summary>
internal sealed record StaffCheckResult(int Readable, int Missing, int WrongContent, IReadOnlyDictionary<HttpStatusCode, int> Failures)
{
    public int Lost => Missing + WrongContent + Failures.Values.Sum();
}

using System.ComponentModel.DataAnnotations;

namespace Lantern.Web.Platform.Web;

/// <summary>
/// <c>Lantern:RateLimits</c>: per client and per minute, and the bound on reports being stored at once on this node
/// (docs/SECURITY.md, "Floods"). A value out of range refuses start.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Lantern:RateLimits";

    /// <summary>Reports one client may submit per minute (questionnaire and API together).</summary>
    [Range(1, int.MaxValue)]
    public int IntakePerClientPerMinute { get; set; } = 10;

    /// <summary>Requests of any kind one client may make per minute.</summary>
    [Range(1, int.MaxValue)]
    public int RequestsPerClientPerMinute { get; set; } = 600;

    /// <summary>
    /// Refused bearer tokens one client may present per minute; beyond it every bearer request of that client
    /// answers 429 until the minute is over, without the token being looked up.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int FailedTokensPerClientPerMinute { get; set; } = 10;

    /// <summary>
    /// Reports from the public (questionnaire and API) this node stores at once; the others wait in line
    /// (<see cref="ReportWriteQueue"/>). It bounds the load a flood puts on memory, database connections and SQLite's
    /// one writer without refusing anyone who can wait a moment. 32 by default, the most reports SQLite's group commit
    /// writes in one transaction (ReportWriter.MaxBatch), so under load its batches stay full; well under PostgreSQL's
    /// pool of 100 connections.
    /// </summary>
    [Range(1, 1024)]
    public int ConcurrentReportWrites { get; set; } = 32;

    /// <summary>
    /// Reports that may wait, oldest first, for one of the <see cref="ConcurrentReportWrites"/> places; one more
    /// answers 503 with Retry-After, the answers kept. 0: no line, a report that finds every place taken is refused.
    /// </summary>
    [Range(0, 100_000)]
    public int ReportWriteQueue { get; set; } = 200;
}

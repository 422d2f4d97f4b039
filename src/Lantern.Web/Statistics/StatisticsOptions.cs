using System.ComponentModel.DataAnnotations;

namespace Lantern.Web.Statistics;

/// <summary>The <c>Lantern:Statistics</c> section (docs/CONFIGURATION.md, docs/STATISTICS.md).</summary>
public sealed class StatisticsOptions
{
    public const string Section = "Lantern:Statistics";

    /// <summary>
    /// The disclosure threshold of published figures: a count below it is not shown, and every count shown is rounded
    /// to a multiple of it. The team's dashboard shows exact counts; only what leaves the back office is protected.
    /// </summary>
    [Range(2, 1000)]
    public int Threshold { get; set; } = 10;

    /// <summary>
    /// The contact point's own target for passing a report on to a partner, in hours from its receipt: the deadline the
    /// dashboard measures "time to referral" against. The workflow itself sets none (a referral waits for the
    /// reporter's consent, docs/DOMAIN.md), so this is a steering figure, not a rule. Whole hours up to 30 days, so the
    /// share within it is exact on the duration scale.
    /// </summary>
    [Range(1, 720)]
    public int ReferWithinHours { get; set; } = 72;

    /// <summary>How often the day summaries are brought up to date (<c>DaySummaryJob</c>, on one process of the cluster), in minutes.</summary>
    [Range(1, 1440)]
    public int SummaryIntervalMinutes { get; set; } = 5;

    /// <summary>
    /// At most this many days are counted again, and this many claimed, per run: a first start on a big database is
    /// spread over many runs (the figures are counted live until then, only slower).
    /// </summary>
    [Range(1, 3660)]
    public int SummaryDaysPerRun { get; set; } = 60;

    /// <summary>Whether the job runs in this process at all; off only where something else runs the summariser (the benchmark).</summary>
    public bool SummariseInBackground { get; set; } = true;

    /// <summary>
    /// Days after a year or quarter ends before its public figures are published, and so frozen: time for the team to
    /// triage the reports of its last days (forms, region), since a published release never changes.
    /// </summary>
    [Range(0, 366)]
    public int ReleaseAfterDays { get; set; } = 14;
}

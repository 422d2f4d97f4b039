namespace Lantern.Web.Statistics.Summaries;

/// <summary>
/// A summarised day whose summary is out of date: written by the database's triggers (every write path, raw SQL and
/// erasure included), removed by <see cref="DaySummariser"/> only if <see cref="Seq"/> is still what it read before
/// counting. Until then the day is counted live.
/// </summary>
public sealed class StatisticsDirtyDay
{
    public DateOnly Day { get; set; }

    /// <summary>Raised by one at every marking change, so a change during a recompute is told apart from those before it.</summary>
    public long Seq { get; set; }
}

namespace Lantern.Web.Statistics.Summaries;

/// <summary>
/// A day (UTC, of <c>reports.ReceivedAt</c>) that has a summary. Its existence is what arms the triggers: a change to a
/// report of this day (or to its forms or referrals) marks it in <see cref="StatisticsDirtyDay"/>. Days without a row
/// (today, always) are counted live and are never marked, so intake never writes here.
/// </summary>
public sealed class StatisticsDay
{
    public DateOnly Day { get; set; }

    /// <summary>The dirty mark's sequence the summary was computed at; a new mark starts above it.</summary>
    public long Seq { get; set; }

    public DateTime SummarisedAt { get; set; }

    /// <summary>The day's reports as last summarised: the figures' reports per day are read from here.</summary>
    public long Reports { get; set; }
}

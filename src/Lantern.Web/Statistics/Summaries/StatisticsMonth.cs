namespace Lantern.Web.Statistics.Summaries;

/// <summary>
/// A month whose <see cref="SummarySpan.Month"/> rows are written (<c>statistics_months</c>). Removed, with those rows,
/// in the same transaction as any day of the month is summarised again (<see cref="DaySummariser.WriteAsync"/>), so a
/// month row never holds a day's old figures; a month with a dirty day is not read (its days are, or are counted live).
/// </summary>
public sealed class StatisticsMonth
{
    /// <summary>The month's first day.</summary>
    public DateOnly Month { get; set; }

    public DateTime BuiltAt { get; set; }
}

namespace Lantern.Web.Statistics.Figures;

/// <summary>How long something took for the reports of a period: how many were measured, median and 90th percentile, and how many within their deadline.</summary>
public sealed record DurationSummary(long Measured, double? MedianHours, double? P90Hours, long WithinDeadline)
{
    public static readonly DurationSummary None = new(0, null, null, 0);

    /// <summary>The share within the deadline, or null when nothing was measured.</summary>
    public double? WithinShare => Measured == 0 ? null : (double)WithinDeadline / Measured;

    /// <summary>
    /// Summarises a histogram in minutes. Percentiles by nearest rank, so they are always a measured value;
    /// <paramref name="deadlineMinutes"/> gives each bucket's deadline (it differs with immediate danger).
    /// </summary>
    public static DurationSummary Of(IReadOnlyList<DurationBucket> buckets, Func<DurationBucket, long?> deadlineMinutes)
    {
        var measured = buckets.Sum(b => b.Count);
        if (measured == 0)
        {
            return None;
        }

        var byMinutes = buckets.GroupBy(b => Math.Max(0, b.Minutes)).Select(g => (Minutes: g.Key, Count: g.Sum(b => b.Count))).OrderBy(b => b.Minutes).ToList();
        var within = buckets.Where(b => deadlineMinutes(b) is { } deadline && b.Minutes <= deadline).Sum(b => b.Count);
        return new DurationSummary(measured, Percentile(byMinutes, measured, 0.5) / 60.0, Percentile(byMinutes, measured, 0.9) / 60.0, within);
    }

    private static long Percentile(List<(long Minutes, long Count)> sorted, long total, double p)
    {
        var rank = (long)Math.Ceiling(p * total);
        long seen = 0;
        foreach (var (minutes, count) in sorted)
        {
            seen += count;
            if (seen >= rank)
            {
                return minutes;
            }
        }

        return sorted[^1].Minutes;
    }
}

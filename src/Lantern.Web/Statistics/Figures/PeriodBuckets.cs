namespace Lantern.Web.Statistics.Figures;

/// <summary>Folds the per-day counts into ISO weeks or months (at most a few hundred days: done here, not in SQL, because ISO weeks are written differently on each database).</summary>
public static class PeriodBuckets
{
    public static IReadOnlyList<(string Code, long Count)> Fold(IReadOnlyList<(DateOnly Day, long Count)> days, DateOnly from, DateOnly toExclusive, Granularity granularity)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        // Every bucket of the period, empty ones included, so a quiet week shows as zero rather than as missing.
        for (var day = from; day < toExclusive; day = day.AddDays(1))
        {
            counts.TryAdd(Code(day, granularity), 0);
        }

        foreach (var (day, count) in days)
        {
            var code = Code(day, granularity);
            counts[code] = counts.GetValueOrDefault(code) + count;
        }

        return counts.Select(c => (c.Key, c.Value)).ToList();
    }

    /// <summary><c>2026-W05</c> or <c>2026-02</c>: sortable, and the same in every language.</summary>
    public static string Code(DateOnly day, Granularity granularity) => granularity switch
    {
        Granularity.Week => $"{ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)):00}",
        _ => day.ToString("yyyy-MM", CultureInfo.InvariantCulture),
    };
}

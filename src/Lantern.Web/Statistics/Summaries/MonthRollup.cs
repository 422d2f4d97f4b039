namespace Lantern.Web.Statistics.Summaries;

/// <summary>
/// Adds up the day rows of each whole month, once every day of it is summarised and clean, into
/// <see cref="SummarySpan.Month"/> rows, so a year's figures read twelve months' rows instead of 365 days' rows (with
/// data as varied as the benchmark's, a day holds hundreds of rows per table). A day summarised again removes its
/// month's rows in the same transaction (<see cref="UnbuildAsync"/>); the month is built again at a later run.
/// </summary>
public sealed class MonthRollup(LanternDbContext db, SummaryReader summaries, TimeProvider clock)
{
    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>The months every day of which is among <paramref name="days"/> (distinct days), in order.</summary>
    public static IReadOnlyList<DateOnly> WholeMonths(IEnumerable<DateOnly> days) =>
        days.GroupBy(MonthOf).Where(g => g.Count() == DaysIn(g.Key)).Select(g => g.Key).Order().ToList();

    /// <summary>Builds every month that ended before <paramref name="settled"/> and is whole and clean but not built; answers how many.</summary>
    public async Task<int> BuildAsync(DateOnly settled, CancellationToken cancellationToken)
    {
        // Candidates from the day rows (a few thousand at most); each is checked again under its lock.
        var days = await db.StatisticsDays.AsNoTracking().Where(d => d.Day < settled).Select(d => d.Day).ToListAsync(cancellationToken);
        var built = (await db.StatisticsMonths.AsNoTracking().Select(m => m.Month).ToListAsync(cancellationToken)).ToHashSet();
        var candidates = WholeMonths(days).Where(m => !built.Contains(m) && m.AddMonths(1) <= settled).ToList();
        var count = 0;
        foreach (var month in candidates)
        {
            count += await BuildOneAsync(month, cancellationToken) ? 1 : 0;
        }

        return count;
    }

    /// <summary>Removes a month's rows and its built mark (inside the caller's transaction).</summary>
    public static async Task UnbuildAsync(LanternDbContext db, DateOnly month, CancellationToken cancellationToken)
    {
        await SummaryRows.RemoveAsync(db, SummarySpan.Month, month, cancellationToken);
        await db.StatisticsMonths.Where(m => m.Month == month).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Builds one month in one transaction. The month's day rows are written first (a no-op update): that locks them on
    /// PostgreSQL and takes SQLite's write lock, and <see cref="DaySummariser.WriteAsync"/> starts with the same rows, so
    /// a day summarised again either waits for this month to commit (and then removes it) or has committed before this
    /// reads the days. Answers false, building nothing, when a day is missing or dirty by then.
    /// </summary>
    private async Task<bool> BuildOneAsync(DateOnly month, CancellationToken cancellationToken)
    {
        var end = month.AddMonths(1);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await db.StatisticsDays.Where(d => d.Day >= month && d.Day < end)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Seq, d => d.Seq), cancellationToken);
        var dirty = await db.StatisticsDirtyDays.AnyAsync(d => d.Day >= month && d.Day < end, cancellationToken);
        if (locked != DaysIn(month) || dirty)
        {
            return false;
        }

        var dayList = Enumerable.Range(0, DaysIn(month)).Select(month.AddDays).ToList();
        var parts = await summaries.ReadDaysAsync(dayList, cancellationToken);
        await UnbuildAsync(db, month, cancellationToken);
        SummaryRows.Add(db, SummarySpan.Month, month, parts);
        db.StatisticsMonths.Add(new StatisticsMonth { Month = month, BuiltAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static int DaysIn(DateOnly month) => DateTime.DaysInMonth(month.Year, month.Month);
}

using Lantern.Web.Statistics.Figures;

namespace Lantern.Web.Statistics.Summaries;

/// <summary>
/// Counts each ended day once into the summary tables, with <see cref="LiveCount"/> (the one way a day is counted), and
/// counts again the days the triggers marked dirty. A day is first <em>claimed</em>: its <c>statistics_days</c> row
/// (which arms the triggers) and a dirty mark are written together, and it is counted at the next run, so a change
/// still in flight when the triggers were armed has long committed (and been counted) by then. Until its summary is
/// written and clean, a day is counted live, so the figures never wait for this job.
/// </summary>
public sealed class DaySummariser(LanternDbContext db, LiveCount live, MonthRollup months, TimeProvider clock, IOptions<StatisticsOptions> options)
{
    /// <summary>How long after midnight (UTC) a day waits before it is summarised: reports sent just before midnight are stored by then.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMinutes(15);

    /// <summary>
    /// One run: count again up to a batch of dirty days (oldest first), roll up the months that are whole and clean, then
    /// claim up to a batch of ended days without a summary.
    /// </summary>
    public async Task<SummaryRun> RunOnceAsync(CancellationToken cancellationToken)
    {
        var batch = options.Value.SummaryDaysPerRun;
        var recomputed = await RecomputeDirtyAsync(batch, cancellationToken);
        var built = await months.BuildAsync(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime - Settle), cancellationToken);
        var claimed = await ClaimAsync(batch, cancellationToken);
        return new SummaryRun(recomputed, built, claimed);
    }

    /// <summary>Runs until every ended day is summarised and clean and every whole month rolled up (the bench, a first start by hand); the job spreads this over its runs instead. Answers the days counted and months rolled up.</summary>
    public async Task<SummaryRun> RunUntilDoneAsync(CancellationToken cancellationToken)
    {
        var (days, rolledUp) = (0, 0);
        while (true)
        {
            var run = await RunOnceAsync(cancellationToken);
            days += run.Recomputed;
            rolledUp += run.Months;
            if (run.Recomputed == 0 && run.Claimed == 0 && run.Months == 0)
            {
                return new SummaryRun(days, rolledUp, 0);
            }
        }
    }

    /// <summary>Counts again up to <paramref name="max"/> dirty days; answers how many were counted.</summary>
    public async Task<int> RecomputeDirtyAsync(int max, CancellationToken cancellationToken)
    {
        // The mark's Seq is read before counting: WriteAsync removes the mark only if it is still this one.
        var dirty = await db.StatisticsDirtyDays.AsNoTracking().OrderBy(d => d.Day).Take(max).ToListAsync(cancellationToken);
        foreach (var day in dirty)
        {
            await WriteAsync(day.Day, await CountDayAsync(day.Day, cancellationToken), day.Seq, cancellationToken);
        }

        return dirty.Count;
    }

    /// <summary>Claims up to <paramref name="max"/> ended days without a summary, oldest first, from the first report's day on.</summary>
    public async Task<int> ClaimAsync(int max, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var end = DateOnly.FromDateTime(now - Settle);
        var first = await db.Reports.AsNoTracking().MinAsync(r => (DateTime?)r.ReceivedAt, cancellationToken);
        if (first is null || DateOnly.FromDateTime(first.Value) >= end)
        {
            return 0;
        }

        // From the first report's month's first day: a month is rolled up only when every one of its days is summarised.
        var start = MonthRollup.MonthOf(DateOnly.FromDateTime(first.Value));
        var summarised = (await db.StatisticsDays.AsNoTracking().Where(d => d.Day >= start && d.Day < end).Select(d => d.Day).ToListAsync(cancellationToken)).ToHashSet();
        var claims = new List<DateOnly>();
        for (var day = start; day < end && claims.Count < max; day = day.AddDays(1))
        {
            if (!summarised.Contains(day))
            {
                claims.Add(day);
            }
        }

        foreach (var day in claims)
        {
            // Seq 0: the triggers only ever write 1 and above, so this mark is never mistaken for a later one.
            db.StatisticsDays.Add(new StatisticsDay { Day = day, Seq = 0, SummarisedAt = now });
            db.StatisticsDirtyDays.Add(new StatisticsDirtyDay { Day = day, Seq = 0 });
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return claims.Count;
    }

    /// <summary>A day counted live, as its summary will hold it.</summary>
    public Task<FigureParts> CountDayAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var start = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return live.CountAsync(start, start.AddDays(1), cancellationToken);
    }

    /// <summary>
    /// Replaces a claimed day's summary by <paramref name="parts"/> in one transaction and removes its dirty mark if the
    /// mark is still <paramref name="seenSeq"/>, read before <paramref name="parts"/> were counted. Answers whether the day
    /// is clean now.
    /// </summary>
    public async Task<bool> WriteAsync(DateOnly day, FigureParts parts, long seenSeq, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The day's row first: on PostgreSQL this locks the day, so two counts of one day (a command beside the job)
        // take turns rather than both inserting their rows.
        var now = clock.GetUtcNow().UtcDateTime;
        var reports = parts.Cube.Sum(c => c.Count);
        var claimed = await db.StatisticsDays.Where(d => d.Day == day)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Seq, seenSeq).SetProperty(d => d.SummarisedAt, now).SetProperty(d => d.Reports, reports), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        await SummaryRows.RemoveAsync(db, SummarySpan.Day, day, cancellationToken);
        SummaryRows.Add(db, SummarySpan.Day, day, parts);

        // The month's rows added up this day's old figures: gone with them, in this transaction, built again by
        // MonthRollup once the month is clean. Its lock on the day's row (above) is the one MonthRollup takes first.
        await MonthRollup.UnbuildAsync(db, MonthRollup.MonthOf(day), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        // Only the mark read before counting is removed. A change committed since then raised its Seq (the triggers), so
        // the day stays dirty: counted live now, counted again at the next run. Removing it unconditionally would lose
        // that change until the day changed again.
        var cleaned = await db.StatisticsDirtyDays.Where(d => d.Day == day && d.Seq == seenSeq).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return cleaned == 1;
    }
}

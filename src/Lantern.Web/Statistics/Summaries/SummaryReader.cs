using Lantern.Web.Statistics.Figures;

namespace Lantern.Web.Statistics.Summaries;

/// <summary>Reads the day summaries: which whole days of a period are summarised and clean, and their parts added up in the database.</summary>
public sealed class SummaryReader(LanternDbContext db)
{
    /// <summary>The whole days inside [<paramref name="from"/>, <paramref name="to"/>) with a summary and no dirty mark, in order (one statement, so one view of both tables).</summary>
    public async Task<IReadOnlyList<DateOnly>> CleanDaysAsync(DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        var first = DateOnly.FromDateTime(from);
        if (first.ToDateTime(TimeOnly.MinValue) < from)
        {
            first = first.AddDays(1);
        }

        // A day is whole when its next midnight is not after `to`: every day before to's date.
        var end = DateOnly.FromDateTime(to);
        if (first >= end)
        {
            return [];
        }

        var dirty = db.StatisticsDirtyDays;
        return await db.StatisticsDays.AsNoTracking()
            .Where(d => d.Day >= first && d.Day < end && !dirty.Any(x => x.Day == d.Day))
            .OrderBy(d => d.Day).Select(d => d.Day).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The summaries of <paramref name="days"/> (clean days, from <see cref="CleanDaysAsync"/>) added up: the months among
    /// them that are whole and rolled up from their month rows, the other days from their day rows, one GROUP BY per
    /// table and span; the reports per day from <c>statistics_days</c>.
    /// </summary>
    public async Task<FigureParts> ReadAsync(IReadOnlyList<DateOnly> days, CancellationToken cancellationToken)
    {
        if (days.Count == 0)
        {
            return FigureParts.Empty;
        }

        var months = await RolledUpMonthsAsync(days, cancellationToken);
        var rest = days.Where(d => !months.Contains(MonthRollup.MonthOf(d))).ToList();
        var parts = FigureParts.Add([await ReadSpanAsync(SummarySpan.Month, [.. months.Order()], cancellationToken), await ReadSpanAsync(SummarySpan.Day, rest, cancellationToken)]);
        return parts with { ByDay = await ReportsByDayAsync(days, cancellationToken) };
    }

    /// <summary>The day rows of <paramref name="days"/> added up, as <see cref="MonthRollup"/> writes them into a month.</summary>
    public async Task<FigureParts> ReadDaysAsync(IReadOnlyList<DateOnly> days, CancellationToken cancellationToken) =>
        await ReadSpanAsync(SummarySpan.Day, days, cancellationToken) with { ByDay = await ReportsByDayAsync(days, cancellationToken) };

    /// <summary>The months every day of which is in <paramref name="days"/> (so none is dirty) and that are rolled up.</summary>
    private async Task<HashSet<DateOnly>> RolledUpMonthsAsync(IReadOnlyList<DateOnly> days, CancellationToken cancellationToken)
    {
        var whole = MonthRollup.WholeMonths(days).ToList();
        if (whole.Count == 0)
        {
            return [];
        }

        return (await db.StatisticsMonths.AsNoTracking().Where(m => whole.Contains(m.Month)).Select(m => m.Month).ToListAsync(cancellationToken)).ToHashSet();
    }

    private async Task<IReadOnlyList<(DateOnly Day, long Count)>> ReportsByDayAsync(IReadOnlyList<DateOnly> days, CancellationToken cancellationToken)
    {
        var (first, last) = (days[0], days[^1]);
        var list = days.ToList();
        var rows = await db.StatisticsDays.AsNoTracking().Where(d => d.Day >= first && d.Day <= last && list.Contains(d.Day) && d.Reports > 0)
            .OrderBy(d => d.Day).Select(d => new { d.Day, d.Reports }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.Day, r.Reports)).ToList();
    }

    /// <summary>The rows of one span for <paramref name="keys"/> (days, or months' first days; in order) added up in the database.</summary>
    private async Task<FigureParts> ReadSpanAsync(SummarySpan span, IReadOnlyList<DateOnly> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return FigureParts.Empty;
        }

        // The range lets the (Span, Day) index narrow the read; the list leaves out the keys read otherwise.
        var (first, last) = (keys[0], keys[^1]);
        var list = keys.ToList();
        var cube = await db.SummaryCube.AsNoTracking().Where(c => c.Span == span && c.Day >= first && c.Day <= last && list.Contains(c.Day))
            .GroupBy(c => new { c.Channel, c.Role, c.Language, c.Region, c.Danger, c.Minors })
            .Select(g => new { g.Key, Count = g.Sum(c => c.Count) })
            .ToListAsync(cancellationToken);
        var forms = await db.SummaryForms.AsNoTracking().Where(f => f.Span == span && f.Day >= first && f.Day <= last && list.Contains(f.Day))
            .GroupBy(f => new { f.Code, f.Minors })
            .Select(g => new { g.Key, Count = g.Sum(f => f.Count) })
            .ToListAsync(cancellationToken);
        var durations = await db.SummaryDurations.AsNoTracking().Where(d => d.Span == span && d.Day >= first && d.Day <= last && list.Contains(d.Day))
            .GroupBy(d => new { d.Kind, d.Danger, d.Bucket })
            .Select(g => new { g.Key, Count = g.Sum(d => d.Count), Within = g.Sum(d => d.WithinDeadline) })
            .ToListAsync(cancellationToken);
        var referrals = await db.SummaryReferrals.AsNoTracking().Where(r => r.Span == span && r.Day >= first && r.Day <= last && list.Contains(r.Day))
            .GroupBy(r => new { r.OrganisationId, r.State, r.Outcome })
            .Select(g => new { g.Key, Count = g.Sum(r => r.Count) })
            .ToListAsync(cancellationToken);

        return new FigureParts(
            cube.Select(c => new CubeRow(c.Key.Channel, c.Key.Role, c.Key.Language, c.Key.Region, c.Key.Danger, c.Key.Minors, c.Count)).ToList(),
            [],
            forms.Select(f => new FormCount(f.Key.Code, f.Key.Minors, f.Count)).ToList(),
            durations.Select(d => new DurationRow(d.Key.Kind, d.Key.Danger, d.Key.Bucket, d.Count, d.Within)).ToList(),
            referrals.Select(r => new ReferralCount(r.Key.OrganisationId, r.Key.State, r.Key.Outcome, r.Count)).ToList());
    }
}

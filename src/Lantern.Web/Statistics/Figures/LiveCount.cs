namespace Lantern.Web.Statistics.Figures;

/// <summary>
/// Counts the reports received in a time range straight from the stored reports: one GROUP BY over the report's plaintext
/// coded columns (channel, role, language, region, immediate danger, minors), one per day, one over the forms, duration
/// histograms in whole minutes put on <see cref="DurationScale"/>, and the referrals through the core's
/// <see cref="IReferralFacts"/>. Nothing is decrypted and no report is loaded: every query returns groups. The one way a
/// day is counted: the summaries are written from it (<see cref="Summaries.DaySummariser"/>), and what is not summarised
/// is read through it.
/// </summary>
public sealed class LiveCount(LanternDbContext db, IReferralFacts referrals)
{
    /// <summary>The parts of the reports received from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), UTC.</summary>
    public async Task<FigureParts> CountAsync(DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        var reports = db.Reports.AsNoTracking().Where(r => r.ReceivedAt >= from && r.ReceivedAt < to);

        var cube = await reports
            .GroupBy(r => new { r.Channel, r.Role, r.Language, r.Region, r.ImmediateDanger, r.MinorsInvolved })
            .Select(g => new { g.Key, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        var byDay = await reports
            .GroupBy(r => r.ReceivedAt.Date)
            .Select(g => new { Day = g.Key, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        var byForm = await (
                from f in db.ReportForms.AsNoTracking()
                join r in reports on f.ReportId equals r.Id
                group f by new { f.Code, r.MinorsInvolved } into g
                select new { g.Key.Code, g.Key.MinorsInvolved, Count = g.LongCount() })
            .ToListAsync(cancellationToken);

        var durations = new List<DurationRow>();
        durations.AddRange(Scaled(DurationKinds.Acknowledged, await HistogramAsync("AcknowledgedAt", from, to, cancellationToken)));
        durations.AddRange(Scaled(DurationKinds.Replied, await HistogramAsync("FirstReplyAt", from, to, cancellationToken)));

        var facts = referrals.Facts().Where(f => f.ReportReceivedAt >= from && f.ReportReceivedAt < to);
        var referralCounts = await facts
            .GroupBy(f => new { f.OrganisationId, f.State, f.Outcome })
            .Select(g => new { g.Key, Count = g.LongCount() })
            .ToListAsync(cancellationToken);

        // Durations between a report and its referrals need the two dates side by side; EF Core cannot subtract dates
        // on SQLite, so these come back as one pair per referred report (or referral), never one row per report.
        var firstReferrals = await facts
            .GroupBy(f => f.ReportId)
            .Select(g => new { Received = g.Min(f => f.ReportReceivedAt), Sent = g.Min(f => f.SentAt) })
            .ToListAsync(cancellationToken);
        var partnerAcknowledgements = await facts
            .Where(f => f.AcknowledgedAt != null)
            .Select(f => new { f.SentAt, Acknowledged = f.AcknowledgedAt!.Value, f.DueAt })
            .ToListAsync(cancellationToken);
        durations.AddRange(firstReferrals
            .GroupBy(p => DurationScale.Bucket(Minutes(p.Received, p.Sent)))
            .Select(g => new DurationRow(DurationKinds.Referred, false, g.Key, g.LongCount(), 0)));
        // Each referral has its own deadline (DueAt), so "within" is decided here, per referral, and kept beside its bucket.
        durations.AddRange(partnerAcknowledgements
            .GroupBy(p => DurationScale.Bucket(Minutes(p.SentAt, p.Acknowledged)))
            .Select(g => new DurationRow(DurationKinds.Partner, false, g.Key, g.LongCount(), g.LongCount(p => p.Acknowledged <= p.DueAt))));

        return new FigureParts(
            cube.Select(c => new CubeRow(c.Key.Channel, c.Key.Role, c.Key.Language, c.Key.Region, c.Key.ImmediateDanger, c.Key.MinorsInvolved, c.Count)).ToList(),
            byDay.Select(d => (DateOnly.FromDateTime(d.Day), d.Count)).ToList(),
            byForm.Select(f => new FormCount(f.Code, f.MinorsInvolved, f.Count)).ToList(),
            durations,
            referralCounts.Select(r => new ReferralCount(r.Key.OrganisationId, r.Key.State, r.Key.Outcome, r.Count)).ToList());
    }

    /// <summary>
    /// Minutes from receipt to <paramref name="column"/>, counted per whole minute and per "immediate danger" in the
    /// database. The column name is one of two constants, never input. Raw SQL because subtracting two dates is
    /// written differently on each database and EF Core translates it on neither.
    /// </summary>
    private async Task<List<DurationBucket>> HistogramAsync(string column, DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        var postgres = db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;
        var minutes = postgres
            ? $"FLOOR(EXTRACT(EPOCH FROM (\"{column}\" - \"ReceivedAt\")) / 60)::bigint"
            : $"CAST((julianday(\"{column}\") - julianday(\"ReceivedAt\")) * 1440 AS INTEGER)";
        var danger = postgres ? "CASE WHEN \"ImmediateDanger\" THEN 1 ELSE 0 END::bigint" : "CASE WHEN \"ImmediateDanger\" = 1 THEN 1 ELSE 0 END";
#pragma warning disable EF1003 // the interpolated parts are the constants above; the dates are parameters
        return await db.Database.SqlQueryRaw<DurationBucket>(
            $"SELECT {danger} AS \"Danger\", {minutes} AS \"Minutes\", COUNT(*) AS \"Count\" FROM reports " +
            $"WHERE \"ReceivedAt\" >= {{0}} AND \"ReceivedAt\" < {{1}} AND \"{column}\" IS NOT NULL GROUP BY 1, 2",
            from, to).ToListAsync(cancellationToken);
#pragma warning restore EF1003
    }

    private static IEnumerable<DurationRow> Scaled(string kind, List<DurationBucket> histogram) =>
        histogram.GroupBy(b => (Danger: b.Danger == 1, Bucket: DurationScale.Bucket(b.Minutes)))
            .Select(g => new DurationRow(kind, g.Key.Danger, g.Key.Bucket, g.Sum(b => b.Count), 0));

    private static long Minutes(DateTime start, DateTime end) => (long)Math.Floor((end - start).TotalMinutes);
}

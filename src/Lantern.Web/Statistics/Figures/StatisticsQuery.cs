namespace Lantern.Web.Statistics.Figures;

/// <summary>
/// Counts a period's reports in the database: one GROUP BY over the report's plaintext coded columns (channel, role,
/// language, region, immediate danger, minors) from which each one-dimension count is folded, one per day, one over the
/// forms, duration histograms in whole minutes, and the referrals by organisation, state and outcome through the core's
/// <see cref="IReferralFacts"/>. Nothing is decrypted and no report is loaded: every query returns groups.
/// </summary>
public sealed class StatisticsQuery(
    LanternDbContext db,
    IReferralFacts referrals,
    TimeProvider clock,
    IOptions<AcknowledgementOptions> acknowledgement,
    IOptions<FirstReplyOptions> firstReply)
{
    /// <summary>The figures of the reports received from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), UTC.</summary>
    public async Task<ReportFigures> RunAsync(DateTime from, DateTime to, CancellationToken cancellationToken)
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

        var ack = acknowledgement.Value;
        var acknowledged = await HistogramAsync("AcknowledgedAt", from, to, cancellationToken);
        var replied = await HistogramAsync("FirstReplyAt", from, to, cancellationToken);
        var replyDue = firstReply.Value.FirstReplyWithinDays * 24L * 60;

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

        return new ReportFigures(
            from,
            to,
            cube.Sum(c => c.Count),
            byDay.Select(d => (DateOnly.FromDateTime(d.Day), d.Count)).OrderBy(d => d.Item1).ToList(),
            cube.Select(c => new CubeRow(c.Key.Channel, c.Key.Role, c.Key.Language, c.Key.Region, c.Key.ImmediateDanger, c.Key.MinorsInvolved, c.Count)).ToList(),
            byForm.Select(f => new FormCount(f.Code, f.MinorsInvolved, f.Count)).ToList(),
            DurationSummary.Of(acknowledged, b => (b.Danger == 1 ? ack.AcknowledgeDangerWithinHours : ack.AcknowledgeWithinHours) * 60L),
            DurationSummary.Of(replied, _ => replyDue),
            DurationSummary.Of(Buckets(firstReferrals.Select(p => (p.Received, p.Sent))), _ => null),
            PartnerSummary(partnerAcknowledgements.Select(p => (p.SentAt, p.Acknowledged, p.DueAt)).ToList()),
            referralCounts.Select(r => new ReferralCount(r.Key.OrganisationId, r.Key.State, r.Key.Outcome, r.Count)).ToList());
    }

    /// <summary>What is overdue now, over all reports (not a period): the inbox's own rules, counted.</summary>
    public async Task<OverdueNow> OverdueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ack = acknowledgement.Value;
        var dangerSince = now.AddHours(-ack.AcknowledgeDangerWithinHours);
        var otherSince = now.AddHours(-ack.AcknowledgeWithinHours);
        var replySince = now.AddDays(-firstReply.Value.FirstReplyWithinDays);
        // The open statuses by name, not "not closed", so the status index finds the few open reports among a million.
        string[] openStatuses = [ReportStatus.New, ReportStatus.InTriage, ReportStatus.InProgress, ReportStatus.Referred];
        var open = db.Reports.AsNoTracking().Where(r => openStatuses.Contains(r.Status));
        var unacknowledged = await open.LongCountAsync(
            r => r.AcknowledgedAt == null && (r.ImmediateDanger == true ? r.ReceivedAt < dangerSince : r.ReceivedAt < otherSince), cancellationToken);
        var reply = await open.LongCountAsync(r => r.FirstReplyAt == null && r.ReceivedAt < replySince, cancellationToken);
        var referral = await referrals.Facts().LongCountAsync(f => f.AwaitingAcknowledgement && f.DueAt < now, cancellationToken);
        return new OverdueNow(unacknowledged, reply, referral);
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

    private static List<DurationBucket> Buckets(IEnumerable<(DateTime Start, DateTime End)> pairs) =>
        pairs.GroupBy(p => (long)Math.Floor((p.End - p.Start).TotalMinutes))
            .Select(g => new DurationBucket { Minutes = g.Key, Count = g.LongCount() })
            .ToList();

    private static DurationSummary PartnerSummary(List<(DateTime Sent, DateTime Acknowledged, DateTime Due)> pairs)
    {
        var buckets = Buckets(pairs.Select(p => (p.Sent, p.Acknowledged)));
        var summary = DurationSummary.Of(buckets, _ => null);
        return summary with { WithinDeadline = pairs.LongCount(p => p.Acknowledged <= p.Due) };
    }
}

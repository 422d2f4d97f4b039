using Lantern.Web.Platform.Persistence;
using Lantern.Web.Statistics.Summaries;

namespace Lantern.Web.Statistics.Figures;

/// <summary>
/// The figures of a period: the summaries of its whole days that are summarised and clean (<see cref="SummaryReader"/>,
/// written once per day by <see cref="DaySummariser"/>), plus the rest counted live (<see cref="LiveCount"/>: today, the
/// days the triggers marked dirty, days not summarised yet, the ends of a period that does not start or end at midnight).
/// Both give the same parts for a day (durations on <see cref="DurationScale"/> either way), so the figures do not depend
/// on which days were summarised. The deadlines are applied here, to the added parts, so a changed option applies to
/// past periods too.
/// </summary>
public sealed class StatisticsQuery(
    LanternDbContext db,
    LiveCount live,
    SummaryReader summaries,
    IReferralFacts referrals,
    TimeProvider clock,
    IOptions<AcknowledgementOptions> acknowledgement,
    IOptions<FirstReplyOptions> firstReply,
    IOptions<StatisticsOptions> statistics)
{
    /// <summary>
    /// Beyond this many stretches of days to count live, the whole period is counted live instead (as before the
    /// summaries): each stretch costs a round of queries, and that many only happens briefly, e.g. after an erasure
    /// across many days, until the job's next run.
    /// </summary>
    public const int MaxLiveStretches = 8;

    /// <summary>The figures of the reports received from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), UTC.</summary>
    public async Task<ReportFigures> RunAsync(DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        // One view of the marks, the summaries and the reports for every statement below: a day summarised again (and its
        // month's rows removed) between two of them would otherwise be read from neither or from both.
        await using var snapshot = await ReadSnapshot.BeginAsync(db, cancellationToken);
        var clean = await summaries.CleanDaysAsync(from, to, cancellationToken);
        var stretches = Uncovered(from, to, clean);
        var parts = new List<FigureParts>();
        if (stretches.Count > MaxLiveStretches)
        {
            parts.Add(await live.CountAsync(from, to, cancellationToken));
        }
        else
        {
            parts.Add(await summaries.ReadAsync(clean, cancellationToken));
            foreach (var (start, end) in stretches)
            {
                parts.Add(await live.CountAsync(start, end, cancellationToken));
            }
        }

        return Figures(from, to, FigureParts.Add(parts));
    }

    /// <summary>Counts the whole period live, ignoring the summaries: what the summaries must always agree with.</summary>
    public async Task<ReportFigures> RunLiveAsync(DateTime from, DateTime to, CancellationToken cancellationToken) =>
        Figures(from, to, FigureParts.Add([await live.CountAsync(from, to, cancellationToken)]));

    /// <summary>The stretches of [<paramref name="from"/>, <paramref name="to"/>) outside the <paramref name="covered"/> days (in order).</summary>
    public static IReadOnlyList<(DateTime Start, DateTime End)> Uncovered(DateTime from, DateTime to, IReadOnlyList<DateOnly> covered)
    {
        var stretches = new List<(DateTime, DateTime)>();
        var cursor = from;
        foreach (var day in covered)
        {
            var start = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            if (start > cursor)
            {
                stretches.Add((cursor, start));
            }

            cursor = start.AddDays(1);
        }

        if (cursor < to)
        {
            stretches.Add((cursor, to));
        }

        return stretches;
    }

    private ReportFigures Figures(DateTime from, DateTime to, FigureParts parts)
    {
        var ack = acknowledgement.Value;
        var replyDue = firstReply.Value.FirstReplyWithinDays * 24L * 60;
        List<DurationBucket> Buckets(string kind) => parts.Durations.Where(d => d.Kind == kind)
            .Select(d => new DurationBucket { Danger = d.Danger ? 1 : 0, Minutes = d.Bucket, Count = d.Count }).ToList();
        var partner = DurationSummary.Of(Buckets(DurationKinds.Partner), _ => null) with
        {
            WithinDeadline = parts.Durations.Where(d => d.Kind == DurationKinds.Partner).Sum(d => d.WithinDeadline),
        };
        return new ReportFigures(
            from,
            to,
            parts.Cube.Sum(c => c.Count),
            parts.ByDay,
            parts.Cube,
            parts.Forms,
            DurationSummary.Of(Buckets(DurationKinds.Acknowledged), b => (b.Danger == 1 ? ack.AcknowledgeDangerWithinHours : ack.AcknowledgeWithinHours) * 60L),
            DurationSummary.Of(Buckets(DurationKinds.Replied), _ => replyDue),
            DurationSummary.Of(Buckets(DurationKinds.Referred), _ => statistics.Value.ReferWithinHours * 60L),
            partner,
            parts.Referrals);
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
        // Both counts in one pass over the open reports (tens of thousands among a million: the status index finds them).
        var counts = await db.Reports.AsNoTracking().Where(r => openStatuses.Contains(r.Status))
            .GroupBy(r => 1)
            .Select(g => new
            {
                Unacknowledged = g.LongCount(r => r.AcknowledgedAt == null && (r.ImmediateDanger == true ? r.ReceivedAt < dangerSince : r.ReceivedAt < otherSince)),
                Reply = g.LongCount(r => r.FirstReplyAt == null && r.ReceivedAt < replySince),
            })
            .FirstOrDefaultAsync(cancellationToken);
        var referral = await referrals.CountUnacknowledgedPastDueAsync(now, cancellationToken);
        return new OverdueNow(counts?.Unacknowledged ?? 0, counts?.Reply ?? 0, referral);
    }
}

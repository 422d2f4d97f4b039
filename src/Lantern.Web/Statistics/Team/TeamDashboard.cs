using Lantern.Web.Statistics.Figures;

namespace Lantern.Web.Statistics.Team;

/// <summary>
/// The team's dashboard for a period: exact counts (the team may see them; nothing here leaves the back office except
/// as an audited CSV), labelled in the reader's language. Each table is drawn as a chart and written as a table.
/// </summary>
public sealed class TeamDashboard(StatisticsQuery query, StatisticsLabels labels, IOptions<AcknowledgementOptions> acknowledgement, IOptions<FirstReplyOptions> firstReply, IOptions<StatisticsOptions> statistics)
{
    /// <summary>Every table's id, in the order the page shows them (the CSV export takes one of these).</summary>
    public static readonly string[] TableIds =
    [
        "reports-by-period", "reports-by-form", "reports-by-region", "reports-by-channel", "reports-by-role", "reports-by-language",
        "danger-and-minors", "response-times", "referrals-by-organisation", "referrals-by-outcome", "overdue-now",
    ];

    public async Task<IReadOnlyList<FigureTable>> BuildAsync(DateOnly from, DateOnly toInclusive, Granularity granularity, CancellationToken cancellationToken)
    {
        var t = labels.Texts;
        var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = toInclusive.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var figures = await query.RunAsync(start, end, cancellationToken);
        var overdue = await query.OverdueAsync(cancellationToken);
        var reports = new[] { new FigureColumn("reports", t["stats.col.reports"]) };

        var tables = new List<FigureTable>
        {
            Counts("reports-by-period", t["stats.table.period"], t[granularity == Granularity.Week ? "stats.col.week" : "stats.col.month"], reports,
                PeriodBuckets.Fold(figures.ByDay, from, toInclusive.AddDays(1), granularity), code => code),
            Counts("reports-by-form", t["stats.table.form"], t["stats.col.form"], reports, figures.ByForm, labels.Form),
            Counts("reports-by-region", t["stats.table.region"], t["stats.col.region"], reports, figures.Fold(r => r.Region ?? string.Empty), labels.Region),
            Counts("reports-by-channel", t["stats.table.channel"], t["stats.col.channel"], reports, figures.Fold(r => r.Channel), labels.Channel),
            Counts("reports-by-role", t["stats.table.role"], t["stats.col.role"], reports, figures.Fold(r => r.Role), labels.Role),
            Counts("reports-by-language", t["stats.table.language"], t["stats.col.language"], reports, figures.Fold(r => r.Language), labels.Language),
            DangerAndMinors(figures),
            ResponseTimes(figures),
        };
        tables.Add(await ReferralsByOrganisationAsync(figures, cancellationToken));
        tables.Add(await ReferralsByOutcomeAsync(figures, cancellationToken));
        tables.Add(new FigureTable("overdue-now", t["stats.table.overdue"], t["stats.col.deadline"], [new FigureColumn("overdue", t["stats.col.overdue"])],
        [
            new FigureRow("acknowledgement", t["stats.time.acknowledgement"], [overdue.Acknowledgement]),
            new FigureRow("first-reply", t["stats.time.first_reply"], [overdue.FirstReply]),
            new FigureRow("referral-acknowledgement", t["stats.time.partner"], [overdue.ReferralAcknowledgement]),
        ]));
        return tables;
    }

    private static FigureTable Counts(string id, string title, string rowHeading, FigureColumn[] columns, IReadOnlyList<(string Code, long Count)> rows, Func<string, string> label) =>
        new(id, title, rowHeading, columns, rows.Select(r => new FigureRow(r.Code, label(r.Code), [r.Count])).ToList());

    private FigureTable DangerAndMinors(ReportFigures figures)
    {
        var t = labels.Texts;
        bool?[] answers = [true, false, null];
        var columns = answers.Select(m => new FigureColumn("minors-" + Code(m), t["stats.col.minors", labels.YesNo(m)])).ToList();
        var rows = answers.Select(d => new FigureRow(
            "danger-" + Code(d),
            t["stats.row.danger", labels.YesNo(d)],
            answers.Select(m => (double?)figures.Cube.Where(c => c.ImmediateDanger == d && c.MinorsInvolved == m).Sum(c => c.Count)).ToList())).ToList();
        return new FigureTable("danger-and-minors", t["stats.table.danger_minors"], t["stats.col.danger"], columns, rows, Chart: false);
    }

    private FigureTable ResponseTimes(ReportFigures figures)
    {
        var t = labels.Texts;
        var ack = acknowledgement.Value;
        FigureColumn[] columns =
        [
            new("measured", t["stats.col.measured"]),
            new("median-hours", t["stats.col.median"], FigureFormat.Hours),
            new("p90-hours", t["stats.col.p90"], FigureFormat.Hours),
            new("deadline-hours", t["stats.col.deadline_hours"], FigureFormat.Hours),
            new("within-deadline", t["stats.col.within"], FigureFormat.Percent),
        ];
        static FigureRow Row(string code, string label, DurationSummary summary, double? deadline) =>
            new(code, label, [summary.Measured, summary.MedianHours, summary.P90Hours, deadline, deadline is null && code != "partner-acknowledgement" ? null : summary.WithinShare]);
        return new FigureTable("response-times", t["stats.table.times"], t["stats.col.time"], columns,
        [
            Row("acknowledgement", t["stats.time.acknowledgement_deadline", ack.AcknowledgeWithinHours, ack.AcknowledgeDangerWithinHours], figures.Acknowledgement, ack.AcknowledgeWithinHours),
            Row("first-reply", t["stats.time.first_reply"], figures.FirstReply, firstReply.Value.FirstReplyWithinDays * 24),
            Row("referral", t["stats.time.referral"], figures.Referral, statistics.Value.ReferWithinHours),
            Row("partner-acknowledgement", t["stats.time.partner"], figures.PartnerAcknowledgement, null),
        ], Chart: false);
    }

    private async Task<FigureTable> ReferralsByOrganisationAsync(ReportFigures figures, CancellationToken cancellationToken)
    {
        var t = labels.Texts;
        var states = figures.Referrals.Select(r => r.State).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var rows = new List<FigureRow>();
        foreach (var organisation in figures.Referrals.GroupBy(r => r.OrganisationId).OrderByDescending(g => g.Sum(r => r.Count)))
        {
            rows.Add(new FigureRow(
                organisation.Key.ToString(CultureInfo.InvariantCulture),
                await labels.OrganisationAsync(organisation.Key, cancellationToken),
                [organisation.Sum(r => r.Count), .. states.Select(s => (double?)organisation.Where(r => r.State == s).Sum(r => r.Count))]));
        }

        return new FigureTable("referrals-by-organisation", t["stats.table.referrals"], t["stats.col.organisation"],
            [new FigureColumn("referrals", t["stats.col.referrals"]), .. states.Select(s => new FigureColumn(s, labels.State(s)))], rows);
    }

    private async Task<FigureTable> ReferralsByOutcomeAsync(ReportFigures figures, CancellationToken cancellationToken)
    {
        var t = labels.Texts;
        var closed = figures.Referrals.Where(r => r.Outcome is not null).ToList();
        var outcomes = closed.Select(r => r.Outcome!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var rows = new List<FigureRow>();
        foreach (var organisation in closed.GroupBy(r => r.OrganisationId).OrderByDescending(g => g.Sum(r => r.Count)))
        {
            rows.Add(new FigureRow(
                organisation.Key.ToString(CultureInfo.InvariantCulture),
                await labels.OrganisationAsync(organisation.Key, cancellationToken),
                outcomes.Select(o => (double?)organisation.Where(r => r.Outcome == o).Sum(r => r.Count)).ToList()));
        }

        return new FigureTable("referrals-by-outcome", t["stats.table.outcomes"], t["stats.col.organisation"],
            outcomes.Select(o => new FigureColumn(o, labels.Outcome(o))).ToList(), rows, Chart: false);
    }

    private static string Code(bool? value) => value switch { true => "yes", false => "no", null => "unknown" };
}

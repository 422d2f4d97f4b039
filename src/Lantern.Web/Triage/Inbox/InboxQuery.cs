namespace Lantern.Web.Triage.Inbox;

/// <summary>
/// The inbox: the reports a member may see (<see cref="ReportScope"/>), filtered, most urgent first, then oldest
/// first, a page at a time by keyset (never OFFSET, so page 2,000 costs what page 1 does).
/// </summary>
/// <remarks>
/// The order (urgency descending, then receipt and id ascending) mixes directions, which no scan of the indexes
/// (UrgencyLevel, ReceivedAt, Id) and (Status, UrgencyLevel, ReceivedAt, Id) returns in order: one plain query sorts
/// every row that passes the filters. Urgency has only <see cref="UrgencyScorer.HighestLevel"/> + 1 values, so the
/// page is read level by level instead, each level an ordered index range that stops after the rows still needed,
/// and the next level is read only if the page is not full: usually one short statement, whatever the size of the
/// table or the depth of the page. For open reports (the default), each level is one range per open status joined by
/// UNION ALL: a single range filtered on "not closed" would walk through the closed reports of the level (most of
/// them, oldest first), and SQLite, which keeps no statistics, picks that plan for an IN list.
/// See docs/BENCHMARKS.md, "Inbox".
/// </remarks>
public sealed class InboxQuery(LanternDbContext db, ReportScope scope, TimeProvider clock, IOptions<AcknowledgementOptions> options, IOptions<FirstReplyOptions> firstReply)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public async Task<InboxPage> ExecuteAsync(StaffMember member, InboxFilter filter, InboxCursor? after, int limit, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"The inbox shows 1 to {MaxLimit} reports a page.");
        }

        var reports = Filtered(scope.VisibleTo(member), filter, member.Id);
        var partner = ReportScope.IsPartnerView(member);
        var found = new List<Found>(limit + 1);
        var top = Math.Min(after?.Level ?? UrgencyScorer.HighestLevel, UrgencyScorer.HighestLevel);

        // One connection for every level (on SQLite, each opening runs the connection pragmas again).
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            for (var level = top; level >= 0 && found.Count <= limit; level--)
            {
                var atLevel = reports.Where(r => r.UrgencyLevel == level);
                if (after is { } cursor && cursor.Level == level)
                {
                    var (receivedAt, id) = (cursor.ReceivedAt, cursor.Id);
                    atLevel = atLevel.Where(r => r.ReceivedAt > receivedAt || (r.ReceivedAt == receivedAt && r.Id.CompareTo(id) > 0));
                }

                var needed = limit + 1 - found.Count;
                found.AddRange(await Project(Ranges(atLevel, filter.Status, needed).OrderBy(r => r.ReceivedAt).ThenBy(r => r.Id).Take(needed))
                    .ToListAsync(cancellationToken));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        var page = found.Take(limit).ToList();
        var next = found.Count > limit ? new InboxCursor(page[^1].UrgencyLevel, page[^1].ReceivedAt, page[^1].Id).Encode() : null;
        var now = clock.GetUtcNow().UtcDateTime;
        return new InboxPage([.. page.Select(row => ToRow(row, now, partner))], next);
    }

    /// <summary>The reports of one level with the status filter applied, each range in (ReceivedAt, Id) order.</summary>
    private static IQueryable<Report> Ranges(IQueryable<Report> atLevel, string status, int needed)
    {
        switch (status)
        {
            case InboxStatuses.All:
                return atLevel;
            case InboxStatuses.Open:
                IQueryable<Report>? ranges = null;
                foreach (var open in InboxStatuses.OpenStatuses)
                {
                    var range = atLevel.Where(r => r.Status == open).OrderBy(r => r.ReceivedAt).ThenBy(r => r.Id).Take(needed);
                    ranges = ranges is null ? range : ranges.Concat(range);
                }

                return ranges!;
            default:
                return atLevel.Where(r => r.Status == status);
        }
    }

    /// <summary>Every filter but the status, which <see cref="ExecuteAsync"/> turns into ranges.</summary>
    private IQueryable<Report> Filtered(IQueryable<Report> reports, InboxFilter filter, Guid me)
    {
        if (filter.Form is { } form)
        {
            reports = reports.Where(r => db.ReportForms.Any(f => f.ReportId == r.Id && f.Code == form));
        }

        if (filter.Region is { } region)
        {
            reports = reports.Where(r => r.Region == region);
        }

        if (filter.Language is { } language)
        {
            reports = reports.Where(r => r.Language == language);
        }

        if (filter.Channel is { } channel)
        {
            reports = reports.Where(r => r.Channel == channel);
        }

        if (filter.Unread)
        {
            reports = reports.Where(r => r.UnreadFromReporter);
        }

        return filter.Assigned switch
        {
            InboxAssignment.Me => reports.Where(r => r.AssignedToId == me),
            InboxAssignment.Nobody => reports.Where(r => r.AssignedToId == null),
            _ => reports,
        };
    }

    private IQueryable<Found> Project(IQueryable<Report> reports) =>
        reports.AsNoTracking().Select(r => new Found(
            r.Id,
            r.Reference,
            r.ReceivedAt,
            r.Channel,
            r.Role,
            r.Language,
            r.Region,
            r.UrgencyLevel,
            r.UrgencyReasons,
            r.ImmediateDanger,
            r.MinorsInvolved,
            r.Status,
            db.Users.Where(u => u.Id == r.AssignedToId).Select(u => u.Email).FirstOrDefault(),
            r.AcknowledgedAt,
            r.UnreadFromReporter,
            r.FirstReplyAt));

    private InboxRow ToRow(Found row, DateTime now, bool partner)
    {
        var deadline = options.Value.AcknowledgeBy(row.ReceivedAt, row.ImmediateDanger);
        var replyDue = firstReply.Value.FirstReplyDue(row.ReceivedAt);
        return new InboxRow(
            row.Reference,
            row.ReceivedAt,
            row.Channel,
            row.Role,
            row.Language,
            row.Region,
            row.UrgencyLevel,
            row.UrgencyReasons.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            row.ImmediateDanger,
            row.MinorsInvolved,
            row.Status,
            // Who on the central team works on the report is the team's own organisation, not shared by a referral.
            partner ? null : row.AssignedTo,
            row.AcknowledgedAt,
            deadline,
            row.AcknowledgedAt is null && row.Status != ReportStatus.Closed && now > deadline,
            // The thread with the reporter is the central team's: a partner's inbox does not mark it.
            !partner && row.UnreadFromReporter,
            partner ? null : row.FirstReplyAt,
            replyDue,
            !partner && row.FirstReplyAt is null && row.Status != ReportStatus.Closed && now > replyDue);
    }

    private sealed record Found(
        Guid Id,
        string Reference,
        DateTime ReceivedAt,
        string Channel,
        string Role,
        string Language,
        string? Region,
        int UrgencyLevel,
        string UrgencyReasons,
        bool? ImmediateDanger,
        bool? MinorsInvolved,
        string Status,
        string? AssignedTo,
        DateTime? AcknowledgedAt,
        bool UnreadFromReporter,
        DateTime? FirstReplyAt);
}

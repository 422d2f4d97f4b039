namespace Lantern.Web.Retention;

/// <summary>
/// One pass of retention: finds the closed reports whose period has run out (<see cref="DueAsync"/>) and, unless it
/// is a dry run, erases them (<see cref="ReportEraser"/>). The command and the scheduled job both run this; the job
/// only decides when.
/// </summary>
public sealed class RetentionSweep(LanternDbContext db, ReportEraser eraser, DatabaseScrub scrub, IOptionsSnapshot<RetentionOptions> options, TimeProvider clock)
{
    /// <summary>The actor of the scheduled job in the audit trail.</summary>
    public const string SystemActor = "system";

    public Task<RetentionRun> RunOnceAsync(bool dryRun, CancellationToken cancellationToken) => RunOnceAsync(dryRun, SystemActor, cancellationToken);

    public async Task<RetentionRun> RunOnceAsync(bool dryRun, string actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await DueAsync(now, cancellationToken);
        var erased = dryRun || due.Count == 0 ? 0 : await eraser.EraseAsync(due, actor, cancellationToken);
        if (!dryRun && due.Count == 0)
        {
            await scrub.RetryUnfinishedAsync(db, cancellationToken);
        }

        return new RetentionRun(now, dryRun, due, erased);
    }

    /// <summary>
    /// What is due at <paramref name="now"/>: first any erasure an earlier run left half done, then, rule by rule, the
    /// closed reports closed at least the rule's days ago, oldest first. A report in a case follows the case's rule
    /// only; a rule of 0 days keeps its reports; a report that is not closed is never due.
    /// </summary>
    public async Task<IReadOnlyList<DueReport>> DueAsync(DateTime now, CancellationToken cancellationToken)
    {
        var due = await db.Reports.AsNoTracking()
            .Where(r => r.StaffKeyId == ReportEraser.DestroyedKeyId)
            .OrderBy(r => r.Reference)
            .Select(r => new DueReport(r.Id, r.Reference, RetentionRule.Interrupted, r.StatusChangedAt))
            .ToListAsync(cancellationToken);
        foreach (var rule in options.Value.Rules().Where(r => !r.Keeps))
        {
            DateTime? closedBefore = now.AddDays(-rule.Days);
            var closed = db.Reports.AsNoTracking()
                .Where(r => r.Status == ReportStatus.Closed && r.StatusChangedAt <= closedBefore && r.StaffKeyId != ReportEraser.DestroyedKeyId);
            closed = rule.Outcome is { } outcome
                ? closed.Where(r => r.CaseId == null && r.Outcome == outcome)
                : closed.Where(r => r.CaseId != null);
            due.AddRange(await closed
                .OrderBy(r => r.StatusChangedAt).ThenBy(r => r.Reference)
                .Select(r => new DueReport(r.Id, r.Reference, rule.Name, r.StatusChangedAt))
                .ToListAsync(cancellationToken));
        }

        return due;
    }
}

using Lantern.Web.Platform.Validation;

namespace Lantern.Web.Referrals;

/// <summary>
/// What a partner caseworker does with a referral to their organisation: sent → acknowledged → accepted or
/// declined (with a reason) → closed (accepted ones, with an outcome); updates at any time before the end.
/// A referral to another organisation, or one that no longer opens the report to the partner (declined, withdrawn,
/// closed longer ago than the read-only period: <see cref="ReferralGrants.ReferralsTo"/>), is not found (404); the central
/// team may read but not answer (403). A closed referral the partner can still read is read-only (409).
/// A move the state machine does not allow, or one overtaken by a colleague, is a conflict (409), never an error.
/// </summary>
public sealed class RespondToReferral(LanternDbContext db, ReferralGrants grants, ReferralItems items, AuditTrail audit, TimeProvider clock)
{
    public const int MaxLength = 10_000;

    public Task<Outcome> AcknowledgeAsync(StaffMember member, Guid id, CancellationToken cancellationToken) =>
        MoveAsync(member, id, [ReferralStates.Sent], ReferralStates.Acknowledged, null, null, cancellationToken);

    public Task<Outcome> AcceptAsync(StaffMember member, Guid id, CancellationToken cancellationToken) =>
        MoveAsync(member, id, [ReferralStates.Sent, ReferralStates.Acknowledged], ReferralStates.Accepted, null, null, cancellationToken);

    public async Task<Outcome> DeclineAsync(StaffMember member, Guid id, string? reason, CancellationToken cancellationToken)
    {
        var (text, error) = Text(reason, "staff.referral.error.reason");
        return error ?? await MoveAsync(member, id, [ReferralStates.Sent, ReferralStates.Acknowledged], ReferralStates.Declined, null, new ReferralUpdateContent(ReferralUpdateContent.Decline, text!), cancellationToken);
    }

    public async Task<Outcome> CloseAsync(StaffMember member, Guid id, string? outcome, string? note, CancellationToken cancellationToken)
    {
        var (_, refused) = await FindAsync(member, id, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (outcome is null || !ReferralOutcomes.All.Contains(outcome))
        {
            return Outcome.Invalid("staff.referral.error.outcome");
        }

        ReferralUpdateContent? content = null;
        if (!string.IsNullOrWhiteSpace(note))
        {
            var (text, error) = Text(note, "staff.referral.error.update");
            if (error is not null)
            {
                return error;
            }

            content = new ReferralUpdateContent(ReferralUpdateContent.Close, text!);
        }

        return await MoveAsync(member, id, [ReferralStates.Accepted], ReferralStates.Closed, outcome, content, cancellationToken);
    }

    public async Task<Outcome> AddUpdateAsync(StaffMember member, Guid id, string? update, CancellationToken cancellationToken)
    {
        var (referral, refused) = await FindAsync(member, id, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var (text, error) = Text(update, "staff.referral.error.update");
        if (error is not null)
        {
            return error;
        }

        if (!ReferralStates.IsAnswerable(referral!.State))
        {
            return Outcome.Conflict("staff.referral.error.ended");
        }

        var report = await db.Reports.FirstAsync(r => r.Id == referral.ReportId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await items.AddAsync(report, referral.Id, member.Id, new ReferralUpdateContent(ReferralUpdateContent.Update, text!), now, cancellationToken);
        referral.PartnerUpdatedAt = now;
        audit.Add(db, member.Actor, "referral.updated", report.Reference, $"referral={referral.Id}");
        return await SaveAsync() ? Outcome.Done() : Outcome.Conflict("staff.referral.error.stale");
    }

    private async Task<Outcome> MoveAsync(
        StaffMember member, Guid id, string[] from, string to, string? outcome, ReferralUpdateContent? content, CancellationToken cancellationToken)
    {
        var (referral, refused) = await FindAsync(member, id, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (!from.Contains(referral!.State))
        {
            return Outcome.Conflict("staff.referral.error.transition");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var before = referral.State;
        DateTime? responded = to is ReferralStates.Accepted or ReferralStates.Declined ? now : null;
        DateTime? closed = to == ReferralStates.Closed ? now : null;
        DateTime? updated = content is null ? null : now;
        var report = await db.Reports.FirstAsync(r => r.Id == referral.ReportId, cancellationToken);
        await using var transaction = await audit.BeginTransactionAsync(db, cancellationToken);

        // The state seen is part of the write: a colleague's answer in between makes this one a conflict.
        var moved = await db.Referrals.Where(f => f.Id == referral.Id && f.State == before).ExecuteUpdateAsync(
            set => set
                .SetProperty(f => f.State, to)
                .SetProperty(f => f.AcknowledgedAt, f => f.AcknowledgedAt ?? now)
                .SetProperty(f => f.RespondedAt, f => responded ?? f.RespondedAt)
                .SetProperty(f => f.ClosedAt, f => closed ?? f.ClosedAt)
                .SetProperty(f => f.Outcome, f => outcome ?? f.Outcome)
                .SetProperty(f => f.PartnerUpdatedAt, f => updated ?? f.PartnerUpdatedAt),
            cancellationToken);
        if (moved == 0)
        {
            return Outcome.Conflict("staff.referral.error.stale");
        }

        // From here on nothing is cancelled: the move, its update and its audit entry are committed together.
        db.Entry(referral).State = EntityState.Detached;
        if (content is not null)
        {
            await items.AddAsync(report, referral.Id, member.Id, content, now, CancellationToken.None);
        }

        var detail = $"referral={referral.Id}; from={before}; to={to}" + (outcome is null ? string.Empty : $"; outcome={outcome}");
        audit.Add(db, member.Actor, "referral." + to, report.Reference, detail);
        if (!await SaveAsync())
        {
            return Outcome.Conflict("staff.referral.error.stale");
        }

        await transaction.CommitAsync(CancellationToken.None);
        return Outcome.Done();
    }

    /// <summary>Saves the pending changes with their audit entry; false when a colleague's change came first.</summary>
    private async Task<bool> SaveAsync()
    {
        try
        {
            await audit.SaveAsync(db);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>The referral if it still opens the report to the member's organisation; otherwise why not (404 unless the member is central team: 403).</summary>
    private async Task<(Referral? Referral, Outcome? Result)> FindAsync(StaffMember member, Guid id, CancellationToken cancellationToken)
    {
        var referral = await db.Referrals.FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (referral is null)
        {
            return (null, Outcome.NotFound());
        }

        if (member.Can(Permissions.ReadReferredReports) && await grants.ReferralsTo(member).AnyAsync(f => f.Id == id, cancellationToken))
        {
            return (referral, null);
        }

        return (null, member.Can(Permissions.ManageReferrals) ? Outcome.Forbidden() : Outcome.NotFound());
    }

    private static (string? Text, Outcome? Error) Text(string? input, string emptyKey)
    {
        if (input is { Length: > MaxLength * 4 })
        {
            return (null, Outcome.Invalid("staff.referral.error.too_long", MaxLength));
        }

        if (!TextInput.TryNormalise(input, multiline: true, out var text) || text is null)
        {
            return (null, Outcome.Invalid(emptyKey));
        }

        return text.Length > MaxLength ? (null, Outcome.Invalid("staff.referral.error.too_long", MaxLength)) : (text, null);
    }
}

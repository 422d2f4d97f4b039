using Lantern.Web.Platform.Mail;
using Lantern.Web.Platform.Validation;

namespace Lantern.Web.Referrals;

/// <summary>
/// The contact point takes a referral back: wrong organisation, sent too early, or the person's situation changed.
/// The row stays as history (state <see cref="ReferralStates.Withdrawn"/>, who and when, the reason encrypted as a
/// referral update, the partner's earlier updates kept), but from the same transaction on the partner no longer
/// finds the report or the referral (404). The organisation's notice address is told, without report content,
/// that the referral was withdrawn. A report left "referred" without any live referral goes back to "in progress".
/// </summary>
public sealed class WithdrawReferral(
    LanternDbContext db,
    ReferralQueries queries,
    ReferralItems items,
    AuditTrail audit,
    TextCatalogue texts,
    MailOutboxSignal outbox,
    TimeProvider clock)
{
    public const int MaxReasonLength = 2_000;

    public async Task<Outcome> ExecuteAsync(StaffMember member, Guid id, string? reason, CancellationToken cancellationToken)
    {
        var referral = await queries.FindAsync(member, id, cancellationToken);
        if (referral is null)
        {
            return Outcome.NotFound();
        }

        if (!member.Can(Permissions.ManageReferrals))
        {
            return Outcome.Forbidden();
        }

        if (reason is { Length: > MaxReasonLength * 4 }
            || !TextInput.TryNormalise(reason, multiline: true, out var text) || text is null || text.Length > MaxReasonLength)
        {
            return Outcome.Invalid("staff.referrals.error.withdraw_reason", MaxReasonLength);
        }

        if (referral.State == ReferralStates.Withdrawn)
        {
            return Outcome.Conflict("staff.referrals.error.withdrawn");
        }

        var report = await db.Reports.FirstAsync(r => r.Reference == referral.Reference, cancellationToken);
        var noticeEmail = await db.Organisations.Where(o => o.Code == referral.OrganisationCode).Select(o => o.NoticeEmail).FirstAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await audit.BeginTransactionAsync(db, cancellationToken);

        // The state seen is part of the write: a partner's answer or a colleague's withdrawal in between makes this a conflict.
        var withdrawn = await db.Referrals.Where(f => f.Id == id && f.State == referral.State).ExecuteUpdateAsync(
            set => set
                .SetProperty(f => f.State, ReferralStates.Withdrawn)
                .SetProperty(f => f.WithdrawnAt, now)
                .SetProperty(f => f.WithdrawnById, member.Id),
            cancellationToken);
        if (withdrawn == 0)
        {
            return Outcome.Conflict("staff.referrals.error.withdraw_stale");
        }

        // From here on nothing is cancelled: the withdrawal and its audit entries are committed together.
        await items.AddAsync(report, id, member.Id, new ReferralUpdateContent(ReferralUpdateContent.Withdraw, text), now, CancellationToken.None);
        var reopened = report.Status == ReportStatus.Referred
            && !await db.Referrals.Where(ReferralStates.IsLive).AnyAsync(f => f.ReportId == report.Id, CancellationToken.None);
        if (reopened)
        {
            // "Referred" says a partner has the report; with no live referral left, it is the team's again.
            report.Status = ReportStatus.InProgress;
            report.StatusChangedAt = now;
        }

        if (!string.IsNullOrWhiteSpace(noticeEmail))
        {
            var (subject, body) = Notice(id);
            MailOutbox.Enqueue(db, now, noticeEmail.Trim(), subject, body);
        }

        audit.Add(db, member.Actor, "referral.withdrawn", report.Reference, $"referral={id}; organisation={referral.OrganisationCode}; from={referral.State}");
        if (reopened)
        {
            audit.Add(db, member.Actor, "report.status-changed", report.Reference, $"from={ReportStatus.Referred}; to={ReportStatus.InProgress}; via=referral-withdrawn");
        }

        await audit.SaveAsync(db);
        await transaction.CommitAsync(CancellationToken.None);
        outbox.Wake();
        return Outcome.Done();
    }

    /// <summary>
    /// The notice, in the four national languages: only that a referral was withdrawn and its number (from the
    /// first notice's link), so the partner can match it. No report reference or content.
    /// </summary>
    public (string Subject, string Body) Notice(Guid referralId) => PartnerNotice.Compose(
        texts, "staff.referrals.withdrawn_notice.subject", "staff.referrals.withdrawn_notice.body", referralId.ToString("D"));
}

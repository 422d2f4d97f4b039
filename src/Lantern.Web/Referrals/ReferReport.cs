using Lantern.Web.Platform;
using Lantern.Web.Platform.Mail;
using Lantern.Web.Referrals.Routing;

namespace Lantern.Web.Referrals;

/// <summary>
/// Sends a report to a partner organisation: confirms a proposal of the routing rules (the rule is named and
/// must still propose that organisation) or adds one by hand. In one <c>SaveChanges</c> it writes the referral,
/// moves the report to "referred" when the workflow allows, and puts a notice for the organisation in the mail
/// outbox (only that a referral waits and a link: no report content), so a mail server that is down never
/// blocks or loses the referral.
/// </summary>
public sealed class ReferReport(
    ReferralDecisionSubject subject,
    LanternDbContext db,
    RoutingEngine routing,
    AuditTrail audit,
    TextCatalogue texts,
    IOptions<ReferralOptions> options,
    IOptions<LanternOptions> lantern,
    MailOutboxSignal outbox,
    TimeProvider clock)
{
    public async Task<Outcome<Guid>> ExecuteAsync(
        StaffMember member, string? reference, string? organisationCode, string? referralScope, int? ruleId, CancellationToken cancellationToken)
    {
        var subjectFound = await subject.FindAsync(member, reference, organisationCode, cancellationToken);
        if (subjectFound.Value is not { } found)
        {
            return subjectFound.Result;
        }

        var (report, organisation) = found;
        if (organisation.Kind == "contact-point")
        {
            return Outcome.Invalid("staff.referrals.error.organisation");
        }

        if (referralScope is null || !ReferralScopes.All.Contains(referralScope))
        {
            return Outcome.Invalid("staff.referrals.error.scope");
        }

        if (await db.Referrals.Where(ReferralStates.IsLive).AnyAsync(f => f.ReportId == report.Id && f.OrganisationId == organisation.Id, cancellationToken))
        {
            return Outcome.Conflict("staff.referrals.error.exists");
        }

        string? ruleName = null;
        if (ruleId is { } id)
        {
            var proposal = (await routing.ProposeAsync(report.Id, cancellationToken)).FirstOrDefault(p => p.RuleId == id && p.OrganisationId == organisation.Id);
            if (proposal is null)
            {
                // The rule was edited or disabled since the page was shown.
                return Outcome.Conflict("staff.referrals.error.proposal");
            }

            ruleName = proposal.RuleName;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var referral = new Referral
        {
            Id = Guid.CreateVersion7(),
            ReportId = report.Id,
            OrganisationId = organisation.Id,
            Scope = referralScope,
            State = ReferralStates.Sent,
            CreatedAt = now,
            CreatedById = member.Id,
            RuleId = ruleId,
            RuleName = ruleName,
            DueAt = options.Value.DueAt(now, report.ImmediateDanger),
        };
        db.Referrals.Add(referral);
        var from = report.Status;
        var moved = from != ReportStatus.Referred && ReportWorkflow.CanMove(from, ReportStatus.Referred);
        if (moved)
        {
            report.Status = ReportStatus.Referred;
            report.StatusChangedAt = now;
        }

        report.AcknowledgedAt ??= now;

        // Referring by hand to an organisation whose proposal was dismissed overrides the dismissal.
        db.ReferralDismissals.RemoveRange(
            await db.ReferralDismissals.Where(d => d.ReportId == report.Id && d.OrganisationId == organisation.Id).ToListAsync(cancellationToken));
        if (!string.IsNullOrWhiteSpace(organisation.NoticeEmail))
        {
            var (subject, body) = Notice(referral.Id);
            MailOutbox.Enqueue(db, now, organisation.NoticeEmail.Trim(), subject, body);
        }

        var how = ruleName is null ? "by-hand" : $"rule={ruleId}";
        audit.Add(db, member.Actor, "referral.created", report.Reference, $"referral={referral.Id}; organisation={organisation.Code}; scope={referralScope}; {how}");
        if (moved)
        {
            audit.Add(db, member.Actor, "report.status-changed", report.Reference, $"from={from}; to={ReportStatus.Referred}; via=referral");
        }

        try
        {
            await audit.SaveAsync(db);
        }
        catch (DbUpdateException)
        {
            // Someone referred the report to the same organisation at the same moment (unique index).
            db.ChangeTracker.Clear();
            return Outcome.Conflict("staff.referrals.error.exists");
        }

        // The notice is saved; wake the sender so it goes out now rather than at the next poll.
        outbox.Wake();
        return Outcome.Done(referral.Id);
    }

    /// <summary>The notice: that a referral waits and where; never the report's reference or content.</summary>
    public (string Subject, string Body) Notice(Guid referralId) => PartnerNotice.Compose(
        texts,
        "staff.referrals.notice.subject",
        "staff.referrals.notice.body",
        lantern.Value.StaffBaseUrl.TrimEnd('/') + "/staff/referrals/" + referralId.ToString("D"));
}

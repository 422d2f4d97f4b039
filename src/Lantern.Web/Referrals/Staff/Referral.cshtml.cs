using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Referrals.Staff;

/// <summary>
/// One referral. The partner caseworker of the organisation reads what the referral shares (through
/// <see cref="OpenReport"/>, which applies the scope and audits <c>report.read</c>), acknowledges, accepts or
/// declines it, adds updates and closes it with an outcome. The central team reads it and, with
/// <see cref="Permissions.ManageReferrals"/>, may withdraw it. Anyone else: 404.
/// </summary>
[Authorize(Policy = StaffPolicies.ReadAnyReports)]
public sealed class ReferralModel(
    ReferralQueries queries,
    OpenReport open,
    ReferralItems items,
    RespondToReferral respond,
    WithdrawReferral withdraw,
    AuditTrail audit,
    LanternDbContext db,
    TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<ReferralOptions> options,
    IStringLocalizer<TextCatalogue> t) : PageModel
{
    public static readonly string[] Confirmations = ["acknowledged", "accepted", "declined", "closed", "update", "withdrawn"];

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public ReferralRow Referral { get; private set; } = null!;

    /// <summary>The report as the referral shares it (partner), or as the central team reads it.</summary>
    public ReportView Report { get; private set; } = null!;

    public IReadOnlyList<ReferralUpdateView> Updates { get; private set; } = [];

    /// <summary>The member works for the organisation the report was referred to and the referral is still open to answers.</summary>
    public bool CanAnswer { get; private set; }

    /// <summary>For the partner of a closed referral: when its read-only access to the report ends.</summary>
    public DateTime? ReadableUntil { get; private set; }

    /// <summary>The member is central team with <see cref="Permissions.ManageReferrals"/> and the referral is live.</summary>
    public bool CanWithdraw { get; private set; }

    public string? Done { get; private set; }

    public string? Error { get; private set; }

    public string? ErrorForm { get; private set; }

    public DateTime Now { get; private set; }

    public Task<IActionResult> OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Done = done is not null && Confirmations.Contains(done) ? done : null;
        return ShowAsync(StatusCodes.Status200OK, cancellationToken);
    }

    public Task<IActionResult> OnPostAcknowledgeAsync(CancellationToken cancellationToken) =>
        ActAsync(member => respond.AcknowledgeAsync(member, Id, cancellationToken), "acknowledged", "state", cancellationToken);

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken cancellationToken) =>
        ActAsync(member => respond.AcceptAsync(member, Id, cancellationToken), "accepted", "state", cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(string? reason, CancellationToken cancellationToken) =>
        ActAsync(member => respond.DeclineAsync(member, Id, reason, cancellationToken), "declined", "decline", cancellationToken);

    public Task<IActionResult> OnPostUpdateAsync(CancellationToken cancellationToken) =>
        ActAsync(member => respond.AddUpdateAsync(member, Id, Text, cancellationToken), "update", "update", cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(string? outcome, string? note, CancellationToken cancellationToken) =>
        ActAsync(member => respond.CloseAsync(member, Id, outcome, note, cancellationToken), "closed", "close", cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(string? reason, CancellationToken cancellationToken) =>
        ActAsync(member => withdraw.ExecuteAsync(member, Id, reason, cancellationToken), "withdrawn", "withdraw", cancellationToken);

    private async Task<IActionResult> ActAsync(Func<StaffMember, Task<Outcome>> action, string confirmation, string form, CancellationToken cancellationToken) =>
        await this.AnswerAsync(
            await action(StaffMember.Of(HttpContext)),
            t,
            async () =>
                // Declining (or closing, with no read-only period) ends the partner's access at once: back to the list.
                await queries.FindAsync(StaffMember.Of(HttpContext), Id, cancellationToken) is null
                    ? LocalRedirect($"/staff/referrals?done={confirmation}")
                    : LocalRedirect($"/staff/referrals/{Id}?done={confirmation}"),
            (message, refusal) =>
            {
                Error = message;
                ErrorForm = form;
                return ShowAsync(refusal.StatusCode, cancellationToken);
            });

    private async Task<IActionResult> ShowAsync(int status, CancellationToken cancellationToken)
    {
        var member = StaffMember.Of(HttpContext);
        Now = clock.GetUtcNow().UtcDateTime;
        var referral = await queries.FindAsync(member, Id, cancellationToken);
        if (referral is null)
        {
            return NotFound();
        }

        var report = await open.ExecuteAsync(member, referral.Reference, "referral", cancellationToken);
        if (report is null)
        {
            return NotFound();
        }

        Referral = referral;
        Report = report;
        Updates = await items.ReadAsync(await queries.ReportIdAsync(referral.Id, cancellationToken), [referral.Id], cancellationToken);
        CanAnswer = member.Can(Permissions.ReadReferredReports) && report.PartnerView && ReferralStates.IsAnswerable(referral.State);
        ReadableUntil = report.PartnerView && referral is { State: ReferralStates.Closed, ClosedAt: { } closedAt } ? options.Value.ClosedAccessEnds(closedAt) : null;
        CanWithdraw = member.Can(Permissions.ManageReferrals) && !report.PartnerView && referral.State != ReferralStates.Withdrawn;
        await audit.RecordAsync(db, member.Actor, "referral.read", referral.Reference, $"referral={referral.Id}; updates={Updates.Count}");
        Response.StatusCode = status;
        return Page();
    }
}

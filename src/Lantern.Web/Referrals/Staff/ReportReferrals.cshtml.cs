using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Referrals.Staff;

/// <summary>
/// Where the referral forms of the report page post: confirm or dismiss a proposal, propose a dismissed one again,
/// or add a referral by hand. Success returns to the report page; a refusal answers 400 or 409 with the reason and
/// a way back. Nothing to show on GET.
/// </summary>
[Authorize(Policy = Permissions.ManageReferrals)]
public sealed class ReportReferralsModel(ReferReport refer, DismissProposal dismiss, IStringLocalizer<TextCatalogue> t) : PageModel
{
    [FromRoute]
    public string Reference { get; set; } = string.Empty;

    public string? Error { get; private set; }

    public string ReportPath => "/staff/reports/" + Uri.EscapeDataString(ReportReferences.Normalise(Reference) ?? Reference);

    public IActionResult OnGet() => ReportReferences.Normalise(Reference) is null ? NotFound() : LocalRedirect(ReportPath + "#referrals");

    public Task<IActionResult> OnPostConfirmAsync(string? organisation, string? scope, int? rule, CancellationToken cancellationToken) =>
        rule is null ? Task.FromResult<IActionResult>(Answer(Outcome.Invalid("staff.referrals.error.proposal"), string.Empty)) : ReferAsync(organisation, scope, rule, cancellationToken);

    public Task<IActionResult> OnPostAddAsync(string? organisation, string? scope, CancellationToken cancellationToken) =>
        ReferAsync(organisation, scope, null, cancellationToken);

    public async Task<IActionResult> OnPostDismissAsync(string? organisation, int? rule, CancellationToken cancellationToken)
    {
        var result = await dismiss.DismissAsync(StaffMember.Of(HttpContext), Reference, organisation, rule, cancellationToken);
        return Answer(result, "dismissed");
    }

    public async Task<IActionResult> OnPostRestoreAsync(string? organisation, CancellationToken cancellationToken)
    {
        var result = await dismiss.RestoreAsync(StaffMember.Of(HttpContext), Reference, organisation, cancellationToken);
        return Answer(result, "restored");
    }

    private async Task<IActionResult> ReferAsync(string? organisation, string? scope, int? rule, CancellationToken cancellationToken)
    {
        var result = await refer.ExecuteAsync(StaffMember.Of(HttpContext), Reference, organisation, scope, rule, cancellationToken);
        return Answer(result.Result, "sent");
    }

    /// <summary>Back to the report page's referrals saying what was <paramref name="done"/>, or this page with the reason.</summary>
    private IActionResult Answer(Outcome result, string done) =>
        this.Answer(result, t, () => LocalRedirect(ReportPath + $"?referral={done}#referrals"), (message, refusal) =>
        {
            Error = message;
            Response.StatusCode = refusal.StatusCode;
            return Page();
        });
}

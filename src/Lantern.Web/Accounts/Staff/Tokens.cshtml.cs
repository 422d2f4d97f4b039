using Lantern.Web.Accounts.SignIn;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Accounts.Staff;

/// <summary>
/// Personal access tokens for the staff API: each person sees, creates and revokes their own; administrators
/// see and revoke everyone's. Creating and revoking ask for the second factor again.
/// </summary>
public sealed class TokensModel(StaffAccounts accounts, StepUp stepUp, IStringLocalizer<TextCatalogue> t) : PageModel
{
    public IReadOnlyList<TokenSummary> Tokens { get; private set; } = [];

    public bool SeesAll { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public int? ExpiresInDays { get; set; } = 90;

    /// <summary>Shown once, on the answer to the request that created it; only its hash is kept.</summary>
    public string? NewToken { get; private set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (!stepUp.IsRecent(User))
        {
            return LocalRedirect(StepUp.ConfirmPath("/staff/tokens"));
        }

        var member = StaffMember.Of(HttpContext);
        var name = (Name ?? string.Empty).Trim();
        if (name.Length is 0 or > 100 || ExpiresInDays is < 1 or > 366)
        {
            return await FailAsync(t["staff.tokens.error"], cancellationToken);
        }

        var created = await accounts.CreateTokenAsync(member.Email, name, ExpiresInDays, member.Actor, cancellationToken);
        if (created.Value is null)
        {
            return await FailAsync(t["staff.tokens.error"], cancellationToken);
        }

        NewToken = created.Value;
        Name = null;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!stepUp.IsRecent(User))
        {
            return LocalRedirect(StepUp.ConfirmPath("/staff/tokens"));
        }

        var member = StaffMember.Of(HttpContext);
        var owner = member.Can(Permissions.ManageUsers) ? (Guid?)null : member.Id;
        if (!await accounts.RevokeTokenAsync(id, owner, member.Actor, cancellationToken))
        {
            return NotFound();
        }

        Message = t["staff.tokens.revoked"];
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<IActionResult> FailAsync(string error, CancellationToken cancellationToken)
    {
        Error = error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var member = StaffMember.Of(HttpContext);
        SeesAll = member.Can(Permissions.ManageUsers);
        Tokens = await accounts.ListTokensAsync(SeesAll ? null : member.Id, cancellationToken);
    }
}

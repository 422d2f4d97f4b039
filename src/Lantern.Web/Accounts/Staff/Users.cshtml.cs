using Lantern.Web.Accounts.SignIn;
using Lantern.Web.Core.Organisations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Accounts.Staff;

/// <summary>Administrators add accounts (showing the one-time enrolment link), disable them and reset enrolment; each change asks for the second factor again.</summary>
[Authorize(Policy = Permissions.ManageUsers)]
public sealed class UsersModel(StaffAccounts accounts, StepUp stepUp, LanternDbContext db, IStringLocalizer<TextCatalogue> t) : PageModel
{
    public IReadOnlyList<AccountSummary> Accounts { get; private set; } = [];

    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public string? Organisation { get; set; }

    /// <summary>Shown once, on the answer to the request that created it; never stored.</summary>
    public string? EnrolmentLink { get; private set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (!stepUp.IsRecent(User))
        {
            return LocalRedirect(StepUp.ConfirmPath("/staff/users"));
        }

        var member = StaffMember.Of(HttpContext);
        var email = (Email ?? string.Empty).Trim();
        if (email.Length is 0 or > 254 || !email.Contains('@', StringComparison.Ordinal))
        {
            return await FailAsync(t["staff.users.error.email"], cancellationToken);
        }

        var created = await accounts.AddAsync(email, Role ?? string.Empty, string.IsNullOrEmpty(Organisation) ? null : Organisation, member.Actor, cancellationToken);
        if (created.Value is null)
        {
            return await FailAsync(t["staff.users.error.add", created.Error ?? string.Empty], cancellationToken);
        }

        EnrolmentLink = LinkFor(created.Value.EnrolmentToken);
        Message = t["staff.users.added", email];
        Email = Role = Organisation = null;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(string email, CancellationToken cancellationToken)
    {
        if (!stepUp.IsRecent(User))
        {
            return LocalRedirect(StepUp.ConfirmPath("/staff/users"));
        }

        var result = await accounts.DisableAsync(email, StaffMember.Of(HttpContext).Actor, cancellationToken);
        if (result.Value is null)
        {
            return await FailAsync(t["staff.users.error.unknown"], cancellationToken);
        }

        Message = t["staff.users.disabled", email];
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostResetAsync(string email, CancellationToken cancellationToken)
    {
        if (!stepUp.IsRecent(User))
        {
            return LocalRedirect(StepUp.ConfirmPath("/staff/users"));
        }

        var result = await accounts.ResetEnrolmentAsync(email, StaffMember.Of(HttpContext).Actor, cancellationToken);
        if (result.Value is null)
        {
            return await FailAsync(t["staff.users.error.unknown"], cancellationToken);
        }

        EnrolmentLink = LinkFor(result.Value.EnrolmentToken);
        Message = t["staff.users.reset", email];
        await LoadAsync(cancellationToken);
        return Page();
    }

    private string LinkFor(string token) => $"{Request.Scheme}://{Request.Host}/staff/enrol/{token}";

    private async Task<IActionResult> FailAsync(string error, CancellationToken cancellationToken)
    {
        Error = error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Accounts = await accounts.ListAsync(cancellationToken);
        Organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.SortOrder).ThenBy(o => o.Name).ToListAsync(cancellationToken);
    }
}

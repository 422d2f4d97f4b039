using Lantern.Web.Core.Organisations;
using Lantern.Web.Referrals.Routing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Referrals.Staff;

/// <summary>Adds a routing rule (no id) or edits one; saving is audited with the rule's new conditions and target.</summary>
[Authorize(Policy = Permissions.ManageRouting)]
public sealed class RoutingRuleModel(RoutingRules rules, LanternDbContext db, IStringLocalizer<TextCatalogue> t) : PageModel
{
    [FromRoute]
    public int? Id { get; set; }

    [BindProperty]
    public RoutingRuleInput Input { get; set; } = new() { Scope = ReferralScopes.Full };

    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];

    public IReadOnlyList<string> Kinds { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            if (await rules.InputOfAsync(id, cancellationToken) is not { } input)
            {
                return NotFound();
            }

            Input = input;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (error, _) = await rules.SaveAsync(StaffMember.Of(HttpContext), Id, Input, cancellationToken);
        if (error is null)
        {
            return LocalRedirect("/staff/routing?done=saved");
        }

        if (error == "staff.routing.error.not_found")
        {
            return NotFound();
        }

        Error = t[error];
        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.SortOrder).ToListAsync(cancellationToken);
        Kinds = [.. Organisations.Select(o => o.Kind).Distinct()];
    }
}

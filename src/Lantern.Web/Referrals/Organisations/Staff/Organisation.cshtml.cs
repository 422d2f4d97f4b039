using Lantern.Web.Core.Organisations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Referrals.Organisations.Staff;

/// <summary>
/// Edits one organisation (or adds one at <c>/staff/organisations/new</c>). A form with errors comes back with every
/// value kept and each error linked to its field (400); nothing is saved until the whole form is valid.
/// </summary>
[Authorize(Policy = Permissions.ManageOrganisations)]
public sealed class OrganisationModel(LanternDbContext db, OrganisationEditor editor) : PageModel
{
    [FromRoute]
    public string Code { get; set; } = string.Empty;

    [BindProperty]
    public OrganisationInput Input { get; set; } = new();

    public bool IsNew => Code == OrganisationEditor.NewCode;

    public string? Name { get; private set; }

    public OrganisationChoices Choices { get; private set; } = new([], [], []);

    public IReadOnlyList<OrganisationError> Errors { get; private set; } = [];

    public OrganisationError? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (IsNew)
        {
            Input = new OrganisationInput { TakesAdults = true, SortOrder = 1000 };
        }
        else if (await FindAsync(cancellationToken) is { } organisation)
        {
            Input = OrganisationInput.From(organisation);
            Name = organisation.Name;
        }
        else
        {
            return NotFound();
        }

        Choices = await editor.ChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Organisation? existing = null;
        if (!IsNew && (existing = await FindAsync(cancellationToken)) is null)
        {
            return NotFound();
        }

        Name = existing?.Name;
        if (ModelState.GetFieldValidationState("Input.SortOrder") == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            // Not a number: an out-of-range value makes the editor report the field instead of saving 0.
            Input.SortOrder = -1;
        }

        Errors = await editor.SaveAsync(existing?.Code, Input, StaffMember.Of(HttpContext).Actor, cancellationToken);
        if (Errors.Count == 0)
        {
            return Redirect("/staff/organisations?saved=" + Uri.EscapeDataString(existing?.Code ?? Input.Code!.Trim().ToLowerInvariant()));
        }

        Choices = await editor.ChoicesAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private Task<Organisation?> FindAsync(CancellationToken cancellationToken) =>
        Code.Length > 32 ? Task.FromResult<Organisation?>(null) : db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Code == Code, cancellationToken);
}

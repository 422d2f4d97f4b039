using Lantern.Web.Content.Editing;
using Lantern.Web.Platform.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Content.Staff;

/// <summary>
/// A campaign's form (<c>/staff/campaigns/new</c> for a new one): name, first and last day, the page it leads to, a banner
/// text per language. Errors come back with every value kept, linked to their fields (400); nothing saved until all is valid.
/// </summary>
[Authorize(Policy = Permissions.ManageContent)]
public sealed class CampaignModel(CampaignList campaigns, CampaignEditor editor, LanguageSettings languages, IStringLocalizer<TextCatalogue> texts) : PageModel
{
    public const string NewId = "new";

    [FromRoute]
    public string Id { get; set; } = string.Empty;

    [BindProperty]
    public CampaignInput Input { get; set; } = new();

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public IReadOnlyList<string> Languages => languages.Enabled;

    public bool IsNew => Id == NewId;


    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (IsNew)
        {
            return Page();
        }

        if (!Guid.TryParse(Id, out var id) || await campaigns.FindAsync(id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Input = found;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Guid? id = null;
        if (!IsNew)
        {
            if (!Guid.TryParse(Id, out var parsed))
            {
                return NotFound();
            }

            id = parsed;
        }

        Errors = Input.Validate(languages.Enabled, out var values);
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var saved = await editor.SaveAsync(StaffMember.Of(HttpContext), id, values, cancellationToken);
        return this.Answer(saved.Result, texts, () => Redirect("/staff/campaigns"), (_, outcome) => StatusCode(outcome.StatusCode));
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(Id, out var id))
        {
            return NotFound();
        }

        var deleted = await editor.DeleteAsync(StaffMember.Of(HttpContext), id, cancellationToken);
        return this.Answer(deleted, texts, () => Redirect("/staff/campaigns"), (_, outcome) => StatusCode(outcome.StatusCode));
    }
}

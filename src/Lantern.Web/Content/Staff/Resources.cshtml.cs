using Lantern.Web.Content.Editing;
using Lantern.Web.Platform.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Content.Staff;

/// <summary>
/// The resource library for editors: every resource with its downloads (a total, nothing per visitor), the upload form
/// (a file, and a preview image for a PDF or a video), and taking one out. A form with errors comes back with them (400).
/// </summary>
[Authorize(Policy = Permissions.ManageContent)]
[ResourceUploadLimit]
public sealed class ResourcesModel(
    LanternDbContext db, ResourceUploader uploader, LanguageSettings languages, IOptions<ContentOptions> options, IStringLocalizer<TextCatalogue> texts) : PageModel
{
    [BindProperty]
    public ResourceInput Input { get; set; } = new();

    [FromQuery(Name = "added")]
    public bool Added { get; set; }

    public IReadOnlyList<ResourceRow> Resources { get; private set; } = [];

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public IReadOnlyList<string> Languages => languages.Enabled;

    public int MaxMegabytes => options.Value.MaxResourceMegabytes;


    public async Task OnGetAsync(CancellationToken cancellationToken) => await ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Errors = Input.Validate(languages.Enabled, options.Value.MaxResourceBytes);
        if (Errors.Count == 0)
        {
            var added = await uploader.AddAsync(StaffMember.Of(HttpContext), Input, cancellationToken);
            if (added.IsDone)
            {
                return Redirect("/staff/resources?added=true");
            }

            Errors = [new FieldError(added.Result.Field ?? nameof(ResourceInput.File), added.Result.MessageKey!, [.. added.Result.Arguments])];
        }

        await ListAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var deleted = await uploader.DeleteAsync(StaffMember.Of(HttpContext), id, cancellationToken);
        return this.Answer(deleted, texts, () => Redirect("/staff/resources"), (_, outcome) => StatusCode(outcome.StatusCode));
    }

    private async Task ListAsync(CancellationToken cancellationToken) =>
        Resources = await db.Resources.AsNoTracking().Where(r => r.Complete)
            .OrderBy(r => r.Language).ThenByDescending(r => r.CreatedAt)
            .Select(r => new ResourceRow(r.Id, r.Title, r.Language, r.Category, r.FileName, r.Length, r.CreatedAt, r.Downloads))
            .ToListAsync(cancellationToken);
}

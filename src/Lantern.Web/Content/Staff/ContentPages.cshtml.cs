using Lantern.Web.Content.Articles;
using Lantern.Web.Content.Editing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Content.Staff;

/// <summary>The editors' list of pages, each with its languages (published or draft), and the form that opens a new page or translation.</summary>
[Authorize(Policy = Permissions.ManageContent)]
public sealed class ContentPagesModel(ContentOverview overview, LanguageSettings languages) : PageModel
{
    public IReadOnlyList<ArticleSummary> Pages { get; private set; } = [];

    public IReadOnlyList<string> Languages => languages.Enabled;

    [FromQuery(Name = "slug")]
    public string? NewSlug { get; set; }

    [FromQuery(Name = "language")]
    public string? NewLanguage { get; set; }

    public bool SlugRefused { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // The "new page" form is a GET to this page: a valid name opens the editor, a bad one comes back with the error.
        if (NewSlug is not null)
        {
            if (ArticleSlugs.Normalise(NewSlug) is { } slug && languages.IsEnabled(NewLanguage))
            {
                return Redirect($"/staff/content/{slug}/{NewLanguage}");
            }

            SlugRefused = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        Pages = await overview.ListAsync(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, cancellationToken);
        return Page();
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Content.Staff;

/// <summary>
/// For editors: where each language's translation stands (offered or not, what falls back to English, what no native
/// speaker has reviewed yet). The same figures as the <c>languages status</c> command.
/// </summary>
[Authorize(Policy = Permissions.ManageContent)]
public sealed class LanguagesModel(CatalogueStatus status) : PageModel
{
    public IReadOnlyList<LanguageStatus> Languages { get; private set; } = [];

    public void OnGet() => Languages = status.All();
}

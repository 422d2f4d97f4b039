using Lantern.Web.Content.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Content.Pages;

/// <summary>
/// The campaign's material in this language (posters, brochures, images, short videos), each with its preview, type,
/// language and size, downloaded from Lantern itself; the languages that have material, for a visitor who reads another.
/// </summary>
public sealed class ResourcesModel(ResourceLibrary library, LanguageSettings languages) : PageModel
{
    [FromRoute]
    public string Lang { get; set; } = string.Empty;

    public IReadOnlyList<ResourceEntry> Resources { get; private set; } = [];

    public IReadOnlyList<LanguageChoice> Elsewhere { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Resources = await library.ListAsync(Lang, cancellationToken);
        var others = await library.LanguagesAsync(cancellationToken);
        Elsewhere = LanguageChoice.Among(languages, others.Where(code => code != Lang), code => $"/{code}/resources", Lang);
    }
}

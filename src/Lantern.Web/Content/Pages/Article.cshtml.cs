using Lantern.Web.Content.Articles;
using Lantern.Web.Platform.Web.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Lantern.Web.Content.Pages;

/// <summary>
/// A page the team keeps, as published in this language. Not published in it but in others: a 404 that says so and
/// offers those languages, each named in itself. The same for every visitor, so rendered once.
/// </summary>
[OutputCache(PolicyName = SharedPageCache.Policy)]
public sealed class ArticleModel(PublishedArticles articles, LanguageSettings languages) : PageModel
{
    [FromRoute]
    public string Lang { get; set; } = string.Empty;

    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    public ArticleView? Article { get; private set; }

    public IReadOnlyList<LanguageChoice> Elsewhere { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (ArticleSlugs.Normalise(Slug) is not { } slug || slug != Slug)
        {
            return NotFound();
        }

        Article = await articles.FindAsync(Lang, slug, cancellationToken);
        if (Article is not null)
        {
            return Page();
        }

        Elsewhere = await ArticleLanguages.ChoicesAsync(articles, languages, slug, Lang, cancellationToken);
        if (Elsewhere.Count == 0)
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
